/**
 * `npm run bench`: generates (or reuses) the national dataset, starts the real service on a fresh DATA_DIR and
 * measures sync, cold start, memory, HTTP latency and throughput, the transparency overview and the first page
 * load; then times the engines on the same data in child processes. Prints a table, writes bench/results.json,
 * and with --check exits 1 when a budget is broken. See docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { laadRegister, stuurExport } from './api-client';
import { zorgVoorDataset } from './dataset';
import type { EngineMeting, EngineNaam } from './engine-meting';
import { meetHttp, meetReeks, type HttpMeting } from './http-meting';
import { GEBRUIK, leesOpties, OptieFout, type BenchOpties } from './opties';
import { queryMix } from './querymix';
import { getal, regel, tabel, type Regel } from './rapport';
import { bearer, ROOT, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from './server-proces';

const NIET_BESCHIKBAAR = 'niet beschikbaar';
const log = (tekst: string) => process.stderr.write(`bench: ${tekst}\n`);
const ms = (n: number) => `${getal(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
/** autocannon measures latency in whole milliseconds. */
const heleMs = (n: number) => (n < 1 ? '< 1 ms' : `${getal(n)} ms`);

function engineMeting(engine: EngineNaam, dataDir: string, maxSeconden: number): Promise<EngineMeting> {
  return new Promise((resolve, reject) => {
    const kind = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/engine-meting.ts', engine, dataDir, String(maxSeconden)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let uit = '';
    kind.stdout.setEncoding('utf8').on('data', (d: string) => { uit += d; });
    kind.once('error', reject);
    kind.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`engine-meting ${engine} stopte met code ${code}`));
      resolve(JSON.parse(uit.trim().split('\n').at(-1)!) as EngineMeting);
    });
  });
}

/** GET / and the same-origin scripts, styles and images it names, as a browser's first visit; null when there is no page. */
async function eerstePaginalading(basis: string): Promise<number | null> {
  const t = performance.now();
  const res = await fetch(`${basis}/`);
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`GET /: HTTP ${res.status}`);
  const html = await res.text();
  const bronnen = [...html.matchAll(/(?:src|href)="(\/[^"/][^"]*)"/g)].map((m) => m[1]!);
  await Promise.all(bronnen.map(async (bron) => { await (await fetch(`${basis}${bron}`)).arrayBuffer(); }));
  return performance.now() - t;
}

/** The transparency route is answered 404: the feature is not there (yet). */
class GeenRoute extends Error {}

async function transparantieOverzicht(basis: string): Promise<{ eerste: number; p50: number; p95: number } | null> {
  const vraag = async () => {
    const res = await fetch(`${basis}/api/v1/transparantie`, { headers: bearer(SLEUTELS.beheer) });
    if (res.status === 404) throw new GeenRoute();
    if (!res.ok) throw new Error(`transparantie: HTTP ${res.status}`);
    await res.arrayBuffer();
  };
  try {
    return await meetReeks(vraag, 30);
  } catch (err) {
    if (err instanceof GeenRoute) return null;
    throw err;
  }
}

async function meetService(opties: BenchOpties, dataset: { ndjson: string; register: string }, dataDir: string, regels: Regel[]): Promise<void> {
  const port = await vrijePoort();
  const logBestand = path.join(dataDir, '..', `${path.basename(dataDir)}.log`);
  const serverOpties = { dataDir, port, logBestand };
  let server: ServerProces = startServer(serverOpties);
  // RSS is sampled throughout, not only between steps: the peak of a sync lasts a moment.
  let piek = 0;
  const rss: number[] = [];
  const meetRss = () => {
    try {
      const mb = server.rssMb();
      if (Number.isFinite(mb)) piek = Math.max(piek, mb);
    } catch { /* between a stop and the next start */ }
  };
  const bemonstering = setInterval(meetRss, 50);
  const stapRss = () => {
    meetRss();
    rss.push(piek);
    piek = 0;
  };
  try {
    await wachtOpHealth(server, { timeoutMs: 60_000 });

    log(`sync van ${getal(opties.profielen)} profielen (volledige export, gestreamd NDJSON)`);
    const t = performance.now();
    const sync = await stuurExport(server.basis, dataset.ndjson, { volledig: true });
    const syncS = (performance.now() - t) / 1000;
    if (sync.status !== 200 || !('toegevoegd' in sync.antwoord)) throw new Error(`sync: HTTP ${sync.status} ${JSON.stringify(sync.antwoord)}`);
    const r = sync.antwoord;
    regels.push(regel('sync, volledige export via HTTP', opties.profielen / syncS, 'profielen/s',
      `${getal(opties.profielen / syncS)} profielen/s (${getal(syncS, 1)} s; ${getal(r.toegevoegd)} toegevoegd, ${getal(r.geweigerd)} geweigerd)`, 'syncProfielenPerS'));
    stapRss();
    const register = await laadRegister(server.basis, dataset.register);
    if (!register) log('doelgroepregister-route bestaat (nog) niet; transparantie zonder register');
    const profielen = r.toegevoegd;

    log('koude start');
    await server.stop();
    const start = performance.now();
    server = startServer(serverOpties);
    await wachtOpHealth(server, { timeoutMs: 120_000, klaar: (h) => h.profielen === profielen && h.status === 'ok' });
    const koudeStartS = (performance.now() - start) / 1000;
    regels.push(regel('koude start: data-map tot eerste antwoord', koudeStartS, 's', `${getal(koudeStartS, 1)} s (${getal(profielen)} profielen, index opgebouwd)`, 'koudeStartS'));
    stapRss();

    const pagina = await eerstePaginalading(server.basis);
    regels.push(regel('eerste paginalading van /', pagina, 'ms', pagina === null ? `${NIET_BESCHIKBAAR}: / bestaat nog niet` : `${ms(pagina)} (HTML en eigen bronnen)`));

    log('transparantie: landelijk overzicht');
    const overzicht = await transparantieOverzicht(server.basis);
    regels.push(overzicht === null
      ? regel('transparantie: landelijk overzicht', null, 'ms', `${NIET_BESCHIKBAAR}: /api/v1/transparantie bestaat nog niet`, 'transparantieMs')
      : regel('transparantie: landelijk overzicht', overzicht.p95, 'ms', `p50 ${ms(overzicht.p50)}, p95 ${ms(overzicht.p95)} (eerste ${ms(overzicht.eerste)})`, 'transparantieMs'));

    const mix = queryMix();
    const http: HttpMeting[] = [];
    for (const clients of [1, 16]) {
      log(`HTTP, ${clients} client(s), ${opties.duurS} s`);
      http.push(await meetHttp(server.basis, mix, clients, opties.duurS));
    }
    for (const h of http) {
      const fouten = h.fouten > 0 ? `; ${getal(h.fouten)} FOUTEN` : '';
      const tekst = `${getal(h.perSeconde)} verzoeken/s, p50 ${heleMs(h.p50)}, p99 ${heleMs(h.p99)}${fouten}`;
      const geldig = h.fouten === 0;
      if (h.clients === 1) regels.push(regel('HTTP zoeken, 1 client', h.perSeconde, 'verzoeken/s', tekst));
      else {
        regels.push(regel('HTTP zoeken, 16 clients: doorvoer', geldig ? h.perSeconde : 0, 'verzoeken/s', tekst, 'http16ReqPerS'));
        regels.push(regel('HTTP zoeken, 16 clients: p99', geldig ? h.p99 : Infinity, 'ms', `p99 ${heleMs(h.p99)}`, 'http16P99Ms'));
      }
    }
    stapRss();

    // The nightly case: a full export over a full mirror, the index rebuilt next to the one that keeps answering.
    log('resync: dezelfde volledige export nog eens');
    const tResync = performance.now();
    const resync = await stuurExport(server.basis, dataset.ndjson, { volledig: true });
    if (resync.status !== 200) throw new Error(`resync: HTTP ${resync.status} ${JSON.stringify(resync.antwoord)}`);
    const resyncS = (performance.now() - tResync) / 1000;
    regels.push(regel('resync, volledige export over volle mirror', opties.profielen / resyncS, 'profielen/s', `${getal(opties.profielen / resyncS)} profielen/s (${getal(resyncS, 1)} s)`));
    stapRss();
    const maxRss = Math.max(...rss);
    const stappen = ['sync', 'koude start', 'HTTP', 'resync'].map((stap, i) => `${stap} ${getal(rss[i]!)}`).join(', ');
    regels.push(regel('RSS van de service', maxRss, 'MB', `${getal(maxRss)} MB hoogst, elke 50 ms gemeten (tijdens ${stappen})`, 'rssMb'));
  } finally {
    clearInterval(bemonstering);
    await server.stop();
  }
}

async function meetEngines(opties: BenchOpties, dataDir: string, regels: Regel[]): Promise<EngineMeting[]> {
  const engines: EngineNaam[] = opties.baselines ? ['embedded', 'orama', 'minisearch'] : ['embedded'];
  const metingen: EngineMeting[] = [];
  for (const engine of engines) {
    log(`zoekmachine ${engine} (eigen proces)`);
    metingen.push(await engineMeting(engine, dataDir, opties.engineSeconden));
  }
  const [embedded, ...baselines] = metingen as [EngineMeting, ...EngineMeting[]];
  const latenties = (m: EngineMeting) => `p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}; bouw ${getal(m.bouwMs / 1000, 1)} s, RSS ${getal(m.rssMb)} MB, ${getal(m.vragen)} vragen`;
  regels.push(regel('zoekmachine embedded (tekst + 1-3 filters + alle facetten)', embedded.p95, 'ms', latenties(embedded), 'engineP95Ms'));
  for (const b of baselines) {
    const factor = b.gemiddeld / embedded.gemiddeld;
    const treffers = b.treffers.reduce((a, x) => a + x, 0) / Math.max(1, embedded.treffers.reduce((a, x) => a + x, 0));
    regels.push(regel(`baseline ${b.engine}`, null, 'ms', `${latenties(b)}; vindt ${getal(100 * treffers)}% van de treffers van embedded`));
    regels.push(regel(`embedded sneller dan ${b.engine} (gemiddelde per vraag)`, factor, '×',
      `${getal(factor, 1)}× (p50 ${getal(b.p50 / embedded.p50, 1)}×, p95 ${getal(b.p95 / embedded.p95, 1)}×)`, b.engine === 'orama' ? 'snellerDanOrama' : undefined));
  }
  if (!opties.baselines) regels.push(regel('embedded sneller dan orama', null, '×', 'overgeslagen (--zonder-baselines)', 'snellerDanOrama'));
  return metingen;
}

async function main(argv: readonly string[]): Promise<number> {
  let opties: BenchOpties | null;
  try {
    opties = leesOpties(argv);
  } catch (err) {
    if (!(err instanceof OptieFout)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${GEBRUIK}`);
    return 2;
  }
  if (!opties) {
    process.stdout.write(GEBRUIK);
    return 0;
  }

  const regels: Regel[] = [];
  const t = performance.now();
  const dataset = await zorgVoorDataset({ profielen: opties.profielen, seed: opties.seed });
  regels.push(regel('dataset', opties.profielen, 'profielen',
    `${getal(opties.profielen)} profielen, 35 regio's, seed ${opties.seed} (${dataset.nieuw ? `gegenereerd in ${getal((performance.now() - t) / 1000)} s` : 'uit bench/data'})`));

  const werkmap = mkdtempSync(path.join(tmpdir(), 'kv-bench-'));
  const dataDir = path.join(werkmap, 'data');
  let engines: EngineMeting[] = [];
  try {
    await meetService(opties, dataset, dataDir, regels);
    engines = await meetEngines(opties, dataDir, regels);
  } finally {
    rmSync(werkmap, { recursive: true, force: true });
  }

  const uitvoer = tabel(regels);
  process.stdout.write(`\nKandidatenverkenner benchmark: ${cpus().length} cores, ${getal(totalmem() / 2 ** 30)} GB, Node ${process.version}\n\n${uitvoer}\n`);
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify({
    datum: new Date().toISOString(), machine: { cores: cpus().length, geheugenGb: totalmem() / 2 ** 30, node: process.version },
    opties, regels, engines,
  }, null, 2)}\n`);

  const gebroken = regels.filter((r) => r.uitkomst === 'NIET GEHAALD');
  if (gebroken.length > 0) process.stdout.write(`\nNiet gehaald: ${gebroken.map((r) => r.meting).join('; ')}\n`);
  return opties.check && gebroken.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
