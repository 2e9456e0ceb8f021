import request from 'supertest';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { maakRecord, ndjson } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, TEST_SECRET, type TestService } from '../support/test-service';
import { csrfToken } from './html';

const FORMULIER = {
  organisatie: 'Timmerbedrijf Hout', contactpersoon: 'Kees Hout', email: 'k.hout@hout.example', telefoon: '024 123 45 67', vacature: 'Leerling timmerman',
};
const pseudoniem = createPseudonimiseerder(TEST_SECRET);

/** The pages of the way back: the WSP's list, status form and klantnummer; the employer's "Mijn contactverzoeken". */
describe('pages: contactverzoeken for the werkgeversservicepunt and the employer', () => {
  let svc: TestService;
  /** The durable audit records, oldest first. */
  const auditregels = async () => (await svc.opslag.audit.lijst({ limiet: 10_000 })).regels.reverse();
  const records = [maakRecord(11), maakRecord(12)];
  const ids = records.map((r) => pseudoniem(r.klantnummer));

  async function aangemeld(sleutel: string) {
    const agent = request.agent(svc.app);
    const _csrf = csrfToken((await agent.get('/aanmelden')).text);
    const res = await agent.post('/aanmelden').type('form').send({ _csrf, sleutel });
    expect(res.status).toBe(303);
    return { agent, naar: res.headers.location as string };
  }

  async function dienIn(agent: ReturnType<typeof request.agent>, id: string) {
    const _csrf = csrfToken((await agent.get(`/kandidaten/${id}`)).text);
    const res = await agent.post(`/kandidaten/${id}/interesse`).type('form').send({ ...FORMULIER, _csrf });
    expect(res.status).toBe(303);
    const bevestiging = await agent.get(res.headers.location!);
    return { referentie: /class="kv-referentie">(KV-[0-9A-F-]+)</.exec(bevestiging.text)![1]!, bevestiging: bevestiging.text };
  }

  beforeAll(async () => {
    svc = await startTestService();
    // With alike profiles beside them, so their class has k (5) members and employers see them.
    const opvulling = [13, 14, 15].map((n) => maakRecord(n));
    await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).set('Content-Type', 'application/x-ndjson').send(ndjson([...records, ...opvulling]));
  });
  afterAll(async () => { await svc.stop(); });

  it('follows a request from the employer\'s confirmation through the WSP\'s handling, without JavaScript', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const { referentie, bevestiging } = await dienIn(werkgever.agent, ids[0]!);
    expect(bevestiging).toContain('href="/contactverzoeken"');
    const mijn = await werkgever.agent.get('/contactverzoeken');
    expect(mijn.status).toBe(200);
    expect(mijn.headers['cache-control']).toBe('no-store');
    expect(mijn.text).toContain('<a class="kv-menu__link" href="/contactverzoeken" aria-current="page">Mijn contactverzoeken</a>');
    expect(mijn.text).toContain(referentie);
    expect(mijn.text).toContain('<td class="utrecht-table__cell kv-status">Nieuw</td>');
    expect(mijn.text).not.toContain('<script>');

    const wsp = await aangemeld(SLEUTELS.wsp25);
    expect(wsp.naar).toBe('/wsp/contactverzoeken');
    const lijst = await wsp.agent.get('/wsp/contactverzoeken');
    expect(lijst.status).toBe(200);
    expect(lijst.text).toContain(`${referentie}: ${FORMULIER.vacature}`);
    expect(lijst.text).toContain(FORMULIER.email);
    expect(lijst.text).toContain(`<code>${ids[0]}</code>`);
    const _csrf = csrfToken(lijst.text);

    // Without the session's token nothing changes.
    expect((await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ status: 'in behandeling', reden: '' })).status).toBe(403);
    const naar = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'in behandeling', reden: '' });
    expect(naar.status).toBe(303);
    expect(naar.headers.location).toBe('/wsp/contactverzoeken');
    expect((await wsp.agent.get('/wsp/contactverzoeken?status=in+behandeling')).text).toContain(referentie);
    expect((await wsp.agent.get('/wsp/contactverzoeken?status=')).text).toContain(referentie);
    expect((await wsp.agent.get('/wsp/contactverzoeken?status=nieuw')).text).not.toContain(referentie);
    expect((await wsp.agent.get('/wsp/contactverzoeken?status=weg')).status).toBe(400);
    const regels = await auditregels();
    expect(regels.filter((r) => r.actie === 'contactverzoek-status').at(-1)).toMatchObject({ details: { referentie, van: 'nieuw', naar: 'in behandeling' } });
    // Looking at the list is recorded too, with the pseudonyms shown.
    expect(regels.filter((r) => r.actie === 'contactverzoeken-ingezien').slice(-3).map((r) => [r.sleutelId, r.details.status, r.pseudoniemen])).toEqual([
      ['wsp-7', 'in behandeling', [ids[0]]], ['wsp-7', null, [ids[0]]], ['wsp-7', 'nieuw', []],
    ]);

    // Closing needs a reason: the list again with the problem, nothing changed.
    const voorFout = (await auditregels()).length;
    const zonder = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'afgesloten', reden: '' });
    expect(zonder.status).toBe(400);
    expect(zonder.text).toContain('Vul een reden in als u het verzoek afsluit');
    const teLang = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'afgesloten', reden: 'x'.repeat(501) });
    expect(teLang.status).toBe(400);
    expect(teLang.text).toContain('Gebruik maximaal 500 tekens');
    expect((await svc.opslag.contactverzoeken.get(referentie))!.status).toBe('in behandeling');
    // The list shown again with the problem holds people's data: recorded like any look at it, before it is sent.
    const ingezien = expect.objectContaining({ actie: 'contactverzoeken-ingezien', sleutelId: 'wsp-7', rol: 'wsp', pseudoniemen: [ids[0]], aantal: 1, details: { status: null } });
    expect((await auditregels()).slice(voorFout)).toEqual([ingezien, ingezien]);
    // Without the record, nothing of the list is sent.
    const kapot = jest.spyOn(svc.opslag.audit, 'voegToe').mockRejectedValue(new Error('auditopslag weg'));
    try {
      const onopgeslagen = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'afgesloten', reden: '' });
      expect(onopgeslagen.status).toBe(503);
      expect(onopgeslagen.text).not.toContain(FORMULIER.email);
      expect(onopgeslagen.text).not.toContain(ids[0]);
    } finally {
      kapot.mockRestore();
    }

    // The klantnummer: shown once, on the answer itself, not cached, audited.
    const voor = (await auditregels()).length;
    const klantnummer = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/klantnummer`).type('form').send({ _csrf });
    expect(klantnummer.status).toBe(200);
    expect(klantnummer.headers['cache-control']).toBe('no-store');
    expect(klantnummer.text).toContain(`<strong class="kv-klantnummer">${records[0]!.klantnummer}</strong>`);
    expect((await auditregels()).slice(voor)).toEqual([expect.objectContaining({ actie: 'pseudoniem-herleid', sleutelId: 'wsp-7', pseudoniemen: [ids[0]] })]);
    expect((await wsp.agent.get('/wsp/contactverzoeken')).text).not.toContain(records[0]!.klantnummer);

    const dicht = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'afgesloten', reden: 'kandidaat wil niet' });
    expect(dicht.status).toBe(303);
    const naSluiten = await wsp.agent.get('/wsp/contactverzoeken');
    expect(naSluiten.text).toContain('Afgesloten (kandidaat wil niet)');
    expect(naSluiten.text).not.toContain(`/wsp/contactverzoeken/${referentie}/klantnummer`);
    const te_laat = await wsp.agent.post(`/wsp/contactverzoeken/${referentie}/klantnummer`).type('form').send({ _csrf });
    expect(te_laat.status).toBe(409);
    expect(te_laat.text).not.toContain(records[0]!.klantnummer);

    // The employer sees the new status, not the WSP's reason.
    const daarna = await werkgever.agent.get('/contactverzoeken');
    expect(daarna.text).toContain('<td class="utrecht-table__cell kv-status">Afgesloten</td>');
    expect(daarna.text).not.toContain('kandidaat wil niet');
  });

  it('keeps each role to its own pages and each WSP to its own regions', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const { referentie } = await dienIn(werkgever.agent, ids[1]!);
    expect((await werkgever.agent.get('/wsp/contactverzoeken')).status).toBe(403);
    const wsp10 = await aangemeld(SLEUTELS.wsp10);
    const lijst = await wsp10.agent.get('/wsp/contactverzoeken');
    expect(lijst.status).toBe(200);
    expect(lijst.text).not.toContain(referentie);
    expect(lijst.text).toContain('Er zijn geen contactverzoeken');
    const _csrf = csrfToken(lijst.text);
    const ander = await wsp10.agent.post(`/wsp/contactverzoeken/${referentie}/klantnummer`).type('form').send({ _csrf });
    expect(ander.status).toBe(404);
    expect(ander.text).not.toContain(records[1]!.klantnummer);
    expect((await wsp10.agent.post(`/wsp/contactverzoeken/${referentie}/status`).type('form').send({ _csrf, status: 'in behandeling', reden: '' })).status).toBe(404);
    expect((await svc.opslag.contactverzoeken.get(referentie))!.status).toBe('nieuw');
    expect((await wsp10.agent.get('/contactverzoeken')).status).toBe(403);
    expect((await wsp10.agent.get('/')).status).toBe(403);
    // Another employer's key does not see this employer's requests.
    const intermediair = await aangemeld(SLEUTELS.intermediair);
    expect((await intermediair.agent.get('/contactverzoeken')).text).not.toContain(referentie);
  });

  it('in development without sign-in, shows the requests sent without identity', async () => {
    const bezoeker = request.agent(svc.app);
    const { referentie } = await dienIn(bezoeker, ids[1]!);
    expect((await svc.opslag.contactverzoeken.get(referentie))!.afzender).toBeNull();
    const mijn = await bezoeker.get('/contactverzoeken');
    expect(mijn.status).toBe(200);
    expect(mijn.text).toContain(referentie);
    expect(mijn.text).toContain('Ontwikkelomgeving zonder aanmelding');
    const alle = await svc.contactverzoeken.lijst();
    for (const v of alle.filter((x) => x.afzender !== null)) expect(mijn.text).not.toContain(v.referentie);
  });
});
