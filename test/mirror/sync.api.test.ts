import request from 'supertest';
import { TEST_OPSLAG } from '../support/opslag';
import { maakRecord, ndjson } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';

describe('POST /api/v1/sync/profielen', () => {
  let svc: TestService;
  beforeEach(async () => { svc = await startTestService(); });
  afterEach(async () => { await svc.stop(); });

  const post = (body: string | object, type = 'application/json', query = '') =>
    request(svc.app).post(`/api/v1/sync/profielen${query}`).set(bearer(SLEUTELS.sync)).set('Content-Type', type)
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  it('adds, updates, leaves unchanged and counts each', async () => {
    const a = maakRecord(1);
    const b = maakRecord(2);
    let res = await post([a, b]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ontvangen: 2, toegevoegd: 2, bijgewerkt: 0, ongewijzigd: 0, verwijderd: 0, geweigerd: 0 });

    const b2 = maakRecord(2, { klantprofiel: { ...b.klantprofiel!, vaardigheden: ['Schoonmaakwerk'] } });
    res = await post(ndjson([a, b2]), 'application/x-ndjson');
    expect(res.body).toMatchObject({ ontvangen: 2, toegevoegd: 0, bijgewerkt: 1, ongewijzigd: 1 });
    expect(await svc.opslag.mirror.aantal()).toBe(2);
    expect(await svc.engine.count()).toBe(2);
  });

  it('takes streamed NDJSON from a client that accepts compressed answers', async () => {
    const records = Array.from({ length: 50 }, (_, i) => maakRecord(i + 1));
    const res = await post(ndjson(records), 'application/x-ndjson').set('Accept-Encoding', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ontvangen: 50, toegevoegd: 50, geweigerd: 0 });
    expect(await svc.engine.count()).toBe(50);
  });

  it('removes by tombstone and by DELETE, idempotently', async () => {
    await post([maakRecord(1), maakRecord(2), maakRecord(3)]);
    let res = await post(ndjson([{ klantnummer: 'S0000000001', verwijderd: true }]), 'application/x-ndjson');
    expect(res.body).toMatchObject({ ontvangen: 1, verwijderd: 1 });
    res = await request(svc.app).delete('/api/v1/sync/profielen/S0000000002').set(bearer(SLEUTELS.sync));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ verwijderd: 1, volgnummer: expect.any(Number) });
    const { volgnummer } = res.body as { volgnummer: number };
    res = await request(svc.app).delete('/api/v1/sync/profielen/S0000000002').set(bearer(SLEUTELS.sync));
    // Nothing changed, so the change log did not move either.
    expect(res.body).toEqual({ verwijderd: 0, volgnummer });
    expect(await svc.opslag.mirror.aantal()).toBe(1);
    expect(await svc.engine.count()).toBe(1);
  });

  it('rejects a malformed klantnummer in DELETE without echoing it', async () => {
    const res = await request(svc.app).delete('/api/v1/sync/profielen/123456782').set(bearer(SLEUTELS.sync));
    expect(res.status).toBe(400);
    expect(res.body.fout.velden[0].pad).toBe('klantnummer');
    expect(JSON.stringify(res.body)).not.toContain('123456782');
  });

  it('drops people who left the doelgroepregister', async () => {
    await post([maakRecord(1)]);
    const res = await post([maakRecord(1, { doelgroepregister: { ingeschreven: false } })]);
    expect(res.body).toMatchObject({ nietInDoelgroepregister: 1, verwijderd: 1 });
    expect(await svc.opslag.mirror.aantal()).toBe(0);
  });

  it('applies the valid records of a batch and reports the invalid ones by position and path, never by value', async () => {
    const slecht = { ...maakRecord(2), gemeenteCode: 'GM9999', telefoon: 12 };
    const kapot = '{"klantnummer": "S0000000003", "naam": {"voornaam": "Geheimnaam"';
    const onbekendeGemeente = maakRecord(4, { gemeenteCode: 'GM9998' });
    const res = await post(ndjson([maakRecord(1), slecht, kapot, onbekendeGemeente, maakRecord(5)]), 'application/x-ndjson');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ontvangen: 5, toegevoegd: 2, geweigerd: 3 });
    const w = res.body.weigeringen;
    expect(w.map((x: { regel: number }) => x.regel)).toEqual([2, 3, 4]);
    expect(w[0].fouten.map((f: { pad: string }) => f.pad)).toContain('telefoon');
    expect(w[1].fouten[0].melding).toMatch(/geen geldige JSON/);
    expect(w[2].fouten[0].pad).toBe('gemeenteCode');
    const tekst = JSON.stringify(res.body);
    for (const waarde of ['Geheimnaam', 'GM9999', 'GM9998', 'S0000000002', 'S0000000003']) expect(tekst).not.toContain(waarde);
  });

  it('reports array indexes and nested field paths for a JSON array', async () => {
    const r = maakRecord(1);
    const fout = { ...r, klantnummer: 'S0000000002', klantprofiel: { ...r.klantprofiel!, vaardigheden: [42], beschikbaarheid: { urenPerWeek: 'veel', dagdelen: [] } } };
    const res = await post([r, fout]);
    expect(res.body.weigeringen).toEqual([{ index: 1, fouten: expect.arrayContaining([
      expect.objectContaining({ pad: 'klantprofiel.vaardigheden[0]' }),
      expect.objectContaining({ pad: 'klantprofiel.beschikbaarheid.urenPerWeek' }),
    ]) }]);
  });

  it('refuses broken JSON, a non-array body and an oversize body as a whole and keeps serving', async () => {
    let res = await post('[{"klantnummer": "S0000000001",');
    expect(res.status).toBe(400);
    expect(res.body.fout.code).toBe('ongeldige_json');
    res = await post({ klantnummer: 'S0000000001' });
    expect(res.status).toBe(400);
    expect(res.body.fout.velden[0].pad).toBe('(body)');
    res = await post('x'.repeat(2 * 1024 * 1024), 'application/x-ndjson');
    expect(res.status).toBe(413);
    expect(await svc.opslag.mirror.aantal()).toBe(0);
    res = await post([maakRecord(1)]);
    expect(res.status).toBe(200);
    expect(await svc.opslag.mirror.aantal()).toBe(1);
  });

  it('refuses an oversize JSON array with 413', async () => {
    await svc.stop();
    svc = await startTestService({ KV_MAX_JSON_BODY: '10kb' });
    const res = await post(Array.from({ length: 20 }, (_, i) => maakRecord(i + 1)));
    expect(res.status).toBe(413);
    expect(await svc.opslag.mirror.aantal()).toBe(0);
  });

  it('validates query parameters and content type', async () => {
    let res = await post([], 'application/json', '?modus=alles');
    expect(res.status).toBe(400);
    expect(res.body.fout.velden[0].pad).toBe('modus');
    res = await post([], 'application/json', '?onbekend=1');
    expect(res.status).toBe(400);
    res = await post('a,b', 'text/csv');
    expect(res.status).toBe(415);
  });

  describe('modus=volledig', () => {
    const records = (van: number, tot: number) => Array.from({ length: tot - van + 1 }, (_, i) => maakRecord(van + i));

    it('removes every profile absent from the export and swaps the index', async () => {
      await post(records(1, 100));
      const res = await post(records(1, 95), 'application/json', '?modus=volledig');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ modus: 'volledig', ongewijzigd: 95, verwijderd: 5 });
      expect(await svc.opslag.mirror.aantal()).toBe(95);
      expect(await svc.engine.count()).toBe(95);
    });

    it('refuses an export that would remove more than 10% unless forceer=true, applying nothing', async () => {
      await post(records(1, 100));
      const gewijzigd = records(1, 50).map((r) => ({ ...r, dienstverlener: 'gemeente' as const }));
      let res = await post(gewijzigd, 'application/json', '?modus=volledig');
      expect(res.status).toBe(409);
      expect(res.body.fout.code).toBe('te_veel_verwijderd');
      expect(res.body.fout.melding).toMatch(/50 van 100/);
      expect(await svc.opslag.mirror.aantal()).toBe(100);
      expect((await svc.profielen())[0]?.dienstverlener).toBe('UWV');
      res = await post(gewijzigd, 'application/json', '?modus=volledig&forceer=true');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ bijgewerkt: 50, verwijderd: 50 });
      expect(await svc.engine.count()).toBe(50);
    });

    it('keeps a profile whose record in the export is invalid', async () => {
      await post(records(1, 10));
      const res = await post([...records(1, 9), { ...maakRecord(10), dienstverlener: 'onbekend' }], 'application/json', '?modus=volledig');
      expect(res.body).toMatchObject({ geweigerd: 1, verwijderd: 0 });
      expect(await svc.opslag.mirror.aantal()).toBe(10);
    });
  });

  describe('access', () => {
    it('needs a key with the sonar-sync role', async () => {
      let res = await request(svc.app).post('/api/v1/sync/profielen').send([]);
      expect(res.status).toBe(401);
      expect(res.body.fout.code).toBe('niet_aangemeld');
      res = await request(svc.app).post('/api/v1/sync/profielen').set(bearer('verkeerde-sleutel-1234567')).send([]);
      expect(res.status).toBe(401);
      res = await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.werkgever)).send([]);
      expect(res.status).toBe(403);
      expect(res.body.fout.code).toBe('geen_toegang');
    });
  });
});

describe('GET /health', () => {
  it('answers without a key with status, engine, store, count, demo flag, version and change log position', async () => {
    const svc = await startTestService();
    try {
      const res = await request(svc.app).get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok', engine: 'embedded', opslag: TEST_OPSLAG, profielen: 0, demo: false, versie: expect.stringMatching(/^\d+\.\d+\.\d+/),
        volgnummer: 0, achterstand: { volgnummers: 0, ms: 0 },
      });
    } finally {
      await svc.stop();
    }
  });
});
