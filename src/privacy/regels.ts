import type { SearchConfig } from '../config/search-config';
import { QUASI_IDENTIFICATOREN, type QuasiIdentificator } from './privacy-config';

/**
 * How far one quasi-identifier is coarsened at a level: exact, one rung up its ladder (gemeente to arbeidsmarktregio,
 * hours and distance to bands, opleidingsniveau to a group, rijbewijs to 'heeft een rijbewijs'), or not shown.
 */
export const STADIA = ['exact', 'gegeneraliseerd', 'niet getoond'] as const;
export type Stadium = 0 | 1 | 2;

/** One step from a level to the next: one quasi-identifier one rung up, or suppressed. */
export interface Niveaustap { qi: QuasiIdentificator; soort: 'generaliseer' | 'onderdruk' }

/** The quasi-identifiers that have a ladder rung; eigenVervoer (ja/nee) can only be suppressed. */
const MET_TREDE: ReadonlySet<QuasiIdentificator> = new Set(['gemeente', 'urenPerWeek', 'opleidingsniveau', 'rijbewijs', 'reisafstandKm']);

/** The privacy rules of one SearchConfig, compiled once: levels, groups, bands. */
export interface Regels {
  k: number;
  /** The configured quasi-identifiers in the fixed order of QUASI_IDENTIFICATOREN: the layout of a leaf key. */
  qis: readonly QuasiIdentificator[];
  /** Position of a quasi-identifier in a leaf key, or -1 when it is not configured. */
  positie: Readonly<Record<QuasiIdentificator, number>>;
  /** steps[i] leads from level i to level i + 1. */
  stappen: readonly Niveaustap[];
  /** Per level, per configured quasi-identifier (leaf key order): its stadium. */
  stadia: readonly (readonly Stadium[])[];
  /** Opleidingsniveau code to the code of its group in privacy.json. */
  groepVan: ReadonlyMap<string, string>;
  groepen: ReadonlyMap<string, { label: string; niveaus: readonly string[] }>;
  /** Opleidingsniveau code to its rank in `config.opleidingsniveaus` (low to high). */
  rang: ReadonlyMap<string, number>;
  urenGrenzen: readonly number[];
  reisafstandGrenzen: readonly number[];
  onbekend: string;
  config: SearchConfig;
}

const cache = new WeakMap<SearchConfig, Regels>();

/** The compiled rules for this config (cached per config object: publiek() runs once per profile). */
export function regels(config: SearchConfig): Regels {
  const bekend = cache.get(config);
  if (bekend) return bekend;
  const p = config.privacy;
  const qis = QUASI_IDENTIFICATOREN.filter((q) => p.quasiIdentificatoren.includes(q));
  const positie = Object.fromEntries(QUASI_IDENTIFICATOREN.map((q) => [q, qis.indexOf(q)])) as Record<QuasiIdentificator, number>;
  const volgorde = p.volgorde.filter((q) => qis.includes(q));
  const stappen: Niveaustap[] = [
    ...volgorde.filter((q) => MET_TREDE.has(q)).map((qi) => ({ qi, soort: 'generaliseer' as const })),
    ...volgorde.map((qi) => ({ qi, soort: 'onderdruk' as const })),
  ];
  const stadia: Stadium[][] = [qis.map(() => 0 as Stadium)];
  for (const stap of stappen) {
    const vorige = stadia[stadia.length - 1]!;
    const i = qis.indexOf(stap.qi);
    stadia.push(vorige.map((s, j) => (j === i ? (stap.soort === 'generaliseer' ? 1 : 2) : s)));
  }
  const groepVan = new Map<string, string>();
  const groepen = new Map<string, { label: string; niveaus: readonly string[] }>();
  for (const g of p.ladders.opleidingsniveau) {
    groepen.set(g.code, { label: g.label, niveaus: g.niveaus });
    for (const n of g.niveaus) groepVan.set(n, g.code);
  }
  const r: Regels = {
    k: p.k,
    qis,
    positie,
    stappen,
    stadia,
    groepVan,
    groepen,
    rang: new Map(config.opleidingsniveaus.map((n, i) => [n.code, i])),
    urenGrenzen: p.ladders.urenPerWeek.grenzen,
    reisafstandGrenzen: p.ladders.reisafstandKm.grenzen,
    onbekend: config.zoeken.onbekend,
    config,
  };
  cache.set(config, r);
  return r;
}

/** Number of levels: 0 (all exact) up to and including the level where every quasi-identifier is suppressed. */
export function aantalNiveaus(config: SearchConfig): number {
  return regels(config).stadia.length;
}

/** The stadium of one quasi-identifier at a level; a field that is no quasi-identifier is always exact. */
export function stadiumVan(r: Regels, niveau: number, qi: QuasiIdentificator): Stadium {
  const i = r.positie[qi];
  if (i < 0) return 0;
  const s = r.stadia[niveau];
  if (s === undefined) throw new RangeError(`niveau ${niveau} bestaat niet (0 tot en met ${r.stadia.length - 1})`);
  return s[i]!;
}

/**
 * The band code of a value: with bounds [12, 24, 32] '0-12' is [0, 12], '12-24' (12, 24], '24-32' (24, 32] and
 * '32+' (32, ∞). Bounds are inclusive upper bounds, values may be fractional.
 */
export function bandVan(waarde: number, grenzen: readonly number[]): string {
  for (let i = 0; i < grenzen.length; i++) {
    if (waarde <= grenzen[i]!) return i === 0 ? `0-${grenzen[0]}` : `${grenzen[i - 1]}-${grenzen[i]}`;
  }
  return `${grenzen[grenzen.length - 1]}+`;
}

/** Every band of these bounds with its code and range: `van` exclusive (except the first band: 0 inclusive), `tot` inclusive. */
export function banden(grenzen: readonly number[]): { code: string; van: number; tot: number; eerste: boolean }[] {
  const uit = grenzen.map((g, i) => ({ code: bandVan(g, grenzen), van: i === 0 ? 0 : grenzen[i - 1]!, tot: g, eerste: i === 0 }));
  const laatste = grenzen[grenzen.length - 1]!;
  uit.push({ code: `${laatste}+`, van: laatste, tot: Infinity, eerste: false });
  return uit;
}
