import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { loadSearchConfig } from '../../src/config/search-config';
import { createLogger } from '../../src/logging/logger';
import { MirrorRepository } from '../../src/mirror/mirror.repository';
import { leesArray } from '../../src/mirror/sync-bron';
import { SyncService } from '../../src/mirror/sync.service';
import { SnapshotRepository } from '../../src/transparantie/snapshot.repository';
import { TransparantieService } from '../../src/transparantie/transparantie.service';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import { maakRecord } from '../support/sonar-records';
import { TEST_SECRET } from '../support/test-service';

const config = loadSearchConfig();
const logger = createLogger('silent');
const pseudoniem = createPseudonimiseerder(TEST_SECRET);

/** The wiring of bootstrap with a clock the test moves. */
function opstelling(dir: string) {
  const klok = { nu: new Date('2021-02-15T12:00:00+01:00') };
  const mirror = new MirrorRepository(dir);
  const engine = createEmbeddedEngine(config);
  const snapshots = new SnapshotRepository(dir);
  const transparantie = new TransparantieService({ engine, config, snapshots, mirror, logger, klok: () => klok.nu });
  const sync = new SyncService({
    repository: mirror, engine, config, pseudoniem, maxVerwijderaandeel: 1, logger,
    voorSync: async () => { await transparantie.bevriesVorigKwartaal(); },
  });
  return {
    klok, engine, transparantie, sync,
    stuur: (...records: object[]) => sync.sync(leesArray(records), { positie: 'index' }),
    open: async () => { await sync.herbouwIndex(); },
    sluit: () => { mirror.close(); snapshots.close(); },
  };
}

const nijmegen = async (t: TransparantieService, periode?: string) =>
  (await t.rapport({ regio: 25, periode })).rijen.find((r) => r.gemeenteCode === 'GM0268')!.waarden;

describe('automatic snapshots at the first sync of a quarter', () => {
  let dir: string;
  let o: ReturnType<typeof opstelling>;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kv-snapshot-'));
    o = opstelling(dir);
  });
  afterEach(() => {
    o.sluit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('freezes the previous quarter from the index as it was before that sync, once', async () => {
    await o.stuur(maakRecord(1), maakRecord(2));
    o.klok.nu = new Date('2021-03-31T23:30:00+02:00');
    await o.stuur(maakRecord(3, { klantprofiel: null }));
    expect(o.transparantie.periodes().snapshots).toEqual([]);
    expect(await nijmegen(o.transparantie)).toEqual([1, 0, 0, 2, 3]);

    // Just after midnight on 1 April, Dutch time.
    o.klok.nu = new Date('2021-04-01T00:10:00+02:00');
    await o.stuur({ klantnummer: maakRecord(1).klantnummer, verwijderd: true }, maakRecord(4, { klantprofiel: null }));
    expect(o.transparantie.periodes().snapshots).toEqual([{ periode: '2021-Q1', gemaakt: '2021-03-31T22:10:00.000Z', oorzaak: 'automatisch' }]);
    expect(await nijmegen(o.transparantie, '2021-Q1')).toEqual([1, 0, 0, 2, 3]);
    expect(await nijmegen(o.transparantie)).toEqual([2, 0, 0, 1, 3]);

    await o.stuur(maakRecord(5));
    expect(o.transparantie.periodes().snapshots).toHaveLength(1);
    expect(await nijmegen(o.transparantie, '2021-Q1')).toEqual([1, 0, 0, 2, 3]);
  });

  it('never freezes a quarter with the changes of the next: not at the very first sync, not after a restart', async () => {
    o.klok.nu = new Date('2021-05-01T12:00:00+02:00');
    await o.stuur(maakRecord(1));
    await o.stuur(maakRecord(2));
    o.sluit();
    o = opstelling(dir);
    o.klok.nu = new Date('2021-05-02T12:00:00+02:00');
    await o.open();
    await o.stuur(maakRecord(3));
    expect(o.transparantie.periodes().snapshots).toEqual([]);
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
    o.sluit();

    const db = new Database(path.join(dir, 'transparantie.sqlite'));
    try {
      expect(() => db.prepare("UPDATE snapshots SET data = '{}' WHERE periode = '2020-Q4'").run()).toThrow(/onveranderlijk/);
      expect(() => db.prepare('DELETE FROM snapshots').run()).toThrow(/onveranderlijk/);
    } finally {
      db.close();
    }

    o = opstelling(dir);
    await o.open();
    expect(await o.transparantie.rapport({ periode: '2020-Q4' })).toEqual(voor);
  });
});
