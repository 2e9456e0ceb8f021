import type pg from 'pg';
import { OpslagFout } from '../opslag-fout';
import type { SnapshotOpslag } from '../opslag.port';
import { ontleedSnapshot, ontleedSnapshotlijst, snapshotdata, type Snapshotrij } from '../snapshotrij';
import { SnapshotBestaatFout } from '../../transparantie/transparantie.errors';
import type { Snapshot, Snapshotinfo } from '../../transparantie/transparantie.schemas';
import { vraag } from './verbinding';

/** PostgreSQL's code for a unique violation: the quarter is frozen already (by this instance or another). */
const UNIEK = '23505';

/** Frozen quarters; the primary key makes exactly one snapshot per quarter, however many instances try at once. */
export class PostgresSnapshots implements SnapshotOpslag {
  constructor(private readonly pool: pg.Pool) {}

  async voegToe(snapshot: Snapshot): Promise<void> {
    try {
      await vraag(this.pool, 'snapshot opslaan', 'INSERT INTO snapshots (periode, gemaakt, oorzaak, data) VALUES ($1, $2, $3, $4)',
        [snapshot.periode, snapshot.gemaakt, snapshot.oorzaak, snapshotdata(snapshot)]);
    } catch (err) {
      if (err instanceof OpslagFout && (err.cause as { code?: string } | undefined)?.code === UNIEK) throw new SnapshotBestaatFout(snapshot.periode);
      throw err;
    }
  }

  async heeft(periode: string): Promise<boolean> {
    return (await vraag(this.pool, 'snapshots lezen', 'SELECT 1 FROM snapshots WHERE periode = $1', [periode])).length > 0;
  }

  async lijst(): Promise<Snapshotinfo[]> {
    return ontleedSnapshotlijst(await vraag(this.pool, 'snapshots lezen', 'SELECT periode, gemaakt, oorzaak FROM snapshots ORDER BY periode'));
  }

  async get(periode: string): Promise<Snapshot | null> {
    const [rij] = await vraag<Snapshotrij>(this.pool, 'snapshots lezen', 'SELECT periode, gemaakt, oorzaak, data FROM snapshots WHERE periode = $1', [periode]);
    return rij ? ontleedSnapshot(rij) : null;
  }

  async alle(): Promise<Snapshot[]> {
    return (await vraag<Snapshotrij>(this.pool, 'snapshots lezen', 'SELECT periode, gemaakt, oorzaak, data FROM snapshots ORDER BY periode')).map(ontleedSnapshot);
  }
}
