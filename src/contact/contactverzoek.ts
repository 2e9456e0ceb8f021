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
}
