import autocannon from 'autocannon';
import { percentiel } from './statistiek';

export interface HttpMeting {
  clients: number;
  perSeconde: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, connection errors and timeouts: any of these makes the run worthless. */
  fouten: number;
}

export interface HttpVraag {
  basis: string;
  /** Walked in turn by every connection. */
  paden: readonly string[];
  headers: Record<string, string>;
  clients: number;
  duurS: number;
}

/** One autocannon run; the latency of every 2xx answer goes into `tijden`, in fractional milliseconds. */
function draai(opties: autocannon.Options, tijden: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instantie = autocannon(opties, (err: unknown, resultaat) => (err ? reject(err as Error) : resolve(resultaat)));
    instantie.on('response', (_client, status, _bytes, tijd) => { if (status >= 200 && status < 300) tijden.push(tijd); });
  });
}

/**
 * `clients` connections (keep-alive, one request in flight each) walk through `paden` for `duurS` seconds, after
 * a short warm-up. Counts only 2xx answers as throughput. Percentiles come from every answer's own latency, not
 * from autocannon's histogram, which rounds to whole milliseconds: a bare server's p99 is a few of those.
 */
export async function meetHttp(vraag: HttpVraag): Promise<HttpMeting> {
  const opties = {
    url: vraag.basis,
    connections: vraag.clients,
    headers: vraag.headers,
    requests: vraag.paden.map((path) => ({ method: 'GET' as const, path })),
  };
  await draai({ ...opties, duration: 2 }, []);
  const tijden: number[] = [];
  const r = await draai({ ...opties, duration: vraag.duurS }, tijden);
  return { clients: vraag.clients, perSeconde: r['2xx'] / r.duration, p50: percentiel(tijden, 50), p99: percentiel(tijden, 99), fouten: r.non2xx + r.errors + r.timeouts };
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
