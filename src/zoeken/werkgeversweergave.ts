import type { Kandidaatprofiel, Publiekeweergave } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import { opleidingsniveauMinWaarden, urenFilterwaarden } from '../privacy/filters';
import { NIET_GETOOND, VELD_VAN } from '../privacy/publiek';
import { regels } from '../privacy/regels';
import type { Rol } from '../toegang/api-sleutels';
import {
  PUBLIEK_UREN_FACET, PUBLIEK_ZICHTBAAR_FACET, PUBLIEKE_FACETTEN, type ApiFacet, type FacetNaam, type Facetfilters, type Weergave, type Zoekresultaat, type Zoekvraag,
} from './search-engine.port';

/** Only beheer sees exact values; every other role that searches sees what employers see. */
export function weergaveVoor(rol: Rol | undefined): Weergave {
  return rol === 'beheer' ? 'exact' : 'werkgever';
}

/** A filter value no profile has: an empty value list would mean "no filter". */
const GEEN_WAARDE = '(geen)';

/** Profile fields that hold a quasi-identifier exactly; employers see `publiek` instead. */
type ExacteVelden = 'gemeenteCode' | 'gemeente' | 'regio' | 'regioNaam' | 'opleidingsniveau' | 'urenPerWeek' | 'reisafstandKm' | 'rijbewijs' | 'eigenVervoer' | 'opleidingen';

/** A profile as employers and intermediaries get it: the quasi-identifiers only as generalised in `publiek`. */
export type Werkgeversprofiel = Omit<Kandidaatprofiel, ExacteVelden | 'publiek'> & {
  opleidingen: { niveau: string; richting: string | null; diploma: boolean | null }[];
  publiek: Publiekeweergave;
};

/** The engine facet an employer's facet reads: its published counterpart, or itself where it is no quasi-identifier. */
const publiekFacet = (facet: FacetNaam): FacetNaam => PUBLIEKE_FACETTEN[facet as keyof typeof PUBLIEKE_FACETTEN] ?? facet;

const API_FACET_VAN = new Map<FacetNaam, ApiFacet>(Object.entries(PUBLIEKE_FACETTEN).map(([api, intern]) => [intern, api as ApiFacet]));

/**
 * What employers see, applied to search: their filters and facets move onto the published values, the few profiles
 * no generalisation hides are left out, and counts that would single out fewer than k profiles are not given.
 */
export class Werkgeversweergave {
  private readonly k: number;
  /** API facets whose values come from a quasi-identifier: their small counts are withheld. */
  private readonly gevoelig: ReadonlySet<string>;

  constructor(private readonly config: SearchConfig) {
    this.k = config.privacy.k;
    // The published fields of the configured quasi-identifiers that are also API facets (hours and distance are not).
    this.gevoelig = new Set(config.privacy.quasiIdentificatoren.flatMap((q) => VELD_VAN[q]).filter((v) => Object.hasOwn(PUBLIEKE_FACETTEN, v)));
  }

  /** The engine query for an employer's query. */
  vraag(vraag: Zoekvraag): Zoekvraag {
    const filters: Facetfilters = { [PUBLIEK_ZICHTBAAR_FACET]: ['ja'] };
    for (const [facet, waarden] of Object.entries(vraag.filters ?? {}) as [FacetNaam, readonly string[] | undefined][]) {
      if (waarden) filters[publiekFacet(facet)] = waarden;
    }
    if (vraag.opleidingsniveauMin !== undefined) {
      const minimaal = opleidingsniveauMinWaarden(vraag.opleidingsniveauMin, this.config);
      const gekozen = filters[PUBLIEKE_FACETTEN.opleidingsniveau];
      const beide = gekozen ? minimaal.filter((w) => gekozen.includes(w)) : minimaal;
      filters[PUBLIEKE_FACETTEN.opleidingsniveau] = beide.length > 0 ? beide : [GEEN_WAARDE];
    }
    if (vraag.urenMin !== undefined || vraag.urenMax !== undefined) {
      const waarden = urenFilterwaarden(vraag.urenMin, vraag.urenMax, this.config);
      filters[PUBLIEK_UREN_FACET] = waarden.length > 0 ? waarden : [GEEN_WAARDE];
    }
    const { opleidingsniveauMin: _min, urenMin: _van, urenMax: _tot, ...rest } = vraag;
    return {
      ...rest,
      filters,
      ...(vraag.facets ? { facets: vraag.facets.map((f) => publiekFacet(f)) } : {}),
    };
  }

  /** The engine's result in the employer's terms: API facet names, small counts withheld, no exact statistics. */
  resultaat(r: Zoekresultaat): Zoekresultaat {
    const facetDistribution: Zoekresultaat['facetDistribution'] = {};
    for (const [facet, telling] of Object.entries(r.facetDistribution) as [FacetNaam, Record<string, number>][]) {
      const api = API_FACET_VAN.get(facet) ?? facet as ApiFacet;
      facetDistribution[api] = this.gevoelig.has(api) ? this.zonderKleine(telling) : telling;
    }
    // Minimum and maximum hours would give exact values of the profiles at the edges.
    return { ...r, facetDistribution, facetStats: {} };
  }

  /** Values of one facet with their counts, as employers may see them. */
  facetwaarden(facet: ApiFacet, waarden: { waarde: string; aantal: number }[]): { waarde: string; aantal: number }[] {
    return this.gevoelig.has(facet) ? waarden.filter((w) => w.aantal >= this.k) : waarden;
  }

  /** The engine facet an employer's facet reads, and the filter that leaves out profiles employers may not see. */
  facet(facet: ApiFacet): { facet: FacetNaam; filters: Facetfilters } {
    return { facet: publiekFacet(facet), filters: { [PUBLIEK_ZICHTBAAR_FACET]: ['ja'] } };
  }

  /** The profile as employers see it; null when they may not see it at all. */
  profiel(p: Kandidaatprofiel): Werkgeversprofiel | null {
    if (p.publiek?.zichtbaar !== 'ja') return null;
    const {
      gemeenteCode: _gc, gemeente: _g, regio: _r, regioNaam: _rn, opleidingsniveau, urenPerWeek: _u, reisafstandKm: _ra, rijbewijs: _rb,
      eigenVervoer: _ev, opleidingen, publiek, ...rest
    } = p;
    // Each opleiding's level says as much as the highest one: it goes up the same rung.
    const niveau = (n: string): string => publiek.opleidingsniveau === opleidingsniveau ? n
      : publiek.opleidingsniveau === NIET_GETOOND ? NIET_GETOOND : (regels(this.config).groepVan.get(n) ?? NIET_GETOOND);
    return { ...rest, opleidingen: opleidingen.map((o) => ({ ...o, niveau: niveau(o.niveau) })), publiek };
  }

  private zonderKleine(telling: Record<string, number>): Record<string, number> {
    const uit: Record<string, number> = {};
    for (const [waarde, n] of Object.entries(telling)) if (n >= this.k) uit[waarde] = n;
    return uit;
  }
}
