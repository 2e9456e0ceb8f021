import { PERIODE_MELDING, PERIODE_PATROON } from '../src/transparantie/periode';

/** A calendar quarter as the period of an export: 'YYYY-Qn'. */
export interface Periode {
  naam: string;
  /** First millisecond of the quarter (UTC). */
  van: number;
  /** Last whole second of the quarter (UTC). */
  tot: number;
}

/** Parses '2020-Q2' into its UTC bounds; throws a RangeError naming the expected form. */
export function leesPeriode(naam: string): Periode {
  const m = PERIODE_PATROON.exec(naam);
  if (!m) throw new RangeError(`periode "${naam}" is ongeldig: ${PERIODE_MELDING}`);
  const jaar = Number(m[1]);
  const kwartaal = Number(m[2]);
  return {
    naam,
    van: Date.UTC(jaar, (kwartaal - 1) * 3, 1),
    tot: Date.UTC(jaar, kwartaal * 3, 1) - 1000,
  };
}
