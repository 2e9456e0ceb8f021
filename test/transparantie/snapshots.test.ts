import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createKlantnummerVersleuteling } from '../../src/anonimisering/klantnummer-versleuteling';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { loadSearchConfig } from '../../src/config/search-config';
import { createLogger } from '../../src/logging/logger';
import { IndexVolger } from '../../src/mirror/index-volger';
import { leesArray } from '../../src/mirror/sync-bron';
import { SyncService } from '../../src/mirror/sync.service';
import { TransparantieService } from '../../src/transparantie/transparantie.service';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import { nieuweTestOpslag, TEST_OPSLAG, type TestOpslagplek } from '../support/opslag';
import { maakRecord } from '../support/sonar-records';
import { TEST_KLANTNUMMER_KEY, TEST_SECRET } from '../support/test-service';

const config = loadSearchConfig();
const logger = createLogger('silent');
const pseudoniem = createPseudonimiseerder(TEST_SECRET);

/** The wiring of bootstrap (one instance) with a clock the test moves. */
async function opstelling(dir: string, plek: TestOpslagplek, klok = { nu: new Date('2021-02-15T12:00:00+01:00') }) {
  const opslag = await plek.open(dir);
  const engine = createEmbeddedEngine(config);
  const volger = new IndexVolger({ wijzigingen: opslag.wijzigingen, engine, gedeeldeIndex: null, logger, intervalMs: 60_000 });
  const transparantie = new TransparantieService({
    engine, config, snapshots: opslag.snapshots, mirror: opslag.mirror, logger, klok: () => klok.nu, indexBij: () => volger.haalBij(),
  });
  const sync = new SyncService({
    mirror: opslag.mirror, volger, config, pseudoniem, versleutel: createKlantnummerVersleuteling(TEST_KLANTNUMMER_KEY).versleutel, maxVerwijderaandeel: 1, logger,
    voorSync: async () => { await transparantie.bevriesVorigKwartaal(); },
  });
  return {
    klok, engine, transparantie, sync,
    stuur: (...records: object[]) => sync.sync(leesArray(records), { positie: 'index' }),
    open: () => volger.start(),
    sluit: async () => { await volger.stop(); await opslag.close(); },
  };
}

const nijmegen = async (t: TransparantieService, periode?: string) =>
  (await t.rapport({ regio: 25, periode })).rijen.find((r) => r.gemeenteCode === 'GM0268')!.waarden;

describe('automatic snapshots at the first sync of a quarter', () => {
  let dir: string;
  let plek: TestOpslagplek;
  let o: Awaited<ReturnType<typeof opstelling>>;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kv-snapshot-'));
    plek = await nieuweTestOpslag();
    o = await opstelling(dir, plek);
    await o.open();
  });
  afterEach(async () => {
    await o.sluit();
    rmSync(dir, { recursive: true, force: true });
    await plek.verwijder();
  });

  it('freezes the previous quarter from the index as it was before that sync, once', async () => {
    await o.stuur(maakRecord(1), maakRecord(2));
    o.klok.nu = new Date('2021-03-31T23:30:00+02:00');
    await o.stuur(maakRecord(3, { klantprofiel: null }));
    expect((await o.transparantie.periodes()).snapshots).toEqual([]);
    expect(await nijmegen(o.transparantie)).toEqual([1, 0, 0, 2, 3]);

    // Just after midnight on 1 April, Dutch time.
    o.klok.nu = new Date('2021-04-01T00:10:00+02:00');
    await o.stuur({ klantnummer: maakRecord(1).klantnummer, verwijderd: true }, maakRecord(4, { klantprofiel: null }));
    expect((await o.transparantie.periodes()).snapshots).toEqual([{ periode: '2021-Q1', gemaakt: '2021-03-31T22:10:00.000Z', oorzaak: 'automatisch' }]);
    expect(await nijmegen(o.transparantie, '2021-Q1')).toEqual([1, 0, 0, 2, 3]);
    expect(await nijmegen(o.transparantie)).toEqual([2, 0, 0, 1, 3]);

    await o.stuur(maakRecord(5));
    expect((await o.transparantie.periodes()).snapshots).toHaveLength(1);
    expect(await nijmegen(o.transparantie, '2021-Q1')).toEqual([1, 0, 0, 2, 3]);
  });

  it('never freezes a quarter with the changes of the next: not at the very first sync, not after a restart', async () => {
    o.klok.nu = new Date('2021-05-01T12:00:00+02:00');
    await o.stuur(maakRecord(1));
    await o.stuur(maakRecord(2));
    await o.sluit();
    o = await opstelling(dir, plek);
    o.klok.nu = new Date('2021-05-02T12:00:00+02:00');
    await o.open();
    await o.stuur(maakRecord(3));
    expect((await o.transparantie.periodes()).snapshots).toEqual([]);
  });

  it('lets the sync wait when the quarter cannot be frozen, and freezes it at the next one', async () => {
    await o.stuur(maakRecord(1));
    o.klok.nu = new Date('2021-04-02T12:00:00+02:00');
    const telling = jest.spyOn(o.engine, 'facetCounts').mockRejectedValueOnce(new Error('zoekmachine weg'));
    await expect(o.stuur(maakRecord(2))).rejects.toThrow('zoekmachine weg');
    expect(await o.engine.count()).toBe(1);
    telling.mockRestore();
    await o.stuur(maakRecord(2));
    expect(await nijmegen(o.transparantie, '2021-Q1')).toEqual([0, 0, 0, 1, 1]);
    expect(await nijmegen(o.transparantie)).toEqual([0, 0, 0, 2, 2]);
  });

  it('keeps snapshots across a restart, and the database refuses to change them', async () => {
    await o.stuur(maakRecord(1));
    await o.transparantie.maakSnapshot('2020-Q4');
    const voor = await o.transparantie.rapport({ periode: '2020-Q4' });
    await o.sluit();

    if (TEST_OPSLAG === 'sqlite') {
      const db = new Database(path.join(dir, 'transparantie.sqlite'));
      try {
        expect(() => db.prepare("UPDATE snapshots SET data = '{}' WHERE periode = '2020-Q4'").run()).toThrow(/onveranderlijk/);
        expect(() => db.prepare('DELETE FROM snapshots').run()).toThrow(/onveranderlijk/);
      } finally {
        db.close();
      }
    } else {
      const db = new pg.Client({ connectionString: plek.env.DATABASE_URL });
      await db.connect();
      try {
        await expect(db.query("UPDATE snapshots SET data = '{}' WHERE periode = '2020-Q4'")).rejects.toThrow(/onveranderlijk/);
        await expect(db.query('DELETE FROM snapshots')).rejects.toThrow(/onveranderlijk/);
        await expect(db.query('TRUNCATE snapshots')).rejects.toThrow(/onveranderlijk/);
      } finally {
        await db.end();
      }
    }

    o = await opstelling(dir, plek);
    await o.open();
    expect(await o.transparantie.rapport({ periode: '2020-Q4' })).toEqual(voor);
  });
});

/** Several instances on one PostgreSQL database see a new quarter at the same moment: exactly one snapshot. */
if (TEST_OPSLAG === 'postgres') {
  describe('only one automatic quarter freeze over several instances', () => {
    it('five instances syncing at once into a new quarter make exactly one snapshot, from the state before all of them', async () => {
      const plek = await nieuweTestOpslag();
      const dirs = Array.from({ length: 5 }, () => mkdtempSync(path.join(tmpdir(), 'kv-snapshot-')));
      const klok = { nu: new Date('2021-03-30T12:00:00+02:00') };
      const instanties = await Promise.all(dirs.map((d) => opstelling(d, plek, klok)));
      try {
        await Promise.all(instanties.map((i) => i.open()));
        await instanties[0]!.stuur(maakRecord(1), maakRecord(2));
        klok.nu = new Date('2021-04-01T08:00:00+02:00');
        await Promise.all(instanties.map((inst, n) => inst.stuur(maakRecord(10 + n))));
        const lijsten = await Promise.all(instanties.map(async (i) => (await i.transparantie.periodes()).snapshots));
        for (const l of lijsten) expect(l.map((x) => [x.periode, x.oorzaak])).toEqual([['2021-Q1', 'automatisch']]);
        expect(await nijmegen(instanties[3]!.transparantie, '2021-Q1')).toEqual([0, 0, 0, 2, 2]);
      } finally {
        await Promise.all(instanties.map((i) => i.sluit()));
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
        await plek.verwijder();
      }
    });
  });
}
