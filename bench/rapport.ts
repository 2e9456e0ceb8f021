import { BUDGETTEN, beoordeel, type Budgetnaam, type Uitkomst } from './budgetten';

/** One row of the benchmark table and of bench/results.json. */
export interface Regel {
  meting: string;
  /** The number a budget is checked against (null: not measured or not available). */
  waarde: number | null;
  eenheid: string;
  /** What the table shows; more than the one number where that helps (p50/p95/p99, duration). */
  tekst: string;
  budget?: Budgetnaam;
  uitkomst?: Uitkomst;
}

export function regel(meting: string, waarde: number | null, eenheid: string, tekst: string, budget?: Budgetnaam): Regel {
  return { meting, waarde, eenheid, tekst, ...(budget ? { budget, uitkomst: beoordeel(BUDGETTEN[budget], waarde) } : {}) };
}

export const getal = (n: number, decimalen = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen });

function budgettekst(naam: Budgetnaam | undefined, eenheid: string): string {
  if (!naam) return '';
  const b = BUDGETTEN[naam];
  return `${b.soort === 'min' ? '≥' : '≤'} ${getal(b.grens, Number.isInteger(b.grens) ? 0 : 1)} ${eenheid}`;
}

/** The table as Markdown, so it reads in a terminal and pastes into docs/benchmarks.md as it is. */
export function tabel(regels: readonly Regel[]): string {
  const rijen = [['meting', 'resultaat', 'budget', 'uitkomst'], ...regels.map((r) => [r.meting, r.tekst, budgettekst(r.budget, r.eenheid), r.uitkomst ?? ''])];
  const breedte = rijen[0]!.map((_, k) => Math.max(...rijen.map((rij) => rij[k]!.length)));
  const lijn = (rij: string[]) => `| ${rij.map((c, k) => c.padEnd(breedte[k]!)).join(' | ')} |`;
  return [lijn(rijen[0]!), `|${breedte.map((b) => '-'.repeat(b + 2)).join('|')}|`, ...rijen.slice(1).map(lijn)].join('\n');
}
