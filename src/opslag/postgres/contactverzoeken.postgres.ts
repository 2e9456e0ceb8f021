import type pg from 'pg';
import type { Contactverzoek } from '../../contact/contactverzoek';
import { naarContactverzoek, type Contactverzoekrij } from '../contactverzoekrij';
import type { ContactverzoekOpslag } from '../opslag.port';
import { vraag } from './verbinding';

export class PostgresContactverzoeken implements ContactverzoekOpslag {
  constructor(private readonly pool: pg.Pool) {}

  async bewaar(v: Contactverzoek): Promise<void> {
    await vraag(this.pool, 'contactverzoek bewaren', `INSERT INTO contactverzoeken
      (referentie, profiel_id, regio, ingediend, organisatie, contactpersoon, email, telefoon, vacature, toelichting)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [v.referentie, v.profielId, v.regio, v.ingediend, v.organisatie, v.contactpersoon, v.email, v.telefoon, v.vacature, v.toelichting]);
  }

  async lijst(regios?: readonly number[]): Promise<Contactverzoek[]> {
    if (regios?.length === 0) return [];
    const rijen = regios
      ? await vraag<Contactverzoekrij>(this.pool, 'contactverzoeken lezen', 'SELECT * FROM contactverzoeken WHERE regio = ANY($1::int[]) ORDER BY ingediend DESC, referentie', [regios])
      : await vraag<Contactverzoekrij>(this.pool, 'contactverzoeken lezen', 'SELECT * FROM contactverzoeken ORDER BY ingediend DESC, referentie');
    return rijen.map(naarContactverzoek);
  }
}
