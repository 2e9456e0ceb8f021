import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import type { QuasiIdentificator } from './privacy-config';
import { bandVan, regels, stadiumVan, type Regels, type Stadium } from './regels';

/** What employers see of a quasi-identifier that is suppressed. */
export const NIET_GETOOND = 'niet getoond';
/** The one rung of the rijbewijs ladder. */
export const HEEFT_RIJBEWIJS = 'heeft-rijbewijs';

/** What employers see of the quasi-identifiers (facet values are strings). Non-QI fields are exact. */
export interface Publiek {
  /** Region number as string, e.g. '25', or NIET_GETOOND. */
  regio: string;
  /** CBS code 'GM0268' | NIET_GETOOND (also when generalised to the region). */
  gemeente: string;
  /** Exact code | group code from privacy.json | config.zoeken.onbekend | NIET_GETOOND. */
  opleidingsniveau: string;
  /** Exact hours rounded to an integer ('32') | band code ('24-32') | onbekend | NIET_GETOOND. */
  uren: string;
  /** Likewise for reisafstandKm (exact rounded km when it is not a quasi-identifier). */
  reisafstand: string;
  /** Exact categories sorted | ['heeft-rijbewijs'] | [] (none or unknown) | [NIET_GETOOND]. */
  rijbewijs: string[];
  /** 'ja' | 'nee' | onbekend | NIET_GETOOND. */
  eigenVervoer: string;
}
export type PubliekVeld = keyof Publiek;

/** The exact values of the quasi-identifiers of one profile (a leaf key holds only the configured ones). */
export interface Waarden {
  gemeente: string;
  opleidingsniveau: string | null;
  urenPerWeek: number | null;
  reisafstandKm: number | null;
  rijbewijs: readonly string[];
  eigenVervoer: boolean | null;
}

function waardenVan(p: Kandidaatprofiel): Waarden {
  return {
    gemeente: p.gemeenteCode,
    opleidingsniveau: p.opleidingsniveau,
    urenPerWeek: p.urenPerWeek,
    reisafstandKm: p.reisafstandKm,
    rijbewijs: p.rijbewijs,
    eigenVervoer: p.eigenVervoer,
  };
}

const getalToken = (n: number | null) => (n === null ? '' : String(n));

/** The token of one exact value in a leaf key. None contains '|'; '' is unknown (or no rijbewijs). */
function token(w: Waarden, qi: QuasiIdentificator): string {
  switch (qi) {
    case 'gemeente': return w.gemeente;
    case 'opleidingsniveau': return w.opleidingsniveau ?? '';
    case 'urenPerWeek': return getalToken(w.urenPerWeek);
    case 'reisafstandKm': return getalToken(w.reisafstandKm);
    case 'rijbewijs': return [...w.rijbewijs].sort().join(',');
    case 'eigenVervoer': return w.eigenVervoer === null ? '' : w.eigenVervoer ? 'j' : 'n';
  }
}

/**
 * The canonical leaf key of a profile: the exact values of the configured quasi-identifiers, unknowns included,
 * e.g. 'GM0268|mbo-2|32|B,BE|j'. Short (a DB column and a map key). It depends on which quasi-identifiers are
 * configured, not on the ladders: recompute it when `quasiIdentificatoren` changes.
 */
export function blad(p: Kandidaatprofiel, config: SearchConfig): string {
  const w = waardenVan(p);
  return regels(config).qis.map((q) => token(w, q)).join('|');
}

/** Thrown for a leaf key that does not fit the configured quasi-identifiers. */
export class OngeldigBladError extends Error {
  constructor() {
    super('ongeldige bladsleutel voor de geconfigureerde quasi-identificatoren');
    this.name = 'OngeldigBladError';
  }
}

/** The tokens of a leaf key, in leaf key order. */
export function bladTokens(b: string, r: Regels): string[] {
  const t = b.split('|');
  if (t.length !== r.qis.length) throw new OngeldigBladError();
  return t;
}

/** The exact values in a leaf key; fields that are no quasi-identifier come back unknown. */
export function leesBlad(b: string, config: SearchConfig): Waarden {
  const r = regels(config);
  const t = bladTokens(b, r);
  const get = (qi: QuasiIdentificator) => (r.positie[qi] < 0 ? '' : t[r.positie[qi]]!);
  const getal = (s: string) => {
    if (s === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n)) throw new OngeldigBladError();
    return n;
  };
  const ev = get('eigenVervoer');
  return {
    gemeente: get('gemeente'),
    opleidingsniveau: get('opleidingsniveau') || null,
    urenPerWeek: getal(get('urenPerWeek')),
    reisafstandKm: getal(get('reisafstandKm')),
    rijbewijs: get('rijbewijs') === '' ? [] : get('rijbewijs').split(','),
    eigenVervoer: ev === '' ? null : ev === 'j',
  };
}

/**
 * The token of a quasi-identifier one rung up (stadium 1), for the class tree's node keys; it must determine what
 * publiek() shows at that stadium.
 */
export function gegeneraliseerdToken(qi: QuasiIdentificator, exact: string, r: Regels): string {
  if (exact === '') return '';
  switch (qi) {
    case 'gemeente': return String(r.config.gemeenten.get(exact)?.regio ?? '');
    case 'opleidingsniveau': return r.groepVan.get(exact) ?? '';
    case 'urenPerWeek': return bandVan(Number(exact), r.urenGrenzen);
    case 'reisafstandKm': return bandVan(Number(exact), r.reisafstandGrenzen);
    case 'rijbewijs': return HEEFT_RIJBEWIJS;
    case 'eigenVervoer': return exact;
  }
}

function getal(n: number | null, stadium: Stadium, grenzen: readonly number[], onbekend: string): string {
  if (stadium === 2) return NIET_GETOOND;
  if (n === null) return onbekend;
  return stadium === 0 ? String(Math.round(n)) : bandVan(n, grenzen);
}

/** What employers see of these exact values at a level. */
export function publiekVanWaarden(w: Waarden, niveau: number, config: SearchConfig): Publiek {
  const r = regels(config);
  const s = (qi: QuasiIdentificator) => stadiumVan(r, niveau, qi);
  const gemeente = s('gemeente');
  const regio = r.config.gemeenten.get(w.gemeente)?.regio;
  const opl = s('opleidingsniveau');
  const rb = s('rijbewijs');
  const ev = s('eigenVervoer');
  return {
    regio: gemeente === 2 || regio === undefined ? NIET_GETOOND : String(regio),
    gemeente: gemeente === 0 ? w.gemeente : NIET_GETOOND,
    opleidingsniveau: opl === 2 ? NIET_GETOOND
      : w.opleidingsniveau === null ? r.onbekend
        : opl === 0 ? w.opleidingsniveau : r.groepVan.get(w.opleidingsniveau) ?? r.onbekend,
    uren: getal(w.urenPerWeek, s('urenPerWeek'), r.urenGrenzen, r.onbekend),
    reisafstand: getal(w.reisafstandKm, s('reisafstandKm'), r.reisafstandGrenzen, r.onbekend),
    rijbewijs: rb === 2 ? [NIET_GETOOND] : w.rijbewijs.length === 0 ? [] : rb === 1 ? [HEEFT_RIJBEWIJS] : [...w.rijbewijs].sort(),
    eigenVervoer: ev === 2 ? NIET_GETOOND : w.eigenVervoer === null ? r.onbekend : w.eigenVervoer ? 'ja' : 'nee',
  };
}

/** What employers see of a profile published at `niveau` (from Klassenboom.niveau). */
export function publiek(p: Kandidaatprofiel, niveau: number, config: SearchConfig): Publiek {
  return publiekVanWaarden(waardenVan(p), niveau, config);
}

/** The published fields each quasi-identifier feeds. */
export const VELD_VAN: Readonly<Record<QuasiIdentificator, readonly PubliekVeld[]>> = {
  gemeente: ['regio', 'gemeente'],
  opleidingsniveau: ['opleidingsniveau'],
  urenPerWeek: ['uren'],
  reisafstandKm: ['reisafstand'],
  rijbewijs: ['rijbewijs'],
  eigenVervoer: ['eigenVervoer'],
};

/**
 * The published combination of the quasi-identifiers of a leaf at a level, as one string: profiles with the same
 * string look the same to an employer on every quasi-identifier.
 */
export function publiekeCombinatie(b: string, niveau: number, config: SearchConfig): string {
  const r = regels(config);
  const p = publiekVanWaarden(leesBlad(b, config), niveau, config);
  return r.qis.flatMap((q) => VELD_VAN[q].map((v) => JSON.stringify(p[v]))).join('|');
}

const getalTekst = (n: number) => String(n).replace('.', ',');

function bandLabel(code: string, eenheid: string): string | null {
  const plus = /^(\d+(?:\.\d+)?)\+$/.exec(code);
  if (plus) return `meer dan ${getalTekst(Number(plus[1]))} ${eenheid}`;
  const band = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(code);
  if (!band) return null;
  const [van, tot] = [Number(band[1]), Number(band[2])];
  return van === 0 ? `tot en met ${getalTekst(tot)} ${eenheid}` : `meer dan ${getalTekst(van)} tot en met ${getalTekst(tot)} ${eenheid}`;
}

/**
 * A display label for one published value: band codes in words ('meer dan 12 tot en met 24 uur'), group labels
 * from privacy.json, 'heeft een rijbewijs', 'niet getoond'; exact values by their own label where the config has one.
 */
export function publiekLabel(veld: PubliekVeld, waarde: string, config: SearchConfig): string {
  if (waarde === NIET_GETOOND) return NIET_GETOOND;
  const r = regels(config);
  if (waarde === r.onbekend) return waarde;
  switch (veld) {
    case 'uren': return /^\d+$/.test(waarde) ? `${waarde} uur` : bandLabel(waarde, 'uur') ?? waarde;
    case 'reisafstand': return /^\d+$/.test(waarde) ? `${waarde} km` : bandLabel(waarde, 'km') ?? waarde;
    case 'opleidingsniveau':
      return r.groepen.get(waarde)?.label ?? config.opleidingsniveaus.find((n) => n.code === waarde)?.label ?? waarde;
    case 'rijbewijs': return waarde === HEEFT_RIJBEWIJS ? 'heeft een rijbewijs' : waarde;
    case 'gemeente': return config.gemeenten.get(waarde)?.naam ?? waarde;
    case 'regio': return config.regios.find((g) => String(g.nummer) === waarde)?.naam ?? waarde;
    case 'eigenVervoer': return waarde;
  }
}
