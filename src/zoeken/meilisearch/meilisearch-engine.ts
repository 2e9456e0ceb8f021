import {
  ErrorStatusCode,
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTask,
  type MultiSearchParams,
  type MultiSearchQuery,
  type MultiSearchResult,
  type SearchParams,
  type Settings,
} from 'meilisearch';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import { ConfigError } from '../../config/config-error';
import type { SearchConfig } from '../../config/search-config';
import type {
  FacetNaam,
  Facettelling,
  Filtervraag,
  Profielbron,
  SearchEngine,
  Sortering,
  Zoekresultaat,
  Zoekvraag,
} from '../search-engine.port';
import { documentMaker, type MeiliDocument } from './document';
import { inDelen } from '../in-delen';
import { ZoekmachineFout } from '../zoekmachine-fouten';
import { bouwFilter } from './filter';
import { isTijdelijkeFout, vertaalFout } from './fout-vertaling';
import { MARKEER_BEGIN, MARKEER_EIND, highlights } from './highlights';
import { metRetry, type RetryOpties } from './retry';
import { indexSettings } from './settings';
import {
  BIJGEWERKT_VELD,
  NUMERIEKE_FACETTEN,
  PROFIEL_VELD,
  REISAFSTAND_VELD,
  UREN_VELD,
  facetVelden,
  zoekpaden,
  type Facetvelden,
} from './velden';

export interface MeilisearchEngineOpties {
  host: string;
  apiKey?: string;
  /** Default `kandidaten`. `replaceAll` also uses `<indexUid>_nieuw` for a moment. */
  indexUid?: string;
  /** Per-request timeout for reads, which fail fast; default 2000 ms. */
  timeoutMs?: number;
  /** Per-request timeout for writes (a batch of 10,000 documents is a large body); default 60,000 ms. */
  schrijfTimeoutMs?: number;
  /** Longest wait for one Meilisearch task to finish; default 10 minutes. */
  taakTimeoutMs?: number;
  /** Documents or ids per write request; default 10,000. */
  batchGrootte?: number;
  /** Retries of writes on transient errors; default 5 attempts, 250 ms doubling. */
  retry?: Partial<RetryOpties>;
  /** A ready client used for reads and writes instead of the two built from host/apiKey (tests inject a fake). */
  client?: Meilisearch;
}

/** What search and get ask Meilisearch to return: only the stored profile. */
interface Gevonden {
  [PROFIEL_VELD]: Kandidaatprofiel;
}

/** Meilisearch's default page size. */
const STANDAARD_PER_PAGINA = 20;
/** Longest list `facetValues` returns: it feeds an autocomplete, as in the embedded adapter. */
const MAX_FACETWAARDEN = 50;
/** Meilisearch's rule for document ids; anything else cannot exist and must not reach the URL path. */
const GELDIG_ID = /^[A-Za-z0-9_-]{1,511}$/;
const GELDIGE_INDEX = /^[A-Za-z0-9_-]{1,390}$/;

const SORTERING: Record<Sortering, string[] | undefined> = {
  relevantie: undefined,
  'bijgewerkt:desc': [`${BIJGEWERKT_VELD}:desc`],
  'uren:asc': [`${UREN_VELD}:asc`],
  'uren:desc': [`${UREN_VELD}:desc`],
};

function metFilter(filter: string | undefined): { filter?: string } {
  return filter === undefined ? {} : { filter };
}

function geselecteerd(vraag: Filtervraag, facet: FacetNaam): boolean {
  return (vraag.filters?.[facet]?.length ?? 0) > 0;
}

interface Telling {
  hoofd: MultiSearchResult<Gevonden>;
  totalHits: number;
  facetDistribution: Facettelling['facetDistribution'];
  processingTimeMs: number;
}

class MeilisearchEngine implements SearchEngine {
  readonly naam = 'meilisearch' as const;
  private readonly velden: Facetvelden;
  private readonly settings: Settings;
  private readonly zoekvelden: string[];
  private readonly zoekpaden: string[];
  private readonly maakDocument: (p: Kandidaatprofiel) => MeiliDocument;
  /** Writes run one after another, so an upsert during replaceAll lands in the new index, not the discarded one. */
  private schrijfrij: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: SearchConfig,
    private readonly uid: string,
    private readonly lezer: Meilisearch,
    private readonly schrijver: Meilisearch,
    private readonly batchGrootte: number,
    private readonly taakTimeoutMs: number,
    private readonly retry: RetryOpties,
  ) {
    this.velden = facetVelden(config);
    this.settings = indexSettings(config);
    const paden = zoekpaden(config);
    this.zoekvelden = paden.map((p) => p.veld);
    this.zoekpaden = paden.map((p) => p.pad);
    this.maakDocument = documentMaker(config);
  }

  init(): Promise<void> {
    return this.inRij(() => this.bereidVoor(this.uid));
  }

  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void> {
    return this.inRij(() => this.voegToe(this.uid, profielen));
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.inRij(async () => {
      const index = this.schrijver.index(this.uid);
      const taken: EnqueuedTask[] = [];
      for await (const batch of inDelen(ids, this.batchGrootte)) {
        taken.push(await this.schrijf('profielen verwijderen', () => index.deleteDocuments(batch)));
      }
      await this.wachtOp('profielen verwijderen', taken);
    });
  }

  replaceAll(profielen: Profielbron): Promise<void> {
    return this.inRij(async () => {
      const nieuw = `${this.uid}_nieuw`;
      await this.taak('index aanmaken', () => this.schrijver.createIndex(this.uid, { primaryKey: 'id' }), { negeer: ErrorStatusCode.INDEX_ALREADY_EXISTS });
      // Left over when an earlier replaceAll failed halfway.
      await this.taak('tijdelijke index opruimen', () => this.schrijver.deleteIndex(nieuw), { negeer: ErrorStatusCode.INDEX_NOT_FOUND });
      await this.bereidVoor(nieuw);
      await this.voegToe(nieuw, profielen);
      // One attempt only: a swap whose answer got lost may have happened, and a second one would swap back.
      await this.taak('indexen wisselen', () => this.schrijver.swapIndexes([{ indexes: [this.uid, nieuw], rename: false }]), { pogingen: 1 });
      await this.taak('oude index verwijderen', () => this.schrijver.deleteIndex(nieuw), { negeer: ErrorStatusCode.INDEX_NOT_FOUND });
    });
  }

  async search(vraag: Zoekvraag): Promise<Zoekresultaat> {
    const q = vraag.q?.trim() || undefined;
    // hitsPerPage 0 is allowed, as in Meilisearch: counts only.
    const hitsPerPage = Math.min(Math.max(Math.floor(vraag.hitsPerPage ?? STANDAARD_PER_PAGINA), 0), this.config.zoeken.maxHitsPerPage);
    const page = Math.max(Math.floor(vraag.page ?? 1), 1);
    const sort = SORTERING[vraag.sort ?? 'relevantie'];
    const { hoofd, totalHits, facetDistribution, processingTimeMs } = await this.tel('zoeken', vraag, q, vraag.facets ?? [], {
      page,
      hitsPerPage,
      attributesToRetrieve: [PROFIEL_VELD],
      ...(sort ? { sort } : {}),
      ...(q ? { attributesToHighlight: this.zoekpaden, highlightPreTag: MARKEER_BEGIN, highlightPostTag: MARKEER_EIND } : {}),
    }, [UREN_VELD, REISAFSTAND_VELD]);
    const stats = hoofd.facetStats ?? {};
    return {
      hits: hoofd.hits.map((hit) => ({
        profiel: hit[PROFIEL_VELD],
        highlights: q ? highlights(hit._formatted, this.zoekvelden) : {},
      })),
      totalHits,
      page,
      hitsPerPage,
      totalPages: hoofd.totalPages ?? 0,
      facetDistribution,
      facetStats: {
        ...(stats[UREN_VELD] ? { urenPerWeek: { ...stats[UREN_VELD] } } : {}),
        ...(stats[REISAFSTAND_VELD] ? { reisafstandKm: { ...stats[REISAFSTAND_VELD] } } : {}),
      },
      processingTimeMs,
    };
  }

  async facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling> {
    const { totalHits, facetDistribution } = await this.tel('facetten tellen', vraag, undefined, facets, {}, []);
    return { totalHits, facetDistribution };
  }

  async facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): Promise<{ waarde: string; aantal: number }[]> {
    const veld = this.velden[facet];
    const filter = metFilter(bouwFilter(vraag, this.config, { zonderFacet: facet }));
    const zoek = q.trim();
    const index = this.lezer.index(this.uid);
    let waarden: { waarde: string; aantal: number }[];
    if (NUMERIEKE_FACETTEN.has(facet)) {
      const res = await this.lees('facetwaarden zoeken', () => index.search(null, { ...filter, hitsPerPage: 0, facets: [veld] }));
      waarden = Object.entries(res.facetDistribution?.[veld] ?? {})
        .filter(([waarde]) => waarde.includes(zoek))
        .map(([waarde, aantal]) => ({ waarde, aantal }));
    } else {
      const res = await this.lees('facetwaarden zoeken', () => index.searchForFacetValues({
        facetName: veld,
        ...(zoek ? { facetQuery: zoek } : {}),
        ...filter,
        exhaustiveFacetCount: true,
      }));
      waarden = res.facetHits.map((h) => ({ waarde: h.value, aantal: h.count }));
    }
    return waarden.sort((a, b) => b.aantal - a.aantal || a.waarde.localeCompare(b.waarde, 'nl')).slice(0, MAX_FACETWAARDEN);
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    if (!GELDIG_ID.test(id)) return null;
    try {
      const doc = await this.lezer.index<Gevonden>(this.uid).getDocument(id, { fields: [PROFIEL_VELD] });
      return doc[PROFIEL_VELD];
    } catch (err) {
      if (err instanceof MeilisearchApiError && err.cause?.code === ErrorStatusCode.DOCUMENT_NOT_FOUND) return null;
      throw vertaalFout(err, 'profiel ophalen');
    }
  }

  async count(): Promise<number> {
    const stats = await this.lees('profielen tellen', () => this.lezer.index(this.uid).getStats());
    return stats.numberOfDocuments;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await this.lezer.health();
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: vertaalFout(err, 'health').message };
    }
  }

  async close(): Promise<void> {
    // The client holds no connections of its own; only wait for writes already accepted.
    await this.schrijfrij;
  }

  /**
   * One multiSearch: the main query with every filter (counting the facets without a selection, `regio` for the
   * exact total and `extraFacetten`), plus per selected facet a count-only query without that facet's own
   * selection, so its counts are disjunctive.
   */
  private async tel(
    operatie: string,
    vraag: Filtervraag,
    q: string | undefined,
    gevraagd: readonly FacetNaam[],
    hoofdParams: SearchParams,
    extraFacetten: string[],
  ): Promise<Telling> {
    const facets = [...new Set(gevraagd)];
    const disjunctief = facets.filter((f) => geselecteerd(vraag, f));
    const basis = { indexUid: this.uid, ...(q ? { q } : {}) };
    const hoofdFacetten = [
      ...facets.filter((f) => !disjunctief.includes(f)).map((f) => this.velden[f]),
      this.velden.regio,
      ...extraFacetten,
    ];
    const queries: MultiSearchQuery[] = [
      { ...basis, ...metFilter(bouwFilter(vraag, this.config)), hitsPerPage: 0, ...hoofdParams, facets: [...new Set(hoofdFacetten)] },
      ...disjunctief.map((f) => ({
        ...basis,
        ...metFilter(bouwFilter(vraag, this.config, { zonderFacet: f })),
        hitsPerPage: 0,
        facets: [this.velden[f]],
      })),
    ];
    const { results } = await this.lees(operatie, () => this.lezer.multiSearch<MultiSearchParams, Gevonden>({ queries }));
    const [hoofd, ...rest] = results;
    if (!hoofd || rest.length !== disjunctief.length) throw new ZoekmachineFout(`Meilisearch: ${operatie}: onvolledig antwoord`);
    const facetDistribution: Facettelling['facetDistribution'] = {};
    for (const facet of facets) {
      const i = disjunctief.indexOf(facet);
      const bron = i < 0 ? hoofd : rest[i]!;
      facetDistribution[facet] = { ...bron.facetDistribution?.[this.velden[facet]] };
    }
    return {
      hoofd,
      totalHits: this.exactTotaal(hoofd),
      facetDistribution,
      processingTimeMs: results.reduce((som, r) => som + r.processingTimeMs, 0),
    };
  }

  /**
   * totalHits stops at maxTotalHits even with page/hitsPerPage. Facet counts are computed over all matches and
   * every profile has exactly one regio, so at the cap the regio counts add up to the real total.
   */
  private exactTotaal(res: MultiSearchResult<Gevonden>): number {
    const gemeld = res.totalHits ?? 0;
    if (gemeld < this.config.zoeken.maxTotalHits) return gemeld;
    return Object.values(res.facetDistribution?.[this.velden.regio] ?? {}).reduce((som, n) => som + n, 0);
  }

  private async bereidVoor(uid: string): Promise<void> {
    await this.taak('index aanmaken', () => this.schrijver.createIndex(uid, { primaryKey: 'id' }), { negeer: ErrorStatusCode.INDEX_ALREADY_EXISTS });
    await this.taak('instellingen toepassen', () => this.schrijver.index(uid).updateSettings(this.settings));
  }

  /** Sends all batches first (Meilisearch can then index them together), then waits for every task. */
  private async voegToe(uid: string, profielen: Profielbron): Promise<void> {
    const index = this.schrijver.index<MeiliDocument>(uid);
    const taken: EnqueuedTask[] = [];
    for await (const batch of inDelen(profielen, this.batchGrootte)) {
      const documenten = batch.map(this.maakDocument);
      taken.push(await this.schrijf('profielen schrijven', () => index.addDocuments(documenten, { primaryKey: 'id' })));
    }
    await this.wachtOp('profielen schrijven', taken);
  }

  private inRij<T>(actie: () => Promise<T>): Promise<T> {
    const klaar = this.schrijfrij.then(actie);
    this.schrijfrij = klaar.catch(() => undefined);
    return klaar;
  }

  private async lees<T>(operatie: string, actie: () => Promise<T>): Promise<T> {
    try {
      return await actie();
    } catch (err) {
      throw vertaalFout(err, operatie);
    }
  }

  /** A write request, retried with backoff while the failure is transient. Every write here is idempotent but the swap. */
  private async schrijf<T>(operatie: string, actie: () => Promise<T>, pogingen = this.retry.pogingen): Promise<T> {
    try {
      return await metRetry(actie, { ...this.retry, pogingen }, isTijdelijkeFout);
    } catch (err) {
      throw vertaalFout(err, operatie);
    }
  }

  /** Sends one task and waits for it; `negeer` is an error code that counts as success (already exists, not found). */
  private async taak(operatie: string, verstuur: () => Promise<EnqueuedTask>, opties: { negeer?: string; pogingen?: number } = {}): Promise<void> {
    await this.wachtOp(operatie, [await this.schrijf(operatie, verstuur, opties.pogingen)], opties.negeer);
  }

  /** Waits for tasks in order; a failed task (Meilisearch reports it, it does not throw) becomes a ZoekmachineFout. */
  private async wachtOp(operatie: string, taken: readonly EnqueuedTask[], negeerCode?: string): Promise<void> {
    for (const { taskUid } of taken) {
      const taak = await this.schrijf(operatie, () => this.schrijver.tasks.waitForTask(taskUid, { timeout: this.taakTimeoutMs }));
      if (taak.status === 'succeeded' || (negeerCode !== undefined && taak.error?.code === negeerCode)) continue;
      const code = taak.error?.code;
      throw new ZoekmachineFout(`Meilisearch: ${operatie}: taak ${taak.uid} ${taak.status}${code ? ` (${code})` : ''}`, { cause: taak.error, code });
    }
  }
}

/**
 * The Meilisearch adapter of the SearchEngine port. Reads use a client with `timeoutMs` per request and are not
 * retried; writes use a client with a longer timeout, retry transient failures and wait for their tasks. Throws a
 * ConfigError for an invalid host, index uid or search config.
 */
export function createMeilisearchEngine(
  config: SearchConfig,
  opts: MeilisearchEngineOpties,
): SearchEngine {
  const uid = opts.indexUid ?? 'kandidaten';
  if (!GELDIGE_INDEX.test(uid)) throw new ConfigError(`ongeldige Meilisearch-index '${uid}'`);
  const maakClient = (timeout: number) => {
    try {
      return new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout });
    } catch (err) {
      throw new ConfigError('ongeldige MEILI_HOST', { cause: err });
    }
  };
  const lezer = opts.client ?? maakClient(opts.timeoutMs ?? 2000);
  const schrijver = opts.client ?? maakClient(opts.schrijfTimeoutMs ?? 60_000);
  return new MeilisearchEngine(
    config,
    uid,
    lezer,
    schrijver,
    opts.batchGrootte ?? 10_000,
    opts.taakTimeoutMs ?? 600_000,
    { pogingen: opts.retry?.pogingen ?? 5, basisMs: opts.retry?.basisMs ?? 250 },
  );
}
