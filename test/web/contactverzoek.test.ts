import request from 'supertest';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { csrfToken, profielIds } from './html';

const GELDIG = {
  organisatie: 'Bakkerij De Korenaar', contactpersoon: 'Petra Jansen', email: 'p.jansen@korenaar.example', telefoon: '024 123 45 67',
  vacature: 'Medewerker inpak, 24 uur', toelichting: 'Begeleiding op de werkvloer is mogelijk.',
};

describe('profile page and "Ik heb interesse"', () => {
  let svc: TestService;
  let id: string;
  beforeAll(async () => {
    svc = await startTestService({ SEED_DEMO: 'true' });
    id = profielIds((await request(svc.app).get('/?q=heftruck')).text)[0]!;
  }, 120_000);
  afterAll(async () => { await svc.stop(); });

  /** A browser's session: the profile page gives the CSRF token, the agent keeps the session cookie. */
  async function browser() {
    const agent = request.agent(svc.app);
    const pagina = await agent.get(`/kandidaten/${id}`);
    return { agent, token: csrfToken(pagina.text), pagina };
  }

  it('shows the whole anonymised profile in plain Dutch', async () => {
    const { pagina } = await browser();
    const profiel = (await svc.engine.get(id))!;
    expect(pagina.status).toBe(200);
    expect(pagina.text).toContain(`Woont in ${profiel.gemeente} (arbeidsmarktregio ${profiel.regioNaam})`);
    for (const v of [...profiel.vaardigheden, ...profiel.competenties, ...profiel.taaksoorten, ...profiel.beroepssectoren]) expect(pagina.text).toContain(v);
    expect(pagina.text).toContain(`${profiel.profielvulling} van de 5 onderdelen ingevuld`);
    expect(pagina.text).toContain(`Het werkgeversservicepunt ${profiel.regioNaam} bespreekt uw vacature`);
    for (const veld of ['organisatie', 'contactpersoon', 'email', 'telefoon', 'vacature', 'toelichting']) expect(pagina.text).toContain(`id="veld-${veld}" name="${veld}"`);
  });

  it('answers 404 for an unknown profile and 400 for an id that cannot be one', async () => {
    expect((await request(svc.app).get(`/kandidaten/${'0'.repeat(32)}`)).status).toBe(404);
    const fout = await request(svc.app).get('/kandidaten/Qgeenid9x');
    expect(fout.status).toBe(400);
    expect(fout.text).not.toContain('Qgeenid9x');
  });

  it('refuses a form without the session\'s CSRF token, and stores nothing', async () => {
    const { agent } = await browser();
    const zonder = await agent.post(`/kandidaten/${id}/interesse`).type('form').send(GELDIG);
    expect(zonder.status).toBe(403);
    expect(zonder.text).toContain('Het formulier is verlopen');
    const vreemd = await request(svc.app).post(`/kandidaten/${id}/interesse`).type('form').send({ ...GELDIG, _csrf: 'ab'.repeat(32) });
    expect(vreemd.status).toBe(403);
    expect(await svc.contactverzoeken.lijst()).toEqual([]);
  });

  it('shows every error next to its field and in a summary on top, fills the values in again and stores nothing', async () => {
    const { agent, token } = await browser();
    const res = await agent.post(`/kandidaten/${id}/interesse`).type('form')
      .send({ _csrf: token, organisatie: 'Bakkerij <De Korenaar>', contactpersoon: '', email: 'geen-adres', telefoon: '12', vacature: '', toelichting: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Fout: ');
    expect(res.text).toMatch(/class="utrecht-alert utrecht-alert--error kv-foutoverzicht" role="alert" tabindex="-1"/);
    for (const [veld, melding] of [
      ['contactpersoon', 'Vul de naam van de contactpersoon in'], ['email', 'Vul een e-mailadres in zoals naam@voorbeeld.nl'],
      ['telefoon', 'Vul een telefoonnummer in zoals'], ['vacature', 'Vul de functie of vacature in'], ['toelichting', 'Gebruik maximaal 2000 tekens'],
    ] as const) {
      expect(res.text).toContain(`<li><a class="utrecht-link" href="#veld-${veld}">${melding}`);
      expect(res.text).toContain(`id="veld-${veld}-fout"><span class="kv-visueel-verborgen">Fout: </span>${melding}`);
      expect(res.text).toMatch(new RegExp(`id="veld-${veld}" name="${veld}"[^>]*aria-describedby="[^"]*veld-${veld}-fout"[^>]*aria-invalid="true"`));
    }
    expect(res.text).not.toContain('href="#veld-organisatie"');
    expect(res.text).toContain('value="Bakkerij &lt;De Korenaar&gt;"');
    expect(res.text).toContain('value="geen-adres"');
    expect(await svc.contactverzoeken.lijst()).toEqual([]);
  });

  it('stores a valid request durably for the WSP of the candidate\'s region and confirms it, telling nothing more', async () => {
    const { agent, token } = await browser();
    const res = await agent.post(`/kandidaten/${id}/interesse`).type('form').send({ ...GELDIG, _csrf: token });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/kandidaten/${id}/interesse/verzonden`);

    const [opgeslagen] = await svc.contactverzoeken.lijst();
    expect(opgeslagen).toMatchObject({ ...GELDIG, profielId: id, regio: 25, regioNaam: 'Rijk van Nijmegen' });
    expect(opgeslagen!.referentie).toMatch(/^KV-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    // Stored, read through a second connection: the answer came after the commit.
    const tweede = await svc.plek.open(svc.dataDir);
    expect((await tweede.contactverzoeken.lijst()).map((v) => v.referentie)).toEqual([opgeslagen!.referentie]);
    await tweede.close();

    const bevestiging = await agent.get(res.headers.location!);
    expect(bevestiging.status).toBe(200);
    expect(bevestiging.text).toContain('Uw interesse is doorgegeven');
    expect(bevestiging.text).toContain(opgeslagen!.referentie);
    expect(bevestiging.text).toContain('Het werkgeversservicepunt Rijk van Nijmegen bekijkt uw verzoek');
    // Another browser cannot read someone's confirmation.
    expect((await request(svc.app).get(res.headers.location!)).status).toBe(303);
  });

  it('lists the requests for the WSP: beheer only, optionally per region, invalid regions refused', async () => {
    const lijst = await request(svc.app).get('/api/v1/contactverzoeken').set(bearer(SLEUTELS.beheer));
    expect(lijst.status).toBe(200);
    expect(lijst.body.aantal).toBe(lijst.body.contactverzoeken.length);
    expect(lijst.body.contactverzoeken[0]).toMatchObject({ profielId: id, regio: 25, organisatie: GELDIG.organisatie, email: GELDIG.email });
    expect((await request(svc.app).get('/api/v1/contactverzoeken?regio=25').set(bearer(SLEUTELS.beheer))).body.aantal).toBe(lijst.body.aantal);
    expect((await request(svc.app).get('/api/v1/contactverzoeken?regio=10').set(bearer(SLEUTELS.beheer))).body).toEqual({ aantal: 0, contactverzoeken: [] });
    const fout = await request(svc.app).get('/api/v1/contactverzoeken?regio=99').set(bearer(SLEUTELS.beheer));
    expect(fout.status).toBe(400);
    expect(fout.body.fout.velden).toEqual([{ pad: 'regio', melding: expect.any(String) }]);
    expect((await request(svc.app).get('/api/v1/contactverzoeken?foo=1').set(bearer(SLEUTELS.beheer))).status).toBe(400);
    expect((await request(svc.app).get('/api/v1/contactverzoeken')).status).toBe(401);
    for (const sleutel of [SLEUTELS.werkgever, SLEUTELS.regiomanager25, SLEUTELS.sync]) {
      expect((await request(svc.app).get('/api/v1/contactverzoeken').set(bearer(sleutel))).status).toBe(403);
    }
  });

  it('logs nothing the employer typed', () => {
    const logs = svc.logs();
    expect(logs).toContain('"route":"/kandidaten/:id/interesse"');
    for (const waarde of Object.values(GELDIG)) expect(logs).not.toContain(waarde);
  });
});
