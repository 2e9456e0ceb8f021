import request from 'supertest';
import { Labels } from '../../src/web/labels';
import { ontwikkelbasis } from '../../src/web/paginabasis';
import { createWeergave } from '../../src/web/weergave';
import { Zoekpagina } from '../../src/web/zoekpagina';
import { ZoekmachineOnbereikbaarError } from '../../src/zoeken/zoekmachine-fouten';
import { ZoekService } from '../../src/zoeken/zoek.service';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { aantalGevonden, profielIds } from './html';

describe('the search page, server-rendered (works without JavaScript)', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true', LOG_LEVEL: 'silent' }); }, 120_000);
  afterAll(async () => { await svc.stop(); });

  const pagina = (query: string) => request(svc.app).get(`/${query}`).set('Accept', 'text/html');
  const api = (query: string) => request(svc.app).get(`/api/v1/kandidaten${query}`).set(bearer(SLEUTELS.werkgever));

  it('shows the total, result cards and every facet with counts, in Dutch, uncached', async () => {
    const res = await pagina('');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toMatch(/^<!doctype html>\s*<html lang="nl"/);
    expect(aantalGevonden(res.text)).toBe(3955);
    expect(profielIds(res.text)).toHaveLength(20);
    for (const facet of ['regio', 'gemeente', 'opleidingsniveau', 'sector', 'taaksoort', 'competentie', 'vaardigheid', 'rijbewijs']) {
      expect(res.text).toContain(`id="facet-${facet}"`);
    }
    // The counts employers see: Nijmegen's people whose gemeente is shown (the others show as their region).
    const nijmegen = (await api('?facetten=gemeente')).body.facetDistribution.gemeente.GM0268 as number;
    expect(nijmegen).toBeGreaterThan(2000);
    expect(res.text).toMatch(new RegExp(`name="gemeente" value="GM0268"[^>]*>\\s*<label[^>]*>Nijmegen <span class="kv-aantal">\\(${nijmegen.toLocaleString('nl-NL')}\\)</span>`));
    expect(res.text).toContain('name="urenMin"');
    expect(res.text).toContain('Direct naar de inhoud');
  });

  it.each([
    '?q=hefruck',
    '?sector=Horeca&urenMin=24',
    '?gemeente=Nijmegen&rijbewijs=B&sort=uren:desc&page=2',
    '?vaardigheid=onbekend&opleidingsniveau=mbo-2&opleidingsniveau=mbo-3',
  ])('means exactly what the API means by %s', async (query) => {
    const [html, json] = await Promise.all([pagina(query), api(query)]);
    expect(html.status).toBe(200);
    expect(aantalGevonden(html.text)).toBe(json.body.totalHits);
    expect(profielIds(html.text)).toEqual(json.body.hits.map((h: { id: string }) => h.id));
  });

  it('shows chosen filters as chips that link to the same search without them, and ticks their boxes', async () => {
    const res = await pagina('?q=heftruck&sector=Transport%20en%20logistiek&gemeente=Nijmegen&urenMin=24');
    expect(res.text).toMatch(/name="gemeente" value="GM0268" checked/);
    expect(res.text).toContain('href="/?q=heftruck&amp;gemeente=Nijmegen&amp;urenMin=24"><span class="kv-visueel-verborgen">Verwijder filter </span>Beroepssector: Transport en logistiek');
    expect(res.text).toContain('href="/?q=heftruck&amp;sector=Transport+en+logistiek&amp;urenMin=24"><span class="kv-visueel-verborgen">Verwijder filter </span>Gemeente: Nijmegen');
    expect(res.text).toContain('>Minimaal 24 uur per week');
    expect(res.text).toContain('href="/?q=heftruck">Alle filters wissen');
  });

  it('marks the matched words and escapes everything else', async () => {
    expect((await pagina('?q=heftruck')).text).toContain('<mark>Heftruck</mark>');
    const res = await pagina(`?q=${encodeURIComponent('<script>alert(1)</script>"\'')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;');
  });

  it('suggests which filter to drop when nothing is found, each a link with the count it gives', async () => {
    const query = '?q=heftruck&gemeente=Wijchen&transparantieklasse=geen&urenMin=32';
    const [res, json] = await Promise.all([pagina(query), api(query)]);
    expect(aantalGevonden(res.text)).toBe(0);
    expect(res.text).toContain('Geen kandidaten gevonden');
    const suggesties = [...res.text.matchAll(/<li><a class="utrecht-link" href="([^"]+)">Zoek zonder [^<]+<\/a>: ([\d.]+) kandida/g)]
      .map((m) => ({ href: m[1]!.replaceAll('&amp;', '&'), aantal: Number(m[2]!.replaceAll('.', '')) }));
    expect(suggesties.map((s) => s.aantal)).toEqual((json.body.relaxaties as { totalHits: number }[]).map((r) => r.totalHits).filter((n) => n > 0));
    expect(suggesties.length).toBeGreaterThan(0);
    for (const s of suggesties) expect(aantalGevonden((await pagina(s.href.slice(1))).text)).toBe(s.aantal);
  });

  it('pages with links that keep the search', async () => {
    const res = await pagina('?sector=Horeca&page=2');
    expect(res.text).toContain('href="/?sector=Horeca" rel="prev"');
    expect(res.text).toContain('href="/?sector=Horeca&amp;page=3" rel="next"');
    expect(res.text).toMatch(/aria-current="page"><span class="kv-visueel-verborgen">Pagina <\/span>2</);
  });

  it('reads empty form fields as not chosen (a GET form sends them all)', async () => {
    const res = await pagina('?q=&urenMin=&urenMax=&sort=relevantie&sector=');
    expect(res.status).toBe(200);
    expect(aantalGevonden(res.text)).toBe(3955);
  });

  it.each([
    ['?onbekend=Qgeheim1x', 'onbekend'],
    ['?gemeente=Qatlantis2x', 'gemeente'],
    ['?urenMin=30&urenMax=10', 'urenMin'],
    ['?page=0', 'page'],
  ])('refuses %s like the API (400), naming the parameter and never repeating the value', async (query, param) => {
    const res = await pagina(query);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(`<code>${param}</code>`);
    expect(res.text).not.toMatch(/Qgeheim1x|Qatlantis2x/);
  });

  it('serves the changing part alone for the script: facets and results, with the new title', async () => {
    const res = await request(svc.app).get('/zoeken/resultaten?q=heftruck').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<html');
    expect(res.text.trim()).toMatch(/^<div id="zoekfragment" data-titel="\d+ kandidaten voor ‘heftruck’/);
    expect(res.text).toContain('id="facetten"');
    expect(aantalGevonden(res.text)).toBe((await api('?q=heftruck')).body.totalHits);
  });

  it('answers an unknown page with an HTML 404 for browsers; API clients keep JSON', async () => {
    const html = await request(svc.app).get('/bestaat-niet').set('Accept', 'text/html,application/xhtml+xml');
    expect(html.status).toBe(404);
    expect(html.text).toContain('Pagina niet gevonden');
    const json = await request(svc.app).get('/bestaat-niet').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.body.fout.code).toBe('niet_gevonden');
  });

  it('renders without HTTP too (the benchmark calls it so), the same page as over HTTP', async () => {
    const zoekpagina = new Zoekpagina({ zoeken: new ZoekService(svc.engine, svc.config), config: svc.config, weergave: createWeergave(), labels: new Labels(svc.config) });
    const direct = await zoekpagina.render({ q: 'heftruck' }, ontwikkelbasis());
    expect(direct.status).toBe(200);
    expect(aantalGevonden(direct.html)).toBe(aantalGevonden((await pagina('?q=heftruck')).text));
  });

  it('serves the NL Design System CSS from the npm packages and its own CSS and script', async () => {
    for (const pad of ['/static/utrecht/component-library-css/index.css', '/static/utrecht/design-tokens/theme.css', '/static/kv/kv.css', '/static/kv/kv.js']) {
      const res = await request(svc.app).get(pad);
      expect({ pad, status: res.status }).toEqual({ pad, status: 200 });
    }
  });

  it('says the search is temporarily unavailable (503, Retry-After) when the engine cannot be reached, like the API', async () => {
    const zoek = jest.spyOn(svc.engine, 'search').mockRejectedValue(new ZoekmachineOnbereikbaarError('verbinding geweigerd'));
    try {
      const res = await pagina('?q=heftruck');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.text).toContain('Tijdelijk niet beschikbaar');
      expect(res.text).not.toContain('verbinding geweigerd');
      expect((await api('?q=heftruck')).status).toBe(503);
    } finally {
      zoek.mockRestore();
    }
  });
});
