import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { loadSearchConfig } from '../../src/config/search-config';
import { createLogger } from '../../src/logging/logger';
import { IndexVolger } from '../../src/mirror/index-volger';
import type { Opslag } from '../../src/opslag/opslag.port';
import { createPostgresOpslag } from '../../src/opslag/postgres/postgres-opslag';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import type { Profielbron, SearchEngine } from '../../src/zoeken/search-engine.port';
import { profiel, slaap, totdat } from '../opslag/opslag-suite';
import { nieuweTestDatabase, type TestDatabase } from '../../bench/postgres-database';

const logger = createLogger('silent');
const config = loadSearchConfig();

/** One instance's view of the shared index: every write it makes goes to the same engine, and is counted. */
function gedeeld(engine: SearchEngine) {
  const schrijfacties = { aantal: 0 };
  const weergave: SearchEngine = {
    naam: engine.naam,
    init: () => engine.init(),
    upsert: (p: readonly Kandidaatprofiel[]) => { schrijfacties.aantal++; return engine.upsert(p); },
    remove: (ids: readonly string[]) => { schrijfacties.aantal++; return engine.remove(ids); },
    replaceAll: (p: Profielbron) => { schrijfacties.aantal++; return engine.replaceAll(p); },
    search: (v) => engine.search(v),
    facetCounts: (v, f) => engine.facetCounts(v, f),
    facetValues: (f, q, v) => engine.facetValues(f, q, v),
    get: (id: string) => engine.get(id),
    count: () => engine.count(),
    health: () => engine.health(),
    // The index outlives every instance that writes it.
    close: async () => undefined,
  };
  return { weergave, schrijfacties };
}

/**
 * A search index all instances share (Meilisearch in production; here one in-memory engine that every instance
 * writes through, so what is tested is the election and the hand-over, not Meilisearch): exactly one instance
 * applies the change log, and when it goes another takes over from the position it recorded, losing nothing.
 */
describe('a shared search index: one writer, hand-over from the recorded position', () => {
  let db: TestDatabase;
  const open: Opslag[] = [];
  const volgers: IndexVolger[] = [];
  beforeEach(async () => { db = await nieuweTestDatabase(); });
  afterEach(async () => {
    await Promise.all(volgers.splice(0).map((v) => v.stop()));
    await Promise.all(open.splice(0).map((o) => o.close()));
    await db.verwijder();
  });

  async function instantie(engine: SearchEngine) {
    const opslag = await createPostgresOpslag({ connectionString: db.url, wijzigingslogBewaartijdMs: 3_600_000, gedeeldeIndex: true, logger });
    open.push(opslag);
    const { weergave, schrijfacties } = gedeeld(engine);
    const volger = new IndexVolger({ wijzigingen: opslag.wijzigingen, engine: weergave, gedeeldeIndex: opslag.gedeeldeIndex, logger, intervalMs: 50 });
    volgers.push(volger);
    await volger.start();
    return { opslag, volger, schrijfacties };
  }
  const rijen = (ps: Kandidaatprofiel[]) => ps.map((p) => ({ profiel: p, klasse: p.id }));
  const schrijf = (opslag: Opslag, profielen: Kandidaatprofiel[], weg: string[] = []) => opslag.mirror.schrijf(async (tx) => {
    await tx.upsert(rijen(profielen));
    await tx.verwijder(weg);
  });

  it('only the lock holder writes; after it dies the other continues from the recorded position; the index equals the mirror', async () => {
    const engine = createEmbeddedEngine(config);
    const a = await instantie(engine);
    const b = await instantie(engine);
    const [schrijver, ander] = a.volger.status().schrijver ? [a, b] : [b, a];
    expect(schrijver.volger.status().schrijver).toBe(true);
    expect(ander.volger.status().schrijver).toBe(false);

    for (let i = 0; i < 5; i++) await schrijf(ander.opslag, [profiel(`p${i}`, 1), profiel(`q${i}`, 1)], i > 0 ? [`q${i - 1}`] : []);
    const laatste = await ander.opslag.wijzigingen.laatste();
    // The other instance learns the position from the store: a read with naSequentie waits on it, on either instance.
    expect(await ander.volger.wachtOp(laatste, 5000)).toBe(true);
    expect(await schrijver.volger.wachtOp(laatste, 5000)).toBe(true);
    expect(ander.schrijfacties.aantal).toBe(0);
    expect(schrijver.schrijfacties.aantal).toBeGreaterThan(0);
    expect(await engine.count()).toBe(6);

    // The writer goes (its session ends, and with it the lock); the writes go on through the other instance.
    await schrijver.volger.stop();
    open.splice(open.indexOf(schrijver.opslag), 1);
    await schrijver.opslag.close();
    const voorOvername = schrijver.schrijfacties.aantal;
    await schrijf(ander.opslag, [profiel('p0', 2), profiel('r1', 1)], ['q4']);
    await totdat(() => ander.volger.status().schrijver === true, 'overname door de andere instantie');
    const eind = await ander.opslag.wijzigingen.laatste();
    expect(await ander.volger.wachtOp(eind, 5000)).toBe(true);
    expect(schrijver.schrijfacties.aantal).toBe(voorOvername);
    expect(await ander.opslag.gedeeldeIndex!.lees()).toBe(eind);

    const mirror: Kandidaatprofiel[] = [];
    for await (const p of ander.opslag.mirror.alle()) mirror.push(p);
    expect(await engine.count()).toBe(mirror.length);
    for (const p of mirror) expect(await engine.get(p.id)).toEqual(p);
    expect(await engine.get('q4')).toBeNull();
    // Settled: no further writes to the shared index once it is at the newest position.
    const na = ander.schrijfacties.aantal;
    await slaap(300);
    expect(ander.schrijfacties.aantal).toBe(na);
  }, 60_000);
});
