import request from 'supertest';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { routesVan, type Route } from './router-routes';

/**
 * Proves the access rule for every route the app has, found by walking the router: without a key (or signed-in
 * session) a route answers 401, a page sends you to sign in (or 403), except /health, static files, the sign-in
 * itself and, in development, the pages and API docs.
 */
const ALTIJD_OPEN = new Set([
  'GET /health',
  // Signing in is how a visitor hands over the key; it has to open without one.
  'GET /aanmelden',
  'POST /aanmelden',
]);

const isPagina = (r: Route) => !r.patroon.startsWith('/api/') && r.patroon !== '/health';
const isDocumentatie = (r: Route) => r.patroon.startsWith('/api/docs') || r.patroon === '/api/openapi.json';

function stuur(app: TestService['app'], r: Route, pad = r.pad): request.Test {
  const methode = r.methode.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  return request(app)[methode](pad);
}

/** Closed: 401 for the API, for a page a redirect to the sign-in or a 403. */
function isDicht(r: Route, res: request.Response): boolean {
  if (res.status === 401) return true;
  if (!isPagina(r)) return false;
  return res.status === 403 || (res.status >= 300 && res.status < 400 && String(res.headers.location).startsWith('/aanmelden'));
}

describe.each([
  ['production', { NODE_ENV: 'production' }],
  ['development', { NODE_ENV: 'development' }],
] as const)('every route in %s needs a key', (modus, env) => {
  let svc: TestService;
  let routes: Route[];
  beforeAll(async () => {
    svc = await startTestService({ ...env, LOG_LEVEL: 'silent' });
    routes = routesVan(svc.app);
  });
  afterAll(async () => { await svc.stop(); });

  const bedoeldOpen = (r: Route) => r.statisch || ALTIJD_OPEN.has(`${r.methode} ${r.patroon}`) || (modus === 'development' && (isPagina(r) || isDocumentatie(r)));

  it('finds the routes by walking the router (so the checks below are not vacuous)', () => {
    const namen = routes.map((r) => `${r.methode} ${r.patroon}`);
    expect(namen).toEqual(expect.arrayContaining([
      'GET /health', 'GET /api/v1/kandidaten', 'GET /api/v1/kandidaten/:id', 'GET /api/v1/facetten/:facet',
      'POST /api/v1/sync/profielen', 'DELETE /api/v1/sync/profielen/:klantnummer', 'GET /api/openapi.json',
    ]));
    expect(routes.some((r) => r.statisch)).toBe(true);
  });

  it('closes every route that is not meant to be open', async () => {
    const onbeschermd: string[] = [];
    for (const r of routes.filter((x) => !bedoeldOpen(x))) {
      const res = await stuur(svc.app, r);
      if (!isDicht(r, res)) onbeschermd.push(`${r.methode} ${r.patroon} -> ${res.status}`);
    }
    expect(onbeschermd).toEqual([]);
  });

  it('also with a wrong key, and in other letter case', async () => {
    const onbeschermd: string[] = [];
    for (const r of routes.filter((x) => !bedoeldOpen(x) && !isPagina(x))) {
      const fout = await stuur(svc.app, r).set('Authorization', 'Bearer dit-is-geen-geldige-sleutel-0000');
      if (fout.status !== 401) onbeschermd.push(`${r.methode} ${r.patroon} met foute sleutel -> ${fout.status}`);
      // Express routes case-insensitively; the policy must see '/API/V1/...' as the API too.
      const hoofdletters = await stuur(svc.app, r, r.pad.toUpperCase());
      if (hoofdletters.status !== 401) onbeschermd.push(`${r.methode} ${r.pad.toUpperCase()} -> ${hoofdletters.status}`);
    }
    expect(onbeschermd).toEqual([]);
  });

  it('answers 403 to every key of another role on the routes of one role (wsp, the employer\'s own list)', async () => {
    const alleen: [string, readonly string[]][] = [
      ['/api/v1/wsp/', [SLEUTELS.wsp25, SLEUTELS.wsp10]],
      ['/api/v1/mijn/', [SLEUTELS.werkgever, SLEUTELS.intermediair]],
    ];
    const fout: string[] = [];
    for (const [voorvoegsel, eigen] of alleen) {
      const deze = routes.filter((r) => r.patroon.startsWith(voorvoegsel));
      expect(deze.length).toBeGreaterThan(0);
      for (const r of deze) {
        for (const sleutel of Object.values(SLEUTELS).filter((k) => !eigen.includes(k))) {
          const res = await stuur(svc.app, r).set(bearer(sleutel));
          if (res.status !== 403) fout.push(`${r.methode} ${r.patroon} met ${sleutel} -> ${res.status}`);
        }
      }
    }
    expect(fout).toEqual([]);
  });

  it('opens what is meant to be open', async () => {
    const dicht: string[] = [];
    for (const r of routes.filter((x) => bedoeldOpen(x) && !x.statisch && x.methode === 'GET')) {
      const res = await stuur(svc.app, r);
      if (isDicht(r, res)) dicht.push(`${r.methode} ${r.patroon} -> ${res.status}`);
    }
    expect(dicht).toEqual([]);
    expect((await request(svc.app).get('/api/docs/assets/swagger-ui.css')).status).toBe(200);
  });
});
