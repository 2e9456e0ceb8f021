/**
 * `npm run bench`: generates (or reuses) the national dataset, starts the real service on a fresh DATA_DIR and
 * measures sync, cold start, memory, HTTP latency and throughput, the transparency overview and the first page
 * load; then times the engines on the same data in child processes. Sync, cold start, HTTP and the engine each
 * have a limit leg measured in the same run: what the platform reaches doing only the unavoidable part. Prints a
 * table, writes bench/results.json, and with --check exits 1 when a ratio budget is broken. See docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { laadRegister, stuurExport } from './api-client';
import { meetAuditkosten } from './audit-meting';
import { zorgVoorDataset } from './dataset';
import type { EngineMeting, EngineNaam } from './engine-meting';
import { haalRuw } from './grens-http';
import type { InleesGrens, SqliteGrens } from './grens-meting';
import { meetHttp, meetReeks, type HttpMeting } from './http-meting';
import { ACCEPT_ENCODING, meetHttpRonden, overRonden } from './http-ronden';
import { kindproces } from './kindproces';
import { GEBRUIK, leesOpties, OptieFout, type BenchOpties } from './opties';
import { meetOpslag, type Opslagmeting } from './opslag-meting';
import type { Boommeting } from './privacy-meting';
import { queryMix } from './querymix';
import { getal, regel, tabel, type Regel } from './rapport';
import { bearer, ROOT, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from './server-proces';

const NIET_BESCHIKBAAR = 'niet beschikbaar';
const log = (tekst: string) => process.stderr.write(`bench: ${tekst}\n`);
const ms = (n: number) => `${getal(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`;
const procent = (n: number) => `${getal(n, n < 10 ? 1 : 0)}%`;
const keer = (n: number) => `${getal(n, n < 10 ? 2 : 1)}×`;
const kb = (bytes: number) => `${getal(bytes / 1024, 1)} KB`;
/** The service runs with this heap cap (as `npm start`); the cold-start limit leg too. */
const NODE_GEHEUGEN = ['--max-old-space-size=1024'];

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

/** Sync's limit: the same anonymised rows into a fresh SQLite file, the service stopped meanwhile. */
async function sqliteGrens(dataDir: string, werkmap: string, seed: number): Promise<SqliteGrens> {
  const leeg = path.join(werkmap, 'grens-sqlite');
  mkdirSync(leeg);
  try {
    return (await kindproces<SqliteGrens>('bench/grens-meting.ts', ['sqlite', dataDir, leeg, String(seed)])).uitkomst;
  } finally {
    rmSync(leeg, { recursive: true, force: true });
  }
}

/** Cold start's limit: a process that reads and parses the mirror, timed from spawn to exit like the service's start. */
async function inleesGrens(dataDir: string): Promise<{ profielen: number; s: number }> {
  const { uitkomst, ms: duur } = await kindproces<InleesGrens>('bench/grens-meting.ts', ['inlezen', dataDir], NODE_GEHEUGEN);
  return { profielen: uitkomst.profielen, s: duur / 1000 };
}


/** The HTTP rounds at 16 clients: the page's request against its bare-server limit, and the before/after legs. */
async function meetZoekenOverHttp(basis: string, opties: BenchOpties, regels: Regel[]): Promise<void> {
  const mix = queryMix();
  log('HTTP, 1 client');
  const een = await meetHttp({ basis, paden: mix.map((m) => `/api/v1/kandidaten?${m.paginaQuery}`), headers: bearer(SLEUTELS.werkgever), clients: 1, duurS: opties.duurS });
  regels.push(regel('HTTP zoeken, 1 client', een.perSeconde, 'verzoeken/s', `${getal(een.perSeconde)} verzoeken/s, p50 ${ms(een.p50)}, p99 ${ms(een.p99)}`));

  log(`HTTP, 16 clients: ${opties.herhalingen} rondes van 5 metingen van ${opties.duurS} s`);
  const { metingen, bytes, codering } = await meetHttpRonden(basis, mix, opties);
  const fouten = Object.values(metingen).flat().reduce((n, m) => n + m.fouten, 0);
  type Leg = keyof typeof metingen;
  const rondes = (naam: Leg) => {
    const [doorvoer, p50, p99] = (['perSeconde', 'p50', 'p99'] as const).map((k) => overRonden(metingen[naam], (m) => m[k]).mediaan) as [number, number, number];
    return { doorvoer, tekst: `${getal(doorvoer)} verzoeken/s, p50 ${ms(p50)}, p99 ${ms(p99)}` };
  };
  // Ratios are taken per round (both legs measured back to back), then the median over the rounds.
  const verhouding = (teller: Leg, noemer: Leg, waarde: (a: HttpMeting, b: HttpMeting) => number) =>
    overRonden(metingen[teller].map((m, i) => waarde(m, metingen[noemer][i]!)), (v) => v);
  const pagina = rondes('pagina');
  const kaal = rondes('kaal');
  const doorvoer = verhouding('pagina', 'kaal', (a, b) => (100 * a.perSeconde) / b.perSeconde);
  const p99 = verhouding('pagina', 'kaal', (a, b) => a.p99 / b.p99);
  const geldig = fouten === 0;
  const spreiding = (s: number) => `spreiding over de rondes ${procent(100 * s)}`;
  regels.push(regel('HTTP zoeken, 16 clients: zoekpagina-vraag (8 facetten)', pagina.doorvoer, 'verzoeken/s', `${pagina.tekst}; ${kb(bytes.gewoon)} per antwoord${geldig ? '' : `; ${getal(fouten)} FOUTEN`}`));
  regels.push(regel('grens: kale node:http, dezelfde antwoordbytes', kaal.doorvoer, 'verzoeken/s', kaal.tekst));
  regels.push(regel('HTTP doorvoer, aandeel van de grens', geldig ? doorvoer.mediaan : 0, '%', `${procent(doorvoer.mediaan)} (mediaan van ${opties.herhalingen} rondes; ${spreiding(doorvoer.spreiding)})`, 'httpDoorvoerAandeel'));
  regels.push(regel('HTTP p99, veelvoud van de grens', geldig ? p99.mediaan : Infinity, '×', `${keer(p99.mediaan)} (${spreiding(p99.spreiding)})`, 'httpP99Factor'));

  const alle = rondes('alleFacetten');
  const winst = verhouding('pagina', 'alleFacetten', (a, b) => (100 * a.perSeconde) / b.perSeconde - 100);
  regels.push(regel('vóór: de oude vraag, alle 11 facetten', alle.doorvoer, 'verzoeken/s', `${alle.tekst}; ${kb(bytes.alleFacetten)} per antwoord; zoekpagina-vraag ${winst.mediaan >= 0 ? '+' : ''}${procent(winst.mediaan)} doorvoer`));
  const klein = rondes('paginaGecomprimeerd');
  const kaalKlein = rondes('kaalGecomprimeerd');
  const kleinAandeel = verhouding('paginaGecomprimeerd', 'kaalGecomprimeerd', (a, b) => (100 * a.perSeconde) / b.perSeconde);
  regels.push(regel(`met Accept-Encoding (${codering})`, klein.doorvoer, 'verzoeken/s', `${klein.tekst}; ${kb(bytes.gecomprimeerd)} per antwoord`));
  regels.push(regel(`grens met Accept-Encoding: dezelfde ${codering}-bytes`, kaalKlein.doorvoer, 'verzoeken/s', `${kaalKlein.tekst}; de service haalt ${procent(kleinAandeel.mediaan)}`));
}

async function meetService(opties: BenchOpties, dataset: { ndjson: string; register: string }, werkmap: string, dataDir: string, regels: Regel[]): Promise<void> {
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
    const syncPerS = opties.profielen / syncS;
    regels.push(regel('sync, volledige export via HTTP', syncPerS, 'profielen/s',
      `${getal(syncPerS)} profielen/s (${getal(syncS, 1)} s; ${getal(r.toegevoegd)} toegevoegd, ${getal(r.geweigerd)} geweigerd)`));
    stapRss();
    const register = await laadRegister(server.basis, dataset.register);
    if (!register) log('doelgroepregister-route bestaat (nog) niet; transparantie zonder register');
    const profielen = r.toegevoegd;
    await server.stop();

    log('grens van de sync: dezelfde rijen in een vers SQLite-bestand');
    const sqlite = await sqliteGrens(dataDir, werkmap, opties.seed);
    const sqlitePerS = sqlite.rijen / (sqlite.ms / 1000);
    regels.push(regel('grens: dezelfde rijen in vers SQLite-bestand', sqlitePerS, 'rijen/s', `${getal(sqlitePerS)} rijen/s (${getal(sqlite.ms / 1000, 1)} s; één prepared statement, één transactie)`));
    regels.push(regel('sync, aandeel van de grens', (100 * syncPerS) / sqlitePerS, '%', procent((100 * syncPerS) / sqlitePerS), 'syncAandeel'));

    // Each round times the limit and then the service's start, back to back; the median of the rounds counts.
    const rondes: { grens: number; koud: number }[] = [];
    for (let ronde = 0; ronde < opties.herhalingen; ronde++) {
      log(`koude start, ronde ${ronde + 1}: eerst de grens (de mirror lezen en parsen), dan de service`);
      if (ronde > 0) await server.stop();
      const inlezen = await inleesGrens(dataDir);
      const start = performance.now();
      server = startServer(serverOpties);
      await wachtOpHealth(server, { timeoutMs: 120_000, klaar: (h) => h.profielen === profielen && h.status === 'ok' });
      rondes.push({ grens: inlezen.s, koud: (performance.now() - start) / 1000 });
    }
    const koud = overRonden(rondes, (r) => r.koud).mediaan;
    const grens = overRonden(rondes, (r) => r.grens).mediaan;
    const factor = overRonden(rondes, (r) => r.koud / r.grens);
    regels.push(regel('koude start: data-map tot eerste antwoord', koud, 's', `${getal(koud, 1)} s (${getal(profielen)} profielen, index opgebouwd)`));
    regels.push(regel('grens: proces dat de mirror leest en parset', grens, 's', `${getal(grens, 1)} s (van start tot einde van het proces)`));
    regels.push(regel('koude start, veelvoud van de grens', factor.mediaan, '×', `${keer(factor.mediaan)} (mediaan van ${opties.herhalingen} rondes; spreiding ${procent(100 * factor.spreiding)})`, 'koudeStartFactor'));
    stapRss();

    const pagina = await eerstePaginalading(server.basis);
    regels.push(regel('eerste paginalading van /', pagina, 'ms', pagina === null ? `${NIET_BESCHIKBAAR}: / bestaat nog niet` : `${ms(pagina)} (HTML en eigen bronnen)`));
    if (pagina !== null) {
      const html = await haalRuw(server.basis, '/', {});
      const klein = await haalRuw(server.basis, '/', { 'accept-encoding': ACCEPT_ENCODING });
      regels.push(regel('zoekpagina / zonder filters, HTML', html.body.length, 'bytes',
        `${kb(html.body.length)}; met Accept-Encoding ${kb(klein.body.length)} (${klein.headers['content-encoding'] ?? 'identity'})`));
    }

    log('transparantie: landelijk overzicht');
    const overzicht = await transparantieOverzicht(server.basis);
    regels.push(overzicht === null
      ? regel('transparantie: landelijk overzicht', null, 'ms', `${NIET_BESCHIKBAAR}: /api/v1/transparantie bestaat nog niet`)
      : regel('transparantie: landelijk overzicht', overzicht.p95, 'ms', `p50 ${ms(overzicht.p50)}, p95 ${ms(overzicht.p95)} (eerste ${ms(overzicht.eerste)})`));

    await meetZoekenOverHttp(server.basis, opties, regels);
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
    regels.push(regel('RSS van de service', maxRss, 'MB', `${getal(maxRss)} MB hoogst, elke 50 ms gemeten (tijdens ${stappen})`));
  } finally {
    clearInterval(bemonstering);
    await server.stop();
  }
}

/**
 * The class tree of k-anonymity (src/privacy) on the synced mirror, in its own process: built from every profile's
 * leaf key, beside its limit leg in the same process (reading the mirror and parsing every profile), and the cost of
 * one profile changing class.
 */
async function meetKlassenboom(dataDir: string, regels: Regel[]): Promise<void> {
  log('klassenboom (anonimiteit in combinatie), eigen proces');
  const { uitkomst: m } = await kindproces<Boommeting>('bench/privacy-meting.ts', ['boom', dataDir], [...NODE_GEHEUGEN, '--expose-gc']);
  regels.push(regel('klassenboom bouwen (k-anonimiteit)', m.bouwMs, 'ms', `${ms(m.bouwMs)} (${getal(m.profielen)} profielen, ${getal(m.bladen)} bladen, ${getal(m.knopen)} knopen)`));
  regels.push(regel('grens: mirror lezen en parsen (zelfde proces)', m.inlezenMs, 'ms', ms(m.inlezenMs)));
  regels.push(regel('klassenboom bouwen, veelvoud van de grens', m.factor, '×', `${keer(m.factor)} (mediaan van 3 rondes)`, 'klassenboomFactor'));
  regels.push(regel('klassenboom: één profiel wisselt van klasse', m.wijzigingUs, 'µs', `gemiddeld ${getal(m.wijzigingUs, 2)} µs, p99 ${getal(m.wijzigingP99Us, 1)} µs (verwijder, voegToe, neemGewijzigdeBladen)`));
}

async function meetEngines(opties: BenchOpties, dataDir: string, regels: Regel[]): Promise<EngineMeting[]> {
  const engines: EngineNaam[] = opties.baselines ? ['embedded', 'embedded-werkgever', 'scan', 'orama', 'minisearch'] : ['embedded', 'embedded-werkgever', 'scan'];
  const metingen: EngineMeting[] = [];
  for (const engine of engines) {
    log(`zoekmachine ${engine} (eigen proces)`);
    metingen.push((await kindproces<EngineMeting>('bench/engine-meting.ts', [engine, dataDir, String(opties.engineSeconden)], ['--expose-gc'])).uitkomst);
  }
  const [embedded, ...baselines] = metingen as [EngineMeting, ...EngineMeting[]];
  const latenties = (m: EngineMeting) => `p50 ${ms(m.p50)}, p95 ${ms(m.p95)}, p99 ${ms(m.p99)}; bouw ${getal(m.bouwMs / 1000, 1)} s, RSS ${getal(m.rssMb)} MB, ${getal(m.vragen)} vragen`;
  regels.push(regel('zoekmachine embedded (tekst + 1-3 filters + alle facetten)', embedded.p95, 'ms', latenties(embedded)));
  const budgetten: Partial<Record<EngineNaam, 'snellerDanScan' | 'snellerDanOrama'>> = { scan: 'snellerDanScan', orama: 'snellerDanOrama' };
  for (const b of baselines) {
    if (b.engine === 'embedded-werkgever') {
      const factor = b.gemiddeld / embedded.gemiddeld;
      regels.push(regel('zoeken zoals werkgevers zien (k-anoniem), ÷ exact', factor, '×',
        `${getal(factor, 2)}× (p50 ${ms(b.p50)} tegen ${ms(embedded.p50)}, p95 ${ms(b.p95)} tegen ${ms(embedded.p95)})`, 'werkgeversweergaveFactor'));
      continue;
    }
    const factor = b.gemiddeld / embedded.gemiddeld;
    const treffers = b.treffers.reduce((a, x) => a + x, 0) / Math.max(1, embedded.treffers.reduce((a, x) => a + x, 0));
    regels.push(regel(b.engine === 'scan' ? 'grens: scan over arrays (zelfde filters en facetten)' : `baseline ${b.engine}`, null, 'ms', `${latenties(b)}; vindt ${getal(100 * treffers)}% van de treffers van embedded`));
    regels.push(regel(`embedded sneller dan ${b.engine} (gemiddelde per vraag)`, factor, '×',
      `${getal(factor, 1)}× (p50 ${getal(b.p50 / embedded.p50, 1)}×, p95 ${getal(b.p95 / embedded.p95, 1)}×)`, budgetten[b.engine]));
  }
  if (!opties.baselines) regels.push(regel('embedded sneller dan orama', null, '×', 'overgeslagen (--zonder-baselines)', 'snellerDanOrama'));
  return metingen;
}

/** The storage comparison as rows: every PostgreSQL figure beside its SQLite peer of the same run. */
function opslagregels(m: Opslagmeting): Regel[] {
  const aandeel = (100 * m.sync.postgres) / m.sync.sqlite;
  const factor = m.koudeStartS.postgres / m.koudeStartS.sqlite;
  return [
    regel('opslag: sync SQLite (volledige export via HTTP)', m.sync.sqlite, 'profielen/s', `${getal(m.sync.sqlite)} profielen/s`),
    regel('opslag: sync PostgreSQL, aandeel van SQLite', aandeel, '%', `${getal(m.sync.postgres)} profielen/s = ${getal(aandeel)}%`, 'postgresSyncAandeel'),
    regel('opslag: koude start SQLite', m.koudeStartS.sqlite, 's', `${getal(m.koudeStartS.sqlite, 1)} s`),
    regel('opslag: koude start PostgreSQL', factor, '×', `${getal(m.koudeStartS.postgres, 1)} s = ${getal(factor, 2)}× SQLite`),
    regel('wijzigingslog: tot zichtbaar op een andere instantie', m.lag.p99, 'ms',
      `p50 ${getal(m.lag.p50, 1)} ms, p99 ${getal(m.lag.p99, 1)} ms (${getal(m.lag.metingen)} syncs, ${getal(m.lag.profielenPerS)} gewijzigde profielen/s)`, 'wijzigingslogP99Ms'),
  ];
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
  let opslag: Opslagmeting | null = null;
  try {
    if (opties.opslag === 'postgres') {
      opslag = await meetOpslag({ profielen: opties.profielen, lagSeconden: Math.max(10, opties.duurS * 4) }, dataset, werkmap);
      regels.push(...opslagregels(opslag));
    } else if (opties.alleenAudit) {
      regels.push(...await meetAuditkosten({ ...opties, dataDir, logBestand: path.join(werkmap, 'audit.log'), ndjson: dataset.ndjson }));
    } else {
      await meetService(opties, dataset, werkmap, dataDir, regels);
      await meetKlassenboom(dataDir, regels);
      log('auditlog: zoeken met en zonder vastleggen');
      regels.push(...await meetAuditkosten({ ...opties, dataDir, logBestand: path.join(werkmap, 'audit.log') }));
      engines = await meetEngines(opties, dataDir, regels);
    }
  } finally {
    rmSync(werkmap, { recursive: true, force: true });
  }

  const machine = { cores: cpus().length, geheugenGb: totalmem() / 2 ** 30, node: process.version };
  process.stdout.write(`\nKandidatenverkenner benchmark: ${machine.cores} cores, ${getal(machine.geheugenGb)} GB, Node ${machine.node}\n\n${tabel(regels)}\n`);
  writeFileSync(path.resolve(ROOT, opties.uit), `${JSON.stringify({ datum: new Date().toISOString(), machine, opties, regels, engines, opslag }, null, 2)}\n`);

  const gebroken = regels.filter((r) => r.uitkomst === 'NIET GEHAALD');
  if (gebroken.length > 0) process.stdout.write(`\nNiet gehaald: ${gebroken.map((r) => r.meting).join('; ')}\n`);
  return opties.check && gebroken.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
