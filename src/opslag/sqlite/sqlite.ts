import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { leesMigraties } from '../migraties';
import { OpslagFout } from '../opslag-fout';

/** The versioned schemas of the SQLite files, one folder per file. */
const MIGRATIES = path.join(__dirname, 'migraties');

/**
 * Opens (or creates) one of the service's SQLite files in DATA_DIR with the durability every store here needs:
 * WAL with synchronous=FULL, so a write whose call returned survives kill -9 and power loss, and an uncommitted
 * transaction is rolled back on the next open. Brings its schema up to date: each migration and its version
 * (`user_version`) in one transaction.
 */
export function openDatabase(dataDir: string, schema: 'mirror' | 'transparantie' | 'contactverzoeken' | 'audit', omschrijving: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  try {
    const db = new Database(path.join(dataDir, `${schema}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const versie = db.pragma('user_version', { simple: true }) as number;
    for (const m of leesMigraties(path.join(MIGRATIES, schema))) {
      if (m.versie <= versie) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.versie}`);
      })();
    }
    return db;
  } catch (err) {
    throw new OpslagFout(`${omschrijving} kan niet worden geopend`, { cause: err });
  }
}

/** A second connection to a file opened with openDatabase: it reads committed state only, whatever the writer has open. */
export function openLezer(dataDir: string, schema: 'mirror' | 'audit'): Database.Database {
  const db = new Database(path.join(dataDir, `${schema}.sqlite`), { readonly: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Runs one synchronous SQLite step; any failure becomes an OpslagFout naming the action, never the data. */
export function wrap<T>(actie: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new OpslagFout(`opslag mislukt: ${actie}`, { cause: err });
  }
}
