import type { Settings } from 'meilisearch';
import { ConfigError } from '../../config/config-error';
import type { SearchConfig } from '../../config/search-config';
import { ALLE_FACETTEN } from '../search-engine.port';
import { BIJGEWERKT_VELD, RANG_VELD, REISAFSTAND_VELD, UREN_VELD, facetVelden, zoekpaden } from './velden';

/** Word order first, then the requested sort, then the usual tie-breakers. */
export const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'] as const;

/** Each synonym group made symmetric: every word maps to all others (merged when a word is in several groups). */
export function synoniemen(groepen: readonly (readonly string[])[]): Record<string, string[]> {
  const uit = new Map<string, Set<string>>();
  for (const groep of groepen) {
    const woorden = [...new Set(groep.map((w) => w.toLowerCase()))];
    for (const woord of woorden) {
      const andere = uit.get(woord) ?? new Set<string>();
      for (const ander of woorden) if (ander !== woord) andere.add(ander);
      uit.set(woord, andere);
    }
  }
  return Object.fromEntries([...uit].map(([woord, andere]) => [woord, [...andere]]));
}

/**
 * The complete index settings derived from `search-config/zoeken.json`. Throws a ConfigError when
 * maxWaardenPerFacet is below the number of gemeenten or regio's: their counts would silently be cut off.
 */
export function indexSettings(config: SearchConfig): Settings {
  const { zoeken } = config;
  const nodig = Math.max(config.gemeenten.size, config.regios.length);
  if (zoeken.maxWaardenPerFacet < nodig) {
    throw new ConfigError(`search-config/zoeken.json: maxWaardenPerFacet ${zoeken.maxWaardenPerFacet} is kleiner dan het aantal gemeenten (${nodig})`);
  }
  const velden = facetVelden(config);
  return {
    searchableAttributes: zoekpaden(config).map((z) => z.pad),
    filterableAttributes: [...ALLE_FACETTEN.map((f) => velden[f]), RANG_VELD, UREN_VELD, REISAFSTAND_VELD],
    sortableAttributes: [BIJGEWERKT_VELD, UREN_VELD],
    rankingRules: [...RANKING_RULES],
    stopWords: [...zoeken.stopwoorden],
    synonyms: synoniemen(zoeken.synoniemen),
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: {
        oneTypo: zoeken.typfouten.minWoordlengteEenTypfout,
        twoTypos: zoeken.typfouten.minWoordlengteTweeTypfouten,
      },
    },
    // Sorting by count makes a cut-off (more values than maxValuesPerFacet) drop the rarest values, not the last
    // ones in the alphabet.
    faceting: { maxValuesPerFacet: zoeken.maxWaardenPerFacet, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: zoeken.maxTotalHits },
    facetSearch: true,
  };
}
