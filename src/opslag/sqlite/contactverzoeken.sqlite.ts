import type Database from 'better-sqlite3';
import { OngeldigeOvergangFout, OPEN_STATUSSEN, type Contactverzoek, type Contactverzoekfilter, type Statuswijziging } from '../../contact/contactverzoek';
import { OpslagFout } from '../opslag-fout';
import type { ContactverzoekOpslag } from '../opslag.port';
import { filterVoorwaarden, naarContactverzoek, vanuit, type Contactverzoekrij } from '../contactverzoekrij';
import { openDatabase } from './sqlite';

const OPEN = `(${OPEN_STATUSSEN.map((s) => `'${s}'`).join(', ')})`;

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

  private wrap<T>(actie: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof OngeldigeOvergangFout) throw err;
      throw new OpslagFout(`opslag mislukt: ${actie}`, { cause: err });
    }
  }

  async bewaar(v: Contactverzoek): Promise<void> {
    this.wrap('contactverzoek bewaren', () => this.db.prepare(`INSERT INTO contactverzoeken
      (referentie, profiel_id, regio, ingediend, organisatie, contactpersoon, email, telefoon, vacature, toelichting, status, afsluitreden, bijgewerkt, afgesloten, afzender)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(v.referentie, v.profielId, v.regio, v.ingediend, v.organisatie, v.contactpersoon, v.email, v.telefoon, v.vacature, v.toelichting,
        v.status, v.afsluitreden, v.bijgewerkt, v.afgesloten, v.afzender));
  }

  async get(referentie: string): Promise<Contactverzoek | null> {
    const rij = this.wrap('contactverzoek lezen', () => this.db.prepare<[string], Contactverzoekrij>('SELECT * FROM contactverzoeken WHERE referentie = ?').get(referentie));
    return rij ? naarContactverzoek(rij) : null;
  }

  async lijst(filter: Contactverzoekfilter = {}): Promise<Contactverzoek[]> {
    if (filter.regios?.length === 0) return [];
    const { sql, params } = filterVoorwaarden(filter, () => '?', (p) => `SELECT value FROM json_each(${p})`);
    return this.wrap('contactverzoeken lezen', () => this.db.prepare<unknown[], Contactverzoekrij>(`SELECT * FROM contactverzoeken ${sql} ORDER BY ingediend DESC, referentie`)
      .all(...params).map(naarContactverzoek));
  }

  async zetStatus(referentie: string, w: Statuswijziging): Promise<Contactverzoek | null> {
    const van = vanuit(w.status);
    return this.wrap('status wijzigen', () => this.db.transaction(() => {
      const rij = this.db.prepare<unknown[], Contactverzoekrij>(`UPDATE contactverzoeken SET status = ?, bijgewerkt = ?, afgesloten = ?, afsluitreden = ?
        WHERE referentie = ? AND status IN (${van.map(() => '?').join(', ')}) RETURNING *`)
        .get(w.status, w.tijd, w.status === 'afgesloten' ? w.tijd : null, w.status === 'afgesloten' ? w.reden : null, referentie, ...van);
      if (rij) return naarContactverzoek(rij);
      const huidig = this.db.prepare<[string], { status: Contactverzoek['status'] }>('SELECT status FROM contactverzoeken WHERE referentie = ?').get(referentie);
      if (!huidig) return null;
      throw new OngeldigeOvergangFout(huidig.status, w.status);
    }).immediate());
  }

  async sluitVoorProfielen(profielIds: readonly string[], reden: string): Promise<number> {
    if (profielIds.length === 0) return 0;
    const nu = new Date().toISOString();
    return this.wrap('contactverzoeken sluiten', () => this.db.prepare(`UPDATE contactverzoeken SET status = 'afgesloten', afsluitreden = ?, afgesloten = ?, bijgewerkt = ?
      WHERE status IN ${OPEN} AND profiel_id IN (SELECT value FROM json_each(?))`).run(reden, nu, nu, JSON.stringify(profielIds)).changes);
  }

  async openProfielIds(): Promise<string[]> {
    return this.wrap('contactverzoeken lezen', () => this.db.prepare<[], { profiel_id: string }>(`SELECT DISTINCT profiel_id FROM contactverzoeken WHERE status IN ${OPEN} ORDER BY profiel_id`)
      .all().map((r) => r.profiel_id));
  }

  async verwijderAfgeslotenVoor(grens: Date): Promise<number> {
    return this.wrap('contactverzoeken opschonen', () => this.db.prepare(`DELETE FROM contactverzoeken WHERE status = 'afgesloten' AND afgesloten IS NOT NULL AND afgesloten < ?`)
      .run(grens.toISOString()).changes);
  }

  close(): void {
    this.db.close();
  }
}
