/**
 * Child process of the benchmark: builds one engine from the mirror in DATA_DIR and times the query mix, in a
 * process of its own so neither the generator, the service nor another engine pollutes its memory or its JIT.
 * Prints one JSON line (EngineMeting) on stdout.
 *
 *   node --expose-gc --import tsx bench/engine-meting.ts <embedded|scan|orama|minisearch> <dataDir> <maxSeconden>
 */
import { loadSearchConfig } from '../src/config/search-config';
import { SqliteMirror } from '../src/opslag/sqlite/mirror.sqlite';
import type { BenchEngine } from './baselines/bench-engine';
import { embeddedEngine, embeddedWerkgeverEngine } from './baselines/embedded';
import { minisearchEngine } from './baselines/minisearch';
import { oramaEngine } from './baselines/orama';
import { scanEngine } from './baselines/scan';
import { queryMix } from './querymix';
import { gemiddelde, percentiel } from './statistiek';

export const ENGINES = ['embedded', 'embedded-werkgever', 'scan', 'orama', 'minisearch'] as const;
export type EngineNaam = (typeof ENGINES)[number];

export interface EngineMeting {
  engine: EngineNaam;
  profielen: number;
  bouwMs: number;
  rssMb: number;
  vragen: number;
  p50: number;
  p95: number;
  p99: number;
  gemiddeld: number;
  /** totalHits per query of the mix, so the parent can see whether the engines find comparable sets. */
  treffers: number[];
}

/**
 * Runs the mix at least twice (the first pass warms up), then until there are enough samples over a long enough
 * time, or the time is up: 600 fast queries take a second or two, and one busy moment on a shared machine would
 * move the whole figure.
 */
const MIN_METINGEN = 600;
const MIN_MS = 10_000;

async function main(): Promise<void> {
  const [naam, dataDir, maxSecondenArg] = process.argv.slice(2);
  if (!ENGINES.includes(naam as EngineNaam) || !dataDir) throw new Error(`gebruik: engine-meting.ts <${ENGINES.join('|')}> <dataDir> <maxSeconden>`);
  const maxMs = Number(maxSecondenArg ?? 60) * 1000;
  const config = loadSearchConfig();
  const engine: BenchEngine = { embedded: embeddedEngine, 'embedded-werkgever': embeddedWerkgeverEngine, scan: scanEngine, orama: oramaEngine, minisearch: minisearchEngine }[naam as EngineNaam](config);

  const repository = new SqliteMirror(dataDir, 0);
  const profielen = await repository.aantal();
  const bouwStart = performance.now();
  await engine.bouw(repository.alle());
  const bouwMs = performance.now() - bouwStart;
  await repository.close();
  (globalThis as { gc?: () => void }).gc?.();
  const rssMb = process.memoryUsage().rss / 2 ** 20;

  const mix = queryMix();
  const treffers: number[] = [];
  for (const m of mix) treffers.push((await engine.zoek(m.vraag)).totalHits);
  const tijden: number[] = [];
  const begin = performance.now();
  const einde = begin + maxMs;
  const genoeg = () => tijden.length >= MIN_METINGEN && performance.now() >= begin + MIN_MS;
  while (!genoeg() && performance.now() < einde) {
    for (const m of mix) {
      const t = performance.now();
      await engine.zoek(m.vraag);
      tijden.push(performance.now() - t);
      if (performance.now() >= einde) break;
    }
  }
  const meting: EngineMeting = {
    engine: naam as EngineNaam, profielen, bouwMs, rssMb, vragen: tijden.length,
    p50: percentiel(tijden, 50), p95: percentiel(tijden, 95), p99: percentiel(tijden, 99), gemiddeld: gemiddelde(tijden), treffers,
  };
  process.stdout.write(`${JSON.stringify(meting)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`engine-meting: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
