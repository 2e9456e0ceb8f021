import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Auditregel } from '../../src/audit/auditregel';
import { controleerKeten } from '../../src/audit/controleer';
import { OpslagFout } from '../../src/opslag/opslag-fout';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { csrfToken, profielIds } from '../web/html';

/** Typed by an employer into the search box: a name, which must never be stored or shown as typed. */
const NAAM = 'Gerritsen-Oosterhuis';

describe('the audit trail of every look', () => {
  let svc: TestService;
  let gezien = 0;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); }, 120_000);
  afterAll(async () => { await svc.stop(); });
  afterEach(() => { jest.restoreAllMocks(); });

  /** The records appended since the last call, oldest first. */
  async function nieuw(): Promise<Auditregel[]> {
    const { regels } = await svc.opslag.audit.lijst({ limiet: 1000 });
    const uit = regels.filter((r) => r.volgnummer > gezien).reverse();
    gezien = Math.max(gezien, ...regels.map((r) => r.volgnummer));
    return uit;
  }

  it('a search through the API leaves one record: key id, role, the first page\'s ids, the total, the filters, and q only as a keyed hash', async () => {
    await nieuw();
    const res = await request(svc.app).get(`/api/v1/kandidaten?q=${encodeURIComponent(`heftruck ${NAAM}`)}&regio=25&sector=Zorg&hitsPerPage=5`).set(bearer(SLEUTELS.werkgever));
    expect(res.status).toBe(200);
    const zonderNaam = await request(svc.app).get('/api/v1/kandidaten?q=heftruck&hitsPerPage=5').set(bearer(SLEUTELS.intermediair));
    const regels = await nieuw();
    expect(regels).toHaveLength(2);
    const [r, s] = regels as [Auditregel, Auditregel];
    expect(r).toMatchObject({ sleutelId: 'werkgever-2', rol: 'werkgever', actie: 'zoeken', aantal: res.body.totalHits, pseudoniemen: res.body.hits.map((h: { id: string }) => h.id) });
    expect(r.details).toMatchObject({ filters: { regio: ['25'], sector: [expect.stringMatching(/^hmac:[0-9a-f]{32}$/)] }, page: 1, hitsPerPage: 5, sort: 'relevantie' });
    expect(r.details.q).toMatch(/^hmac:[0-9a-f]{32}$/);
    expect(JSON.stringify(r)).not.toContain(NAAM);
    expect(JSON.stringify(r)).not.toContain('Zorg');
    expect(s).toMatchObject({ sleutelId: 'intermediair-3', rol: 'intermediair', aantal: zonderNaam.body.totalHits });
    expect(s.pseudoniemen).toHaveLength(5);
    // The same text gives the same hash (searched twice shows), another text another.
    await request(svc.app).get('/api/v1/kandidaten?q=%20HEFTRUCK%20&hitsPerPage=1').set(bearer(SLEUTELS.werkgever));
    const [t] = await nieuw();
    expect(t!.details.q).toBe(s.details.q);
    expect(t!.details.q).not.toBe(r.details.q);
  });

  it('a profile view (API and page), the search page and the "Ik heb interesse" form each leave exactly one record', async () => {
    await nieuw();
    const pagina = await request(svc.app).get(`/?q=${encodeURIComponent(NAAM)}%20schoonmaak`);
    expect(pagina.status).toBe(200);
    const fragment = await request(svc.app).get('/zoeken/resultaten?q=schoonmaak');
    const id = profielIds(fragment.text)[0]!;
    const api = await request(svc.app).get(`/api/v1/kandidaten/${id}`).set(bearer(SLEUTELS.werkgever));
    expect(api.status).toBe(200);
    const agent = request.agent(svc.app);
    const profielpagina = await agent.get(`/kandidaten/${id}`);
    const verzonden = await agent.post(`/kandidaten/${id}/interesse`).type('form').send({
      _csrf: csrfToken(profielpagina.text), organisatie: 'Bakkerij', contactpersoon: 'P. de Boer', email: 'p@bakkerij.example', telefoon: '024 123 45 67', vacature: 'Inpak',
    });
    expect(verzonden.status).toBe(303);
    // Unknown profiles show nothing, so they are not recorded.
    expect((await request(svc.app).get(`/api/v1/kandidaten/${'0'.repeat(32)}`).set(bearer(SLEUTELS.werkgever))).status).toBe(404);
    const regels = await nieuw();
    expect(regels.map((r) => [r.actie, r.sleutelId, r.rol])).toEqual([
      ['zoeken', null, 'ontwikkeling'], ['zoeken', null, 'ontwikkeling'], ['profiel', 'werkgever-2', 'werkgever'], ['profiel', null, 'ontwikkeling'], ['contactverzoek', null, 'ontwikkeling'],
    ]);
    expect(regels[1]!.pseudoniemen).toEqual(profielIds(fragment.text));
    expect(regels.slice(2).map((r) => r.pseudoniemen)).toEqual([[id], [id], [id]]);
    expect(regels[4]!.details).toEqual({ referentie: expect.stringMatching(/^KV-/) });
    expect(JSON.stringify(regels)).not.toContain(NAAM);
    expect(JSON.stringify(regels)).not.toContain('de Boer');
  });

  it('a transparency report and its CSV (API and page) and the contactverzoeken list each leave one record', async () => {
    await nieuw();
    expect((await request(svc.app).get('/api/v1/transparantie?regio=25').set(bearer(SLEUTELS.regiomanager25))).status).toBe(200);
    const csv = await request(svc.app).get('/api/v1/transparantie?regio=25').set(bearer(SLEUTELS.regiomanager25)).set('Accept', 'text/csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect((await request(svc.app).get('/api/v1/transparantie?formaat=csv').set(bearer(SLEUTELS.beheer))).status).toBe(200);
    expect((await request(svc.app).get('/transparantie?regio=25')).status).toBe(200);
    expect((await request(svc.app).get('/transparantie?regio=25&formaat=csv')).status).toBe(200);
    const lijst = await request(svc.app).get('/api/v1/contactverzoeken').set(bearer(SLEUTELS.beheer));
    const regels = await nieuw();
    expect(regels.map((r) => [r.actie, r.sleutelId, r.details.formaat ?? null])).toEqual([
      ['transparantie', 'regiomanager-4', 'json'], ['export', 'regiomanager-4', 'csv'], ['export', 'beheer-6', 'csv'],
      ['transparantie', null, 'html'], ['export', null, 'csv'], ['contactverzoeken-ingezien', 'beheer-6', null],
    ]);
    expect(regels[0]!.details).toMatchObject({ regio: 25, periode: expect.stringMatching(/^\d{4}-Q\d$/) });
    expect(regels[5]).toMatchObject({ aantal: lijst.body.aantal, pseudoniemen: [...new Set(lijst.body.contactverzoeken.map((v: { profielId: string }) => v.profielId))] });
  });

  it('GET /api/v1/audit: beheer only; filters, "who looked at this person", paging; looking is recorded too', async () => {
    for (const sleutel of [SLEUTELS.sync, SLEUTELS.werkgever, SLEUTELS.intermediair, SLEUTELS.regiomanager25]) {
      expect((await request(svc.app).get('/api/v1/audit').set(bearer(sleutel))).status).toBe(403);
    }
    expect((await request(svc.app).get('/api/v1/audit')).status).toBe(401);
    const id = (await request(svc.app).get('/api/v1/kandidaten?q=heftruck&hitsPerPage=1').set(bearer(SLEUTELS.werkgever))).body.hits[0].id as string;
    await request(svc.app).get(`/api/v1/kandidaten/${id}`).set(bearer(SLEUTELS.intermediair));
    await nieuw();
    const wie = await request(svc.app).get(`/api/v1/audit?pseudoniem=${id}`).set(bearer(SLEUTELS.beheer));
    expect(wie.status).toBe(200);
    expect(wie.body.regels.length).toBeGreaterThanOrEqual(2);
    expect(wie.body.regels.every((r: Auditregel) => r.pseudoniemen.includes(id))).toBe(true);
    expect(wie.body.regels.slice(0, 2).map((r: Auditregel) => [r.actie, r.sleutelId])).toEqual([['profiel', 'intermediair-3'], ['zoeken', 'werkgever-2']]);
    const [ingezien] = await nieuw();
    expect(ingezien).toMatchObject({ actie: 'audit-ingezien', sleutelId: 'beheer-6', rol: 'beheer', pseudoniemen: [id] });

    const pagina1 = await request(svc.app).get('/api/v1/audit?actie=zoeken&limiet=2').set(bearer(SLEUTELS.beheer));
    expect(pagina1.body.regels).toHaveLength(2);
    const pagina2 = await request(svc.app).get(`/api/v1/audit?actie=zoeken&limiet=2&voor=${pagina1.body.volgende}`).set(bearer(SLEUTELS.beheer));
    expect(pagina2.body.regels[0].volgnummer).toBeLessThan(pagina1.body.regels[1].volgnummer);
    const rol = await request(svc.app).get('/api/v1/audit?rol=ontwikkeling&van=2000-01-01T00:00:00%2B01:00').set(bearer(SLEUTELS.beheer));
    expect(rol.body.regels.length).toBeGreaterThan(0);
    expect(rol.body.regels.every((r: Auditregel) => r.rol === 'ontwikkeling' && r.sleutelId === null)).toBe(true);

    for (const [query, veld] of [['pseudoniem=Jansen', 'pseudoniem'], ['van=gisteren', 'van'], ['actie=kijken', 'actie'], ['limiet=0', 'limiet'], ['onbekend=1', 'onbekend']]) {
      const fout = await request(svc.app).get(`/api/v1/audit?${query}`).set(bearer(SLEUTELS.beheer));
      expect(fout.status).toBe(400);
      expect(fout.body.fout.velden.map((v: { pad: string }) => v.pad)).toContain(veld);
      expect(fout.text).not.toContain('Jansen');
    }
    expect(await controleerKeten(svc.opslag.audit)).toMatchObject({ heel: true });
  });

  it('the typed name is in no audit answer and no audit file', async () => {
    const alles = (await request(svc.app).get('/api/v1/audit?limiet=1000').set(bearer(SLEUTELS.beheer))).text;
    expect(alles).toContain('"actie":"zoeken"');
    expect(alles).not.toContain(NAAM);
    for (const bestand of readdirSync(svc.dataDir).filter((b) => b.startsWith('audit'))) {
      expect(readFileSync(path.join(svc.dataDir, bestand)).toString('latin1')).not.toContain(NAAM);
    }
  });

  it('a failing audit write fails the request with 503 and sends none of the data (API and pages)', async () => {
    jest.spyOn(svc.opslag.audit, 'voegToe').mockRejectedValue(new OpslagFout('opslag mislukt: auditregels vastleggen'));
    const id = (await svc.profielen())[0]!.id;
    const zoek = await request(svc.app).get('/api/v1/kandidaten?q=heftruck').set(bearer(SLEUTELS.werkgever));
    const profiel = await request(svc.app).get(`/api/v1/kandidaten/${id}`).set(bearer(SLEUTELS.werkgever));
    const pagina = await request(svc.app).get(`/kandidaten/${id}`);
    const zoekpagina = await request(svc.app).get('/?q=heftruck');
    const cijfers = await request(svc.app).get('/api/v1/transparantie?regio=25&formaat=csv').set(bearer(SLEUTELS.regiomanager25));
    for (const res of [zoek, profiel, pagina, zoekpagina, cijfers]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.text).not.toContain(id);
      expect(res.text).not.toContain('heftruck');
    }
    expect(zoek.body.fout.code).toBe('opslag_niet_beschikbaar');
    expect(cijfers.headers['content-type']).not.toContain('text/csv');
  });
});
