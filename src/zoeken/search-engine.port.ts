import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { Opleidingsniveau } from '../sonar/sonar-record.schema';

/** Facets as users name them (the API's query parameters); `search-config/zoeken.json` maps them to fields. */
export const FACETTEN = [
  'regio', 'gemeente', 'opleidingsniveau', 'sector', 'taaksoort', 'competentie', 'vaardigheid', 'affiniteit',
  'rijbewijs', 'eigenVervoer', 'transparantieklasse',
] as const;
export type ApiFacet = (typeof FACETTEN)[number];

/**
 * Facets over what employers see of a profile (`Kandidaatprofiel.publiek`: generalised so that every combination of
 * the quasi-identifiers is shared by at least k profiles). Not API parameters: ZoekService maps the employer's
 * `regio`, `gemeente`, ... onto these, so their filters and counts never see an exact value that the hits hide.
 */
export const PUBLIEKE_FACETTEN = {
  regio: 'publiekRegio',
  gemeente: 'publiekGemeente',
  opleidingsniveau: 'publiekOpleidingsniveau',
  rijbewijs: 'publiekRijbewijs',
  eigenVervoer: 'publiekEigenVervoer',
} as const satisfies Partial<Record<ApiFacet, string>>;
/** Hours as employers see them (exact, a band, or not shown): what urenMin/urenMax filter on for them. */
export const PUBLIEK_UREN_FACET = 'publiekUren';
/** 'ja' for profiles employers may see; 'nee' for the few (under k in the whole mirror) that no generalisation hides. */
export const PUBLIEK_ZICHTBAAR_FACET = 'publiekZichtbaar';
export const INTERNE_FACETTEN = [...Object.values(PUBLIEKE_FACETTEN), PUBLIEK_UREN_FACET, PUBLIEK_ZICHTBAAR_FACET] as const;
export type InterneFacet = (typeof INTERNE_FACETTEN)[number];
/** Every facet an engine indexes: the API's and the internal ones. */
export const ALLE_FACETTEN = [...FACETTEN, ...INTERNE_FACETTEN] as const;
export type FacetNaam = ApiFacet | InterneFacet;
/** The profile field path of each internal facet. */
export const INTERNE_FACETPADEN: Readonly<Record<InterneFacet, readonly string[]>> = {
  publiekRegio: ['publiek', 'regio'],
  publiekGemeente: ['publiek', 'gemeente'],
  publiekOpleidingsniveau: ['publiek', 'opleidingsniveau'],
  publiekRijbewijs: ['publiek', 'rijbewijs'],
  publiekEigenVervoer: ['publiek', 'eigenVervoer'],
  publiekUren: ['publiek', 'uren'],
  publiekZichtbaar: ['publiek', 'zichtbaar'],
};

export const SORTERINGEN = ['relevantie', 'bijgewerkt:desc', 'uren:asc', 'uren:desc'] as const;
export type Sortering = (typeof SORTERINGEN)[number];

/**
 * Values per facet: OR within a facet, AND across facets. `regio` values are region numbers as strings,
 * `gemeente` values CBS codes, `eigenVervoer` 'ja' | 'nee'. The configured `onbekend` value selects the
 * profiles where that part is empty.
 */
export type Facetfilters = Partial<Record<FacetNaam, readonly string[]>>;

export interface Filtervraag {
  filters?: Facetfilters;
  /** At least this level, in the order of `search-config/opleidingsniveaus.json`. */
  opleidingsniveauMin?: Opleidingsniveau;
  urenMin?: number;
  urenMax?: number;
}

/**
 * 'exact' for beheer; 'werkgever' for employers and intermediaries: filters, counts and hits then use what employers
 * see (`Kandidaatprofiel.publiek`). Engines ignore it; the answer is composed with it (`Antwoordsamensteller`).
 */
export type Weergave = 'exact' | 'werkgever';

export interface Zoekvraag extends Filtervraag {
  weergave?: Weergave;
  q?: string;
  sort?: Sortering;
  /** 1-based. */
  page?: number;
  hitsPerPage?: number;
  /** Facets whose distribution is wanted; counts are disjunctive (a facet's own selection is ignored for its counts). */
  facets?: readonly FacetNaam[];
}

export interface Zoekhit {
  profiel: Kandidaatprofiel;
  /** Per searchable field the values with matched words wrapped in <mark>…</mark> (HTML-escaped otherwise). */
  highlights: Record<string, string[]>;
}

export interface Numeriekestats { min: number; max: number }

export interface Zoekresultaat {
  hits: Zoekhit[];
  /** Exact number of matching profiles (pages beyond maxTotalHits are not served, but the count is exact). */
  totalHits: number;
  page: number;
  hitsPerPage: number;
  totalPages: number;
  facetDistribution: Partial<Record<FacetNaam, Record<string, number>>>;
  facetStats: { urenPerWeek?: Numeriekestats; reisafstandKm?: Numeriekestats };
  processingTimeMs: number;
}

/** Profiles to index: an array, or a stream (a whole mirror read part by part). */
export type Profielbron = Iterable<Kandidaatprofiel> | AsyncIterable<Kandidaatprofiel>;

export interface Facettelling {
  totalHits: number;
  facetDistribution: Partial<Record<FacetNaam, Record<string, number>>>;
}

/** The one port every search engine adapter implements; services only ever see this. */
export interface SearchEngine {
  readonly naam: 'embedded' | 'meilisearch';
  /** Prepares the index (settings, empty structures); idempotent. */
  init(): Promise<void>;
  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  /** Replaces the whole index; readers see the old or the new set, never a mix. */
  replaceAll(profielen: Profielbron): Promise<void>;
  search(vraag: Zoekvraag): Promise<Zoekresultaat>;
  /** Exact, uncapped counts for a filter without text (the transparency report uses this). */
  facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling>;
  /** Values of one facet containing `q` (prefix/typo tolerant), with counts, most frequent first. */
  facetValues(facet: FacetNaam, q: string, vraag?: Filtervraag): Promise<{ waarde: string; aantal: number }[]>;
  get(id: string): Promise<Kandidaatprofiel | null>;
  count(): Promise<number>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}
