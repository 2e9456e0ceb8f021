/**
 * Quarters as 'YYYY-Qn'. With four-digit years the text sorts in time order, so periods are compared as strings.
 */
export const PERIODE_PATROON = /^(\d{4})-Q([1-4])$/;
export const PERIODE_MELDING = 'verwacht een kwartaal zoals 2020-Q2 (YYYY-Q1 tot en met YYYY-Q4)';

export function isPeriode(tekst: string): boolean {
  return PERIODE_PATROON.test(tekst);
}

function delen(periode: string): { jaar: number; kwartaal: number } {
  const m = PERIODE_PATROON.exec(periode);
  if (!m) throw new RangeError(`periode "${periode}": ${PERIODE_MELDING}`);
  return { jaar: Number(m[1]), kwartaal: Number(m[2]) };
}

const naarTekst = (jaar: number, kwartaal: number) => `${String(jaar).padStart(4, '0')}-Q${kwartaal}`;

// Quarters end at midnight Dutch time, not UTC: a sync at 00:30 on 1 July belongs to Q3.
const NEDERLANDSE_DATUM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric' });

/** The quarter `moment` falls in, in Dutch time. */
export function periodeVan(moment: Date): string {
  const onderdelen = NEDERLANDSE_DATUM.formatToParts(moment);
  const jaar = Number(onderdelen.find((d) => d.type === 'year')!.value);
  const maand = Number(onderdelen.find((d) => d.type === 'month')!.value);
  return naarTekst(jaar, Math.ceil(maand / 3));
}

export function vorigePeriode(periode: string): string {
  const { jaar, kwartaal } = delen(periode);
  return kwartaal === 1 ? naarTekst(jaar - 1, 4) : naarTekst(jaar, kwartaal - 1);
}

