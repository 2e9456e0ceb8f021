import { ConfigError } from '../../src/config/config-error';
import { loadSearchConfig, type SearchConfig } from '../../src/config/search-config';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import type { SearchEngine } from '../../src/zoeken/search-engine.port';
import { runEngineSuite } from './engine-suite';
import { maakProfiel, suiteProfielen } from './fixtures';

runEngineSuite('embedded', (config) => createEmbeddedEngine(config ?? loadSearchConfig()), { stemming: true });

/** Where the embedded engine goes beyond, or deliberately differs from, what the shared suite can ask of every engine. */
describe('embedded engine', () => {
  const config = loadSearchConfig();
  let engine: SearchEngine;

  async function gevuld(cfg: SearchConfig = config): Promise<SearchEngine> {
    const e = createEmbeddedEngine(cfg);
    await e.replaceAll(suiteProfielen());
    return e;
  }

  beforeEach(async () => {
    engine = await gevuld();
  });

  const ids = async (q: string) => (await engine.search({ q, hitsPerPage: 100 })).hits.map((h) => h.profiel.id);

  it('laat woorden van achteren vallen als alle woorden samen niets vinden, en rangschikt op het aantal woorden', async () => {
    expect(await ids('timmeren xyzzy')).toEqual(['k08']);
    // 'techniek' alone finds four; k24 also matches the dropped last word 'bouw', so it ranks first.
    const r = await ids('techniek xyzzy bouw');
    expect(r[0]).toBe('k24');
    expect([...r].sort()).toEqual(['k03', 'k10', 'k11', 'k24']);
  });

  it('valt niet terug zolang alle woorden samen iets vinden', async () => {
    expect(await ids('heftruck orderpicken')).toEqual(['k01']);
  });

  it('telt een typfout in de eerste letter dubbel, zoals Meilisearch', async () => {
    // 'lossen' (k01) is one typo from 'lassen', 'wassen' (k05) only with another first letter.
    expect((await ids('lassen')).sort()).toEqual(['k01', 'k10', 'k24']);
  });

  it('markeert woorden die via stam of prefix gevonden zijn helemaal', async () => {
    const [kok] = (await engine.search({ q: 'kokken' })).hits;
    expect(kok?.highlights).toEqual({ 'werkervaring.beroep': ['<mark>Kok</mark>'] });
    const k11 = (await engine.search({ q: 'assembl' })).hits.find((h) => h.profiel.id === 'k11');
    expect(k11?.highlights).toEqual({ 'werkervaring.beroep': ['<mark>Assemblagemedewerker</mark>'] });
  });

  it('past opleidingsniveauMin ook toe op de telling van opleidingsniveau', async () => {
    const r = await engine.search({ opleidingsniveauMin: 'hbo', facets: ['opleidingsniveau'] });
    expect(r.facetDistribution.opleidingsniveau).toEqual({ hbo: 2, wo: 2 });
  });

  it('geeft per facet hooguit maxWaardenPerFacet waarden, de meest voorkomende; facetCounts is onbegrensd', async () => {
    const krap = structuredClone(config);
    krap.zoeken.maxWaardenPerFacet = 2;
    const e = await gevuld(krap);
    expect((await e.search({ facets: ['rijbewijs'] })).facetDistribution.rijbewijs).toEqual({ onbekend: 16, B: 12 });
    expect(Object.keys((await e.facetCounts({}, ['rijbewijs'])).facetDistribution.rijbewijs ?? {})).toHaveLength(7);
  });

  it('vindt een nieuw woord na upsert, ook met typfout', async () => {
    expect(await ids('stratenmaker')).toEqual([]);
    await engine.upsert([maakProfiel('k31', { beroepen: ['Stratenmaker'] })]);
    expect(await ids('stratenmaker')).toEqual(['k31']);
    expect(await ids('stratenmakr')).toEqual(['k31']);
  });

  it('gebruikt een vrijgekomen plek opnieuw zonder resten van het oude profiel', async () => {
    await engine.remove(['k08']);
    await engine.upsert([maakProfiel('k31', { vaardigheden: ['Snoeien'] })]);
    expect(await ids('timmeren')).toEqual([]);
    expect((await ids('snoeien')).sort()).toEqual(['k17', 'k31']);
    expect(await engine.count()).toBe(30);
  });

  it('laat zoekvragen tijdens replaceAll de oude verzameling zien, daarna de nieuwe, nooit een mengsel', async () => {
    const veel = function* () {
      for (let i = 0; i < 12_000; i++) yield maakProfiel(`n${i}`, { vaardigheden: ['Snoeien'] });
    };
    let klaar = false;
    const bouw = engine.replaceAll(veel()).then(() => {
      klaar = true;
    });
    const gezien: number[] = [];
    while (!klaar) {
      gezien.push((await engine.search({ q: 'snoeien' })).totalHits);
      await new Promise((r) => setImmediate(r));
    }
    await bouw;
    expect(gezien.length).toBeGreaterThan(1);
    expect(new Set(gezien)).toEqual(new Set([1]));
    expect((await engine.search({ q: 'snoeien' })).totalHits).toBe(12_000);
  });

  it('voert schrijfacties na elkaar uit: een upsert tijdens replaceAll gaat niet verloren', async () => {
    const bouw = engine.replaceAll(suiteProfielen().slice(0, 3));
    const erbij = engine.upsert([maakProfiel('k31')]);
    await Promise.all([bouw, erbij]);
    expect(await engine.count()).toBe(4);
    expect(await engine.get('k31')).not.toBeNull();
  });

  it('telt alleen bij hitsPerPage 0', async () => {
    const r = await engine.search({ hitsPerPage: 0, facets: ['regio'] });
    expect(r).toMatchObject({ hits: [], totalHits: 30, totalPages: 0, facetDistribution: { regio: { 25: 14, 21: 6, 1: 5, 10: 5 } } });
  });

  it('weigert een config zonder een facet van de port', () => {
    const zonder = structuredClone(config);
    zonder.zoeken.facetten = zonder.zoeken.facetten.filter((f) => f.naam !== 'rijbewijs');
    expect(() => createEmbeddedEngine(zonder)).toThrow(ConfigError);
  });

  it('zet facetwaarden op aantal, bij gelijke aantallen op naam, en kapt af op maxWaardenPerFacet', async () => {
    const profielen = [
      ['Bakken', 'Zagen'], ['Bakken', 'Zagen'], ['Bakken', 'Afwassen'], ['Afwassen'], ['Lassen'],
    ].map((vaardigheden, i) => maakProfiel(`v${i}`, { vaardigheden }));
    const beperkt = structuredClone(config);
    beperkt.zoeken.maxWaardenPerFacet = 3;
    for (const [cfg, verwacht] of [[config, ['Bakken', 'Afwassen', 'Zagen', 'Lassen']], [beperkt, ['Bakken', 'Afwassen', 'Zagen']]] as const) {
      const e = createEmbeddedEngine(cfg);
      await e.replaceAll(profielen);
      const telling = (await e.search({ facets: ['vaardigheid'] })).facetDistribution.vaardigheid!;
      expect(Object.entries(telling)).toEqual(verwacht.map((w) => [w, { Bakken: 3, Afwassen: 2, Zagen: 2, Lassen: 1 }[w]]));
    }
  });

  it('ordent ook zo als een grote set met bitmaps geteld wordt', async () => {
    // 500 documents against 3 values of eigenVervoer: intersecting the bitmaps is the cheaper way here.
    const profielen = Array.from({ length: 500 }, (_, i) => maakProfiel(`e${i}`, { eigenVervoer: i < 200 ? false : i < 400 ? true : null }));
    const e = createEmbeddedEngine(config);
    await e.replaceAll(profielen);
    const telling = (await e.search({ facets: ['eigenVervoer'] })).facetDistribution.eigenVervoer!;
    expect(Object.entries(telling)).toEqual([['ja', 200], ['nee', 200], ['onbekend', 100]]);
  });
});
