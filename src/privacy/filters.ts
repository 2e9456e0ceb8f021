import type { SearchConfig } from '../config/search-config';
import { banden, regels } from './regels';

/** The Sonar contract's ranges: hours per week 0-80, travel distance 0-500 km. */
const MAX = { uren: 80, reisafstand: 500 } as const;

/**
 * Every published value of a numeric field whose range overlaps [min, max] (either bound open when undefined):
 * the integers (an exact value rounded: n stands for [n - 0.5, n + 0.5)) and the band codes. A filter on the
 * generalised values matches every profile that might fall in the range, and so shows some that do not: that is
 * the price of the coarsening.
 */
function filterwaarden(veld: keyof typeof MAX, grenzen: readonly number[], min: number | undefined, max: number | undefined): string[] {
  const onder = min ?? -Infinity;
  const boven = max ?? Infinity;
  const uit: string[] = [];
  for (let n = 0; n <= MAX[veld]; n++) if (n - 0.5 <= boven && n + 0.5 > onder) uit.push(String(n));
  for (const b of banden(grenzen)) {
    const ondergrensOk = b.eerste ? b.van <= boven : b.van < boven;
    if (ondergrensOk && b.tot >= onder) uit.push(b.code);
  }
  return uit;
}

/** Every `Publiek.uren` value (integers '0'..'80' and band codes) whose range overlaps [min, max]. */
export function urenFilterwaarden(min: number | undefined, max: number | undefined, config: SearchConfig): string[] {
  return filterwaarden('uren', regels(config).urenGrenzen, min, max);
}

/** Every `Publiek.reisafstand` value (integers '0'..'500' and band codes) whose range overlaps [min, max]. */
export function reisafstandFilterwaarden(min: number | undefined, max: number | undefined, config: SearchConfig): string[] {
  return filterwaarden('reisafstand', regels(config).reisafstandGrenzen, min, max);
}

/**
 * For a minimum opleidingsniveau: the exact codes at or above it plus the group codes with any member at or above
 * it (order: `config.opleidingsniveaus`). Throws a RangeError for an unknown code.
 */
export function opleidingsniveauMinWaarden(min: string, config: SearchConfig): string[] {
  const r = regels(config);
  const ondergrens = r.rang.get(min);
  if (ondergrens === undefined) throw new RangeError('onbekend opleidingsniveau');
  const codes = config.opleidingsniveaus.map((n) => n.code).filter((c) => r.rang.get(c)! >= ondergrens);
  const groepen = [...r.groepen].filter(([, g]) => g.niveaus.some((n) => (r.rang.get(n) ?? -1) >= ondergrens)).map(([code]) => code);
  return [...codes, ...groepen];
}
