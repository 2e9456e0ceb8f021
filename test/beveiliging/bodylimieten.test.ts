import request from 'supertest';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { routesVan } from './router-routes';

/**
 * Every route that takes a body refuses one far above what it needs with 413, before reading it all: the sync's
 * JSON array (KV_MAX_JSON_BODY), the small JSON bodies of beheer and the page forms. NDJSON sync bodies are streamed
 * and limited per line instead (a national export is large by nature; see foutmeldingen.test.ts).
 */
describe('body size limits on every route with a body', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ NODE_ENV: 'development', KV_MAX_JSON_BODY: '1mb', LOG_LEVEL: 'silent' }); });
  afterAll(async () => { await svc.stop(); });

  it('answers 413 to a 2 MB body', async () => {
    const routes = routesVan(svc.app).filter((r) => r.methode === 'POST' || r.methode === 'PUT' || r.methode === 'PATCH');
    expect(routes.length).toBeGreaterThanOrEqual(3);
    const groot = 'x'.repeat(2 * 1024 * 1024);
    const uitkomsten: string[] = [];
    for (const r of routes) {
      const methode = r.methode.toLowerCase() as 'post' | 'put' | 'patch';
      const api = r.patroon.startsWith('/api/');
      const sleutel = r.patroon.startsWith('/api/v1/sync') ? SLEUTELS.sync : r.patroon.startsWith('/api/v1/wsp') ? SLEUTELS.wsp25 : SLEUTELS.beheer;
      const res = api
        ? await request(svc.app)[methode](r.pad).set(bearer(sleutel)).set('Content-Type', 'application/json').send(JSON.stringify([groot]))
        : await request(svc.app)[methode](r.pad).set('Content-Type', 'application/x-www-form-urlencoded').send(`veld=${groot}`);
      uitkomsten.push(`${r.methode} ${r.patroon} -> ${res.status}`);
    }
    expect(uitkomsten.filter((u) => !u.endsWith('-> 413'))).toEqual([]);
  });
});
