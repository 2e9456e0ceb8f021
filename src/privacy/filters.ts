import type { SearchConfig } from '../config/search-config';
import { banden, regels } from './regels';

/** The Sonar contract's range of hours per week: 0-80. */
const MAX_UREN = 80;

/**
 * Every `Publiek.uren` value whose range overlaps [min, max] (either bound open when undefined): the integers
 * '0'..'80' (an exact value rounded: n stands for [n - 0.5, n + 0.5)) and the band codes. A filter on the
 * generalised values matches every profile that might fall in the range, and so shows some that do not: that is
 * the price of the coarsening.
 */
export function urenFilterwaarden(min: number | undefined, max: number | undefined, config: SearchConfig): string[] {
  const onder = min ?? -Infinity;
  const boven = max ?? Infinity;
  const uit: string[] = [];
  for (let n = 0; n <= MAX_UREN; n++) if (n - 0.5 <= boven && n + 0.5 > onder) uit.push(String(n));
  for (const b of banden(regels(config).urenGrenzen)) {
    const ondergrensOk = b.eerste ? b.van <= boven : b.van < boven;
    if (ondergrensOk && b.tot >= onder) uit.push(b.code);
  }
  return uit;
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
