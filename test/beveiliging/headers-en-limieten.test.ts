import request from 'supertest';
import { getEnv } from '../../src/config/env';
import { maakRecord } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, TEST_API_KEYS, TEST_KLANTNUMMER_KEY, TEST_SECRET, type TestService } from '../support/test-service';

describe('security headers', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ LOG_LEVEL: 'silent' }); });
  afterAll(async () => { await svc.stop(); });

  it.each(['/health', '/api/docs', '/api/v1/kandidaten', '/bestaat-niet'])('%s carries a strict CSP and the helmet headers', async (pad) => {
    const res = await request(svc.app).get(pad).set(bearer(SLEUTELS.werkgever));
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('rate limits', () => {
  let svc: TestService | undefined;
  afterEach(async () => { await svc?.stop(); svc = undefined; });
  const zoek = (s: TestService, sleutel: string, ip?: string) => {
    const r = request(s.app).get('/api/v1/kandidaten?hitsPerPage=1').set(bearer(sleutel));
    return ip ? r.set('X-Forwarded-For', ip) : r;
  };

  it('per IP: 429 with Retry-After once an address has used its search budget, whatever the key', async () => {
    svc = await startTestService({ KV_RATE_LIMIT_PER_IP: '3', LOG_LEVEL: 'silent' });
    expect((await zoek(svc, SLEUTELS.werkgever)).status).toBe(200);
    expect((await zoek(svc, SLEUTELS.intermediair)).status).toBe(200);
    expect((await zoek(svc, SLEUTELS.beheer)).status).toBe(200);
    const res = await zoek(svc, SLEUTELS.werkgever);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers.ratelimit).toBeDefined();
    expect(res.body).toEqual({ fout: { code: 'te_veel_verzoeken', melding: expect.stringContaining('Retry-After') } });
  });

  it('per IP covers the pages too (everything outside /api): scraping them is limited the same way', async () => {
    svc = await startTestService({ KV_RATE_LIMIT_PER_IP: '2', LOG_LEVEL: 'silent' });
    expect((await request(svc.app).get('/')).status).not.toBe(429);
    expect((await request(svc.app).get('/kandidaten/0123456789abcdef0123456789abcdef')).status).not.toBe(429);
    const res = await request(svc.app).get('/');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('per IP counts requests without a valid key too, so keys cannot be guessed at speed', async () => {
    svc = await startTestService({ KV_RATE_LIMIT_PER_IP: '2', LOG_LEVEL: 'silent' });
    expect((await zoek(svc, 'geraden-sleutel-0000000001')).status).toBe(401);
    expect((await zoek(svc, 'geraden-sleutel-0000000002')).status).toBe(401);
    expect((await zoek(svc, 'geraden-sleutel-0000000003')).status).toBe(429);
  });

  it('per key: one key spread over many addresses is limited; another key is not', async () => {
    svc = await startTestService({ KV_RATE_LIMIT_PER_SLEUTEL: '2', KV_TRUST_PROXY: '1', LOG_LEVEL: 'silent' });
    expect((await zoek(svc, SLEUTELS.werkgever, '192.0.2.1')).status).toBe(200);
    expect((await zoek(svc, SLEUTELS.werkgever, '192.0.2.2')).status).toBe(200);
    expect((await zoek(svc, SLEUTELS.werkgever, '192.0.2.3')).status).toBe(429);
    expect((await zoek(svc, SLEUTELS.intermediair, '192.0.2.4')).status).toBe(200);
  });

  it('leaves sync, transparency and health alone', async () => {
    svc = await startTestService({ KV_RATE_LIMIT_PER_IP: '1', KV_RATE_LIMIT_PER_SLEUTEL: '1', LOG_LEVEL: 'silent' });
    for (let i = 1; i <= 3; i++) {
      expect((await request(svc.app).get('/health')).status).toBe(200);
      const sync = await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).send([maakRecord(i)]);
      expect(sync.status).toBe(200);
      expect((await request(svc.app).get('/api/v1/transparantie').set(bearer(SLEUTELS.beheer))).status).toBe(200);
    }
  });

  it('defaults: limits a scraper in production, never throttles tests and benchmarks elsewhere', () => {
    const basis = { KV_PSEUDONYM_SECRET: TEST_SECRET, KV_KLANTNUMMER_KEY: TEST_KLANTNUMMER_KEY, KV_API_KEYS: TEST_API_KEYS };
    expect(getEnv({ ...basis, NODE_ENV: 'production' }).rateLimiet).toEqual({ perSleutel: 1200, perIp: 1200, vensterMs: 60_000 });
    expect(getEnv({ ...basis, NODE_ENV: 'test' }).rateLimiet.perIp).toBeGreaterThanOrEqual(1_000_000);
    expect(getEnv({ ...basis, NODE_ENV: 'production', KV_RATE_LIMIT_PER_IP: '50', KV_RATE_LIMIT_VENSTER_S: '10' }).rateLimiet).toEqual({ perSleutel: 1200, perIp: 50, vensterMs: 10_000 });
    expect(() => getEnv({ ...basis, KV_RATE_LIMIT_PER_IP: '0' })).toThrow(/KV_RATE_LIMIT_PER_IP/);
  });
});
