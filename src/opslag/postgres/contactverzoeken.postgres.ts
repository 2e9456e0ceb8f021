import type pg from 'pg';
import { OngeldigeOvergangFout, OPEN_STATUSSEN, type Contactverzoek, type Contactverzoekfilter, type Statuswijziging } from '../../contact/contactverzoek';
import { filterVoorwaarden, naarContactverzoek, vanuit, type Contactverzoekrij } from '../contactverzoekrij';
import type { ContactverzoekOpslag } from '../opslag.port';
import { vraag } from './verbinding';

const OPEN = [...OPEN_STATUSSEN];

export class PostgresContactverzoeken implements ContactverzoekOpslag {
  constructor(private readonly pool: pg.Pool) {}

  async bewaar(v: Contactverzoek): Promise<void> {
    await vraag(this.pool, 'contactverzoek bewaren', `INSERT INTO contactverzoeken
      (referentie, profiel_id, regio, ingediend, organisatie, contactpersoon, email, telefoon, vacature, toelichting, status, afsluitreden, bijgewerkt, afgesloten, afzender)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [v.referentie, v.profielId, v.regio, v.ingediend, v.organisatie, v.contactpersoon, v.email, v.telefoon, v.vacature, v.toelichting,
      v.status, v.afsluitreden, v.bijgewerkt, v.afgesloten, v.afzender]);
  }

  async get(referentie: string): Promise<Contactverzoek | null> {
    const [rij] = await vraag<Contactverzoekrij>(this.pool, 'contactverzoek lezen', 'SELECT * FROM contactverzoeken WHERE referentie = $1', [referentie]);
    return rij ? naarContactverzoek(rij) : null;
  }

  async lijst(filter: Contactverzoekfilter = {}): Promise<Contactverzoek[]> {
    if (filter.regios?.length === 0) return [];
    const { sql, params } = filterVoorwaarden(filter, (i) => `$${i}`, (p) => `SELECT jsonb_array_elements_text(${p}::jsonb)::int`);
    return (await vraag<Contactverzoekrij>(this.pool, 'contactverzoeken lezen', `SELECT * FROM contactverzoeken ${sql} ORDER BY ingediend DESC, referentie`, params))
      .map(naarContactverzoek);
  }

  async zetStatus(referentie: string, w: Statuswijziging): Promise<Contactverzoek | null> {
    const [rij] = await vraag<Contactverzoekrij>(this.pool, 'status wijzigen', `UPDATE contactverzoeken SET status = $1, bijgewerkt = $2, afgesloten = $3, afsluitreden = $4
      WHERE referentie = $5 AND status = ANY($6::text[]) RETURNING *`,
    [w.status, w.tijd, w.status === 'afgesloten' ? w.tijd : null, w.status === 'afgesloten' ? w.reden : null, referentie, vanuit(w.status)]);
    if (rij) return naarContactverzoek(rij);
    // Not updated: unknown, or a status it cannot leave this way. Statuses only move forward, so this read is final.
    const huidig = await this.get(referentie);
    if (!huidig) return null;
    throw new OngeldigeOvergangFout(huidig.status, w.status);
  }

  async sluitVoorProfielen(profielIds: readonly string[], reden: string): Promise<number> {
    if (profielIds.length === 0) return 0;
    const nu = new Date().toISOString();
    const rijen = await vraag<{ referentie: string }>(this.pool, 'contactverzoeken sluiten', `UPDATE contactverzoeken SET status = 'afgesloten', afsluitreden = $1, afgesloten = $2, bijgewerkt = $2
      WHERE status = ANY($3::text[]) AND profiel_id = ANY($4::text[]) RETURNING referentie`, [reden, nu, OPEN, profielIds]);
    return rijen.length;
  }

  async openProfielIds(): Promise<string[]> {
    return (await vraag<{ profiel_id: string }>(this.pool, 'contactverzoeken lezen', 'SELECT DISTINCT profiel_id FROM contactverzoeken WHERE status = ANY($1::text[]) ORDER BY profiel_id', [OPEN]))
      .map((r) => r.profiel_id);
  }

  async verwijderAfgeslotenVoor(grens: Date): Promise<number> {
    const rijen = await vraag<{ referentie: string }>(this.pool, 'contactverzoeken opschonen',
      `DELETE FROM contactverzoeken WHERE status = 'afgesloten' AND afgesloten IS NOT NULL AND afgesloten < $1 RETURNING referentie`, [grens.toISOString()]);
    return rijen.length;
  }
}
