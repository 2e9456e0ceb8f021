import { RoaringBitmap32 } from 'roaring';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { FacetNaam, Facettelling, Filtervraag, Zoekresultaat, Zoekvraag } from '../search-engine.port';
import type { EmbeddedIndex } from './embedded-index';
import type { EngineSchema } from './engine-schema';
import { facetDistribution, facetStats, searchFacetValues } from './facets';
import { applyFilters, resolveFilters } from './filters';
import { highlight } from './highlight';
import { rankPage } from './ranking';
import { applyMatchingStrategy, matchWords } from './text-match';

/** Meilisearch's default page size. */
const DEFAULT_HITS_PER_PAGE = 20;

/** A search answered from the bitmaps alone: the page's documents by number, not yet their profiles. */
export interface IndexResultaat extends Omit<Zoekresultaat, 'hits'> {
  docs: number[];
  /** The vocabulary terms the query words matched, for highlighting the hits. */
  termen: string[];
}

export function zoekInIndex(index: EmbeddedIndex, vraag: Zoekvraag): IndexResultaat {
  const begin = performance.now();
  const { maxHitsPerPage, maxTotalHits, maxWaardenPerFacet } = index.schema;
  const hitsPerPage = Math.min(Math.max(0, Math.floor(vraag.hitsPerPage ?? DEFAULT_HITS_PER_PAGE)), maxHitsPerPage);
  const page = Math.max(1, Math.floor(vraag.page ?? 1));

  const filters = resolveFilters(index, vraag);
  const gefilterd = applyFilters(index.levend, filters);
  const woorden = matchWords(index, vraag.q);
  const tekst = woorden.length > 0 ? applyMatchingStrategy(woorden, gefilterd) : null;
  const resultaat = tekst ? RoaringBitmap32.and(tekst.docs, gefilterd) : gefilterd;

  // Positions at or beyond maxTotalHits are never served; the count stays exact.
  const vanaf = (page - 1) * hitsPerPage;
  const tot = Math.min(vanaf + hitsPerPage, maxTotalHits);
  return {
    docs: tot > vanaf ? rankPage(index, resultaat, vraag.sort ?? 'relevantie', tekst, vanaf, tot - vanaf) : [],
    termen: [...new Set(woorden.flatMap((w) => w.termen.map((t) => t.term)))],
    totalHits: resultaat.size,
    page,
    hitsPerPage,
    totalPages: hitsPerPage === 0 ? 0 : Math.ceil(Math.min(resultaat.size, maxTotalHits) / hitsPerPage),
    facetDistribution: facetDistribution(index, tekst?.docs ?? index.levend, filters, vraag.facets ?? [], maxWaardenPerFacet),
    facetStats: facetStats(index, resultaat),
    processingTimeMs: Math.round(performance.now() - begin),
  };
}

/** The profiles of a result's page, with their highlights, from the register the index was searched with. */
export function metProfielen(
  schema: EngineSchema,
  lees: (doc: number) => Kandidaatprofiel | undefined,
  { docs, termen, ...rest }: IndexResultaat,
): Zoekresultaat {
  const gezocht = new Set(termen);
  const hits = docs.map((doc) => {
    const profiel = lees(doc)!;
    return { profiel, highlights: gezocht.size > 0 ? highlight(profiel, schema, gezocht) : {} };
  });
  return { ...rest, hits };
}

export function telInIndex(index: EmbeddedIndex, vraag: Filtervraag, facets: readonly FacetNaam[]): Facettelling {
  const filters = resolveFilters(index, vraag);
  return {
    totalHits: applyFilters(index.levend, filters).size,
    facetDistribution: facetDistribution(index, index.levend, filters, facets, Infinity),
  };
}

export function facetwaardenInIndex(index: EmbeddedIndex, facet: FacetNaam, q: string, vraag: Filtervraag): { waarde: string; aantal: number }[] {
  return searchFacetValues(index, facet, q, resolveFilters(index, vraag));
}
