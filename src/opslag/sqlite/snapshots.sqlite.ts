import type Database from 'better-sqlite3';
import { OpslagFout } from '../opslag-fout';
import type { SnapshotOpslag } from '../opslag.port';
import { ontleedSnapshot, ontleedSnapshotlijst, snapshotdata, type Snapshotrij } from '../snapshotrij';
import { SnapshotBestaatFout } from '../../transparantie/transparantie.errors';
import type { Snapshot, Snapshotinfo } from '../../transparantie/transparantie.schemas';
import { openDatabase } from './sqlite';

/**
 * Frozen quarters in `transparantie.sqlite` beside the mirror: a file of its own, because the mirror holds
 * today's profiles while this holds history that must outlive any rebuild of them. WAL with synchronous=FULL:
 * once `voegToe` returns, the snapshot survives kill -9 and power loss.
 */
export class SqliteSnapshots implements SnapshotOpslag {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir, 'transparantie', 'de snapshotdatabase');
  }

  /** Stores a new snapshot; throws SnapshotBestaatFout when its quarter is already frozen. */
  async voegToe(snapshot: Snapshot): Promise<void> {
    try {
      this.db.prepare('INSERT INTO snapshots (periode, gemaakt, oorzaak, data) VALUES (?, ?, ?, ?)')
        .run(snapshot.periode, snapshot.gemaakt, snapshot.oorzaak, snapshotdata(snapshot));
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new SnapshotBestaatFout(snapshot.periode);
      throw new OpslagFout('opslag mislukt: snapshot opslaan', { cause: err });
    }
  }

  async heeft(periode: string): Promise<boolean> {
    return this.lees(() => this.db.prepare('SELECT 1 FROM snapshots WHERE periode = ?').get(periode) !== undefined);
  }

  /** The frozen quarters, oldest first, without their counts. */
  async lijst(): Promise<Snapshotinfo[]> {
    const rijen = this.lees(() => this.db.prepare('SELECT periode, gemaakt, oorzaak FROM snapshots ORDER BY periode').all());
    return ontleedSnapshotlijst(rijen);
  }

  async get(periode: string): Promise<Snapshot | null> {
    const rij = this.lees(() => this.db.prepare<[string], Snapshotrij>('SELECT periode, gemaakt, oorzaak, data FROM snapshots WHERE periode = ?').get(periode));
    return rij ? ontleedSnapshot(rij) : null;
  }

  async alle(): Promise<Snapshot[]> {
    return this.lees(() => this.db.prepare<[], Snapshotrij>('SELECT periode, gemaakt, oorzaak, data FROM snapshots ORDER BY periode').all()).map(ontleedSnapshot);
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
}
