import request from 'supertest';
import { genereerDemo } from '../../seed/generator';
import { anonimiseer } from '../../src/anonimisering/anonimiseer';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import type { SonarRecord } from '../../src/sonar/sonar-record.schema';
import type { Regiorapport } from '../../src/transparantie/transparantie.schemas';
import referentie from '../fixtures/transparantie-2020Q2-rijk-van-nijmegen.json';
import { ndjson } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, TEST_SECRET, type TestService } from '../support/test-service';

const { bron: _bron, toelichting: _toelichting, ...referentietabel } = referentie;
const KLASSEN = ['geen', 'beperkt', 'redelijk', 'volledig'] as const;
const referentievolgorde = referentie.rijen.map((r) => r.gemeenteCode);

/**
 * The report in the reference's shape. Our rows are in Dutch alphabetical order (Berg en Dal before Beuningen);
 * the publication's order follows no rule we could derive, so rows are put in its order before comparing.
 */
function alsReferentie(r: Regiorapport) {
  return {
    periode: r.periode,
    regio: r.regio,
    kolommen: r.kolommen,
    rijen: [...r.rijen].sort((a, b) => referentievolgorde.indexOf(a.gemeenteCode) - referentievolgorde.indexOf(b.gemeenteCode)),
    totaal: r.totaal,
    doelgroepregister: r.doelgroepregister && { aantal: r.doelgroepregister.aantal, bekendInSonarPercentage: r.doelgroepregister.bekendInSonarPercentage },
  };
}

describe('GET /api/v1/transparantie on the demo data', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); });
  afterAll(async () => { await svc.stop(); });

  const get = (query: string, sleutel: string = SLEUTELS.regiomanager25) => request(svc.app).get(`/api/v1/transparantie${query}`).set(bearer(sleutel));

  it('serves the frozen 2020-Q2 table equal to the publication in every cell, 71% and TOTAAL AMR included', async () => {
    const res = await get('?regio=25&periode=2020-Q2');
    expect(res.status).toBe(200);
    expect(alsReferentie(res.body)).toEqual(referentietabel);
    expect(res.body).toMatchObject({ soort: 'regio', live: false, doelgroepregister: { periode: '2020-Q2' } });
    expect(res.body.melding).toBeUndefined();
  });

  it('counts the same live, with the latest register count and a word on which quarter it is from', async () => {
    const res = await get('?regio=25');
    expect(res.status).toBe(200);
    const huidig = svc.transparantie.huidigePeriode();
    expect(alsReferentie(res.body)).toEqual({ ...referentietabel, periode: huidig });
    expect(res.body).toMatchObject({ live: true, doelgroepregister: { periode: '2020-Q2' } });
    expect(res.body.melding).toMatch(/2020-Q2, het laatste bekende kwartaal/);
  });

  it('counts exactly what employers find: every gemeente x class equals totalHits of /api/v1/kandidaten', async () => {
    const rapport = (await get('?regio=25')).body as Regiorapport;
    for (const rij of rapport.rijen) {
      for (const [k, klasse] of KLASSEN.entries()) {
        const res = await request(svc.app).get(`/api/v1/kandidaten?gemeente=${rij.gemeenteCode}&transparantieklasse=${klasse}&hitsPerPage=1`).set(bearer(SLEUTELS.beheer));
        expect({ gemeente: rij.gemeente, klasse, aantal: rij.waarden[k] }).toEqual({ gemeente: rij.gemeente, klasse, aantal: res.body.totalHits });
      }
    }
    const regio = await request(svc.app).get('/api/v1/kandidaten?regio=25&hitsPerPage=1').set(bearer(SLEUTELS.beheer));
    expect(rapport.totaal.waarden[4]).toBe(regio.body.totalHits);
  });

  it('takes the region by name too', async () => {
    const res = await get('?regio=rijk%20van%20nijmegen&periode=2020-Q2');
    expect(res.body.regio).toEqual({ nummer: 25, naam: 'Rijk van Nijmegen' });
  });

  it('gives a region without profiles its zero rows and says the register count is missing', async () => {
    const res = await get('?regio=10', SLEUTELS.regiomanager10);
    expect(res.status).toBe(200);
    expect(res.body.rijen).toHaveLength(8);
    for (const rij of res.body.rijen) expect(rij.waarden).toEqual([0, 0, 0, 0, 0]);
    expect(res.body.doelgroepregister).toBeNull();
    expect(res.body.melding).toMatch(/geen aantal in het doelgroepregister/);
  });

  it('gives the national overview one row per region', async () => {
    const res = await get('?periode=2020-Q2', SLEUTELS.beheer);
    expect(res.status).toBe(200);
    expect(res.body.soort).toBe('landelijk');
    expect(res.body.rijen).toHaveLength(35);
    expect(res.body.rijen.find((r: { regio: { nummer: number } }) => r.regio.nummer === 25)).toEqual({
      regio: { nummer: 25, naam: 'Rijk van Nijmegen' }, waarden: referentie.totaal.waarden, doelgroepregister: { aantal: 5594, bekendInSonarPercentage: 71, periode: '2020-Q2' },
    });
    expect(res.body.totaal).toEqual({ label: 'TOTAAL NEDERLAND', waarden: referentie.totaal.waarden });
    expect(res.body.doelgroepregister).toBeNull();
    expect(res.body.melding).toMatch(/geen aantal in het doelgroepregister/);
  });

  describe('access', () => {
    it('keeps a regiomanager to the regions on its key', async () => {
      const res = await get('?regio=25', SLEUTELS.regiomanager10);
      expect(res.status).toBe(403);
      expect(res.body.fout.code).toBe('geen_toegang');
      expect((await get('?regio=Rijk%20van%20Nijmegen', SLEUTELS.regiomanager10)).status).toBe(403);
      expect((await get('/trend?regio=25', SLEUTELS.regiomanager10)).status).toBe(403);
      expect((await get('')).status).toBe(403);
    });

    it('lets beheer see every region, and no other role any', async () => {
      expect((await get('?regio=10', SLEUTELS.beheer)).status).toBe(200);
      expect((await get('?regio=25', SLEUTELS.werkgever)).status).toBe(403);
      expect((await request(svc.app).get('/api/v1/transparantie?regio=25')).status).toBe(401);
    });
  });

  describe('bad parameters', () => {
    it.each([
      ['?regio=99', 'regio'], ['?regio=Atlantis', 'regio'], ['?regio=', 'regio'],
      ['?regio=25&periode=2020-Q5', 'periode'], ['?regio=25&periode=2020Q2', 'periode'], ['?regio=25&periode=2999-Q1', 'periode'],
      ['?regio=25&formaat=xlsx', 'formaat'], ['?regio=25&kwartaal=2020-Q2', 'kwartaal'],
    ])('%s gives 400 naming %s', async (query, parameter) => {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(res.body.fout.velden.map((v: { pad: string }) => v.pad)).toEqual([parameter]);
    });

    it('refuses a snapshot of a future quarter or without a quarter, naming the field', async () => {
      for (const body of [{ periode: '2999-Q1' }, { periode: '2020-Q9' }, {}, { periode: '2020-Q2', extra: 1 }]) {
        const res = await request(svc.app).post('/api/v1/transparantie/snapshots').set(bearer(SLEUTELS.beheer)).send(body);
        expect(res.status).toBe(400);
        expect(res.body.fout.velden[0].pad).toMatch(/^(periode|extra)$/);
      }
    });

    it.each([
      ['99/2020-Q2', { aantal: 1 }, 'regio'], ['25/2020-Q7', { aantal: 1 }, 'periode'], ['25/2999-Q1', { aantal: 1 }, 'periode'],
      ['25/2020-Q2', { aantal: -1 }, 'aantal'], ['25/2020-Q2', { aantal: 1.5 }, 'aantal'], ['25/2020-Q2', { aantal: '5594' }, 'aantal'], ['25/2020-Q2', {}, 'aantal'],
    ])('PUT %s %j gives 400 naming %s', async (pad, body, veld) => {
      const res = await request(svc.app).put(`/api/v1/doelgroepregister/${pad}`).set(bearer(SLEUTELS.beheer)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.fout.velden.map((v: { pad: string }) => v.pad)).toEqual([veld]);
    });

    it('answers 404 for a past quarter that was never frozen', async () => {
      const res = await get('?regio=25&periode=2019-Q4');
      expect(res.status).toBe(404);
      expect(res.body.fout.code).toBe('geen_snapshot');
    });
  });

  describe('CSV', () => {
    it('downloads a file Dutch Excel opens: BOM, semicolons, CRLF, attachment with a sensible name', async () => {
      const res = await get('?regio=25&periode=2020-Q2&formaat=csv').buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename=transparantie-regio-25-rijk-van-nijmegen-2020-Q2.csv');
      expect(res.text.startsWith('\uFEFFGemeente;CBS-code;Geen profiel;')).toBe(true);
      expect(res.text.split('\r\n')).toEqual(expect.arrayContaining([
        'Nijmegen;GM0268;209;654;1417;386;2666', 'TOTAAL AMR;;310;929;2060;656;3955', 'Doelgroepregister (2020-Q2);5594', 'Bekend in Sonar (%);71',
      ]));
    });

    it('answers Accept: text/csv with CSV and anything else with JSON', async () => {
      const csv = await get('?regio=25').set('Accept', 'text/csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(/-live\.csv$/);
      expect((await get('?regio=25').set('Accept', '*/*')).headers['content-type']).toMatch(/^application\/json/);
    });
  });

  it('lists the frozen quarters and the current one', async () => {
    const res = await get('/periodes');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ huidig: svc.transparantie.huidigePeriode(), snapshots: [{ periode: '2020-Q2', gemaakt: expect.any(String), oorzaak: 'demo' }] });
  });

  it('gives the trend of a region over its frozen quarters', async () => {
    const res = await get('/trend?regio=25');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      regio: { nummer: 25, naam: 'Rijk van Nijmegen' },
      kolommen: referentie.kolommen,
      kwartalen: [{ periode: '2020-Q2', waarden: referentie.totaal.waarden, doelgroepregister: { aantal: 5594, bekendInSonarPercentage: 71 } }],
    });
    expect((await get('/trend')).body.fout.velden[0].pad).toBe('regio');
  });
});

describe('snapshots and register counts', () => {
  let svc: TestService;
  beforeEach(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); });
  afterEach(async () => { await svc.stop(); });

  const post = (body: object, sleutel: string = SLEUTELS.beheer) => request(svc.app).post('/api/v1/transparantie/snapshots').set(bearer(sleutel)).send(body);
  const put = (pad: string, body: object, sleutel: string = SLEUTELS.beheer) => request(svc.app).put(`/api/v1/doelgroepregister/${pad}`).set(bearer(sleutel)).send(body);

  it('freezes a quarter once: beheer only, a second time 409', async () => {
    const huidig = svc.transparantie.huidigePeriode();
    expect((await post({ periode: huidig }, SLEUTELS.regiomanager25)).status).toBe(403);
    const res = await post({ periode: huidig });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ periode: huidig, gemaakt: expect.any(String), oorzaak: 'handmatig' });
    const tweede = await post({ periode: huidig });
    expect(tweede.status).toBe(409);
    expect(tweede.body.fout.code).toBe('snapshot_bestaat');
    expect((await post({ periode: '2020-Q2' })).status).toBe(409);
    const periodes = await request(svc.app).get('/api/v1/transparantie/periodes').set(bearer(SLEUTELS.beheer));
    expect(periodes.body.snapshots.map((s: { periode: string }) => s.periode)).toEqual(['2020-Q2', huidig]);
  });

  it('sets register counts (beheer), lists them per role, and uses them in live reports but not in frozen ones', async () => {
    expect((await put('10/2020-Q2', { aantal: 1200 }, SLEUTELS.regiomanager10)).status).toBe(403);
    const res = await put('Groot%20Amsterdam/2020-Q2', { aantal: 1200 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ regio: 10, periode: '2020-Q2', aantal: 1200 });
    expect((await put('25/2020-Q2', { aantal: 5600 })).status).toBe(200);

    const alle = await request(svc.app).get('/api/v1/doelgroepregister').set(bearer(SLEUTELS.beheer));
    expect(alle.body.tellingen).toEqual([{ regio: 10, periode: '2020-Q2', aantal: 1200 }, { regio: 25, periode: '2020-Q2', aantal: 5600 }]);
    const eigen = await request(svc.app).get('/api/v1/doelgroepregister').set(bearer(SLEUTELS.regiomanager25));
    expect(eigen.body.tellingen).toEqual([{ regio: 25, periode: '2020-Q2', aantal: 5600 }]);

    const live = await request(svc.app).get('/api/v1/transparantie?regio=10').set(bearer(SLEUTELS.regiomanager10));
    expect(live.body.doelgroepregister).toEqual({ aantal: 1200, bekendInSonarPercentage: 0, periode: '2020-Q2' });
    // The snapshot keeps the register count it was frozen with.
    const bevroren = await request(svc.app).get('/api/v1/transparantie?regio=25&periode=2020-Q2').set(bearer(SLEUTELS.regiomanager25));
    expect(bevroren.body.doelgroepregister).toEqual({ aantal: 5594, bekendInSonarPercentage: 71, periode: '2020-Q2' });
  });

});

describe('a sync that moves and removes profiles', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); });
  afterAll(async () => { await svc.stop(); });

  /** Demo records of one gemeente and class, as the mirror classified them. */
  function demorecords(gemeenteCode: string, klasse: string, aantal: number): SonarRecord[] {
    const pseudoniem = createPseudonimiseerder(TEST_SECRET);
    const gekozen: SonarRecord[] = [];
    for (const r of genereerDemo().records) {
      const a = anonimiseer(r, { config: svc.config, pseudoniem });
      if (a.ok && a.profiel.gemeenteCode === gemeenteCode && a.profiel.transparantieklasse === klasse) gekozen.push(r);
      if (gekozen.length === aantal) break;
    }
    return gekozen;
  }

  it('changes the live report accordingly and leaves the 2020-Q2 snapshot as it was', async () => {
    const naarGeen = demorecords('GM0268', 'volledig', 5).map((r) => ({ ...r, klantprofiel: null }));
    const weg = demorecords('GM0296', 'redelijk', 3).map((r) => ({ klantnummer: r.klantnummer, verwijderd: true }));
    const uitRegister = demorecords('GM0944', 'beperkt', 2).map((r) => ({ ...r, doelgroepregister: { ingeschreven: false } }));
    const res = await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).set('Content-Type', 'application/x-ndjson')
      .send(ndjson([...naarGeen, ...weg, ...uitRegister]));
    expect(res.body).toMatchObject({ bijgewerkt: 5, verwijderd: 5, geweigerd: 0 });

    const verwacht = structuredClone(referentietabel);
    const rij = (code: string) => verwacht.rijen.find((r) => r.gemeenteCode === code)!.waarden;
    rij('GM0268').splice(0, 5, 209 + 5, 654, 1417, 386 - 5, 2666);
    rij('GM0296').splice(0, 5, 33, 86, 177 - 3, 72, 368 - 3);
    rij('GM0944').splice(0, 5, 2, 15 - 2, 15, 7, 39 - 2);
    verwacht.totaal.waarden = [310 + 5, 929 - 2, 2060 - 3, 656 - 5, 3955 - 5];
    verwacht.doelgroepregister.bekendInSonarPercentage = 71; // 3950 / 5594 = 70.6

    const get = (query: string) => request(svc.app).get(`/api/v1/transparantie${query}`).set(bearer(SLEUTELS.regiomanager25));
    expect(alsReferentie((await get('?regio=25')).body)).toEqual({ ...verwacht, periode: svc.transparantie.huidigePeriode() });
    expect(alsReferentie((await get('?regio=25&periode=2020-Q2')).body)).toEqual(referentietabel);
    const geen = await request(svc.app).get('/api/v1/kandidaten?gemeente=GM0268&transparantieklasse=geen&hitsPerPage=1').set(bearer(SLEUTELS.beheer));
    expect(geen.body.totalHits).toBe(214);
  });
});
