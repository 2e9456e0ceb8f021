import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Auditregel, NieuweAuditregel } from '../../audit/auditregel';
import { AuditSchrijfkant } from './audit.sqlite';

/** What SqliteAudit asks of its thread, answered in order, one at a time. */
export type Schrijfopdracht =
  | { nr: number; soort: 'voegToe'; regels: readonly NieuweAuditregel[] }
  | { nr: number; soort: 'verwijderOuderDan'; tot: string }
  | { nr: number; soort: 'sluit' };

export type Schrijfantwoord = { nr: number; ok: true; waarde: Auditregel[] | number | null } | { nr: number; ok: false; fout: string };

if (parentPort) {
  const poort = parentPort;
  // The file exists and is migrated (SqliteAudit opened it first); durability is per connection, so set here too.
  const db = new Database((workerData as { pad: string }).pad);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const schrijfkant = new AuditSchrijfkant(db);
  poort.on('message', (o: Schrijfopdracht) => {
    let antwoord: Schrijfantwoord;
    try {
      if (o.soort === 'voegToe') antwoord = { nr: o.nr, ok: true, waarde: schrijfkant.voegToe(o.regels) };
      else if (o.soort === 'verwijderOuderDan') antwoord = { nr: o.nr, ok: true, waarde: schrijfkant.verwijderOuderDan(o.tot) };
      else {
        db.close();
        antwoord = { nr: o.nr, ok: true, waarde: null };
      }
    } catch (err) {
      // The database's message (a constraint, a full disk, a trigger): never a record's contents.
      antwoord = { nr: o.nr, ok: false, fout: `${(err as Error).name}: ${(err as Error).message}` };
    }
    poort.postMessage(antwoord);
  });
}
