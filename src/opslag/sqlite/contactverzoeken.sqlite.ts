import type Database from 'better-sqlite3';
import { OngeldigeOvergangFout, OPEN_STATUSSEN, type Contactverzoek, type Contactverzoekfilter, type Statuswijziging } from '../../contact/contactverzoek';
import type { ContactverzoekOpslag } from '../opslag.port';
import { filterVoorwaarden, naarContactverzoek, vanuit, type Contactverzoekrij } from '../contactverzoekrij';
import { openDatabase, wrap } from './sqlite';

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

  async bewaar(v: Contactverzoek): Promise<void> {
    wrap('contactverzoek bewaren', () => this.db.prepare(`INSERT INTO contactverzoeken
      (referentie, profiel_id, regio, ingediend, organisatie, contactpersoon, email, telefoon, vacature, toelichting, status, afsluitreden, bijgewerkt, afgesloten, afzender)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(v.referentie, v.profielId, v.regio, v.ingediend, v.organisatie, v.contactpersoon, v.email, v.telefoon, v.vacature, v.toelichting,
        v.status, v.afsluitreden, v.bijgewerkt, v.afgesloten, v.afzender));
  }

  async get(referentie: string): Promise<Contactverzoek | null> {
    const rij = wrap('contactverzoek lezen', () => this.db.prepare<[string], Contactverzoekrij>('SELECT * FROM contactverzoeken WHERE referentie = ?').get(referentie));
    return rij ? naarContactverzoek(rij) : null;
  }

  async lijst(filter: Contactverzoekfilter = {}): Promise<Contactverzoek[]> {
    if (filter.regios?.length === 0) return [];
    const { sql, params } = filterVoorwaarden(filter, () => '?', (p) => `SELECT value FROM json_each(${p})`);
    return wrap('contactverzoeken lezen', () => this.db.prepare<unknown[], Contactverzoekrij>(`SELECT * FROM contactverzoeken ${sql} ORDER BY ingediend DESC, referentie`)
      .all(...params).map(naarContactverzoek));
  }

  async zetStatus(referentie: string, w: Statuswijziging): Promise<Contactverzoek | null> {
    const van = vanuit(w.status);
    // Not updated: unknown, or a status it cannot leave this way; read in the same transaction to tell which.
    const uitkomst = wrap('status wijzigen', () => this.db.transaction(() => {
      const rij = this.db.prepare<unknown[], Contactverzoekrij>(`UPDATE contactverzoeken SET status = ?, bijgewerkt = ?, afgesloten = ?, afsluitreden = ?
        WHERE referentie = ? AND status IN (${van.map(() => '?').join(', ')}) RETURNING *`)
        .get(w.status, w.tijd, w.status === 'afgesloten' ? w.tijd : null, w.status === 'afgesloten' ? w.reden : null, referentie, ...van);
      if (rij) return { rij, huidig: rij.status as Contactverzoek['status'] };
      return { rij: null, huidig: this.db.prepare<[string], { status: Contactverzoek['status'] }>('SELECT status FROM contactverzoeken WHERE referentie = ?').get(referentie)?.status ?? null };
    }).immediate());
    if (uitkomst.rij) return naarContactverzoek(uitkomst.rij);
    if (uitkomst.huidig === null) return null;
    throw new OngeldigeOvergangFout(uitkomst.huidig, w.status);
  }

  async sluitVoorProfielen(profielIds: readonly string[], reden: string): Promise<number> {
    if (profielIds.length === 0) return 0;
    const nu = new Date().toISOString();
    return wrap('contactverzoeken sluiten', () => this.db.prepare(`UPDATE contactverzoeken SET status = 'afgesloten', afsluitreden = ?, afgesloten = ?, bijgewerkt = ?
      WHERE status IN ${OPEN} AND profiel_id IN (SELECT value FROM json_each(?))`).run(reden, nu, nu, JSON.stringify(profielIds)).changes);
  }

  async openProfielIds(): Promise<string[]> {
    return wrap('contactverzoeken lezen', () => this.db.prepare<[], { profiel_id: string }>(`SELECT DISTINCT profiel_id FROM contactverzoeken WHERE status IN ${OPEN} ORDER BY profiel_id`)
      .all().map((r) => r.profiel_id));
  }

  async verwijderAfgeslotenVoor(grens: Date): Promise<number> {
    return wrap('contactverzoeken opschonen', () => this.db.prepare(`DELETE FROM contactverzoeken WHERE status = 'afgesloten' AND afgesloten IS NOT NULL AND afgesloten < ?`)
      .run(grens.toISOString()).changes);
  }

  close(): void {
    this.db.close();
  }
}
