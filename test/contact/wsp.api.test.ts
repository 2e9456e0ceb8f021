import request from 'supertest';
import type { SonarRecord } from '../../src/sonar/sonar-record.schema';
import { maakRecord, ndjson } from '../support/sonar-records';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { contactverzoekenOnderdeel } from '../../src/contact/contactverzoek.service';
import { bearer, SLEUTELS, startTestService, TEST_SECRET, type TestService } from '../support/test-service';
import { csrfToken } from '../web/html';

const FORMULIER = {
  organisatie: 'Bakkerij De Korenaar', contactpersoon: 'Petra Jansen', email: 'p.jansen@korenaar.example', telefoon: '024 123 45 67',
  vacature: 'Medewerker inpak', toelichting: '',
};

const WSP = '/api/v1/wsp/contactverzoeken';
const pseudoniem = createPseudonimiseerder(TEST_SECRET);
const ANDERE_ROLLEN = [SLEUTELS.sync, SLEUTELS.werkgever, SLEUTELS.intermediair, SLEUTELS.regiomanager25, SLEUTELS.beheer];

/**
 * The werkgeversservicepunt's way back: its regions' contactverzoeken, their status, the klantnummer behind the
 * pseudonym (audited first), and the employer's view of its own requests.
 */
describe('werkgeversservicepunt: contactverzoeken, status and klantnummer', () => {
  let svc: TestService;
  /** The durable audit records, oldest first. */
  const auditregels = async () => (await svc.opslag.audit.lijst({ limiet: 10_000 })).regels.reverse();
  // Profiles in region 25 (Nijmegen) and 10 (Amsterdam).
  const records: SonarRecord[] = [
    maakRecord(1), maakRecord(2), maakRecord(3), maakRecord(4), maakRecord(5),
    maakRecord(6, { gemeenteCode: 'GM0358' }),
  ];
  // Alike profiles beside them, so each class keeps k (5) members while some of the above go: employers see them.
  const opvulling: SonarRecord[] = [
    ...[100, 101, 102, 103, 104].map((n) => maakRecord(n)),
    ...[110, 111, 112, 113].map((n) => maakRecord(n, { gemeenteCode: 'GM0358' })),
  ];
  let ids: string[];

  const sync = (body: unknown[], query = '') => request(svc.app).post(`/api/v1/sync/profielen${query}`).set(bearer(SLEUTELS.sync)).set('Content-Type', 'application/x-ndjson').send(ndjson(body));

  /** A signed-in browser with this key (development: the pages need no sign-in, but then there is no sender). */
  async function aangemeld(sleutel: string) {
    const agent = request.agent(svc.app);
    const _csrf = csrfToken((await agent.get('/aanmelden')).text);
    expect((await agent.post('/aanmelden').type('form').send({ _csrf, sleutel })).status).toBe(303);
    return agent;
  }

  /** Sends "Ik heb interesse" from a browser; answers the referentie. */
  async function dienIn(agent: ReturnType<typeof request.agent>, profielId: string): Promise<string> {
    const _csrf = csrfToken((await agent.get(`/kandidaten/${profielId}`)).text);
    const res = await agent.post(`/kandidaten/${profielId}/interesse`).type('form').send({ ...FORMULIER, _csrf });
    expect(res.status).toBe(303);
    const bevestiging = await agent.get(res.headers.location!);
    return /class="kv-referentie">(KV-[0-9A-F-]+)</.exec(bevestiging.text)![1]!;
  }

  beforeAll(async () => {
    svc = await startTestService();
    expect((await sync([...records, ...opvulling])).body.toegevoegd).toBe(15);
    ids = (await svc.profielen()).map((p) => p.id);
  });
  afterAll(async () => { await svc.stop(); });

  const profielIdVan = (r: SonarRecord) => pseudoniem(r.klantnummer);

  it('keeps the klantnummer only encrypted beside the profile, never in it', async () => {
    for (const r of records) {
      const id = profielIdVan(r);
      expect(ids).toContain(id);
      const versleuteld = await svc.opslag.mirror.versleuteldKlantnummer(id);
      expect(versleuteld).toMatch(/^v1:/);
      expect(versleuteld).not.toContain(r.klantnummer);
      expect(JSON.stringify(await svc.opslag.mirror.get(id))).not.toContain(r.klantnummer);
    }
  });

  it('lists only its regions\' requests, filters on status, and refuses another role (403)', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const r25 = await dienIn(werkgever, profielIdVan(records[0]!));
    const r10 = await dienIn(werkgever, profielIdVan(records[5]!));
    const wsp25 = await request(svc.app).get(WSP).set(bearer(SLEUTELS.wsp25));
    expect(wsp25.status).toBe(200);
    expect(wsp25.headers['cache-control']).toBe('no-store');
    expect(wsp25.body.contactverzoeken.map((v: { referentie: string }) => v.referentie)).toEqual([r25]);
    expect(wsp25.body.contactverzoeken[0]).toMatchObject({
      ...FORMULIER, referentie: r25, profielId: profielIdVan(records[0]!), regio: 25, regioNaam: 'Rijk van Nijmegen',
      status: 'nieuw', afsluitreden: null, afgesloten: null, afzender: 'werkgever-2',
    });
    expect((await request(svc.app).get(WSP).set(bearer(SLEUTELS.wsp10))).body.contactverzoeken.map((v: { referentie: string }) => v.referentie)).toEqual([r10]);
    expect((await request(svc.app).get(`${WSP}?status=nieuw`).set(bearer(SLEUTELS.wsp25))).body.aantal).toBe(1);
    expect((await request(svc.app).get(`${WSP}?status=afgesloten`).set(bearer(SLEUTELS.wsp25))).body).toEqual({ aantal: 0, contactverzoeken: [] });
    const fout = await request(svc.app).get(`${WSP}?status=weg&regio=10`).set(bearer(SLEUTELS.wsp25));
    expect(fout.status).toBe(400);
    expect(fout.body.fout.velden.map((v: { pad: string }) => v.pad).sort()).toEqual(['regio', 'status']);
    expect(fout.text).not.toContain('weg');
  });

  it('answers 403 to every other role on every wsp route, 401 without a key', async () => {
    const [ref] = (await svc.contactverzoeken.lijst([25])).map((v) => v.referentie);
    const routes = [
      () => request(svc.app).get(WSP),
      () => request(svc.app).put(`${WSP}/${ref}/status`).send({ status: 'in behandeling' }),
      () => request(svc.app).post(`${WSP}/${ref}/klantnummer`),
    ];
    for (const route of routes) {
      expect((await route()).status).toBe(401);
      for (const sleutel of ANDERE_ROLLEN) {
        const res = await route().set(bearer(sleutel));
        expect({ sleutel, status: res.status }).toEqual({ sleutel, status: 403 });
      }
    }
    expect((await svc.contactverzoeken.lijst([25]))[0]!.status).toBe('nieuw');
  });

  it('changes the status along allowed transitions, audited, with 400 for a bad body and 409 for a transition that cannot', async () => {
    const [v] = await svc.contactverzoeken.lijst([25]);
    const pad = `${WSP}/${v!.referentie}/status`;
    const put = (body: unknown, sleutel: string = SLEUTELS.wsp25) => request(svc.app).put(pad).set(bearer(sleutel)).send(body as object);
    const voor = (await auditregels()).length;

    const fouten = [
      [{ status: 'nieuw' }, ['status']],
      [{ status: 'afgesloten' }, ['reden']],
      [{ status: 'in behandeling', reden: 'te vroeg' }, ['reden']],
      [{ status: 'afgesloten', reden: '   ' }, ['reden']],
      [{ status: 'in behandeling', extra: 1 }, ['extra']],
      [{}, ['status']],
    ] as const;
    for (const [body, paden] of fouten) {
      const res = await put(body);
      expect({ body, status: res.status, paden: res.body.fout.velden.map((f: { pad: string }) => f.pad) }).toEqual({ body, status: 400, paden });
    }
    const badRef = await request(svc.app).put(`${WSP}/geen-referentie/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'in behandeling' });
    expect(badRef.status).toBe(400);
    expect(badRef.body.fout.velden).toEqual([{ pad: 'referentie', melding: expect.any(String) }]);
    expect((await auditregels()).length).toBe(voor);

    const eerst = await put({ status: 'in behandeling' });
    expect(eerst.status).toBe(200);
    expect(eerst.body).toMatchObject({ referentie: v!.referentie, status: 'in behandeling', afgesloten: null });
    expect(Date.parse(eerst.body.bijgewerkt)).toBeGreaterThanOrEqual(Date.parse(v!.bijgewerkt));
    expect((await auditregels()).at(-1)).toMatchObject({
      sleutelId: 'wsp-7', rol: 'wsp', actie: 'contactverzoek-status', pseudoniemen: [v!.profielId],
      details: { referentie: v!.referentie, van: 'nieuw', naar: 'in behandeling' },
    });
    const opnieuw = await put({ status: 'in behandeling' });
    expect(opnieuw.status).toBe(409);
    expect(opnieuw.body.fout.code).toBe('ongeldige_overgang');
    // A refused transition is not recorded as a change.
    expect((await auditregels()).filter((r: { actie: string }) => r.actie === 'contactverzoek-status')).toHaveLength(1);
    expect((await put({ status: 'kandidaat benaderd' })).body.status).toBe('kandidaat benaderd');
    // Durable: read back through the store.
    expect((await svc.opslag.contactverzoeken.get(v!.referentie))!.status).toBe('kandidaat benaderd');
  });

  it('answers 404 alike for another region\'s request and an unknown one, never revealing it exists', async () => {
    const [v] = await svc.contactverzoeken.lijst([25]);
    const onbekend = 'KV-0000-0000-0000';
    for (const [methode, achter, body] of [['put', 'status', { status: 'afgesloten', reden: 'x' }], ['post', 'klantnummer', undefined]] as const) {
      const ander = await request(svc.app)[methode](`${WSP}/${v!.referentie}/${achter}`).set(bearer(SLEUTELS.wsp10)).send(body);
      const weg = await request(svc.app)[methode](`${WSP}/${onbekend}/${achter}`).set(bearer(SLEUTELS.wsp10)).send(body);
      expect(ander.status).toBe(404);
      expect(ander.body).toEqual(weg.body);
    }
    expect((await svc.opslag.contactverzoeken.get(v!.referentie))!.status).toBe('kandidaat benaderd');
  });

  it('resolves the pseudonym to the klantnummer for its region only, audited before the answer, not cached', async () => {
    const [v] = await svc.contactverzoeken.lijst([25]);
    const voor = (await auditregels()).length;
    const res = await request(svc.app).post(`${WSP}/${v!.referentie}/klantnummer`).set(bearer(SLEUTELS.wsp25));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ referentie: v!.referentie, profielId: v!.profielId, klantnummer: records[0]!.klantnummer });
    expect((await auditregels()).slice(voor)).toEqual([expect.objectContaining({
      sleutelId: 'wsp-7', rol: 'wsp', actie: 'pseudoniem-herleid', pseudoniemen: [v!.profielId], details: { referentie: v!.referentie },
    })]);
    // The number is in the answer only: not in the audit record, not in the logs.
    expect(JSON.stringify((await auditregels()))).not.toContain(records[0]!.klantnummer);
    expect(svc.logs()).not.toContain(records[0]!.klantnummer);
  });

  it('fails with 503 and does nothing when the audit log cannot record it', async () => {
    const [v] = await svc.contactverzoeken.lijst([25]);
    // The audit store refuses every write: AuditService answers OpslagFout, the request 503.
    const kapot = jest.spyOn(svc.opslag.audit, 'voegToe').mockRejectedValue(new Error('auditopslag weg'));
    try {
      const herleid = await request(svc.app).post(`${WSP}/${v!.referentie}/klantnummer`).set(bearer(SLEUTELS.wsp25));
      expect(herleid.status).toBe(503);
      expect(herleid.headers['retry-after']).toBeDefined();
      expect(herleid.text).not.toContain(records[0]!.klantnummer);
      const status = await request(svc.app).put(`${WSP}/${v!.referentie}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'in behandeling' });
      expect(status.status).toBe(503);
      expect((await svc.opslag.contactverzoeken.get(v!.referentie))!.status).toBe('kandidaat benaderd');
    } finally {
      kapot.mockRestore();
    }
  });

  it('refuses the resolution once the request is closed (409), and 410 when the profile is gone from the mirror', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const ref = await dienIn(werkgever, profielIdVan(records[1]!));
    const dicht = await request(svc.app).put(`${WSP}/${ref}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'afgesloten', reden: 'vacature vervuld' });
    expect(dicht.status).toBe(200);
    expect(dicht.body).toMatchObject({ status: 'afgesloten', afsluitreden: 'vacature vervuld', afgesloten: dicht.body.bijgewerkt });
    expect((await request(svc.app).post(`${WSP}/${ref}/klantnummer`).set(bearer(SLEUTELS.wsp25))).status).toBe(409);
    expect((await request(svc.app).put(`${WSP}/${ref}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'in behandeling' })).status).toBe(409);

    // The profile removed behind the service's back (no closing hook ran): the way back is gone.
    const open = await dienIn(werkgever, profielIdVan(records[2]!));
    await svc.opslag.mirror.schrijf((tx) => tx.verwijder([profielIdVan(records[2]!)]));
    expect((await request(svc.app).post(`${WSP}/${open}/klantnummer`).set(bearer(SLEUTELS.wsp25))).status).toBe(410);
    // Self-healing (at start and in the retention job) closes it.
    expect(await svc.contactverzoeken.sluitVerweesde()).toBe(1);
    expect(await svc.opslag.contactverzoeken.get(open)).toMatchObject({ status: 'afgesloten', afsluitreden: 'profiel verwijderd' });
    expect(await svc.contactverzoeken.sluitVerweesde()).toBe(0);
  });

  it('closes the open requests of a profile Sonar deletes, and of one a full export leaves out', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const via = { tombstone: await dienIn(werkgever, profielIdVan(records[3]!)), volledig: await dienIn(werkgever, profielIdVan(records[4]!)) };
    await request(svc.app).put(`${WSP}/${via.volledig}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'kandidaat benaderd' });
    expect((await sync([{ klantnummer: records[3]!.klantnummer, verwijderd: true }])).status).toBe(200);
    expect(await svc.opslag.contactverzoeken.get(via.tombstone)).toMatchObject({ status: 'afgesloten', afsluitreden: 'profiel verwijderd' });
    expect((await svc.opslag.contactverzoeken.get(via.volledig))!.status).toBe('kandidaat benaderd');

    // A full export without records[4]; forceer, since it removes a large share of this small mirror.
    const rest = [records[0]!, records[1]!, records[5]!, ...opvulling];
    expect((await sync(rest, '?modus=volledig&forceer=true')).body.verwijderd).toBe(1);
    expect(await svc.opslag.contactverzoeken.get(via.volledig)).toMatchObject({ status: 'afgesloten', afsluitreden: 'profiel verwijderd' });
    // The request of a profile still there stays open, one closed earlier keeps its reason.
    expect((await svc.contactverzoeken.lijst([25])).filter((v) => v.status !== 'afgesloten').map((v) => v.profielId)).toEqual([profielIdVan(records[0]!)]);
    expect((await svc.contactverzoeken.lijst([25])).map((v) => v.afsluitreden)).toContain('vacature vervuld');
  });

  it('keeps a committed sync when closing the requests fails, and catches up at the next start', async () => {
    const werkgever = await aangemeld(SLEUTELS.werkgever);
    const extra = maakRecord(7);
    expect((await sync([extra])).body.toegevoegd).toBe(1);
    const ref = await dienIn(werkgever, profielIdVan(extra));
    const kapot = jest.spyOn(svc.opslag.contactverzoeken, 'sluitVoorProfielen').mockRejectedValueOnce(new Error('schijf vol'));
    try {
      const res = await request(svc.app).delete(`/api/v1/sync/profielen/${extra.klantnummer}`).set(bearer(SLEUTELS.sync));
      expect(res.status).toBe(200);
      expect(res.body.verwijderd).toBe(1);
    } finally {
      kapot.mockRestore();
    }
    expect((await svc.opslag.contactverzoeken.get(ref))!.status).toBe('nieuw');
    expect(svc.logs()).toContain('contactverzoeken van verwijderde profielen niet gesloten');
    // A restart on the same store runs the self-healing.
    const tweede = await startTestService({}, { dataDir: svc.dataDir, plek: svc.plek });
    try {
      expect(await tweede.opslag.contactverzoeken.get(ref)).toMatchObject({ status: 'afgesloten', afsluitreden: 'profiel verwijderd' });
    } finally {
      await tweede.stop();
    }
  });

  it('shows the employer its own requests with their status, nobody else\'s', async () => {
    const mijn = await request(svc.app).get('/api/v1/mijn/contactverzoeken').set(bearer(SLEUTELS.werkgever));
    expect(mijn.status).toBe(200);
    expect(mijn.headers['cache-control']).toBe('no-store');
    const alle = await svc.contactverzoeken.lijst();
    expect(mijn.body.aantal).toBe(alle.length);
    // A profile still there: with its region (employers see it); one that is gone: without.
    const opgeslagen = alle.find((v) => v.profielId === profielIdVan(records[0]!))!;
    const eigen = mijn.body.contactverzoeken.find((v: { referentie: string }) => v.referentie === opgeslagen.referentie);
    expect(eigen).toEqual({
      referentie: opgeslagen.referentie, profielId: opgeslagen.profielId, vacature: FORMULIER.vacature, regioNaam: 'Rijk van Nijmegen',
      status: opgeslagen.status, ingediend: opgeslagen.ingediend, bijgewerkt: opgeslagen.bijgewerkt,
    });
    const weg = alle.find((v) => v.profielId === profielIdVan(records[3]!))!;
    expect(mijn.body.contactverzoeken.find((v: { referentie: string }) => v.referentie === weg.referentie).regioNaam).toBeNull();
    expect(new Set(mijn.body.contactverzoeken.map((v: { status: string }) => v.status))).toEqual(new Set(['nieuw', 'kandidaat benaderd', 'afgesloten']));
    expect((await request(svc.app).get('/api/v1/mijn/contactverzoeken').set(bearer(SLEUTELS.intermediair))).body).toEqual({ aantal: 0, contactverzoeken: [] });
    for (const sleutel of [SLEUTELS.wsp25, SLEUTELS.beheer, SLEUTELS.regiomanager25, SLEUTELS.sync]) {
      expect((await request(svc.app).get('/api/v1/mijn/contactverzoeken').set(bearer(sleutel))).status).toBe(403);
    }
    expect((await request(svc.app).get('/api/v1/mijn/contactverzoeken?afzender=x').set(bearer(SLEUTELS.werkgever))).status).toBe(400);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await request(svc.app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/wsp/contactverzoeken'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/wsp/contactverzoeken/{referentie}/status'])).toEqual(['put']);
    expect(Object.keys(doc.paths['/api/v1/wsp/contactverzoeken/{referentie}/klantnummer'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/mijn/contactverzoeken'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/wsp/contactverzoeken/{referentie}/klantnummer'].post.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '410', '503']);
  });

  it('retention removes only requests closed longer ago than the term; open ones never', async () => {
    const deel = contactverzoekenOnderdeel(svc.opslag, svc.config.privacy.bewaartermijnen.contactverzoekenMaanden);
    expect(deel.naam).toBe('contactverzoeken');
    expect(deel.maanden).toBe(svc.config.privacy.bewaartermijnen.contactverzoekenMaanden);
    const voor = await svc.contactverzoeken.lijst();
    const open = voor.filter((v) => v.status !== 'afgesloten').map((v) => v.referentie);
    expect(open).toHaveLength(2);
    // Now: everything was closed minutes ago, within the term.
    expect(await deel.verwijder(new Date(Date.now() - 60_000))).toBe(0);
    expect(await deel.verwijder(new Date(Date.now() + 60_000))).toBe(voor.length - open.length);
    expect((await svc.contactverzoeken.lijst()).map((v) => v.referentie)).toEqual(open);
    // The daily retention job (and `npm run opschonen`) runs this part beside the audit log's.
    expect((await svc.opschoning.voerUit()).onderdelen).toMatchObject({ contactverzoeken: 0 });
  });
});
