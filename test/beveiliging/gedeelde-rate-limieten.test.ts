import { Writable } from 'node:stream';
import express from 'express';
import type { Options } from 'express-rate-limit';
import { Pool } from 'pg';
import request from 'supertest';
import { createLogger } from '../../src/logging/logger';
import { MAX_WACHTTIJD_MS, PostgresRateLimitStore, RateLimietOpslagFout } from '../../src/beveiliging/postgres-rate-limit.store';
import { rateLimieten, type RateLimietOpties } from '../../src/beveiliging/rate-limiet.middleware';
import { migreer } from '../../src/opslag/postgres/migreer';
import { nieuweTestDatabase, type TestDatabase } from '../../bench/postgres-database';

const ONBEREIKBAAR = 'postgres://postgres@127.0.0.1:1/test';

/**
 * A pool as an instance has one. The server may end an idle connection (a restart, another test ending backends);
 * pg then emits an error on the pool and opens a new connection for the next query.
 */
function nieuwePool(url: string) {
  const pool = new Pool({ connectionString: url, max: 8 });
  pool.on('error', () => {});
  return pool;
}

/** Two service instances: each its own pool on the one database. */
let db: TestDatabase;
let poolA: Pool;
let poolB: Pool;
beforeAll(async () => {
  db = await nieuweTestDatabase();
  poolA = nieuwePool(db.url);
  poolB = nieuwePool(db.url);
  await migreer(poolA);
});
afterAll(async () => {
  await Promise.all([poolA.end(), poolB.end()]);
  await db.verwijder();
});
beforeEach(async () => { await poolA.query('TRUNCATE rate_limieten'); });

function store(pool: Pool, prefix: string, windowMs = 60_000) {
  const s = new PostgresRateLimitStore({ pool, prefix });
  s.init({ windowMs } as Options);
  return s;
}

const rijen = async () => (await poolA.query<{ sleutel: string; hits: number }>('SELECT sleutel, hits FROM rate_limieten ORDER BY sleutel')).rows;

describe('PostgresRateLimitStore', () => {
  it('counts exactly when two instances hit the same key at the same time', async () => {
    const a = store(poolA, 'per-ip:');
    const b = store(poolB, 'per-ip:');
    const antwoorden = await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 ? a : b).increment('192.0.2.1')));
    // Every count from 1 to 400 handed out once: no hit lost, none counted twice.
    expect(antwoorden.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect((await a.get('192.0.2.1'))?.totalHits).toBe(400);
  });

  it('opens a window at the first hit and gives its end as resetTime, by the database clock', async () => {
    const s = store(poolA, 'per-ip:', 60_000);
    const voor = Date.now();
    const eerste = await s.increment('192.0.2.1');
    const na = Date.now();
    expect(eerste.totalHits).toBe(1);
    expect(eerste.resetTime!.getTime()).toBeGreaterThanOrEqual(voor + 60_000 - 50);
    expect(eerste.resetTime!.getTime()).toBeLessThanOrEqual(na + 60_000 + 50);
    const tweede = await s.increment('192.0.2.1');
    expect(tweede.totalHits).toBe(2);
    expect(Math.abs(tweede.resetTime!.getTime() - eerste.resetTime!.getTime())).toBeLessThan(50);
  });

  it('starts counting again when the window is over', async () => {
    const s = store(poolA, 'per-ip:', 300);
    await s.increment('192.0.2.1');
    const eerste = await s.increment('192.0.2.1');
    expect(eerste.totalHits).toBe(2);
    await new Promise((r) => setTimeout(r, 350));
    expect(await s.get('192.0.2.1')).toBeUndefined();
    const nieuw = await s.increment('192.0.2.1');
    expect(nieuw.totalHits).toBe(1);
    expect(nieuw.resetTime!.getTime()).toBeGreaterThan(eerste.resetTime!.getTime() + 200);
  });

  it('decrements and resets one key, keeping limiters apart by prefix', async () => {
    const ip = store(poolA, 'per-ip:');
    const sleutel = store(poolA, 'per-sleutel:');
    for (let i = 0; i < 3; i++) await ip.increment('x');
    await sleutel.increment('x');
    await ip.decrement('x');
    expect((await ip.get('x'))?.totalHits).toBe(2);
    expect(await rijen()).toEqual([{ sleutel: 'per-ip:x', hits: 2 }, { sleutel: 'per-sleutel:x', hits: 1 }]);
    await ip.resetKey('x');
    expect(await ip.get('x')).toBeUndefined();
    expect((await sleutel.get('x'))?.totalHits).toBe(1);
    expect((await ip.increment('x')).totalHits).toBe(1);
  });

  it('deletes expired windows once a window, without a request waiting for it', async () => {
    const s = store(poolA, 'per-ip:', 200);
    await s.increment('oud');
    await s.increment('nieuw-1');
    expect((await rijen()).map((r) => r.sleutel)).toEqual(['per-ip:nieuw-1', 'per-ip:oud']);
    await new Promise((r) => setTimeout(r, 250));
    await s.increment('nieuw-2');
    await wachtTot(async () => (await rijen()).length === 1);
    expect((await rijen()).map((r) => r.sleutel)).toEqual(['per-ip:nieuw-2']);
  });

  it('throws its own error when PostgreSQL cannot be reached, or does not answer in time', async () => {
    const weg = nieuwePool(ONBEREIKBAAR);
    await expect(store(weg, 'per-ip:').increment('x')).rejects.toBeInstanceOf(RateLimietOpslagFout);
    await weg.end();

    const s = store(poolA, 'per-ip:');
    await s.increment('x');
    const slot = await poolB.connect();
    try {
      await slot.query('BEGIN');
      await slot.query("SELECT 1 FROM rate_limieten WHERE sleutel = 'per-ip:x' FOR UPDATE");
      const start = Date.now();
      await expect(s.increment('x')).rejects.toBeInstanceOf(RateLimietOpslagFout);
      expect(Date.now() - start).toBeLessThan(MAX_WACHTTIJD_MS + 500);
    } finally {
      await slot.query('ROLLBACK');
      slot.release();
    }
  });
});

/** One instance: the service's limiters on a store in `pool`, in front of a search route. */
function instantie(pool: Pool, opties: Partial<RateLimietOpties>, logs: string[] = []) {
  const logger = createLogger('info', new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } }));
  const limieten = rateLimieten({ perIp: 1000, perSleutel: 1000, vensterMs: 60_000, ...opties }, logger,
    (identifier) => new PostgresRateLimitStore({ pool, prefix: `${identifier}:` }));
  const app = express();
  app.set('trust proxy', 1);
  app.use(limieten.perIp, (req, _res, next) => {
    req.identiteit = { id: 'werkgever-1', rol: 'werkgever', regios: null, naam: String(req.headers['x-sleutelnaam']) };
    next();
  }, limieten.perSleutel);
  app.get('/api/v1/kandidaten', (_req, res) => { res.json({ hits: [] }); });
  return app;
}

const zoek = (app: express.Express, ip: string, sleutelnaam = 'werkgever-1') =>
  request(app).get('/api/v1/kandidaten').set('X-Forwarded-For', ip).set('X-Sleutelnaam', sleutelnaam);

describe('rate limits over several instances', () => {
  it('per IP: two instances together allow the limit once, then 429 with Retry-After on both', async () => {
    const a = instantie(poolA, { perIp: 3 });
    const b = instantie(poolB, { perIp: 3 });
    for (const app of [a, b, a]) expect((await zoek(app, '192.0.2.1')).status).toBe(200);
    for (const app of [b, a]) {
      const res = await zoek(app, '192.0.2.1');
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(res.body).toEqual({ fout: { code: 'te_veel_verzoeken', melding: expect.stringContaining('Retry-After') } });
    }
    expect((await zoek(b, '192.0.2.2')).status).toBe(200);
  });

  it('per key: one key spread over addresses and instances is limited once; per-ip and per-sleutel count apart', async () => {
    const a = instantie(poolA, { perSleutel: 2 });
    const b = instantie(poolB, { perSleutel: 2 });
    expect((await zoek(a, '192.0.2.1')).status).toBe(200);
    expect((await zoek(b, '192.0.2.2')).status).toBe(200);
    expect((await zoek(a, '192.0.2.3')).status).toBe(429);
    expect((await zoek(b, '192.0.2.4', 'werkgever-2')).status).toBe(200);
    expect(await rijen()).toEqual([
      { sleutel: 'per-ip:192.0.2.1', hits: 1 }, { sleutel: 'per-ip:192.0.2.2', hits: 1 },
      { sleutel: 'per-ip:192.0.2.3', hits: 1 }, { sleutel: 'per-ip:192.0.2.4', hits: 1 },
      { sleutel: 'per-sleutel:sleutel:werkgever-1', hits: 3 }, { sleutel: 'per-sleutel:sleutel:werkgever-2', hits: 1 },
    ]);
  });

  it('lets requests through when PostgreSQL is unreachable, with one warning per limiter instead of one per request', async () => {
    const weg = nieuwePool(ONBEREIKBAAR);
    const logs: string[] = [];
    const app = instantie(weg, { perIp: 1, perSleutel: 1 }, logs);
    for (let i = 0; i < 4; i++) expect((await zoek(app, '192.0.2.1')).status).toBe(200);
    const waarschuwingen = logs.map((l) => JSON.parse(l) as { level: number; msg: string; limiet: string });
    expect(waarschuwingen.map((w) => [w.level, w.limiet, w.msg])).toEqual([
      [40, 'per-ip', 'rate-limittellers in PostgreSQL onbereikbaar: verzoeken gaan zonder limiet door'],
      [40, 'per-sleutel', 'rate-limittellers in PostgreSQL onbereikbaar: verzoeken gaan zonder limiet door'],
    ]);
    await weg.end();
  });
});

async function wachtTot(klaar: () => Promise<boolean>, maxMs = 2000): Promise<void> {
  const einde = Date.now() + maxMs;
  while (!(await klaar())) {
    if (Date.now() > einde) throw new Error('niet op tijd');
    await new Promise((r) => setTimeout(r, 20));
  }
}
