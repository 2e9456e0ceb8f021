import { setImmediate as volgendeRonde } from 'node:timers/promises';
import { RoaringBitmap32 } from 'roaring';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../config/search-config';
import type {
  FacetNaam, Facettelling, Filtervraag, SearchEngine, Zoekresultaat, Zoekvraag,
} from '../search-engine.port';
import { EmbeddedIndex } from './embedded-index';
import { engineSchema, type EngineSchema } from './engine-schema';
import { facetDistribution, facetStats, searchFacetValues } from './facets';
import { applyFilters, resolveFilters } from './filters';
import { highlight } from './highlight';
import { rankPage } from './ranking';
import { applyMatchingStrategy, matchWords } from './text-match';

/** Meilisearch's default page size. */
const DEFAULT_HITS_PER_PAGE = 20;
// Bulk writes hand the event loop back this often, so searches keep being answered during a rebuild.
const BATCH = 5000;

class EmbeddedEngine implements SearchEngine {
  readonly naam = 'embedded' as const;
  private index: EmbeddedIndex;
  // Writes run one after another: a replaceAll must not swap out an upsert that arrived while it was building.
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly schema: EngineSchema) {
    this.index = new EmbeddedIndex(schema);
  }

  async init(): Promise<void> {}

  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void> {
    return this.serially(async () => {
      for (let i = 0; i < profielen.length; i++) {
        this.index.upsert(profielen[i]!);
        if ((i + 1) % BATCH === 0) await volgendeRonde();
      }
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.serially(async () => {
      for (const id of ids) this.index.remove(id);
    });
  }

  replaceAll(profielen: Iterable<Kandidaatprofiel>): Promise<void> {
    return this.serially(async () => {
      const nieuw = new EmbeddedIndex(this.schema);
      let n = 0;
      for (const p of profielen) {
        nieuw.upsert(p);
        if (++n % BATCH === 0) await volgendeRonde();
      }
      nieuw.optimize();
      // One assignment: a search reads `this.index` once, so it sees the old index or the new one.
      this.index = nieuw;
    });
  }

  async search(vraag: Zoekvraag): Promise<Zoekresultaat> {
    const begin = performance.now();
    const index = this.index;
    const { maxHitsPerPage, maxTotalHits, maxWaardenPerFacet } = this.schema;
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
    const docs = tot > vanaf ? rankPage(index, resultaat, vraag.sort ?? 'relevantie', tekst, vanaf, tot - vanaf) : [];
    const termen = new Set(woorden.flatMap((w) => w.termen.map((t) => t.term)));
    const hits = docs.map((doc) => {
      const profiel = index.profielen[doc]!;
      return { profiel, highlights: termen.size > 0 ? highlight(profiel, this.schema, termen) : {} };
    });

    return {
      hits,
      totalHits: resultaat.size,
      page,
      hitsPerPage,
      totalPages: hitsPerPage === 0 ? 0 : Math.ceil(Math.min(resultaat.size, maxTotalHits) / hitsPerPage),
      facetDistribution: facetDistribution(index, tekst?.docs ?? index.levend, filters, vraag.facets ?? [], maxWaardenPerFacet),
      facetStats: facetStats(index, resultaat),
      processingTimeMs: Math.round(performance.now() - begin),
    };
  }

  async facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling> {
    const index = this.index;
    const filters = resolveFilters(index, vraag);
    return {
      totalHits: applyFilters(index.levend, filters).size,
      facetDistribution: facetDistribution(index, index.levend, filters, facets, Infinity),
    };
  }

  async facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): Promise<{ waarde: string; aantal: number }[]> {
    const index = this.index;
    return searchFacetValues(index, facet, q, resolveFilters(index, vraag));
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const index = this.index;
    const doc = index.internalId(id);
    return doc === undefined ? null : index.profielen[doc]!;
  }

  async count(): Promise<number> {
    return this.index.size;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    return { ok: true, detail: `${this.index.size} profielen in het geheugen` };
  }

  async close(): Promise<void> {
    await this.writes;
    this.index = new EmbeddedIndex(this.schema);
  }

  private serially(werk: () => Promise<void>): Promise<void> {
    const klaar = this.writes.then(werk);
    this.writes = klaar.catch(() => undefined);
    return klaar;
  }
}

/**
 * The in-process search engine: roaring bitmaps per facet value and per term, typo-tolerant expansion over the
 * vocabulary, Meilisearch-like ranking and disjunctive facet counts. Profiles handed to it must not be mutated
 * afterwards; hits and `get` return the stored objects.
 */
export function createEmbeddedEngine(config: SearchConfig): SearchEngine {
  return new EmbeddedEngine(engineSchema(config));
}
