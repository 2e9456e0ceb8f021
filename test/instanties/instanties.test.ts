import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { stuurExport } from '../../bench/api-client';
import { bearer, PSEUDONYM_SECRET, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from '../../bench/server-proces';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import type { HealthStatus } from '../../src/api/health.routes';
import type { Syncresultaat } from '../../src/mirror/sync.service';
import { alleProfielen, nieuweTestOpslag, type TestOpslagplek } from '../support/opslag';
import { maakRecord, ndjson } from '../support/sonar-records';

const pseudoniem = createPseudonimiseerder(PSEUDONYM_SECRET);
const idVan = (n: number) => pseudoniem(maakRecord(n).klantnummer);
const records = (van: number, aantal: number) => ndjson(Array.from({ length: aantal }, (_, i) => maakRecord(van + i)));
const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Searches on each instance, one after another, until stopped; what was not a 200 is kept. */
class Lezers {
  readonly fouten: string[] = [];
  private gelezen = 0;
  private bezig = true;
  private readonly lussen: Promise<void>[];

  constructor(instanties: ServerProces[], q: string, pauzeMs: number) {
    this.lussen = instanties.map(async (s) => {
      while (this.bezig) {
        // fetch's errors come from another realm than jest's Error: tell them apart by what they have.
        const res = await fetch(`${s.basis}/api/v1/kandidaten?q=${q}&hitsPerPage=5`, { headers: bearer(SLEUTELS.werkgever) })
          .catch((e: unknown) => ({ fout: `${String((e as { message?: unknown }).message)} (${String((e as { cause?: { code?: unknown } }).cause?.code)})` }));
        if ('fout' in res || res.status !== 200) {
          this.fouten.push('fout' in res ? res.fout : `${res.status}${res.status === 503 && !res.headers.get('retry-after') ? ' zonder Retry-After' : ''}`);
        }
        else await res.arrayBuffer();
        this.gelezen++;
        await wacht(pauzeMs);
      }
    });
  }

  /** Stops and answers how many searches were made. */
  async stop(): Promise<number> {
    this.bezig = false;
    await Promise.all(this.lussen);
    return this.gelezen;
  }
}

/**
 * Real service processes on loopback, several on one PostgreSQL database: what a deployment behind a load balancer
 * does. Every instance builds its own embedded index and follows the shared change log.
 */
describe('several instances on one PostgreSQL database', () => {
  let werkmap: string;
  let plek: TestOpslagplek;
  const gestart: ServerProces[] = [];

  beforeEach(async () => {
    werkmap = mkdtempSync(path.join(tmpdir(), 'kv-instanties-'));
    plek = await nieuweTestOpslag('postgres');
  });
  afterEach(async () => {
    await Promise.all(gestart.splice(0).map((s) => s.kill()));
    logs.clear();
    rmSync(werkmap, { recursive: true, force: true });
    await plek.verwijder();
  });

  const logs = new Map<ServerProces, string>();
  /** One instance; searches in its main thread (no search threads: three instances share two cores here). */
  async function start(env: Record<string, string> = {}): Promise<ServerProces> {
    const n = logs.size;
    const log = path.join(werkmap, `instantie-${n}.log`);
    const s = startServer({ dataDir: path.join(werkmap, `data-${n}`), port: await vrijePoort(), logBestand: log, env: { ...plek.env, KV_ZOEKTHREADS: '0', ...env } });
    logs.set(s, log);
    gestart.push(s);
    await wachtOpHealth(s, { timeoutMs: 60_000 });
    return s;
  }

  const sync = async (s: ServerProces, tekst: string): Promise<Syncresultaat> => {
    const r = await stuurExport(s.basis, { tekst }, { volledig: false });
    if (r.status !== 200) throw new Error(`sync: HTTP ${r.status} ${JSON.stringify(r.antwoord)}`);
    return r.antwoord as Syncresultaat;
  };
  const profiel = (s: ServerProces, id: string, query = '') => fetch(`${s.basis}/api/v1/kandidaten/${id}${query}`, { headers: bearer(SLEUTELS.werkgever) });
  const health = async (s: ServerProces) => (await (await fetch(`${s.basis}/health`)).json()) as HealthStatus;
  const totaal = async (s: ServerProces, volgnummer: number) => {
    const res = await fetch(`${s.basis}/api/v1/kandidaten?hitsPerPage=1&naSequentie=${volgnummer}`, { headers: bearer(SLEUTELS.beheer) });
    if (!res.ok) throw new Error(`zoeken: HTTP ${res.status}`);
    return ((await res.json()) as { totalHits: number }).totalHits;
  };
  async function mirror(): Promise<{ ids: Set<string>; laatste: number }> {
    const opslag = await plek.open(werkmap);
    try {
      return { ids: new Set((await alleProfielen(opslag)).map((p) => p.id)), laatste: await opslag.wijzigingen.laatste() };
    } finally {
      await opslag.close();
    }
  }
  /** Every instance's index holds exactly the mirror: the same count, and a sample of ids present and absent. */
  async function verwachtGelijkAanMirror(instanties: ServerProces[], steekproef: number[]): Promise<void> {
    const m = await mirror();
    for (const s of instanties) {
      expect({ basis: s.basis, totaal: await totaal(s, m.laatste) }).toEqual({ basis: s.basis, totaal: m.ids.size });
      for (const n of steekproef) expect({ n, status: (await profiel(s, idVan(n))).status }).toEqual({ n, status: m.ids.has(idVan(n)) ? 200 : 404 });
      expect((await health(s)).volgnummer).toBeGreaterThanOrEqual(m.laatste);
    }
  }

  it('a sync on A is found on B and C: at once with naSequentie, within 1 s without it', async () => {
    const [a, b, c] = [await start(), await start(), await start()];
    const eerste = await sync(a, records(1, 50));
    expect(eerste).toMatchObject({ toegevoegd: 50, index: 'bijgewerkt' });
    for (const s of [b, c]) {
      const res = await profiel(s, idVan(7), `?naSequentie=${eerste.volgnummer}`);
      expect(res.status).toBe(200);
    }

    const tweede = await sync(a, records(100, 1));
    const t0 = performance.now();
    const gevonden = await Promise.all([b, c].map(async (s) => {
      while (performance.now() - t0 < 5000) {
        if ((await profiel(s, idVan(100))).status === 200) return performance.now() - t0;
        await wacht(10);
      }
      return Infinity;
    }));
    process.stdout.write(`instanties: zichtbaar op B en C na ${gevonden.map((ms) => ms.toFixed(0)).join(' en ')} ms\n`);
    for (const ms of gevonden) expect(ms).toBeLessThan(1000);
    for (const s of [a, b, c]) expect(await health(s)).toMatchObject({ status: 'ok', opslag: 'postgres', profielen: 51, volgnummer: tweede.volgnummer });

    // A read asking for a change that is not there yet waits, then says so with 503 and Retry-After.
    const teVroeg = await fetch(`${b.basis}/api/v1/kandidaten?naSequentie=${tweede.volgnummer + 5}`, { headers: bearer(SLEUTELS.werkgever) });
    expect(teVroeg.status).toBe(503);
    expect(teVroeg.headers.get('retry-after')).not.toBeNull();
    const ongeldig = await fetch(`${b.basis}/api/v1/kandidaten?naSequentie=veel`, { headers: bearer(SLEUTELS.werkgever) });
    expect(ongeldig.status).toBe(400);
    expect(((await ongeldig.json()) as { fout: { velden: { pad: string }[] } }).fout.velden[0]!.pad).toBe('naSequentie');
  }, 120_000);

  it('SIGKILL of one instance during a sync, 5 times: the others keep answering, the mirror holds exactly the acknowledged batches', async () => {
    const [a, b, c] = [await start(), await start(), await start()];
    let slachtoffer = a;
    const BATCH = 1500;
    const bevestigd: number[] = [];
    const onderweg: number[] = [];
    // Readers on the two survivors throughout.
    const lezers = new Lezers([b, c], 'heftruck', 20);
    let batch = 0;
    for (let ronde = 0; ronde < 5; ronde++) {
      const killer = setTimeout(() => void slachtoffer.kill(), 150 + ronde * 120);
      try {
        for (;;) {
          const nr = batch++;
          onderweg.push(nr);
          const r = await stuurExport(slachtoffer.basis, { tekst: records(1 + nr * BATCH, BATCH) }, { volledig: false });
          if (r.status !== 200) break;
          bevestigd.push(nr);
        }
      } catch { /* the kill cut the connection */ }
      clearTimeout(killer);
      await slachtoffer.kill();
      const m = await mirror();
      for (const nr of onderweg) {
        const n = Array.from({ length: BATCH }, (_, i) => idVan(1 + nr * BATCH + i)).filter((id) => m.ids.has(id)).length;
        if (bevestigd.includes(nr)) expect({ ronde, nr, n }).toEqual({ ronde, nr, n: BATCH });
        else expect({ ronde, nr, heel: n === 0 || n === BATCH }).toEqual({ ronde, nr, heel: true });
      }
      slachtoffer = await start();
    }
    const gelezen = await lezers.stop();
    expect(lezers.fouten).toEqual([]);
    expect(gelezen).toBeGreaterThan(20);
    // The kills must have cut syncs short, or this proves nothing.
    expect(onderweg.length - bevestigd.length).toBeGreaterThanOrEqual(3);
    await verwachtGelijkAanMirror([b, c, slachtoffer], [1, BATCH * 2 + 3, BATCH * (batch - 1) + 1]);
  }, 300_000);

  it('PostgreSQL connections killed under load: reads and writes answer 200 or 503 with Retry-After, nothing acknowledged is lost', async () => {
    const [a, b] = [await start(), await start()];
    await sync(a, records(1, 200));
    const beheer = new pg.Client({ connectionString: plek.env.DATABASE_URL });
    beheer.on('error', () => undefined);
    await beheer.connect();
    const doelDb = new URL(plek.env.DATABASE_URL!).pathname.slice(1);

    let bezig = true;
    const lezers = new Lezers([a, b], 'orderpicken', 0);
    const schrijfuitkomsten: string[] = [];
    const bevestigd: number[] = [];
    let volgende = 1000;
    const schrijver = async () => {
      while (bezig) {
        const van = volgende;
        volgende += 10;
        const s = van % 20 === 0 ? a : b;
        const r = await stuurExport(s.basis, { tekst: records(van, 10) }, { volledig: false }).catch(() => null);
        if (r === null) schrijfuitkomsten.push('verbinding');
        else if (r.status === 200) bevestigd.push(van);
        else schrijfuitkomsten.push(String(r.status));
        await wacht(20);
      }
    };
    const afgewezen: string[] = [];
    const retryAfter = async () => {
      // A 503 of a write must carry Retry-After: checked on a plain request while the connections are being killed.
      while (bezig) {
        const res = await fetch(`${a.basis}/api/v1/sync/profielen`, { method: 'POST', headers: { ...bearer(SLEUTELS.sync), 'content-type': 'application/json' }, body: JSON.stringify([maakRecord(999_999)]) })
          .catch(() => null);
        if (res === null) schrijfuitkomsten.push('verbinding');
        else if (res.status === 503) afgewezen.push(res.headers.get('retry-after') ?? 'zonder Retry-After');
        await res?.arrayBuffer();
        await wacht(30);
      }
    };
    const werk = [schrijver(), retryAfter()];
    await wacht(500);
    const killEinde = performance.now() + 3000;
    let gedood = 0;
    while (performance.now() < killEinde) {
      const { rows } = await beheer.query<{ n: number }>('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [doelDb]);
      gedood += rows[0]!.n;
      await wacht(50);
    }
    await wacht(1500);
    bezig = false;
    await Promise.all(werk);
    const gelezen = await lezers.stop();
    await beheer.end();
    process.stdout.write(`instanties: ${gedood} verbindingen beëindigd; ${gelezen} lezingen, ${bevestigd.length} syncs bevestigd, afgewezen: ${JSON.stringify(schrijfuitkomsten.slice(0, 10))}\n`);

    expect(gedood).toBeGreaterThan(10);
    // What an instance wrote last, when reads failed otherwise than with 503: the next run then says why.
    if (lezers.fouten.some((f) => f !== '503')) for (const s of [a, b]) process.stdout.write(`instantie ${s.basis}:\n${s.uitvoer()}\n`);
    // A search shows people's data only once its audit record is in PostgreSQL: one whose connection was cut
    // answers 503 with Retry-After, never another error, and the rest go on.
    expect(lezers.fouten.filter((f) => f !== '503')).toEqual([]);
    expect(gelezen).toBeGreaterThan(50);
    expect(gelezen - lezers.fouten.length).toBeGreaterThan(gelezen / 2);
    // Writes failed while the connections were cut, and only ever as 503 (with Retry-After), never another error.
    expect(afgewezen.length).toBeGreaterThan(0);
    expect(new Set(afgewezen)).toEqual(new Set(['5']));
    expect(schrijfuitkomsten.filter((u) => u !== '503')).toEqual([]);

    // The instances reconnect by themselves and catch up; every acknowledged sync is in the mirror and the indexes.
    const m = await mirror();
    for (const van of bevestigd) for (let i = 0; i < 10; i++) expect(m.ids.has(idVan(van + i))).toBe(true);
    await verwachtGelijkAanMirror([a, b], [1, ...bevestigd.slice(-3)]);
    for (const s of [a, b]) expect((await health(s)).status).toBe('ok');
  }, 180_000);

  it('an instance that was stopped catches up from the change log; one whose entries were cleaned up rebuilds from the mirror', async () => {
    // Entries are kept no longer than one write: each write cleans up the ones before it.
    const a = await start({ KV_WIJZIGINGSLOG_BEWAARTIJD_S: '0' });
    const b = await start({ KV_WIJZIGINGSLOG_BEWAARTIJD_S: '0' });
    const opbouwen = (s: ServerProces) => (readFileSync(logs.get(s)!, 'utf8').match(/zoekindex opgebouwd uit de mirror/g) ?? []).length;
    await sync(a, records(1, 20));
    expect(await totaal(b, (await mirror()).laatste)).toBe(20);
    expect(opbouwen(b)).toBe(1);

    // Paused for a while (SIGSTOP: no notification, no poll), while A writes twice: the entry B needs is gone.
    b.proces.kill('SIGSTOP');
    await sync(a, records(21, 5));
    await sync(a, `${JSON.stringify({ klantnummer: maakRecord(3).klantnummer, verwijderd: true })}\n`);
    b.proces.kill('SIGCONT');
    await verwachtGelijkAanMirror([b], [3, 21, 25]);
    expect(opbouwen(b)).toBe(2);

    // A late instance builds from the mirror; one that was away with the entries kept catches up change by change.
    const c = await start();
    await verwachtGelijkAanMirror([c], [3, 22]);
    c.proces.kill('SIGSTOP');
    const d = await sync(a, records(40, 3));
    c.proces.kill('SIGCONT');
    expect(await totaal(c, d.volgnummer)).toBe(27);
    expect(opbouwen(c)).toBe(1);
  }, 180_000);
});
