/**
 * `npm run bench -- --opslag postgres`: the same national export through the service on SQLite and on PostgreSQL,
 * in one run, so every PostgreSQL figure stands beside its SQLite peer as a ratio. Then two instances on the one
 * database: how long a committed change takes to be searchable on the other instance, at a steady 1,000 changed
 * profiles per second.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { stuurExport } from './api-client';
import { nieuweTestDatabase } from './postgres-database';
import { leesRegels, type Dataset } from './dataset';
import { bearer, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from './server-proces';
import { percentiel } from './statistiek';
import type { Syncresultaat } from '../src/mirror/sync.service';

export interface Opslagmeting {
  profielen: number;
  sync: { sqlite: number; postgres: number };
  koudeStartS: { sqlite: number; postgres: number };
  lag: { p50: number; p99: number; metingen: number; profielenPerS: number };
}

export interface OpslagOpties {
  profielen: number;
  /** Seconds of steady changes for the lag. */
  lagSeconden: number;
}

const log = (tekst: string) => process.stderr.write(`bench: ${tekst}\n`);
const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Changed profiles per batch, and batches per second: 10 × 100 = 1,000 changed profiles a second. */
const PER_BATCH = 100;
const BATCHES_PER_S = 10;

async function syncEnKoudeStart(werkmap: string, naam: string, dataset: Dataset, env: Record<string, string>) {
  const serverOpties = { dataDir: path.join(werkmap, `data-${naam}`), port: await vrijePoort(), logBestand: path.join(werkmap, `${naam}.log`), env };
  let server = startServer(serverOpties);
  try {
    await wachtOpHealth(server, { timeoutMs: 120_000 });
    log(`${naam}: volledige export`);
    const t = performance.now();
    const r = await stuurExport(server.basis, dataset.ndjson, { volledig: true });
    const syncS = (performance.now() - t) / 1000;
    if (r.status !== 200) throw new Error(`${naam}: sync HTTP ${r.status}`);
    const profielen = (r.antwoord as Syncresultaat).toegevoegd;
    await server.stop();
    log(`${naam}: koude start`);
    const start = performance.now();
    server = startServer(serverOpties);
    await wachtOpHealth(server, { timeoutMs: 300_000, klaar: (h) => h.profielen === profielen && h.status === 'ok' });
    return { perS: profielen / syncS, koudeStartS: (performance.now() - start) / 1000, server, serverOpties };
  } catch (err) {
    await server.kill();
    throw err;
  }
}

/**
 * Lag from the writer's answer (after its commit) to the other instance answering a read of that position
 * (`?naSequentie=`): the time a client that wrote to A waits before B shows its write. The writer's answer comes
 * after its own index applied the change, so this slightly understates the lag from the commit itself.
 */
async function meetLag(schrijver: ServerProces, lezer: ServerProces, dataset: Dataset, seconden: number) {
  const regels = await leesRegels(dataset.ndjson, 0, PER_BATCH * BATCHES_PER_S * 2);
  const lags: number[] = [];
  const metingen: Promise<void>[] = [];
  let gewijzigd = 0;
  const begin = performance.now();
  for (let ronde = 0; performance.now() - begin < seconden * 1000; ronde++) {
    const gepland = begin + (ronde * 1000) / BATCHES_PER_S;
    if (gepland > performance.now()) await wacht(gepland - performance.now());
    // A new change date each round, so every profile of the batch really changes.
    const dag = new Date(Date.UTC(2030, 0, 1) + ronde * 86_400_000).toISOString();
    const deel = regels.slice((ronde * PER_BATCH) % regels.length, (ronde * PER_BATCH) % regels.length + PER_BATCH)
      .map((r) => JSON.stringify({ ...JSON.parse(r), gewijzigdOp: dag }));
    const r = await stuurExport(schrijver.basis, { tekst: `${deel.join('\n')}\n` }, { volledig: false });
    const beantwoord = performance.now();
    if (r.status !== 200) throw new Error(`lag: sync HTTP ${r.status}`);
    const { volgnummer, bijgewerkt } = r.antwoord as Syncresultaat;
    gewijzigd += bijgewerkt;
    metingen.push((async () => {
      const res = await fetch(`${lezer.basis}/api/v1/kandidaten?hitsPerPage=1&naSequentie=${volgnummer}`, { headers: bearer(SLEUTELS.werkgever) });
      if (res.status !== 200) throw new Error(`lag: lezen HTTP ${res.status}`);
      await res.arrayBuffer();
      lags.push(performance.now() - beantwoord);
    })());
  }
  await Promise.all(metingen);
  const duurS = (performance.now() - begin) / 1000;
  return { p50: percentiel(lags, 50), p99: percentiel(lags, 99), metingen: lags.length, profielenPerS: gewijzigd / duurS };
}

/**
 * The steady state, not the start: after a full build the second instance's other search threads are still being
 * built (one after another, and changes wait behind that), so one change is sent and read back until it shows.
 */
async function warmOp(schrijver: ServerProces, lezer: ServerProces, dataset: Dataset): Promise<void> {
  const [regel] = await leesRegels(dataset.ndjson, 0, 1);
  const r = await stuurExport(schrijver.basis, { tekst: `${JSON.stringify({ ...JSON.parse(regel!), gewijzigdOp: '2029-12-31T00:00:00Z' })}\n` }, { volledig: false });
  const { volgnummer } = r.antwoord as Syncresultaat;
  const tot = performance.now() + 300_000;
  while (performance.now() < tot) {
    const res = await fetch(`${lezer.basis}/api/v1/kandidaten?hitsPerPage=1&naSequentie=${volgnummer}`, { headers: bearer(SLEUTELS.werkgever) });
    await res.arrayBuffer();
    if (res.status === 200) return;
  }
  throw new Error('de tweede instantie kwam niet bij');
}

export async function meetOpslag(opties: OpslagOpties, dataset: Dataset, werkmap: string): Promise<Opslagmeting> {
  mkdirSync(werkmap, { recursive: true });
  const db = await nieuweTestDatabase();
  const servers: ServerProces[] = [];
  try {
    const sqlite = await syncEnKoudeStart(werkmap, 'sqlite', dataset, {});
    await sqlite.server.stop();
    const pg = await syncEnKoudeStart(werkmap, 'postgres', dataset, { DATABASE_URL: db.url });
    servers.push(pg.server);
    log('postgres: tweede instantie, dan wijzigingen aan de eerste');
    const tweede = startServer({ ...pg.serverOpties, dataDir: path.join(werkmap, 'data-postgres-2'), port: await vrijePoort(), logBestand: path.join(werkmap, 'postgres-2.log') });
    servers.push(tweede);
    await wachtOpHealth(tweede, { timeoutMs: 300_000, klaar: (h) => h.status === 'ok' && h.achterstand.volgnummers === 0 });
    await warmOp(pg.server, tweede, dataset);
    const lag = await meetLag(pg.server, tweede, dataset, opties.lagSeconden);
    return {
      profielen: opties.profielen,
      sync: { sqlite: sqlite.perS, postgres: pg.perS },
      koudeStartS: { sqlite: sqlite.koudeStartS, postgres: pg.koudeStartS },
      lag,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.verwijder();
  }
}
