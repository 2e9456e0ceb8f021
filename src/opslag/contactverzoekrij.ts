import { MAG_VANUIT, type Contactverzoek, type Contactverzoekfilter, type Contactverzoekstatus } from '../contact/contactverzoek';

/** A contactverzoek as both adapters store it, one column per field. */
export interface Contactverzoekrij {
  referentie: string; profiel_id: string; regio: number; ingediend: string; organisatie: string; contactpersoon: string;
  email: string; telefoon: string; vacature: string; toelichting: string;
  status: string; afsluitreden: string | null; bijgewerkt: string; afgesloten: string | null; afzender: string | null;
}

export function naarContactverzoek(r: Contactverzoekrij): Contactverzoek {
  return {
    referentie: r.referentie, profielId: r.profiel_id, regio: r.regio, ingediend: r.ingediend, organisatie: r.organisatie,
    contactpersoon: r.contactpersoon, email: r.email, telefoon: r.telefoon, vacature: r.vacature, toelichting: r.toelichting,
    status: r.status as Contactverzoekstatus, afsluitreden: r.afsluitreden, bijgewerkt: r.bijgewerkt, afgesloten: r.afgesloten, afzender: r.afzender,
  };
}

/** The statuses a request may be in to reach `naar`. */
export function vanuit(naar: Exclude<Contactverzoekstatus, 'nieuw'>): string[] {
  return [...MAG_VANUIT[naar]];
}

/**
 * The WHERE clause of a filtered list, with `p(i)` writing the i-th placeholder (`?` or `$i`). Lists are given
 * as one JSON text parameter, so both dialects take any number of regions in a single placeholder.
 */
export function filterVoorwaarden(f: Contactverzoekfilter, p: (i: number) => string, lijst: (param: string) => string): { sql: string; params: unknown[] } {
  const delen: string[] = [];
  const params: unknown[] = [];
  const voeg = (waarde: unknown) => { params.push(waarde); return p(params.length); };
  if (f.regios) delen.push(`regio IN (${lijst(voeg(JSON.stringify(f.regios)))})`);
  if (f.status) delen.push(`status = ${voeg(f.status)}`);
  if (f.afzender !== undefined) delen.push(f.afzender === null ? 'afzender IS NULL' : `afzender = ${voeg(f.afzender)}`);
  return { sql: delen.length > 0 ? `WHERE ${delen.join(' AND ')}` : '', params };
}
