import type Database from 'better-sqlite3';
import { OpslagFout } from '../opslag/opslag-fout';
import type { Contactverzoek } from './contactverzoek';
import { openDatabase } from '../opslag/sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contactverzoeken (
  referentie TEXT PRIMARY KEY,
  profiel_id TEXT NOT NULL,
  regio INTEGER NOT NULL,
  ingediend TEXT NOT NULL,
  organisatie TEXT NOT NULL,
  contactpersoon TEXT NOT NULL,
  email TEXT NOT NULL,
  telefoon TEXT NOT NULL,
  vacature TEXT NOT NULL,
  toelichting TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS contactverzoeken_regio ON contactverzoeken (regio, ingediend);
`;

interface Rij {
  referentie: string; profiel_id: string; regio: number; ingediend: string; organisatie: string; contactpersoon: string;
  email: string; telefoon: string; vacature: string; toelichting: string;
}

/**
 * Contactverzoeken in their own SQLite file in DATA_DIR. Not in the mirror: the mirror is a copy that a full
 * Sonar export may rebuild, these are the only copy, with other personal data (the employer's) and their own
 * retention. WAL with synchronous=FULL: a request that was confirmed survives kill -9 and power loss.
 */
export class ContactverzoekRepository {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir, 'contactverzoeken.sqlite', SCHEMA, 'de database met contactverzoeken');
  }

  bewaar(v: Contactverzoek): void {
    try {
      this.db.prepare(`INSERT INTO contactverzoeken
        (referentie, profiel_id, regio, ingediend, organisatie, contactpersoon, email, telefoon, vacature, toelichting)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(v.referentie, v.profielId, v.regio, v.ingediend, v.organisatie, v.contactpersoon, v.email, v.telefoon, v.vacature, v.toelichting);
    } catch (err) {
      throw new OpslagFout('opslag mislukt: contactverzoek bewaren', { cause: err });
    }
  }

  /** Newest first; only the given regions when `regios` is set. */
  lijst(regios?: readonly number[]): Contactverzoek[] {
    if (regios?.length === 0) return [];
    try {
      const rijen = regios
        ? this.db.prepare<number[], Rij>(`SELECT * FROM contactverzoeken WHERE regio IN (${regios.map(() => '?').join(', ')}) ORDER BY ingediend DESC, referentie`).all(...regios)
        : this.db.prepare<[], Rij>('SELECT * FROM contactverzoeken ORDER BY ingediend DESC, referentie').all();
      return rijen.map((r) => ({
        referentie: r.referentie, profielId: r.profiel_id, regio: r.regio, ingediend: r.ingediend, organisatie: r.organisatie,
        contactpersoon: r.contactpersoon, email: r.email, telefoon: r.telefoon, vacature: r.vacature, toelichting: r.toelichting,
      }));
    } catch (err) {
      throw new OpslagFout('opslag mislukt: contactverzoeken lezen', { cause: err });
    }
  }

  close(): void {
    this.db.close();
  }
}
