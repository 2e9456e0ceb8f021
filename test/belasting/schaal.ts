import { bearer, PSEUDONYM_SECRET, SLEUTELS } from '../../bench/server-proces';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';

export { leesRegels } from '../../bench/dataset';

/**
 * Sizes of the load and fault tests. CI runs them scaled down (so `npm test` stays short); `KV_BELASTING=vol`
 * runs them at national size, and each number can be set on its own (docs/benchmarks.md).
 */
const vol = process.env.KV_BELASTING === 'vol';
const getal = (naam: string, ci: number, volledig: number) => Number(process.env[naam] ?? (vol ? volledig : ci));

export const SCHAAL = {
  vol,
  /**
   * Size of the generated export all these tests read (bench/data, shared with `npm run bench`): the mirror of the
   * load-with-change test and its full resync; the fault tests take their records from it.
   */
  profielen: getal('KV_BELASTING_PROFIELEN', 10_000, 250_000),
  /** Seconds of mixed traffic at least (it also lasts until the resync has been answered). */
  seconden: getal('KV_BELASTING_SECONDEN', 8, 60),
  clients: getal('KV_BELASTING_CLIENTS', 16, 16),
  /** SIGKILLs during large syncs. */
  kills: getal('KV_BELASTING_KILLS', 10, 10),
  /** New records per kill round: a small acknowledged batch, then a large full export. */
  killBatch: getal('KV_BELASTING_KILL_BATCH', 200, 2_000),
  killGroot: getal('KV_BELASTING_KILL_GROOT', 600, 20_000),
} as const;

const pseudoniem = createPseudonimiseerder(PSEUDONYM_SECRET);
/** The profile id the service gives the record on this NDJSON line. */
export const idVan = (regel: string) => pseudoniem((JSON.parse(regel) as { klantnummer: string }).klantnummer);

/** totalHits of an unfiltered search: what the search index holds (beheer sees everything). */
export async function indexTotaal(basis: string): Promise<number> {
  const res = await fetch(`${basis}/api/v1/kandidaten?hitsPerPage=1`, { headers: bearer(SLEUTELS.beheer) });
  if (!res.ok) throw new Error(`zoeken: HTTP ${res.status}`);
  return ((await res.json()) as { totalHits: number }).totalHits;
}
