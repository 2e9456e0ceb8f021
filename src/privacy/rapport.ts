import type { SearchConfig } from '../config/search-config';
import { Klassenboom } from './klassenboom';
import type { QuasiIdentificator } from './privacy-config';
import { publiekeCombinatie } from './publiek';
import { regels, STADIA } from './regels';

export const KLASSEGROOTTEN = ['1', '2', '3', '4', '5-9', '10+'] as const;
export type Klassegrootte = (typeof KLASSEGROOTTEN)[number];

export interface Klassenverdeling {
  /** Per class size: how many profiles are in a class of that size, and their share of all profiles. */
  perGrootte: { grootte: Klassegrootte; profielen: number; procent: number }[];
  klassen: number;
  profielen: number;
  kleinsteKlasse: number | null;
}

export interface Privacyrapport {
  k: number;
  quasiIdentificatoren: QuasiIdentificator[];
  profielen: number;
  /** Exact combinations of the quasi-identifiers, as a regional manager sees them. */
  voor: Klassenverdeling;
  /** Published combinations, as employers see them (only the profiles that are shown). */
  na: Klassenverdeling;
  /** Per quasi-identifier: of the shown profiles, how many show it exact, generalised, or not at all. */
  perQuasiIdentificator: { qi: QuasiIdentificator; exact: number; gegeneraliseerd: number; nietGetoond: number }[];
  /** Per level: how many profiles are published there (level 0 = every quasi-identifier exact). */
  perNiveau: number[];
  /** Profiles not shown to employers at all (fewer than k left over at the root). */
  nietGetoond: number;
}

function grootteVan(n: number): Klassegrootte {
  return n >= 10 ? '10+' : n >= 5 ? '5-9' : (String(n) as Klassegrootte);
}

function verdeling(groottes: Iterable<number>, totaal: number): Klassenverdeling {
  const per = new Map<Klassegrootte, number>(KLASSEGROOTTEN.map((g) => [g, 0]));
  let klassen = 0;
  let profielen = 0;
  let kleinste: number | null = null;
  for (const n of groottes) {
    klassen++;
    profielen += n;
    kleinste = kleinste === null ? n : Math.min(kleinste, n);
    per.set(grootteVan(n), per.get(grootteVan(n))! + n);
  }
  return {
    perGrootte: KLASSEGROOTTEN.map((grootte) => ({ grootte, profielen: per.get(grootte)!, procent: totaal === 0 ? 0 : (100 * per.get(grootte)!) / totaal })),
    klassen,
    profielen,
    kleinsteKlasse: kleinste,
  };
}

/**
 * The k-anonymity report of a mirror, from the leaf key of every profile (`blad()`): class sizes before and after
 * generalisation, what happened to each quasi-identifier, and how many profiles are not shown. Only counts: no
 * value of any profile is in it.
 */
export function maakPrivacyrapport(bladen: Iterable<string>, config: SearchConfig): Privacyrapport {
  const r = regels(config);
  const boom = Klassenboom.bouw(bladen, config);
  const perNiveau = r.stadia.map(() => 0);
  const voor: number[] = [];
  const na = new Map<string, number>();
  let nietGetoond = 0;
  for (const [b, n] of boom.bladenMetAantal()) {
    voor.push(n);
    const niveau = boom.niveau(b);
    if (niveau === null) {
      nietGetoond += n;
      continue;
    }
    perNiveau[niveau]! += n;
    const combinatie = publiekeCombinatie(b, niveau, config);
    na.set(combinatie, (na.get(combinatie) ?? 0) + n);
  }
  const profielen = voor.reduce((a, n) => a + n, 0);
  const perQuasiIdentificator = r.qis.map((qi, i) => {
    const per = [0, 0, 0];
    perNiveau.forEach((n, niveau) => { per[r.stadia[niveau]![i]!]! += n; });
    return { qi, exact: per[0]!, gegeneraliseerd: per[1]!, nietGetoond: per[2]! };
  });
  return {
    k: r.k,
    quasiIdentificatoren: [...r.qis],
    profielen,
    voor: verdeling(voor, profielen),
    na: verdeling(na.values(), profielen),
    perQuasiIdentificator,
    perNiveau,
    nietGetoond,
  };
}

const getal = (n: number) => n.toLocaleString('nl-NL');
const procent = (n: number) => `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;

function verdelingstabel(v: Klassenverdeling): string[] {
  return [
    '  klassegrootte  profielen  aandeel',
    ...v.perGrootte.map((g) => `  ${g.grootte.padEnd(13)}  ${getal(g.profielen).padStart(9)}  ${procent(g.procent).padStart(7)}`),
  ];
}

/** The report as text for a terminal (Dutch). */
export function formatteerPrivacyrapport(rapport: Privacyrapport, config: SearchConfig): string {
  const r = regels(config);
  const regelsUit = [
    `Anonimiteit in combinatie: ${getal(rapport.profielen)} profielen, k = ${rapport.k}`,
    `Quasi-identificatoren: ${rapport.quasiIdentificatoren.join(', ')}`,
    '',
    `Vóór generalisatie (exacte combinaties, zoals regiomanagers en beheer ze zien): ${getal(rapport.voor.klassen)} klassen`,
    ...verdelingstabel(rapport.voor),
    '',
    `Na generalisatie (wat werkgevers zien): ${getal(rapport.na.klassen)} getoonde combinaties, kleinste ${rapport.na.kleinsteKlasse === null ? '-' : getal(rapport.na.kleinsteKlasse)}`,
    ...verdelingstabel(rapport.na),
    `  niet getoond   ${getal(rapport.nietGetoond).padStart(9)}  ${procent(rapport.profielen === 0 ? 0 : (100 * rapport.nietGetoond) / rapport.profielen).padStart(7)}`,
    '',
    'Per quasi-identificator (getoonde profielen):',
    `  ${'quasi-identificator'.padEnd(20)}  ${STADIA.map((s) => s.padStart(15)).join('  ')}`,
    ...rapport.perQuasiIdentificator.map((q) => `  ${q.qi.padEnd(20)}  ${[q.exact, q.gegeneraliseerd, q.nietGetoond].map((n) => getal(n).padStart(15)).join('  ')}`),
    '',
    'Per niveau (0 = alles exact):',
    ...rapport.perNiveau.map((n, niveau) => {
      const stap = niveau === 0 ? 'alles exact' : `${r.stappen[niveau - 1]!.qi} ${r.stappen[niveau - 1]!.soort === 'generaliseer' ? 'gegeneraliseerd' : 'niet getoond'}`;
      return `  ${String(niveau).padStart(2)}  ${getal(n).padStart(9)}  (${stap})`;
    }),
  ];
  return `${regelsUit.join('\n')}\n`;
}
