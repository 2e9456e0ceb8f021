import request from 'supertest';
import { SESSIEDUUR_MS } from '../../src/web/sessie';
import { SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { aantalGevonden, cookies, csrfToken, httpsBrowser } from './html';

/**
 * The pages in production: sign-in with a key for a session cookie, CSRF on every form, roles and regions.
 * Behind one TLS proxy (KV_TRUST_PROXY=1), as in production: X-Forwarded-Proto says the browser used HTTPS.
 */
describe('access to the pages in production', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ SEED_DEMO: 'true', NODE_ENV: 'production', KV_TRUST_PROXY: '1', KV_SESSION_SECRET: 'test-sessiegeheim-van-minstens-32-tekens', LOG_LEVEL: 'silent' });
  }, 120_000);
  afterAll(async () => { await svc.stop(); });

  const https = { 'X-Forwarded-Proto': 'https' };

  async function aanmelden(sleutel: string, terug?: string) {
    const agent = httpsBrowser(svc.app);
    const formulier = await agent.get(`/aanmelden${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`);
    const res = await agent.post('/aanmelden', { _csrf: csrfToken(formulier.text), sleutel, ...(terug ? { terug } : {}) });
    return { agent, res };
  }

  it('sends a visitor without a sign-in to the sign-in page and back', async () => {
    for (const pad of ['/', '/?q=heftruck', '/kandidaten/0123456789abcdef0123456789abcdef', '/transparantie', '/zoeken/resultaten']) {
      const res = await request(svc.app).get(pad).set(https);
      expect({ pad, status: res.status, naar: res.headers.location }).toEqual({ pad, status: 303, naar: `/aanmelden?terug=${encodeURIComponent(pad)}` });
    }
    expect((await request(svc.app).get('/static/kv/kv.css')).status).toBe(200);
  });

  it('signs in with a werkgever key: a signed, HttpOnly, SameSite=Lax, Secure __Host- cookie, and back where the visitor was', async () => {
    const { agent, res } = await aanmelden(SLEUTELS.werkgever, '/?q=heftruck');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/?q=heftruck');
    const sessie = cookies(res).filter((c) => c.startsWith('__Host-kv-sessie'));
    expect(sessie.map((c) => c.split('=')[0])).toEqual(['__Host-kv-sessie', '__Host-kv-sessie.sig']);
    for (const c of sessie) expect(c.split('; ').slice(1).map((d) => d.split('=')[0]!.toLowerCase()).sort()).toEqual(['expires', 'httponly', 'path', 'samesite', 'secure']);
    for (const c of sessie) expect(c).toMatch(/; path=\/;.*; samesite=lax; secure; httponly$/);
    // The key itself is never in the cookie.
    for (const c of sessie) expect(Buffer.from(c.split(';')[0]!.split('=')[1]!, 'base64').toString()).not.toContain(SLEUTELS.werkgever);

    const pagina = await agent.get('/?q=heftruck');
    expect(pagina.status).toBe(200);
    expect(aantalGevonden(pagina.text)).toBeGreaterThan(0);
    expect(pagina.text).toContain('Aangemeld als werkgever-2');
    expect((await agent.get('/transparantie')).status).toBe(403);
  });

  it('refuses an unknown key, an API-only key and an empty one on the page, without repeating them', async () => {
    for (const [sleutel, status, tekst] of [
      ['Qonbekende-sleutel-1234x', 401, 'Deze sleutel kennen wij niet'],
      [SLEUTELS.sync, 403, 'alleen de API gebruiken'],
      [SLEUTELS.beheer, 403, 'alleen de API gebruiken'],
      ['', 400, 'Vul uw sleutel in'],
    ] as const) {
      const { res } = await aanmelden(sleutel);
      expect({ status: res.status, tekst: res.text.includes(tekst) }).toEqual({ status, tekst: true });
      if (sleutel) expect(res.text).not.toContain(sleutel);
      expect(cookies(res).join()).not.toContain('__Host-kv-sessie.sig=');
    }
  });

  it('never sends anyone to another site after signing in', async () => {
    expect((await request(svc.app).get('/aanmelden?terug=//voorbeeld.example/pad').set(https)).status).toBe(400);
    // A return path planted in the form itself is dropped.
    for (const terug of ['https://voorbeeld.example/', '//voorbeeld.example', '/\\voorbeeld.example']) {
      const agent = httpsBrowser(svc.app);
      const res = await agent.post('/aanmelden', { _csrf: csrfToken((await agent.get('/aanmelden')).text), sleutel: SLEUTELS.werkgever, terug });
      expect(res.headers.location).toBe('/');
    }
  });

  it('requires the CSRF token of the session on the sign-in form too', async () => {
    const res = await request(svc.app).post('/aanmelden').set(https).type('form').send({ sleutel: SLEUTELS.werkgever });
    expect(res.status).toBe(403);
  });

  it('shows a regiomanager only his own regions, and not the search', async () => {
    const { agent, res } = await aanmelden(SLEUTELS.regiomanager25);
    expect(res.headers.location).toBe('/transparantie');
    const eigen = await agent.get('/transparantie');
    expect(eigen.status).toBe(200);
    expect(eigen.text).toContain('<option value="25" selected>25 Rijk van Nijmegen</option>');
    expect(eigen.text).not.toContain('<option value="10"');
    expect(eigen.text).not.toContain('Alle regio');
    expect((await agent.get('/transparantie?regio=10')).status).toBe(403);
    const csv = await agent.get('/transparantie?regio=25&periode=2020-Q2&formaat=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('transparantie-regio-25-rijk-van-nijmegen-2020-Q2.csv');
    expect((await agent.get('/transparantie?regio=10&formaat=csv')).status).toBe(403);
    expect((await agent.get('/')).status).toBe(403);

    const manager10 = await aanmelden(SLEUTELS.regiomanager10);
    expect((await manager10.agent.get('/transparantie?regio=25')).status).toBe(403);
  });

  it('signs out with a form (CSRF-protected), after which the pages are closed again', async () => {
    const { agent } = await aanmelden(SLEUTELS.intermediair);
    const pagina = await agent.get('/');
    expect((await agent.post('/afmelden', {})).status).toBe(403);
    const uit = await agent.post('/afmelden', { _csrf: csrfToken(pagina.text) });
    expect(uit.status).toBe(303);
    expect((await agent.get('/')).status).toBe(303);
  });

  it('ends a sign-in after a working day, even if the cookie is kept', async () => {
    const { agent } = await aanmelden(SLEUTELS.werkgever);
    const nu = Date.now();
    const klok = jest.spyOn(Date, 'now').mockReturnValue(nu + SESSIEDUUR_MS + 1000);
    try {
      expect((await agent.get('/')).status).toBe(303);
    } finally {
      klok.mockRestore();
    }
  });

  it('a tampered session cookie counts as no sign-in', async () => {
    const { res } = await aanmelden(SLEUTELS.werkgever);
    const [waarde, handtekening] = cookies(res).map((c) => c.split(';')[0]!);
    const vervalst = Buffer.from(JSON.stringify({ identiteit: { id: 'werkgever-1', rol: 'werkgever', regios: null, naam: 'x' }, verloopt: Date.now() + 1e9 })).toString('base64');
    const poging = await request(svc.app).get('/').set(https).set('Cookie', `__Host-kv-sessie=${vervalst}; ${handtekening}`);
    expect(poging.status).toBe(303);
    expect(waarde).toBeDefined();
  });
});
