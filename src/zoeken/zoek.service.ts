import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import { FACETTEN, type ApiFacet, type SearchEngine, type Weergave, type Zoekresultaat, type Zoekvraag } from './search-engine.port';
import { Werkgeversweergave, type Werkgeversprofiel } from './werkgeversweergave';

/** Below this many hits the answer suggests which single filter to drop. */
const RELAXATIE_DREMPEL = 10;

export interface Relaxatie { parameter: string; totalHits: number }

/** A profile as the caller may see it: exact for beheer, as published (k-anonymous) for employers. */
export type Getoondprofiel = Kandidaatprofiel | Werkgeversprofiel;

export interface Kandidatenantwoord extends Omit<Zoekresultaat, 'hits'> {
  hits: (Getoondprofiel & { _highlights: Record<string, string[]> })[];
  /** Per constraint in use: how many profiles the search would find without it (only when few are found). */
  relaxaties: Relaxatie[];
  /** Display names for the coded facet values in this answer (region numbers, CBS codes). */
  labels: { regio: Record<string, string>; gemeente: Record<string, string> };
}

/**
 * An engine that composes and serializes the whole answer itself, where the search runs (the embedded engine
 * with search threads: the main thread then only passes the text on).
 */
export interface SamenstellendeEngine {
  kandidatenantwoordJson(vraag: Zoekvraag): Promise<Antwoordtekst>;
}

/** A serialized Kandidatenantwoord, with what the audit record needs of it (so nobody parses it again). */
export interface Antwoordtekst { json: string; totalHits: number; ids: string[] }

/** Serializes an answer together with its total and hit ids. */
export function naarAntwoordtekst(antwoord: Kandidatenantwoord): Antwoordtekst {
  return { json: JSON.stringify(antwoord), totalHits: antwoord.totalHits, ids: antwoord.hits.map((h) => h.id) };
}

function stelZelfSamen(engine: SearchEngine): engine is SearchEngine & SamenstellendeEngine {
  return typeof (engine as Partial<SamenstellendeEngine>).kandidatenantwoordJson === 'function';
}

/** Turns an engine's result into the answer employers get: hits with highlights, relaxations, display labels. */
export class Antwoordsamensteller {
  private readonly regioNamen: ReadonlyMap<string, string>;
  /** What employers see; ZoekService applies the same one to single profiles and facet values. */
  readonly werkgevers: Werkgeversweergave;

  constructor(private readonly search: (vraag: Zoekvraag) => Promise<Zoekresultaat>, private readonly config: SearchConfig) {
    this.regioNamen = new Map(config.regios.map((r) => [String(r.nummer), r.naam]));
    this.werkgevers = new Werkgeversweergave(config);
  }

  async zoek(vraag: Zoekvraag): Promise<Kandidatenantwoord> {
    const resultaat = await this.zoekIn(vraag.weergave, { ...vraag, facets: vraag.facets ?? FACETTEN });
    const totalPages = Math.ceil(Math.min(resultaat.totalHits, this.config.zoeken.maxTotalHits) / resultaat.hitsPerPage);
    return {
      ...resultaat,
      totalPages,
      hits: resultaat.hits.map((h) => ({ ...this.toon(vraag.weergave, h.profiel), _highlights: h.highlights })),
      relaxaties: resultaat.totalHits < RELAXATIE_DREMPEL ? await this.relaxaties(vraag) : [],
      labels: this.labels(resultaat),
    };
  }

  /** Searches in the caller's view; an employer's filters and counts are on what employers see. */
  private async zoekIn(weergave: Weergave | undefined, vraag: Zoekvraag): Promise<Zoekresultaat> {
    if (weergave !== 'werkgever') return this.search(vraag);
    return this.werkgevers.resultaat(await this.search(this.werkgevers.vraag(vraag)));
  }

  private toon(weergave: Weergave | undefined, profiel: Kandidaatprofiel): Getoondprofiel {
    // The engine query left out profiles employers may not see, so the view exists.
    return weergave === 'werkgever' ? this.werkgevers.profiel(profiel)! : profiel;
  }

  private async relaxaties(vraag: Zoekvraag): Promise<Relaxatie[]> {
    const zonder: { parameter: string; vraag: Zoekvraag }[] = [];
    if (vraag.q) zonder.push({ parameter: 'q', vraag: { ...vraag, q: undefined } });
    for (const [facet, waarden] of Object.entries(vraag.filters ?? {})) {
      if (!waarden || waarden.length === 0) continue;
      zonder.push({ parameter: facet, vraag: { ...vraag, filters: { ...vraag.filters, [facet]: undefined } } });
    }
    if (vraag.opleidingsniveauMin) zonder.push({ parameter: 'opleidingsniveauMin', vraag: { ...vraag, opleidingsniveauMin: undefined } });
    if (vraag.urenMin !== undefined) zonder.push({ parameter: 'urenMin', vraag: { ...vraag, urenMin: undefined } });
    if (vraag.urenMax !== undefined) zonder.push({ parameter: 'urenMax', vraag: { ...vraag, urenMax: undefined } });
    if (zonder.length < 1) return [];
    const tellingen = await Promise.all(zonder.map(async (z) => ({
      parameter: z.parameter,
      totalHits: (await this.zoekIn(vraag.weergave, { ...z.vraag, page: 1, hitsPerPage: 1, facets: [] })).totalHits,
    })));
    return tellingen.sort((a, b) => b.totalHits - a.totalHits);
  }

  private labels(resultaat: Zoekresultaat): Kandidatenantwoord['labels'] {
    const regio: Record<string, string> = {};
    const gemeente: Record<string, string> = {};
    for (const k of Object.keys(resultaat.facetDistribution.regio ?? {})) {
      const naam = this.regioNamen.get(k);
      if (naam) regio[k] = naam;
    }
    for (const k of Object.keys(resultaat.facetDistribution.gemeente ?? {})) {
      const g = this.config.gemeenten.get(k);
      if (g) gemeente[k] = g.naam;
    }
    return { regio, gemeente };
  }
}

/** The use cases employers and intermediaries have: search, one profile, values within a facet. */
export class ZoekService {
  private readonly samensteller: Antwoordsamensteller;
  private readonly werkgevers: Werkgeversweergave;

  constructor(private readonly engine: SearchEngine, config: SearchConfig) {
    this.samensteller = new Antwoordsamensteller((vraag) => engine.search(vraag), config);
    this.werkgevers = this.samensteller.werkgevers;
  }

  async zoek(vraag: Zoekvraag): Promise<Kandidatenantwoord> {
    if (stelZelfSamen(this.engine)) return JSON.parse((await this.engine.kandidatenantwoordJson(vraag)).json) as Kandidatenantwoord;
    return this.samensteller.zoek(vraag);
  }

  /**
   * The same answer as `zoek`, serialized, for the API; with its total and hit ids for the audit record, taken
   * where the answer was composed (a search thread) rather than parsed back from the text.
   */
  async zoekJson(vraag: Zoekvraag): Promise<Antwoordtekst> {
    if (stelZelfSamen(this.engine)) return this.engine.kandidatenantwoordJson(vraag);
    return naarAntwoordtekst(await this.samensteller.zoek(vraag));
  }

  /** One profile in the caller's view; null when it does not exist or employers may not see it. */
  async profiel(id: string, weergave: Weergave): Promise<Getoondprofiel | null> {
    const profiel = await this.engine.get(id);
    if (!profiel || weergave === 'exact') return profiel;
    return this.werkgevers.profiel(profiel);
  }

  async facetwaarden(facet: ApiFacet, q: string, weergave: Weergave): Promise<{ waarde: string; aantal: number }[]> {
    if (weergave === 'exact') return this.engine.facetValues(facet, q);
    const { facet: intern, filters } = this.werkgevers.facet(facet);
    return this.werkgevers.facetwaarden(facet, await this.engine.facetValues(intern, q, { filters }));
  }
}

