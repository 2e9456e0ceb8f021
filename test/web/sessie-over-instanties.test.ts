import request from 'supertest';
import { maakRecord } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { csrfToken, httpsBrowser, profielIds } from './html';

const SESSIEGEHEIM = 'gedeeld-sessiegeheim-van-minstens-32-tekens';

/**
 * Behind a load balancer each request of a browser may reach another instance. The session is a cookie signed with
 * KV_SESSION_SECRET and holds no server state, so any instance with the same secret accepts it.
 */
describe('page sessions over several instances', () => {
  let a: TestService;
  let b: TestService;
  let anderGeheim: TestService;
  beforeAll(async () => {
    const start = (geheim: string) => startTestService({ NODE_ENV: 'production', KV_TRUST_PROXY: '1', KV_SESSION_SECRET: geheim, LOG_LEVEL: 'silent' });
    [a, b, anderGeheim] = await Promise.all([start(SESSIEGEHEIM), start(SESSIEGEHEIM), start('een-ander-sessiegeheim-van-32-tekens')]);
    for (const svc of [a, b, anderGeheim]) {
      expect((await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).send([1, 2, 3, 4, 5].map((n) => maakRecord(n)))).status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => { await Promise.all([a, b, anderGeheim].map((svc) => svc.stop())); });

  async function aanmeldenOpA() {
    const opA = httpsBrowser(a.app);
    const res = await opA.post('/aanmelden', { _csrf: csrfToken((await opA.get('/aanmelden')).text), sleutel: SLEUTELS.werkgever });
    expect(res.status).toBe(303);
    return opA;
  }

  it('signs in on one instance and searches, opens a profile and sends a contactverzoek on the other', async () => {
    const opA = await aanmeldenOpA();
    const opB = httpsBrowser(b.app, opA.jar);

    const zoekpagina = await opB.get('/');
    expect(zoekpagina.status).toBe(200);
    expect(zoekpagina.text).toContain('Aangemeld als werkgever-2');
    const [id] = profielIds(zoekpagina.text);

    // The CSRF token from a form on A is the session's token, so B accepts it.
    const token = csrfToken((await opA.get(`/kandidaten/${id}`)).text);
    const verzonden = await opB.post(`/kandidaten/${id}/interesse`, {
      _csrf: token, organisatie: 'Bakkerij De Korenaar', contactpersoon: 'Petra Jansen', email: 'p.jansen@korenaar.example',
      telefoon: '024 123 45 67', vacature: 'Medewerker inpak, 24 uur', toelichting: '',
    });
    expect(verzonden.status).toBe(303);
    const [opgeslagen] = await b.contactverzoeken.lijst();
    expect(opgeslagen?.profielId).toBe(id);

    // And back on A: the confirmation comes from the session cookie that B wrote.
    const bevestiging = await opA.get(verzonden.headers.location!);
    expect(bevestiging.status).toBe(200);
    expect(bevestiging.text).toContain(opgeslagen!.referentie);
  });

  it('an instance with another KV_SESSION_SECRET does not accept the session, nor its CSRF token', async () => {
    const opA = await aanmeldenOpA();
    const [id] = profielIds((await opA.get('/')).text);
    const token = csrfToken((await opA.get(`/kandidaten/${id}`)).text);
    const elders = httpsBrowser(anderGeheim.app, new Map(opA.jar));

    expect((await elders.get('/')).headers.location).toBe('/aanmelden?terug=%2F');
    const poging = await elders.post(`/kandidaten/${id}/interesse`, { _csrf: token, organisatie: 'Bakkerij De Korenaar' });
    expect(poging.status).toBe(303);
    expect(poging.headers.location).toMatch(/^\/aanmelden\?terug=/);
    expect(await anderGeheim.contactverzoeken.lijst()).toEqual([]);
  });
});
