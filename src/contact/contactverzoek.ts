import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';

// A missing field gets the same message as an empty one: both mean nothing was filled in.
const tekst = (leeg: string, max: number) => z.string({ error: leeg }).trim().min(1, leeg).max(max, `Gebruik maximaal ${max} tekens`);

/**
 * The "Ik heb interesse" form of an employer. The messages are written for the person filling in the form (GOV.UK
 * and NL Design System style: what to do, not what went wrong), and never repeat what was typed.
 */
export const contactformulierSchema = z.object({
  organisatie: tekst('Vul de naam van uw organisatie in', 200),
  contactpersoon: tekst('Vul de naam van de contactpersoon in', 100),
  email: z.string({ error: 'Vul uw e-mailadres in' }).trim().min(1, 'Vul uw e-mailadres in').max(254, 'Gebruik maximaal 254 tekens')
    .pipe(z.email('Vul een e-mailadres in zoals naam@voorbeeld.nl')),
  // The full metadata knows the real number ranges, like the screening of Sonar text does.
  telefoon: tekst('Vul uw telefoonnummer in', 30)
    .refine((v) => isValidPhoneNumber(v, 'NL'), 'Vul een telefoonnummer in zoals 024 123 45 67 of +31 6 12345678'),
  vacature: tekst('Vul de functie of vacature in', 200),
  toelichting: z.string({ error: 'Vul de toelichting in als tekst' }).trim().max(2000, 'Gebruik maximaal 2000 tekens').default(''),
});
export type Contactformulier = z.infer<typeof contactformulierSchema>;
export const CONTACTVELDEN = ['organisatie', 'contactpersoon', 'email', 'telefoon', 'vacature', 'toelichting'] as const satisfies readonly (keyof Contactformulier)[];

/**
 * An employer's request to get in touch with a candidate, addressed to the werkgeversservicepunt (WSP) of the
 * candidate's region. It holds the employer's contact data and the candidate's pseudonym, nothing else about
 * the candidate: the WSP looks the person up in its own systems.
 */
export interface Contactverzoek extends Contactformulier {
  referentie: string;
  /** Pseudonym of the candidate (the profile id). */
  profielId: string;
  /** Arbeidsmarktregio of the candidate at the moment of the request: the WSP that handles it. */
  regio: number;
  /** ISO 8601 timestamp (UTC). */
  ingediend: string;
  status: Contactverzoekstatus;
  /** Why the WSP closed it (or 'profiel verwijderd'); null while open. */
  afsluitreden: string | null;
  /** ISO 8601 timestamp (UTC) of the last status change; the submission until then. */
  bijgewerkt: string;
  /** ISO 8601 timestamp (UTC) of the closing; null while open. Retention counts from here. */
  afgesloten: string | null;
  /** The sender's key id (`Identiteit.id`), so the employer sees its own requests; null: a development page visit without sign-in. */
  afzender: string | null;
}

/** The way a contactverzoek goes at the werkgeversservicepunt; 'afgesloten' is final. */
export const CONTACTVERZOEKSTATUSSEN = ['nieuw', 'in behandeling', 'kandidaat benaderd', 'afgesloten'] as const;
export type Contactverzoekstatus = (typeof CONTACTVERZOEKSTATUSSEN)[number];
export const OPEN_STATUSSEN = ['nieuw', 'in behandeling', 'kandidaat benaderd'] as const satisfies readonly Contactverzoekstatus[];

/**
 * Per target status, the statuses it may be reached from. Forward only, except that a candidate who was approached
 * may be taken back into treatment; nothing goes back to 'nieuw', nothing leaves 'afgesloten'.
 */
export const MAG_VANUIT: Record<Exclude<Contactverzoekstatus, 'nieuw'>, readonly Contactverzoekstatus[]> = {
  'in behandeling': ['nieuw', 'kandidaat benaderd'],
  'kandidaat benaderd': ['nieuw', 'in behandeling'],
  afgesloten: OPEN_STATUSSEN,
};

/** The reason the service gives when Sonar deleted the candidate's profile. */
export const REDEN_PROFIEL_VERWIJDERD = 'profiel verwijderd';

/** A status change a store applies in one statement, only from a status that allows it. */
export type Statuswijziging =
  | { status: 'in behandeling' | 'kandidaat benaderd'; tijd: string }
  | { status: 'afgesloten'; reden: string; tijd: string };

/** What the list of contactverzoeken can be narrowed to; absent fields do not narrow. */
export interface Contactverzoekfilter {
  regios?: readonly number[];
  status?: Contactverzoekstatus;
  /** Only requests of this sender (`null`: sent without identity). */
  afzender?: string | null;
}

/** The transition is not allowed from the request's current status (closed is final). */
export class OngeldigeOvergangFout extends Error {
  override readonly name = 'OngeldigeOvergangFout';
  constructor(readonly van: Contactverzoekstatus, readonly naar: Contactverzoekstatus) {
    super(van === 'afgesloten' ? 'dit contactverzoek is afgesloten; de status verandert niet meer' : `van "${van}" naar "${naar}" kan niet`);
  }
}
