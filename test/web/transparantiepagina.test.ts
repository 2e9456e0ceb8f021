import request from 'supertest';
import referentie from '../fixtures/transparantie-2020Q2-rijk-van-nijmegen.json';
import { startTestService, type TestService } from '../support/test-service';

/** The rows of a table on the page: row header and cells, as text. */
function tabel(html: string, id: string): string[][] {
  const t = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)![1]!;
  return [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

describe('the transparency dashboard (development: open)', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true', LOG_LEVEL: 'silent' }); }, 120_000);
  afterAll(async () => { await svc.stop(); });

  it('shows the publication\'s 2020-Q2 table of Rijk van Nijmegen cell by cell, with TOTAAL AMR and 71%', async () => {
    const res = await request(svc.app).get('/transparantie?regio=25&periode=2020-Q2');
    expect(res.status).toBe(200);
    const rijen = tabel(res.text, 'transparantietabel');
    expect(rijen[0]).toEqual(['Gemeente', 'Geen profiel', 'Beperkt profiel', 'Redelijk profiel', 'Volledig profiel', 'Totaal']);
    const opPagina = new Map(rijen.slice(1).map((r) => [r[0], r.slice(1)]));
    const getal = (n: number) => n.toLocaleString('nl-NL');
    for (const r of [...referentie.rijen, { gemeente: referentie.totaal.label, waarden: referentie.totaal.waarden }]) {
      expect({ gemeente: r.gemeente, waarden: opPagina.get(r.gemeente) }).toEqual({ gemeente: r.gemeente, waarden: r.waarden.map(getal) });
    }
    expect(opPagina.size).toBe(referentie.rijen.length + 1);
    expect(res.text).toContain('bevat het doelgroepregister banenafspraak in totaal 5.594 personen');
    expect(res.text).toContain('Hiervan is <strong>71%</strong> bekend binnen Sonar');
    expect(res.text).toMatch(/<svg class="kv-diagram__svg"[^>]*role="img" aria-labelledby="gemeenten-titel gemeenten-uitleg"/);
    expect(tabel(res.text, 'trendtabel')[1]).toEqual(['Tweede kwartaal 2020', '310', '929', '2.060', '656', '3.955', '71%']);
  });

  it('defaults to the newest frozen quarter and, for who may see every region, the national overview', async () => {
    const res = await request(svc.app).get('/transparantie');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<option value="2020-Q2" selected>tweede kwartaal 2020</option>');
    expect(res.text).toContain('<option value="" selected>Alle regio');
    expect(res.text).toContain('href="/transparantie?regio=25&amp;periode=2020-Q2">25 Rijk van Nijmegen</a>');
  });

  it('downloads the API\'s CSV for the chosen region and quarter', async () => {
    const res = await request(svc.app).get('/transparantie?regio=25&periode=2020-Q2&formaat=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text).toContain('TOTAAL AMR;;310;929;2060;656;3955\r\n');
  });

  it.each([
    ['?regio=99', 400, 'regio'],
    ['?periode=2020-Q5', 400, 'periode'],
    ['?periode=2999-Q1', 400, 'periode'],
    ['?regio=25&periode=2019-Q1', 404, 'Geen cijfers van dit kwartaal'],
    ['?regio=25&foo=1', 400, 'foo'],
  ])('answers %s with %i', async (query, status, tekst) => {
    const res = await request(svc.app).get(`/transparantie${query}`);
    expect(res.status).toBe(status);
    expect(res.text).toContain(tekst);
  });
});
