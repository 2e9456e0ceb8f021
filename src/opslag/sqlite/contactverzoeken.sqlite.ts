import type Database from 'better-sqlite3';
import { OpslagFout } from '../opslag-fout';
import type { ContactverzoekOpslag } from '../opslag.port';
import { naarContactverzoek, type Contactverzoekrij } from '../contactverzoekrij';
import type { Contactverzoek } from '../../contact/contactverzoek';
import { openDatabase } from './sqlite';

/**
 * Contactverzoeken in their own SQLite file in DATA_DIR. Not in the mirror: the mirror is a copy that a full
 * Sonar export may rebuild, these are the only copy, with other personal data (the employer's) and their own
 * retention. WAL with synchronous=FULL: a request that was confirmed survives kill -9 and power loss.
 */
export class SqliteContactverzoeken implements ContactverzoekOpslag {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openDatabase(dataDir, 'contactverzoeken', 'de database met contactverzoeken');
  }

  async bewaar(v: Contactverzoek): Promise<void> {
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
  async lijst(regios?: readonly number[]): Promise<Contactverzoek[]> {
    if (regios?.length === 0) return [];
    try {
      const rijen = regios
        ? this.db.prepare<number[], Contactverzoekrij>(`SELECT * FROM contactverzoeken WHERE regio IN (${regios.map(() => '?').join(', ')}) ORDER BY ingediend DESC, referentie`).all(...regios)
        : this.db.prepare<[], Contactverzoekrij>('SELECT * FROM contactverzoeken ORDER BY ingediend DESC, referentie').all();
      return rijen.map(naarContactverzoek);
    } catch (err) {
      throw new OpslagFout('opslag mislukt: contactverzoeken lezen', { cause: err });
    }
  }

  close(): void {
    this.db.close();
  }
}
