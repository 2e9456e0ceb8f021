import autocannon from 'autocannon';
import type { Mixvraag } from './querymix';
import { bearer, SLEUTELS } from './server-proces';
import { percentiel } from './statistiek';

export interface HttpMeting {
  clients: number;
  perSeconde: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, connection errors and timeouts: any of these makes the run worthless. */
  fouten: number;
}

/**
 * `clients` connections (keep-alive, one request in flight each) walk through the query mix against the search API
 * for `duurS` seconds, after a short warm-up. Counts only 2xx answers as throughput.
 */
export async function meetHttp(basis: string, mix: readonly Mixvraag[], clients: number, duurS: number): Promise<HttpMeting> {
  const opties = {
    url: basis,
    connections: clients,
    headers: bearer(SLEUTELS.werkgever),
    requests: mix.map((m) => ({ method: 'GET' as const, path: `/api/v1/kandidaten?${m.query}` })),
  };
  await autocannon({ ...opties, duration: 2 });
  const r = await autocannon({ ...opties, duration: duurS });
  return { clients, perSeconde: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, fouten: r.non2xx + r.errors + r.timeouts };
}

export interface Reeks { eerste: number; p50: number; p95: number }

/** Times `n` sequential requests of one kind (after a first, cold one that is reported separately). */
export async function meetReeks(doe: () => Promise<void>, n: number): Promise<Reeks> {
  const tijd = async () => {
    const t = performance.now();
    await doe();
    return performance.now() - t;
  };
  const eerste = await tijd();
  const tijden: number[] = [];
  for (let i = 0; i < n; i++) tijden.push(await tijd());
  return { eerste, p50: percentiel(tijden, 50), p95: percentiel(tijden, 95) };
}
