/**
 * One behavioural suite for every SearchEngine adapter, on the thirty hand-made profiles of `suiteProfielen()`.
 * Expectations are what the port promises and what Meilisearch (with the adapter's settings) also returns: exact
 * hit sets and counts, but an order only where it is fully determined (an explicit sort on distinct values, exact
 * before typo, a heavier field before a lighter one). Queries avoid what the engines legitimately do differently:
 * a typo on the first letter or a transposition, prefix-with-typo, and multi-word queries whose shorter prefixes
 * match more (Meilisearch's `last` strategy returns those too; the embedded engine only falls back on zero hits).
 */
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { loadSearchConfig, type SearchConfig } from '../../src/config/search-config';
import type { SearchEngine, Zoekresultaat, Zoekvraag } from '../../src/zoeken/search-engine.port';
import { maakProfiel, suiteProfielen } from './fixtures';

/** Builds an engine for `config` (the project's search-config when absent); the suite calls init() itself. */
export type EngineFactory = (config?: SearchConfig) => SearchEngine | Promise<SearchEngine>;

export interface SuiteOpties {
  /** The engine stems Dutch words (the embedded engine does; Meilisearch does not). Default false. */
  stemming?: boolean;
}

const ids = (r: Zoekresultaat): string[] => r.hits.map((h) => h.profiel.id);
const gesorteerd = (r: Zoekresultaat): string[] => ids(r).sort();
const ALLES = 100;

/** Registers the suite under `describe(name)`. */
export function runEngineSuite(name: string, makeEngine: EngineFactory, opties: SuiteOpties = {}): void {
  const config = loadSearchConfig();
  const profielen = suiteProfielen();

  async function gevuldeEngine(cfg: SearchConfig = config): Promise<SearchEngine> {
    const engine = await makeEngine(cfg);
    await engine.init();
    await engine.replaceAll(suiteProfielen());
    return engine;
  }

  describe(`SearchEngine: ${name}`, () => {
    let engine: SearchEngine;
    const zoek = (vraag: Zoekvraag) => engine.search({ hitsPerPage: ALLES, ...vraag });
    const hitset = async (vraag: Zoekvraag) => gesorteerd(await zoek(vraag));

    beforeAll(async () => {
      engine = await gevuldeEngine();
    });
    afterAll(async () => {
      await engine.close();
    });

    describe('tekst', () => {
      it('vindt een woord in elk doorzoekbaar veld', async () => {
        expect(await hitset({ q: 'timmeren' })).toEqual(['k08']);
        expect(await hitset({ q: 'orderpicken' })).toEqual(['k01', 'k21']);
        expect(await hitset({ q: 'logistiek' })).toEqual(['k01', 'k02', 'k03', 'k21', 'k22']);
      });

      it('laat stopwoorden weg', async () => {
        expect(await hitset({ q: 'de timmeren' })).toEqual(['k08']);
      });

      it('eist elk woord, ook over velden heen', async () => {
        expect(await hitset({ q: 'schilder bouw' })).toEqual(['k09']);
      });

      it('staat één typfout toe vanaf 5 letters', async () => {
        expect(await hitset({ q: 'metsalen' })).toEqual(['k08']);
        expect(await hitset({ q: 'soldren' })).toEqual(['k11']);
        expect(await hitset({ q: 'soldrrn' })).toEqual([]);
      });

      it('staat onder 5 letters geen typfout toe', async () => {
        expect(await hitset({ q: 'bouw' })).toEqual(['k08', 'k09', 'k24']);
        expect(await hitset({ q: 'bouv' })).toEqual([]);
      });

      it('staat twee typfouten toe vanaf 9 letters, geen drie', async () => {
        expect(await hitset({ q: 'metalbewerkng' })).toEqual(['k10']);
        expect(await hitset({ q: 'mtalbewerkng' })).toEqual([]);
      });

      it('leest de typfoutgrenzen uit de config', async () => {
        const ruim = structuredClone(config);
        ruim.zoeken.typfouten.minWoordlengteEenTypfout = 4;
        const eigen = await gevuldeEngine(ruim);
        try {
          expect(gesorteerd(await eigen.search({ q: 'bouv', hitsPerPage: ALLES }))).toEqual(['k08', 'k09', 'k24']);
        } finally {
          await eigen.close();
        }
      });

      it('vult alleen het laatste woord aan als prefix', async () => {
        expect(await hitset({ q: 'assembl' })).toEqual(['k10', 'k11', 'k24']);
        expect((await zoek({ q: 'assembl bouw' })).totalHits).toBe(0);
      });

      it('negeert hoofdletters en accenten', async () => {
        expect(await hitset({ q: 'HYGIËNISCH' })).toEqual(['k04']);
        expect(await hitset({ q: 'hygienisch' })).toEqual(['k04']);
        expect(await hitset({ q: 'Tímmeren' })).toEqual(['k08']);
      });

      (opties.stemming ? it : it.skip)('vindt woorden via hun stam', async () => {
        expect(await hitset({ q: 'kokken' })).toEqual(['k06']);
      });

      it('breidt uit met synoniemen uit de config', async () => {
        expect(await hitset({ q: 'reachtruck' })).toEqual(['k01', 'k02', 'k03']);
        expect(await hitset({ q: 'callcenter' })).toEqual(['k15', 'k25']);
      });

      it('zet een exacte treffer voor een treffer met typfout', async () => {
        expect(ids(await zoek({ q: 'verpakken' }))).toEqual(['k22', 'k23']);
      });

      it('zet een treffer in een zwaarder veld eerder', async () => {
        const r = await zoek({ q: 'techniek' });
        expect(gesorteerd(r)).toEqual(['k03', 'k10', 'k11', 'k24']);
        // k03 has it only among its affiniteiten (weight 1), the others in beroepssectoren (weight 3).
        expect(ids(r)[3]).toBe('k03');
      });

      it('combineert tekst met filters', async () => {
        expect(await hitset({ q: 'techniek', filters: { regio: ['25'] } })).toEqual(['k10', 'k11']);
      });
    });

    describe('filters', () => {
      it.each([
        ['regio', { regio: ['21'] }, ['k03', 'k08', 'k14', 'k20', 'k24', 'k28']],
        ['gemeente', { gemeente: ['GM0296'] }, ['k02', 'k10', 'k17', 'k22', 'k27']],
        ['opleidingsniveau', { opleidingsniveau: ['mbo-2'] }, ['k01', 'k06', 'k15', 'k22']],
        ['sector', { sector: ['Bouw'] }, ['k08', 'k09', 'k24']],
        ['taaksoort', { taaksoort: ['Assembleren'] }, ['k10', 'k24']],
        ['competentie', { competentie: ['Zelfstandig'] }, ['k01', 'k05', 'k14', 'k27']],
        ['vaardigheid', { vaardigheid: ['Koffie zetten'] }, ['k06', 'k29']],
        ['affiniteit', { affiniteit: ['Computers'] }, ['k12', 'k13', 'k14']],
        ['rijbewijs', { rijbewijs: ['C'] }, ['k01', 'k24']],
        ['eigenVervoer', { eigenVervoer: ['nee'] }, ['k02', 'k04', 'k07', 'k11', 'k15', 'k21', 'k25', 'k30']],
        ['transparantieklasse', { transparantieklasse: ['geen'] }, ['k18', 'k19']],
      ] as const)('filtert op %s', async (_naam, filters, verwacht) => {
        const r = await zoek({ filters });
        expect(gesorteerd(r)).toEqual(verwacht);
        expect(r.totalHits).toBe(verwacht.length);
      });

      it('combineert waarden binnen een facet met OF', async () => {
        expect((await zoek({ filters: { regio: ['21', '1'] } })).totalHits).toBe(11);
      });

      it('combineert facetten met EN', async () => {
        expect(await hitset({ filters: { regio: ['25'], eigenVervoer: ['ja'] } })).toEqual(['k01', 'k09', 'k10', 'k13', 'k17', 'k22']);
        expect(await hitset({ filters: { sector: ['Bouw', 'Productie en techniek'], rijbewijs: ['B'] } })).toEqual(['k08', 'k09', 'k10', 'k24']);
      });

      it('selecteert met onbekend de profielen zonder dat onderdeel', async () => {
        expect(await hitset({ filters: { opleidingsniveau: ['onbekend'] } })).toEqual(['k03', 'k07', 'k18', 'k19', 'k30']);
        expect(await hitset({ filters: { eigenVervoer: ['onbekend'] } }))
          .toEqual(['k03', 'k06', 'k12', 'k16', 'k18', 'k19', 'k20', 'k23', 'k27', 'k28', 'k29']);
        expect((await zoek({ filters: { rijbewijs: ['onbekend', 'T'] } })).totalHits).toBe(17);
      });

      it('vindt niets voor een onbekende waarde', async () => {
        expect((await zoek({ filters: { regio: ['99'] } })).totalHits).toBe(0);
      });

      it('filtert op minimaal opleidingsniveau, zonder de onbekende', async () => {
        expect(await hitset({ opleidingsniveauMin: 'mbo-4' })).toEqual(['k10', 'k11', 'k12', 'k13', 'k14', 'k25', 'k26', 'k27', 'k28']);
        expect((await zoek({ opleidingsniveauMin: 'mbo-2' })).totalHits).toBe(16);
      });

      it('filtert op uren per week, grenzen inbegrepen, zonder de onbekende', async () => {
        expect(await hitset({ urenMin: 20, urenMax: 32 }))
          .toEqual(['k01', 'k02', 'k05', 'k11', 'k12', 'k13', 'k15', 'k16', 'k21', 'k22', 'k23', 'k27']);
        expect(await hitset({ urenMax: 10 })).toEqual(['k20', 'k28']);
        expect(await hitset({ urenMin: 36 })).toEqual(['k06', 'k08', 'k09', 'k10', 'k14', 'k17', 'k24', 'k29']);
      });
    });

    describe('facetten', () => {
      it('telt disjunctief: de eigen selectie van een facet telt niet mee voor zijn eigen telling', async () => {
        const r = await zoek({ filters: { regio: ['25'] }, facets: ['regio', 'eigenVervoer'] });
        expect(r.totalHits).toBe(14);
        expect(r.facetDistribution.regio).toEqual({ 25: 14, 21: 6, 1: 5, 10: 5 });
        expect(r.facetDistribution.eigenVervoer).toEqual({ ja: 6, nee: 6, onbekend: 2 });
      });

      it('telt elk facet onder de filters van de andere, en laat nullen weg', async () => {
        const r = await zoek({ filters: { regio: ['25'], eigenVervoer: ['ja'] }, facets: ['regio', 'eigenVervoer', 'rijbewijs'] });
        expect(r.totalHits).toBe(6);
        expect(r.facetDistribution.regio).toEqual({ 25: 6, 21: 3, 1: 2 });
        expect(r.facetDistribution.eigenVervoer).toEqual({ ja: 6, nee: 6, onbekend: 2 });
        expect(r.facetDistribution.rijbewijs).toEqual({ B: 5, C: 1, T: 1 });
      });

      it('telt over het tekstresultaat, met min/max van uren en reisafstand', async () => {
        const r = await zoek({ q: 'techniek', facets: ['regio', 'sector'] });
        expect(r.facetDistribution.regio).toEqual({ 21: 2, 25: 2 });
        expect(r.facetDistribution.sector).toEqual({ 'Productie en techniek': 3, 'Transport en logistiek': 1, Bouw: 1 });
        expect(r.facetStats).toEqual({ urenPerWeek: { min: 32, max: 40 }, reisafstandKm: { min: 7, max: 50 } });
      });

      it('facetCounts telt exact zonder tekst', async () => {
        const t = await engine.facetCounts({ filters: { sector: ['Bouw'] } }, ['sector', 'rijbewijs', 'opleidingsniveau']);
        expect(t.totalHits).toBe(3);
        expect(t.facetDistribution.sector).toEqual({
          'Transport en logistiek': 4, Schoonmaak: 2, Horeca: 2, Bouw: 3, 'Productie en techniek': 3, Administratie: 3,
          ICT: 2, Klantcontact: 2, 'Zorg en welzijn': 2, Groenvoorziening: 1, Voedingsmiddelenindustrie: 2, onbekend: 6,
        });
        expect(t.facetDistribution.rijbewijs).toEqual({ B: 3, BE: 1, C: 1, CE: 1 });
        expect(t.facetDistribution.opleidingsniveau).toEqual({ 'mbo-3': 2, vmbo: 1 });
        expect(await engine.facetCounts({}, ['eigenVervoer'])).toEqual({ totalHits: 30, facetDistribution: { eigenVervoer: { ja: 11, nee: 8, onbekend: 11 } } });
      });

      it('facetValues zoekt waarden met prefix of typfout, de meest voorkomende eerst', async () => {
        expect(await engine.facetValues('sector', 'transp')).toEqual([{ waarde: 'Transport en logistiek', aantal: 4 }]);
        expect(await engine.facetValues('sector', 'horeka')).toEqual([{ waarde: 'Horeca', aantal: 2 }]);
        expect(await engine.facetValues('vaardigheid', 'koffie')).toEqual([{ waarde: 'Koffie zetten', aantal: 2 }]);
        const rijbewijzen = await engine.facetValues('rijbewijs', '');
        expect(rijbewijzen.slice(0, 3)).toEqual([{ waarde: 'onbekend', aantal: 16 }, { waarde: 'B', aantal: 12 }, { waarde: 'C', aantal: 2 }]);
        expect(rijbewijzen.map((w) => w.waarde).sort()).toEqual(['AM', 'B', 'BE', 'C', 'CE', 'T', 'onbekend']);
      });

      it('facetValues telt onder de filter, zonder de eigen selectie', async () => {
        expect(await engine.facetValues('sector', 'TRANSP', { filters: { eigenVervoer: ['ja'] } })).toEqual([{ waarde: 'Transport en logistiek', aantal: 1 }]);
        expect(await engine.facetValues('sector', 'transp', { filters: { sector: ['Horeca'] } })).toEqual([{ waarde: 'Transport en logistiek', aantal: 4 }]);
      });
    });

    describe('sorteren en pagineren', () => {
      const opDatum = [...profielen].sort((a, b) => (a.bijgewerkt < b.bijgewerkt ? 1 : -1)).map((p) => p.id);
      const uren = (r: Zoekresultaat) => r.hits.map((h) => h.profiel.urenPerWeek);

      it('sorteert op bijgewerkt, nieuwste eerst', async () => {
        expect(ids(await zoek({ sort: 'bijgewerkt:desc' }))).toEqual(opDatum);
      });

      it('sorteert op uren, onbekende uren achteraan', async () => {
        const op = uren(await zoek({ sort: 'uren:asc' }));
        const af = uren(await zoek({ sort: 'uren:desc' }));
        const bekend = profielen.map((p) => p.urenPerWeek).filter((u): u is number => u !== null);
        expect(op).toEqual([...bekend.sort((a, b) => a - b), null, null, null, null]);
        expect(af).toEqual([...bekend.sort((a, b) => b - a), null, null, null, null]);
      });

      it('sorteert binnen een filter en na de tekstovereenkomst', async () => {
        expect(ids(await zoek({ sort: 'uren:asc', filters: { regio: ['1'] } })).slice(0, 3)).toEqual(['k05', 'k12', 'k16']);
        const r = ids(await zoek({ q: 'techniek', sort: 'uren:asc' }));
        expect(r[0]).toBe('k11');
        expect(r[3]).toBe('k03');
      });

      it('verdeelt de treffers over pagina’s', async () => {
        const pagina = (page: number) => engine.search({ sort: 'bijgewerkt:desc', hitsPerPage: 10, page });
        const [een, drie, vier] = await Promise.all([pagina(1), pagina(3), pagina(4)]);
        expect(ids(een)).toEqual(opDatum.slice(0, 10));
        expect(ids(drie)).toEqual(opDatum.slice(20, 30));
        expect(vier.hits).toEqual([]);
        expect(vier).toMatchObject({ totalHits: 30, page: 4, hitsPerPage: 10, totalPages: 3 });
      });

      it('geeft 20 treffers per pagina als er niets gevraagd is', async () => {
        const r = await engine.search({});
        expect(r).toMatchObject({ totalHits: 30, page: 1, hitsPerPage: 20, totalPages: 2 });
        expect(r.hits).toHaveLength(20);
      });

      it('serveert niets voorbij maxTotalHits, maar telt exact', async () => {
        const klein = structuredClone(config);
        klein.zoeken.maxTotalHits = 25;
        const eigen = await gevuldeEngine(klein);
        try {
          const r = await eigen.search({ sort: 'bijgewerkt:desc', hitsPerPage: 10, page: 3 });
          expect(ids(r)).toEqual(opDatum.slice(20, 25));
          expect(r).toMatchObject({ totalHits: 30, totalPages: 3 });
        } finally {
          await eigen.close();
        }
      });
    });

    describe('markeringen', () => {
      it('markeert de gevonden woorden, per veld, HTML-veilig', async () => {
        const [hit] = (await zoek({ q: 'excel' })).hits;
        expect(hit?.profiel.id).toBe('k12');
        expect(hit?.highlights).toEqual({ vaardigheden: ['Microsoft <mark>Excel</mark>', 'Word &amp; <mark>Excel</mark> &lt;basis&gt;'] });
      });

      it('markeert alleen de velden en waarden met een treffer', async () => {
        const r = await zoek({ q: 'logistiek' });
        const per = Object.fromEntries(r.hits.map((h) => [h.profiel.id, h.highlights]));
        expect(per.k01).toEqual({ beroepssectoren: ['Transport en <mark>logistiek</mark>'], 'opleidingen.richting': ['<mark>Logistiek</mark>'] });
        expect(per.k22).toEqual({ 'opleidingen.richting': ['<mark>Logistiek</mark> medewerker'] });
      });

      it('markeert niets zonder zoektekst', async () => {
        expect((await zoek({ filters: { regio: ['1'] } })).hits.every((h) => Object.keys(h.highlights).length === 0)).toBe(true);
      });
    });

    describe('ophalen', () => {
      it('geeft een profiel terug zoals het is opgeslagen, of null', async () => {
        expect(await engine.get('k12')).toEqual(profielen.find((p) => p.id === 'k12'));
        expect(await engine.get('bestaat-niet')).toBeNull();
        expect(await engine.count()).toBe(30);
        expect((await engine.health()).ok).toBe(true);
      });
    });
  });

  describe(`SearchEngine: ${name}, wijzigen`, () => {
    let engine: SearchEngine;
    beforeEach(async () => {
      engine = await gevuldeEngine();
    });
    afterEach(async () => {
      await engine.close();
    });
    const hitset = async (vraag: Zoekvraag) => gesorteerd(await engine.search({ hitsPerPage: ALLES, ...vraag }));

    it('upsert vervangt een bestaand profiel volledig', async () => {
      const oud = profielen.find((p) => p.id === 'k08')!;
      const nieuw: Kandidaatprofiel = maakProfiel('k08', { gemeenteCode: 'GM0014', vaardigheden: ['Lassen'], bijgewerkt: oud.bijgewerkt });
      await engine.upsert([nieuw]);
      expect(await engine.count()).toBe(30);
      expect(await engine.get('k08')).toEqual(nieuw);
      expect(await hitset({ q: 'timmeren' })).toEqual([]);
      expect(await hitset({ q: 'lassen', filters: { regio: ['1'] } })).toEqual(['k08']);
      expect((await engine.facetCounts({}, ['sector'])).facetDistribution.sector?.Bouw).toBe(2);
    });

    it('upsert voegt een nieuw profiel toe', async () => {
      await engine.upsert([maakProfiel('k31', { vaardigheden: ['Heftruck rijden'], urenPerWeek: 99 })]);
      expect(await engine.count()).toBe(31);
      expect(await hitset({ q: 'heftruck' })).toEqual(['k01', 'k02', 'k03', 'k31']);
      expect((await engine.search({ q: 'heftruck' })).facetStats.urenPerWeek).toEqual({ min: 24, max: 99 });
    });

    it('remove verwijdert profielen; een onbekend id is geen fout', async () => {
      await engine.remove(['k10', 'bestaat-niet']);
      expect(await engine.count()).toBe(29);
      expect(await engine.get('k10')).toBeNull();
      expect(await hitset({ q: 'metaalbewerking' })).toEqual([]);
      expect((await engine.facetCounts({ filters: { regio: ['25'] } }, [])).totalHits).toBe(13);
    });

    it('replaceAll vervangt de hele verzameling', async () => {
      await engine.replaceAll(suiteProfielen().slice(0, 5));
      expect(await engine.count()).toBe(5);
      expect(await engine.get('k30')).toBeNull();
      expect(await hitset({})).toEqual(['k01', 'k02', 'k03', 'k04', 'k05']);
      expect(await hitset({ q: 'timmeren' })).toEqual([]);
      expect((await engine.facetCounts({}, ['regio'])).facetDistribution.regio).toEqual({ 25: 3, 21: 1, 1: 1 });
    });
  });
}
