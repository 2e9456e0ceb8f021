import { ConfigError } from '../../config/config-error';
import { loadSearchConfig, type SearchConfig } from '../../config/search-config';
import { indexSettings, synoniemen } from './settings';

const config = loadSearchConfig();

function metZoeken(over: Partial<SearchConfig['zoeken']>): SearchConfig {
  return { ...config, zoeken: { ...config.zoeken, ...over } };
}

describe('indexSettings', () => {
  const settings = indexSettings(config);

  it('searches the profile text in descending weight, ties in config order', () => {
    expect(settings.searchableAttributes).toEqual([
      'profiel.vaardigheden',
      'profiel.werkervaring.beroep',
      'profiel.taaksoorten',
      'profiel.beroepssectoren',
      'profiel.competenties',
      'profiel.opleidingen.richting',
      'profiel.affiniteiten',
    ]);
  });

  it('makes every facet field, the level rank, hours and travel distance filterable', () => {
    expect(settings.filterableAttributes).toEqual([
      'regio', 'gemeente', 'opleidingsniveau', 'beroepssectoren', 'taaksoorten', 'competenties', 'vaardigheden',
      'affiniteiten', 'rijbewijs', 'eigenVervoer', 'transparantieklasse',
      // What employers see (Kandidaatprofiel.publiek): their filters and counts use these.
      'publiekRegio', 'publiekGemeente', 'publiekOpleidingsniveau', 'publiekRijbewijs', 'publiekEigenVervoer', 'publiekUren', 'publiekZichtbaar',
      'opleidingsniveauRang', 'urenPerWeek', 'reisafstandKm',
    ]);
  });

  it('sorts on bijgewerkt and urenPerWeek, with sort right after words', () => {
    expect(settings.sortableAttributes).toEqual(['bijgewerkt', 'urenPerWeek']);
    expect(settings.rankingRules).toEqual(['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness']);
  });

  it('takes typo thresholds, stop words, facet and hit limits from the config', () => {
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(settings.stopWords).toEqual(config.zoeken.stopwoorden);
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } });
    expect(settings.pagination).toEqual({ maxTotalHits: 1000 });
    expect(settings.facetSearch).toBe(true);
  });

  it('makes every synonym group symmetric', () => {
    expect(settings.synonyms?.['heftruck']).toEqual(['vorkheftruck', 'reachtruck']);
    expect(settings.synonyms?.['reachtruck']).toEqual(['heftruck', 'vorkheftruck']);
    expect(settings.synonyms?.['catering']).toEqual(['horeca']);
    const woorden = config.zoeken.synoniemen.flat();
    expect(Object.keys(settings.synonyms ?? {}).sort()).toEqual([...new Set(woorden)].sort());
  });

  it('refuses a maxWaardenPerFacet below the number of gemeenten', () => {
    expect(config.gemeenten.size).toBeGreaterThan(300);
    expect(() => indexSettings(metZoeken({ maxWaardenPerFacet: 300 }))).toThrow(ConfigError);
    expect(indexSettings(metZoeken({ maxWaardenPerFacet: 5000 })).faceting?.maxValuesPerFacet).toBe(5000);
  });

  it('refuses a config without one of the port facets', () => {
    expect(() => indexSettings(metZoeken({ facetten: config.zoeken.facetten.filter((f) => f.naam !== 'rijbewijs') }))).toThrow(ConfigError);
  });
});

describe('synoniemen', () => {
  it('merges groups that share a word and lowercases', () => {
    expect(synoniemen([['IT', 'ict'], ['ict', 'automatisering']])).toEqual({
      it: ['ict'],
      ict: ['it', 'automatisering'],
      automatisering: ['ict'],
    });
  });
});
