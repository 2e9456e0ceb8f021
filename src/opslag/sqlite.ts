import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { OpslagFout } from './opslag-fout';

/**
 * Opens (or creates) one of the service's SQLite files in DATA_DIR with the durability every store here needs:
 * WAL with synchronous=FULL, so a write whose call returned survives kill -9 and power loss, and an uncommitted
 * transaction is rolled back on the next open.
 */
export function openDatabase(dataDir: string, bestand: string, schema: string, omschrijving: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  try {
    const db = new Database(path.join(dataDir, bestand));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(schema);
    return db;
  } catch (err) {
    throw new OpslagFout(`${omschrijving} kan niet worden geopend`, { cause: err });
  }
}
