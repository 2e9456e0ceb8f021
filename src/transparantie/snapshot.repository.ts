import type Database from 'better-sqlite3';
import { OpslagFout } from '../opslag/opslag-fout';
import { SnapshotBestaatFout } from './transparantie.errors';
import { snapshotinfoSchema, snapshotSchema, type Snapshot, type Snapshotinfo } from './transparantie.schemas';
import { openDatabase } from '../opslag/sqlite';

// Immutability is enforced by the database as well, so no later code path can rewrite a frozen quarter.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  periode TEXT PRIMARY KEY,
  gemaakt TEXT NOT NULL,
  oorzaak TEXT NOT NULL,
  data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS snapshots_niet_wijzigen BEFORE UPDATE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots zijn onveranderlijk'); END;
CREATE TRIGGER IF NOT EXISTS snapshots_niet_verwijderen BEFORE DELETE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots zijn onveranderlijk'); END;
`;

interface Rij { periode: string; gemaakt: string; oorzaak: string; data: string }

/**
 * Frozen quarters in `transparantie.sqlite` beside the mirror: a file of its own, because the mirror holds
 * today's profiles while this holds history that must outlive any rebuild of them. WAL with synchronous=FULL:
 * once `voegToe` returns, the snapshot survives kill -9 and power loss.
 */
export class SnapshotRepository {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir, 'transparantie.sqlite', SCHEMA, 'de snapshotdatabase');
  }

  /** Stores a new snapshot; throws SnapshotBestaatFout when its quarter is already frozen. */
  voegToe(snapshot: Snapshot): void {
    const { stand, doelgroepregister } = snapshot;
    try {
      this.db.prepare('INSERT INTO snapshots (periode, gemaakt, oorzaak, data) VALUES (?, ?, ?, ?)')
        .run(snapshot.periode, snapshot.gemaakt, snapshot.oorzaak, JSON.stringify({ stand, doelgroepregister }));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new SnapshotBestaatFout(snapshot.periode);
      throw new OpslagFout('opslag mislukt: snapshot opslaan', { cause: err });
    }
  }

  heeft(periode: string): boolean {
    return this.lees(() => this.db.prepare('SELECT 1 FROM snapshots WHERE periode = ?').get(periode) !== undefined);
  }

  /** The frozen quarters, oldest first, without their counts. */
  lijst(): Snapshotinfo[] {
    const rijen = this.lees(() => this.db.prepare('SELECT periode, gemaakt, oorzaak FROM snapshots ORDER BY periode').all());
    const parsed = snapshotinfoSchema.array().safeParse(rijen);
    if (!parsed.success) throw new OpslagFout('de snapshotlijst is beschadigd', { cause: parsed.error });
    return parsed.data;
  }

  get(periode: string): Snapshot | null {
    const rij = this.lees(() => this.db.prepare<[string], Rij>('SELECT periode, gemaakt, oorzaak, data FROM snapshots WHERE periode = ?').get(periode));
    return rij ? this.ontleed(rij) : null;
  }

  alle(): Snapshot[] {
    return this.lees(() => this.db.prepare<[], Rij>('SELECT periode, gemaakt, oorzaak, data FROM snapshots ORDER BY periode').all()).map((r) => this.ontleed(r));
  }

  close(): void {
    this.db.close();
  }

  private lees<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw new OpslagFout('opslag mislukt: snapshots lezen', { cause: err });
    }
  }

  /** A stored snapshot is checked on the way out too: a damaged row must not turn into wrong figures. */
  private ontleed(rij: Rij): Snapshot {
    let data: unknown;
    try {
      data = JSON.parse(rij.data);
    } catch (err) {
      throw new OpslagFout(`snapshot ${rij.periode} is beschadigd`, { cause: err });
    }
    const parsed = snapshotSchema.safeParse({ ...(data as object), periode: rij.periode, gemaakt: rij.gemaakt, oorzaak: rij.oorzaak });
    if (!parsed.success) throw new OpslagFout(`snapshot ${rij.periode} is beschadigd`, { cause: parsed.error });
    return parsed.data;
  }
}
