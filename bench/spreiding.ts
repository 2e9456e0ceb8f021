/**
 * The spread of every ratio over several runs of `npm run bench`, as a Markdown table:
 *
 *   npx tsx bench/spreiding.ts bench/results-1.json bench/results-2.json bench/results-3.json
 *
 * Spread is (highest - lowest) / median; a ratio that moves more than 15% between runs needs a longer or a
 * repeated measurement before it can gate anything (docs/benchmarks.md).
 */
import { readFileSync } from 'node:fs';
import { BUDGETTEN } from './budgetten';
import { getal, tabel, type Regel } from './rapport';
import { percentiel } from './statistiek';

const GRENS_SPREIDING = 0.15;
const bestanden = process.argv.slice(2);
if (bestanden.length < 2) throw new Error('gebruik: spreiding.ts <results.json> <results.json> [...]');
const runs = bestanden.map((b) => (JSON.parse(readFileSync(b, 'utf8')) as { regels: Regel[] }).regels);

const verhoudingen = runs[0]!.filter((r) => (r.eenheid === '%' || r.eenheid === '×') && r.waarde !== null);
const regels: Regel[] = verhoudingen.map((r) => {
  const waarden = runs.map((run) => run.find((x) => x.meting === r.meting)?.waarde ?? NaN);
  const mediaan = percentiel(waarden, 50);
  const spreiding = (Math.max(...waarden) - Math.min(...waarden)) / mediaan;
  const gehaald = r.budget ? waarden.filter((w) => (BUDGETTEN[r.budget!].soort === 'min' ? w >= BUDGETTEN[r.budget!].grens : w <= BUDGETTEN[r.budget!].grens)).length : null;
  return {
    meting: r.meting,
    waarde: spreiding,
    eenheid: r.eenheid,
    tekst: `${waarden.map((w) => `${getal(w, 2)}${r.eenheid}`).join(' / ')}; spreiding ${getal(100 * spreiding)}%${spreiding > GRENS_SPREIDING ? ' (TE GROOT)' : ''}`,
    ...(r.budget ? { budget: r.budget, uitkomst: gehaald === runs.length ? 'gehaald' as const : 'NIET GEHAALD' as const } : {}),
  };
});
process.stdout.write(`Verhoudingen over ${runs.length} runs (${bestanden.join(', ')}):\n\n${tabel(regels)}\n`);
