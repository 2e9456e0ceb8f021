import type { Worker } from 'node:worker_threads';
import { loadSearchConfig } from '../../src/config/search-config';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import { createParallelEmbeddedEngine } from '../../src/zoeken/embedded/parallel/parallel-engine';
import { FACETTEN, type SearchEngine, type Zoekvraag } from '../../src/zoeken/search-engine.port';
import { runEngineSuite } from './engine-suite';
import { maakProfiel, suiteProfielen } from './fixtures';

// Every Worker the engine starts, so a test can stop one the way a crash would.
const gestart: Worker[] = [];
jest.mock('node:worker_threads', () => {
  const echt = jest.requireActual<typeof import('node:worker_threads')>('node:worker_threads');
  class Opgenomen extends echt.Worker {
    constructor(...args: ConstructorParameters<typeof echt.Worker>) {
      super(...args);
      gestart.push(this);
    }
  }
  return { ...echt, Worker: Opgenomen };
});

/** replaceAll resolves once one thread has the new index; the others are rebuilt behind it. */
async function alleThreadsKlaar(engine: SearchEngine, aantal: number): Promise<void> {
  const tot = Date.now() + 20_000;
  while (!(await engine.health()).detail?.endsWith(`${aantal} van ${aantal} zoekthreads klaar`) && Date.now() < tot) await new Promise((r) => setTimeout(r, 20));
}

runEngineSuite('embedded, 2 zoekthreads', (config) => createParallelEmbeddedEngine(config ?? loadSearchConfig(), 2), { stemming: true });

describe('embedded engine met zoekthreads', () => {
  const config = loadSearchConfig();
  const vragen: Zoekvraag[] = [
    { q: 'heftruck', facets: FACETTEN },
    { q: 'schoonmaak', filters: { regio: ['25'] }, facets: FACETTEN, sort: 'uren:desc' },
    { filters: { transparantieklasse: ['volledig', 'redelijk'] }, facets: FACETTEN, hitsPerPage: 5, page: 2 },
  ];
  let parallel: SearchEngine;
  let enkel: SearchEngine;
  let threads: Worker[] = [];
  let meldingen: string[] = [];

  beforeEach(async () => {
    gestart.length = 0;
    meldingen = [];
    parallel = createParallelEmbeddedEngine(config, 2, (m) => meldingen.push(m));
    enkel = createEmbeddedEngine(config);
    threads = [...gestart];
    await Promise.all([parallel.replaceAll(suiteProfielen()), enkel.replaceAll(suiteProfielen())]);
    await alleThreadsKlaar(parallel, 2);
  });

  afterEach(async () => {
    await Promise.all([parallel.close(), enkel.close()]);
  });

  const zonderTijd = ({ processingTimeMs: _, ...rest }: Awaited<ReturnType<SearchEngine['search']>>) => rest;

  it('geeft dezelfde antwoorden als de engine zonder threads, ook na wijzigingen', async () => {
    for (const v of vragen) expect(zonderTijd(await parallel.search(v))).toEqual(zonderTijd(await enkel.search(v)));
    const erbij = [maakProfiel('nieuw-1', { vaardigheden: ['Heftruck rijden'], gemeenteCode: 'GM0363' })];
    const weg = [suiteProfielen()[0]!.id];
    for (const e of [parallel, enkel]) {
      await e.upsert(erbij);
      await e.remove(weg);
    }
    for (const v of vragen) expect(zonderTijd(await parallel.search(v))).toEqual(zonderTijd(await enkel.search(v)));
    expect(await parallel.facetCounts({}, FACETTEN)).toEqual(await enkel.facetCounts({}, FACETTEN));
    expect(await parallel.facetValues('vaardigheid', 'heft')).toEqual(await enkel.facetValues('vaardigheid', 'heft'));
    expect(await parallel.get('nieuw-1')).toEqual(await enkel.get('nieuw-1'));
  });

  it('zoekt tijdens een volledige vervanging in de oude stand, daarna in de nieuwe, nooit een mengsel', async () => {
    const nieuw = suiteProfielen().map((p) => ({ ...p, id: `n-${p.id}` }));
    const bezig = parallel.replaceAll(nieuw);
    const tijdens = await parallel.search({ hitsPerPage: 100 });
    const voorvoegsels = new Set(tijdens.hits.map((h) => h.profiel.id.startsWith('n-')));
    expect(voorvoegsels.size).toBe(1);
    await bezig;
    // One thread answers from the new state now; the other is rebuilt and must not answer from the old one meanwhile.
    expect((await parallel.health()).detail).toMatch(/1 van 2 zoekthreads klaar$/);
    for (const na of await Promise.all(Array.from({ length: 8 }, () => parallel.search({ hitsPerPage: 100 })))) {
      expect(na.hits.every((h) => h.profiel.id.startsWith('n-'))).toBe(true);
      expect(na.totalHits).toBe(nieuw.length);
    }
    await alleThreadsKlaar(parallel, 2);
    // Two at once go to both threads: the rebuilt one has the new state too.
    const [a, b] = await Promise.all([parallel.search({ hitsPerPage: 100 }), parallel.search({ hitsPerPage: 100 })]);
    expect(zonderTijd(a)).toEqual(zonderTijd(b));
    expect(a.hits.every((h) => h.profiel.id.startsWith('n-'))).toBe(true);
  });

  it('vervangt een gestopte zoekthread en bouwt hem opnieuw op; de andere zoekt intussen door', async () => {
    expect(threads).toHaveLength(2);
    const verwacht = zonderTijd(await enkel.search(vragen[0]!));
    await threads[0]!.terminate();
    // The other thread answers while the stopped one is replaced.
    expect(zonderTijd(await parallel.search(vragen[0]!))).toEqual(verwacht);
    await parallel.upsert([maakProfiel('na-uitval', { vaardigheden: ['Heftruck rijden'] })]);
    await enkel.upsert([maakProfiel('na-uitval', { vaardigheden: ['Heftruck rijden'] })]);
    await threads[1]!.terminate();
    // Until the replacement is rebuilt no thread may answer; afterwards it has every change, also the later one.
    const tot = Date.now() + 20_000;
    while (!(await parallel.health()).ok && Date.now() < tot) await new Promise((r) => setTimeout(r, 50));
    await expect(parallel.health()).resolves.toMatchObject({ ok: true });
    for (const v of vragen) expect(zonderTijd(await parallel.search(v))).toEqual(zonderTijd(await enkel.search(v)));
    expect(meldingen).toContain('zoekthread gestopt; hij wordt vervangen en opnieuw opgebouwd');
    expect(meldingen).toContain('zoekthread vervangen en opgebouwd');
  });

  it('antwoordt met ZoekmachineOnbereikbaarError (503) zolang geen enkele zoekthread klaar is', async () => {
    await Promise.all(threads.map((t) => t.terminate()));
    await expect(parallel.search(vragen[0]!)).rejects.toMatchObject({ name: 'ZoekmachineOnbereikbaarError' });
    expect((await parallel.health()).ok).toBe(false);
  });
});
