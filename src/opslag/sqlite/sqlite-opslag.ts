import type { Opslag } from '../opslag.port';
import { SqliteAudit } from './audit.sqlite';
import { SqliteContactverzoeken } from './contactverzoeken.sqlite';
import { SqliteMirror } from './mirror.sqlite';
import { SqliteSnapshots } from './snapshots.sqlite';

/** The zero-install store: four SQLite files in DATA_DIR, for one process. */
export function createSqliteOpslag(dataDir: string, wijzigingslogBewaartijdMs: number): Opslag {
  const mirror = new SqliteMirror(dataDir, wijzigingslogBewaartijdMs);
  const snapshots = new SqliteSnapshots(dataDir);
  const contactverzoeken = new SqliteContactverzoeken(dataDir);
  const audit = new SqliteAudit(dataDir);
  return {
    soort: 'sqlite',
    mirror,
    wijzigingen: mirror,
    // One process keeps the index itself, also a Meilisearch index: it rebuilds it at start-up as before.
    gedeeldeIndex: null,
    snapshots,
    contactverzoeken,
    audit,
    close: async () => {
      await mirror.close();
      snapshots.close();
      contactverzoeken.close();
      await audit.close();
    },
  };
}
