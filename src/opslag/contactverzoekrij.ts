import type { Contactverzoek } from '../contact/contactverzoek';

/** A contactverzoek as both adapters store it, one column per field. */
export interface Contactverzoekrij {
  referentie: string; profiel_id: string; regio: number; ingediend: string; organisatie: string; contactpersoon: string;
  email: string; telefoon: string; vacature: string; toelichting: string;
}

export function naarContactverzoek(r: Contactverzoekrij): Contactverzoek {
  return {
    referentie: r.referentie, profielId: r.profiel_id, regio: r.regio, ingediend: r.ingediend, organisatie: r.organisatie,
    contactpersoon: r.contactpersoon, email: r.email, telefoon: r.telefoon, vacature: r.vacature, toelichting: r.toelichting,
  };
}
