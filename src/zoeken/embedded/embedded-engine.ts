import { setImmediate as volgendeRonde } from 'node:timers/promises';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../config/search-config';
import type {
  FacetNaam, Profielbron, Facettelling, Filtervraag, SearchEngine, Zoekresultaat, Zoekvraag,
} from '../search-engine.port';
import { EmbeddedIndex } from './embedded-index';
import { engineSchema, type EngineSchema } from './engine-schema';
import { ProfielRegister } from './profiel-register';
import { facetwaardenInIndex, metProfielen, telInIndex, zoekInIndex } from './zoek-in-index';
import { inDelen } from '../in-delen';

/** The profiles and the bitmaps over their document numbers: swapped together, so a search sees one state. */
interface Stand {
  register: ProfielRegister;
  index: EmbeddedIndex;
}

/** Runs writes one after another: a replaceAll must not swap out an upsert that arrived while it was building. */
export class Schrijfrij {
  private laatste: Promise<void> = Promise.resolve();

  na(werk: () => Promise<void>): Promise<void> {
    const klaar = this.laatste.then(werk);
    this.laatste = klaar.catch(() => undefined);
    return klaar;
  }
}

class EmbeddedEngine implements SearchEngine {
  readonly naam = 'embedded' as const;
  private stand: Stand;
  private readonly schrijfrij = new Schrijfrij();

  constructor(private readonly schema: EngineSchema) {
    this.stand = this.leeg();
  }

  async init(): Promise<void> {}

  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      for await (const deel of inDelen(profielen)) {
        const { register, index } = this.stand;
        index.apply(register.schrijf(deel), register.lezer);
        await volgendeRonde();
      }
      if (this.stand.register.moetOpruimen()) await this.vervang(this.stand.register.profielen());
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      const { register, index } = this.stand;
      index.apply(register.schrijf([], ids), register.lezer);
      if (register.moetOpruimen()) await this.vervang(register.profielen());
    });
  }

  replaceAll(profielen: Profielbron): Promise<void> {
    return this.schrijfrij.na(() => this.vervang(profielen));
  }

  private async vervang(profielen: Profielbron): Promise<void> {
    const nieuw = this.leeg();
    for await (const deel of inDelen(profielen)) {
      nieuw.index.apply(nieuw.register.schrijf(deel), nieuw.register.lezer);
      await volgendeRonde();
    }
    nieuw.index.optimize();
    // One assignment: a search reads `this.stand` once, so it sees the old state or the new one. Searches run
    // without pausing, so none still uses the old index: its memory goes back now rather than at some later GC.
    const oud = this.stand;
    this.stand = nieuw;
    oud.index.vrijgeven();
  }

  async search(vraag: Zoekvraag): Promise<Zoekresultaat> {
    const { register, index } = this.stand;
    return metProfielen(this.schema, (doc) => register.profiel(doc), zoekInIndex(index, vraag));
  }

  async facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling> {
    return telInIndex(this.stand.index, vraag, facets);
  }

  async facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): Promise<{ waarde: string; aantal: number }[]> {
    return facetwaardenInIndex(this.stand.index, facet, q, vraag);
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const { register } = this.stand;
    const doc = register.internalId(id);
    return doc === undefined ? null : register.profiel(doc)!;
  }

  async count(): Promise<number> {
    return this.stand.register.size;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    return { ok: true, detail: `${this.stand.register.size} profielen in het geheugen` };
  }

  async close(): Promise<void> {
    await this.schrijfrij.na(async () => {
      this.stand = this.leeg();
    });
  }

  private leeg(): Stand {
    return { register: new ProfielRegister(), index: new EmbeddedIndex(this.schema) };
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
