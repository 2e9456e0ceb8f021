import type Database from 'better-sqlite3';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { OpslagFout } from '../opslag/opslag-fout';
import { openDatabase } from '../opslag/sqlite';

export type Upsertuitkomst = 'toegevoegd' | 'bijgewerkt' | 'ongewijzigd';

/** One open write transaction: everything in it becomes visible at `commit()` or not at all. */
export interface MirrorTransactie {
  upsert(profiel: Kandidaatprofiel): Upsertuitkomst;
  /** True when the profile existed. */
  verwijder(id: string): boolean;
  /** Full export: remember that this id is in the export, so `nietGezien()` can find the rest. */
  markeerGezien(id: string): void;
  /** Ids in the mirror that the full export did not name (after its own upserts and removals). */
  nietGezien(): string[];
  commit(): void;
  rollback(): void;
}

export interface DoelgroepregisterTelling { regio: number; periode: string; aantal: number }

/** The mirror's tables; exported for the benchmark's SQLite limit leg, which inserts into the same ones. */
export const MIRROR_SCHEMA = `
CREATE TABLE IF NOT EXISTS profielen (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doelgroepregister (
  regio INTEGER NOT NULL,
  periode TEXT NOT NULL,
  aantal INTEGER NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (regio, periode)
) WITHOUT ROWID;
`;

/**
 * The durable mirror of anonymised profiles in SQLite. WAL with synchronous=FULL: a transaction whose commit
 * returned survives kill -9 and power loss; an uncommitted one is rolled back on the next open.
 * Writes go through one connection and one transaction at a time (the sync service serialises them).
 */
export class MirrorRepository {
  private readonly db: Database.Database;
  private transactieOpen = false;
  /**
   * Committed number of profiles, kept up to date at each commit: a count(*) over the national mirror blocks the
   * event loop for ~100 ms, and on this one connection it would also see a sync's uncommitted rows.
   */
  private telling: number;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir, 'mirror.sqlite', MIRROR_SCHEMA, 'de mirror-database');
    this.telling = this.wrap('tellen', () => (this.db.prepare('SELECT count(*) AS n FROM profielen').get() as { n: number }).n);
  }

  private wrap<T>(actie: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new OpslagFout(`opslag mislukt: ${actie}`, { cause: err });
    }
  }

  /** Opens the single write transaction; a second concurrent one is a programming error. */
  begin(): MirrorTransactie {
    if (this.transactieOpen) throw new Error('er loopt al een schrijftransactie');
    const db = this.db;
    const get = db.prepare<[string], { data: string }>('SELECT data FROM profielen WHERE id = ?');
    const insert = db.prepare('INSERT INTO profielen (id, data) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data');
    const del = db.prepare('DELETE FROM profielen WHERE id = ?');
    this.wrap('transactie starten', () => {
      db.exec('BEGIN IMMEDIATE');
      db.exec('CREATE TEMP TABLE IF NOT EXISTS gezien (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM gezien;');
    });
    this.transactieOpen = true;
    const markeer = db.prepare('INSERT OR IGNORE INTO temp.gezien (id) VALUES (?)');
    let verschil = 0;
    const afsluiten = (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!this.transactieOpen) return;
      try {
        this.wrap(sql, () => { if (db.inTransaction) db.exec(sql); });
      } catch (err) {
        // A COMMIT that fails (disk full) can leave the transaction open: end it, so nothing of it stays pending.
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      } finally {
        this.transactieOpen = false;
      }
      if (sql === 'COMMIT') this.telling += verschil;
    };
    return {
      upsert: (profiel) => this.wrap('profiel opslaan', () => {
        const data = JSON.stringify(profiel);
        const oud = get.get(profiel.id);
        if (oud?.data === data) return 'ongewijzigd';
        insert.run(profiel.id, data);
        if (oud) return 'bijgewerkt';
        verschil++;
        return 'toegevoegd';
      }),
      verwijder: (id) => this.wrap('profiel verwijderen', () => {
        const weg = del.run(id).changes > 0;
        if (weg) verschil--;
        return weg;
      }),
      markeerGezien: (id) => { this.wrap('export bijhouden', () => markeer.run(id)); },
      nietGezien: () => this.wrap('export vergelijken', () =>
        db.prepare<[], { id: string }>('SELECT p.id FROM profielen p WHERE NOT EXISTS (SELECT 1 FROM temp.gezien g WHERE g.id = p.id)').all().map((r) => r.id)),
      commit: () => afsluiten('COMMIT'),
      rollback: () => afsluiten('ROLLBACK'),
    };
  }

  /** Committed profiles; a sync in progress is not counted until it commits. */
  aantal(): number {
    return this.telling;
  }

  get(id: string): Kandidaatprofiel | null {
    const row = this.wrap('lezen', () => this.db.prepare<[string], { data: string }>('SELECT data FROM profielen WHERE id = ?').get(id));
    return row ? (JSON.parse(row.data) as Kandidaatprofiel) : null;
  }

  /** All profiles in id order, streamed row by row (the national mirror does not fit comfortably in one array of rows). */
  *alle(): Generator<Kandidaatprofiel> {
    for (const row of this.db.prepare<[], { data: string }>('SELECT data FROM profielen ORDER BY id').iterate()) {
      yield JSON.parse(row.data) as Kandidaatprofiel;
    }
  }

  getMeta(sleutel: string): string | null {
    const row = this.db.prepare<[string], { waarde: string }>('SELECT waarde FROM meta WHERE sleutel = ?').get(sleutel);
    return row?.waarde ?? null;
  }

  setMeta(sleutel: string, waarde: string): void {
    this.wrap('meta opslaan', () => this.db.prepare('INSERT INTO meta (sleutel, waarde) VALUES (?, ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde').run(sleutel, waarde));
  }

  zetDoelgroepregister(t: DoelgroepregisterTelling): void {
    this.wrap('doelgroepregister opslaan', () => this.db.prepare(
      'INSERT INTO doelgroepregister (regio, periode, aantal) VALUES (?, ?, ?) ON CONFLICT(regio, periode) DO UPDATE SET aantal = excluded.aantal',
    ).run(t.regio, t.periode, t.aantal));
  }

  doelgroepregister(): DoelgroepregisterTelling[] {
    return this.db.prepare<[], DoelgroepregisterTelling>('SELECT regio, periode, aantal FROM doelgroepregister ORDER BY periode, regio').all();
  }

  close(): void {
    if (this.transactieOpen) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
