import { setImmediate as volgendeRonde } from 'node:timers/promises';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../config/search-config';
import type {
  FacetNaam, Facettelling, Filtervraag, SearchEngine, Zoekresultaat, Zoekvraag,
} from '../search-engine.port';
import { EmbeddedIndex } from './embedded-index';
import { engineSchema, type EngineSchema } from './engine-schema';
import { ProfielRegister, type Plek } from './profiel-register';
import { facetwaardenInIndex, metProfielen, telInIndex, zoekInIndex } from './zoek-in-index';

// Bulk writes hand the event loop back this often, so searches keep being answered during a rebuild.
export const BATCH = 5000;

// Replaced profiles stay in the register's blocks until it is built anew: after this much, when it is more than
// the live profiles, the engine rebuilds (a nightly full export rebuilds anyway).
const AFVAL_MIN_BYTES = 64 * 2 ** 20;

/** True when a register holds more replaced bytes than live ones (and enough to be worth a rebuild). */
export function moetOpruimen(register: ProfielRegister): boolean {
  return register.afval > Math.max(AFVAL_MIN_BYTES, register.levend);
}

/** Reads a stored profile from `register`'s blocks. */
export const leesUit = (register: ProfielRegister) => (plek: Plek) => register.lezer.leesPlek(plek);

/** The register's profiles, for building it anew. */
export function* profielenVan(register: ProfielRegister): Generator<Kandidaatprofiel> {
  for (const { plek } of register.alle()) yield register.lezer.leesPlek(plek);
}

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
      for (let i = 0; i < profielen.length; i += BATCH) {
        const { register, index } = this.stand;
        index.apply(register.schrijf(profielen.slice(i, i + BATCH)), leesUit(register));
        if (i + BATCH < profielen.length) await volgendeRonde();
      }
      if (moetOpruimen(this.stand.register)) await this.vervang(profielenVan(this.stand.register));
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      const { register, index } = this.stand;
      index.apply(register.schrijf([], ids), leesUit(register));
      if (moetOpruimen(register)) await this.vervang(profielenVan(register));
    });
  }

  replaceAll(profielen: Iterable<Kandidaatprofiel>): Promise<void> {
    return this.schrijfrij.na(() => this.vervang(profielen));
  }

  private async vervang(profielen: Iterable<Kandidaatprofiel>): Promise<void> {
    const nieuw = this.leeg();
    let deel: Kandidaatprofiel[] = [];
    for (const p of profielen) {
      deel.push(p);
      if (deel.length === BATCH) {
        nieuw.index.apply(nieuw.register.schrijf(deel), leesUit(nieuw.register));
        deel = [];
        await volgendeRonde();
      }
    }
    nieuw.index.apply(nieuw.register.schrijf(deel), leesUit(nieuw.register));
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
