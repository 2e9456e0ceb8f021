import request from 'supertest';
import { Oracle } from '../zoeken/oracle';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';

describe('GET /api/v1/kandidaten on the demo data', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); });
  afterAll(async () => { await svc.stop(); });

  // Exact values (beheer): what these tests check is the search itself; test/privacy/k-anonimiteit.test.ts is about
  // what employers see of it.
  const zoek = (query: string, sleutel: string = SLEUTELS.beheer) => request(svc.app).get(`/api/v1/kandidaten${query}`).set(bearer(sleutel));
  const ids = (body: { hits: { id: string }[] }) => body.hits.map((h) => h.id).sort();

  it('answers with hits, exact totalHits, pages, all facets and stats', async () => {
    const res = await zoek('?hitsPerPage=5');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalHits: 3955, page: 1, hitsPerPage: 5, totalPages: 200 });
    expect(res.body.hits).toHaveLength(5);
    expect(Object.keys(res.body.facetDistribution)).toEqual(expect.arrayContaining(['regio', 'gemeente', 'opleidingsniveau', 'sector', 'taaksoort', 'competentie', 'vaardigheid', 'affiniteit', 'rijbewijs', 'eigenVervoer', 'transparantieklasse']));
    expect(res.body.facetDistribution.regio).toEqual({ 25: 3955 });
    expect(res.body.facetDistribution.gemeente.GM0268).toBe(2666);
    expect(res.body.labels.gemeente.GM0268).toBe('Nijmegen');
    expect(res.body.facetDistribution.transparantieklasse).toEqual({ geen: 310, beperkt: 929, redelijk: 2060, volledig: 656 });
    expect(res.body.facetStats.urenPerWeek.min).toBeGreaterThanOrEqual(0);
    expect(typeof res.body.processingTimeMs).toBe('number');
  });

  it.each([['schonmaak', 'schoonmaak'], ['hefruck', 'heftruck']])('a typo (%s) finds what the correct word (%s) finds', async (fout, goed) => {
    const a = await zoek(`?q=${fout}&hitsPerPage=100`);
    const b = await zoek(`?q=${goed}&hitsPerPage=100`);
    expect(b.body.totalHits).toBeGreaterThan(0);
    expect(a.body.totalHits).toBe(b.body.totalHits);
    expect(ids(a.body)).toEqual(ids(b.body));
  });

  it.each([
    ['heftruck', 'Transport en logistiek'],
    ['schoonmaak', 'Schoonmaak'],
    ['zorg', 'Zorg en welzijn'],
  ])('q=%s with sector %s returns exactly what a brute-force scan of the mirror returns', async (q, sector) => {
    const oracle = new Oracle({ ...svc.config, zoeken: { ...svc.config.zoeken, maxTotalHits: 100_000, maxHitsPerPage: 100_000 } });
    oracle.replaceAll((await svc.profielen()));
    const verwacht = oracle.search({ q, filters: { sector: [sector] }, hitsPerPage: 100_000 });
    expect(verwacht.totalHits).toBeGreaterThan(0);
    const gevonden: string[] = [];
    let totalPages = 1;
    for (let page = 1; page <= totalPages; page++) {
      const res = await zoek(`?q=${q}&sector=${encodeURIComponent(sector)}&hitsPerPage=100&page=${page}`);
      expect(res.body.totalHits).toBe(verwacht.totalHits);
      totalPages = res.body.totalPages;
      gevonden.push(...res.body.hits.map((h: { id: string }) => h.id));
    }
    expect(gevonden.sort()).toEqual([...verwacht.pagina].sort());
  });

  it('counts disjunctively: choosing a sector still shows the other sectors', async () => {
    const alle = (await zoek('?hitsPerPage=1')).body.facetDistribution.sector as Record<string, number>;
    const gekozen = Object.keys(alle).find((s) => s !== 'onbekend')!;
    const res = await zoek(`?sector=${encodeURIComponent(gekozen)}&hitsPerPage=1`);
    expect(res.body.totalHits).toBe(alle[gekozen]);
    expect(res.body.facetDistribution.sector).toEqual(alle);
  });

  it('counts only the facets asked with facetten, the same counts as without it', async () => {
    const alle = (await zoek('?q=schoonmaak&hitsPerPage=1')).body;
    const res = await zoek('?q=schoonmaak&hitsPerPage=1&facetten=sector&facetten=gemeente');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.facetDistribution)).toEqual(['sector', 'gemeente']);
    expect(res.body.facetDistribution.sector).toEqual(alle.facetDistribution.sector);
    expect(res.body.facetDistribution.gemeente).toEqual(alle.facetDistribution.gemeente);
    expect(res.body.totalHits).toBe(alle.totalHits);
    // Labels name the values of the facets in the answer: gemeenten here, no regions.
    expect(res.body.labels).toEqual({ gemeente: alle.labels.gemeente, regio: {} });
  });

  it('sends gzip or brotli when the client accepts it, and the same answer', async () => {
    const gewoon = await zoek('?q=schoonmaak&hitsPerPage=20').set('Accept-Encoding', 'identity');
    expect(gewoon.headers['content-encoding']).toBeUndefined();
    for (const codering of ['gzip', 'br']) {
      const res = await zoek('?q=schoonmaak&hitsPerPage=20').set('Accept-Encoding', codering);
      expect(res.headers['content-encoding']).toBe(codering);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['content-security-policy']).toBe(gewoon.headers['content-security-policy']);
      expect({ ...res.body, processingTimeMs: 0 }).toEqual({ ...gewoon.body, processingTimeMs: 0 });
    }
  });

  it('filters on onbekend: profiles without that part', async () => {
    const res = await zoek('?sector=onbekend&hitsPerPage=100');
    expect(res.body.totalHits).toBeGreaterThan(0);
    for (const hit of res.body.hits) expect(hit.beroepssectoren).toEqual([]);
  });

  it('accepts regio by number or name and gemeente by name or code', async () => {
    const a = await zoek('?regio=25&gemeente=Mook%20en%20Middelaar&hitsPerPage=1');
    const b = await zoek('?regio=Rijk%20van%20Nijmegen&gemeente=GM0944&hitsPerPage=1');
    expect(a.body.totalHits).toBe(39);
    expect(b.body.totalHits).toBe(39);
  });

  it('suggests which filter to drop when little is found', async () => {
    const res = await zoek('?gemeente=Mook%20en%20Middelaar&transparantieklasse=geen&urenMin=40');
    expect(res.body.totalHits).toBeLessThan(10);
    const parameters = res.body.relaxaties.map((r: { parameter: string }) => r.parameter);
    expect(parameters).toEqual(expect.arrayContaining(['gemeente', 'transparantieklasse', 'urenMin']));
    const zonderGemeente = res.body.relaxaties.find((r: { parameter: string }) => r.parameter === 'gemeente');
    expect(zonderGemeente.totalHits).toBe((await zoek('?transparantieklasse=geen&urenMin=40')).body.totalHits);
  });

  it('sorts by hours', async () => {
    const res = await zoek('?sort=uren:desc&hitsPerPage=50&urenMin=0');
    const uren = res.body.hits.map((h: { urenPerWeek: number }) => h.urenPerWeek);
    expect(uren).toEqual([...uren].sort((a, b) => b - a));
  });

  it.each([
    ['?onbekend=1', 'onbekend'],
    ['?page=0', 'page'],
    ['?page=abc', 'page'],
    ['?hitsPerPage=101', 'hitsPerPage'],
    ['?page=20&hitsPerPage=100', 'page'],
    ['?regio=99', 'regio'],
    ['?gemeente=Atlantis', 'gemeente'],
    ['?opleidingsniveauMin=master', 'opleidingsniveauMin'],
    ['?sort=naam', 'sort'],
    ['?urenMin=30&urenMax=10', 'urenMin'],
    ['?eigenVervoer=misschien', 'eigenVervoer'],
    ['?facetten=naam', 'facetten'],
  ])('%s gives 400 naming %s', async (query, parameter) => {
    const res = await zoek(query);
    expect(res.status).toBe(400);
    expect(res.body.fout.velden.map((v: { pad: string }) => v.pad.replace(/\[\d+\]$/, ''))).toContain(parameter);
  });

  it('shows employers no gemeente whose people would be singled out, and beheer every one', async () => {
    // Mook en Middelaar has 39 people in the demo data, too few to keep its name beside the other quasi-identifiers.
    expect((await zoek('?gemeente=Mook%20en%20Middelaar&hitsPerPage=1')).body.totalHits).toBe(39);
    const werkgever = await zoek('?gemeente=Mook%20en%20Middelaar&hitsPerPage=1', SLEUTELS.werkgever);
    expect(werkgever.body.totalHits).toBe(0);
    const gemeenten = (await zoek('?facetten=gemeente&hitsPerPage=1', SLEUTELS.werkgever)).body.facetDistribution.gemeente as Record<string, number>;
    expect(gemeenten).not.toHaveProperty('GM0944');
    expect(Math.min(...Object.values(gemeenten))).toBeGreaterThanOrEqual(5);
    expect(Object.values(gemeenten).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3955);
  });

  it('gives one profile by id and 404 for an unknown one', async () => {
    const eerste = (await zoek('?hitsPerPage=1', SLEUTELS.werkgever)).body.hits[0];
    const res = await request(svc.app).get(`/api/v1/kandidaten/${eerste.id}`).set(bearer(SLEUTELS.intermediair));
    expect(res.status).toBe(200);
    const { _highlights, ...profiel } = eerste;
    expect(res.body).toEqual(profiel);
    expect((await request(svc.app).get(`/api/v1/kandidaten/${'0'.repeat(32)}`).set(bearer(SLEUTELS.werkgever))).status).toBe(404);
    expect((await request(svc.app).get('/api/v1/kandidaten/S0000000001').set(bearer(SLEUTELS.werkgever))).status).toBe(400);
  });

  it('searches within a facet', async () => {
    const res = await request(svc.app).get('/api/v1/facetten/vaardigheid?q=heftr').set(bearer(SLEUTELS.werkgever));
    expect(res.status).toBe(200);
    expect(res.body.waarden.length).toBeGreaterThan(0);
    for (const w of res.body.waarden) expect(w.waarde.toLowerCase()).toContain('heftruck');
    expect((await request(svc.app).get('/api/v1/facetten/naam').set(bearer(SLEUTELS.werkgever))).status).toBe(404);
  });

  it('is for werkgever, intermediair and beheer only', async () => {
    expect((await request(svc.app).get('/api/v1/kandidaten')).status).toBe(401);
    expect((await zoek('', SLEUTELS.sync)).status).toBe(403);
    expect((await zoek('', SLEUTELS.regiomanager25)).status).toBe(403);
    expect((await zoek('', SLEUTELS.beheer)).status).toBe(200);
  });

  it('serves the OpenAPI document and a docs page', async () => {
    const res = await request(svc.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/kandidaten', '/api/v1/kandidaten/{id}', '/api/v1/facetten/{facet}', '/api/v1/sync/profielen']));
    const params = res.body.paths['/api/v1/kandidaten'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'regio', 'sector', 'urenMin', 'sort', 'page', 'hitsPerPage', 'facetten']));
    const docs = await request(svc.app).get('/api/docs');
    expect(docs.text).toContain('swagger-ui');
    expect((await request(svc.app).get('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});
