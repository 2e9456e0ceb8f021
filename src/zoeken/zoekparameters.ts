import { z } from 'zod';
import type { SearchConfig } from '../config/search-config';
import { OPLEIDINGSNIVEAUS } from '../sonar/sonar-record.schema';
import { GEMEENTE_MELDING, REGIO_MELDING, vindGemeente, vindRegio } from '../config/gebied';
import type { Veldfout } from '../validatie/veldfouten';
import { FACETTEN, SORTERINGEN, type FacetNaam, type Facetfilters, type Zoekvraag } from './search-engine.port';

const waarde = z.string().trim().min(1).max(200);
/** A query parameter that may be repeated (`?sector=a&sector=b`): always a list here. */
const herhaalbaar = z.union([waarde, z.array(waarde).max(50)]).transform((v) => (Array.isArray(v) ? v : [v]));
export const geheel = (min: number, max: number) => z.string().regex(/^\d+$/, 'verwacht een geheel getal').transform(Number).pipe(z.number().int().min(min).max(max));

/** Facet parameters of the kandidaten API, each OR within and AND across. */
export const FILTERPARAMETERS = ['regio', 'gemeente', 'opleidingsniveau', 'sector', 'taaksoort', 'competentie', 'vaardigheid', 'affiniteit', 'rijbewijs', 'eigenVervoer', 'transparantieklasse'] as const satisfies readonly FacetNaam[];

export function kandidatenQuerySchema(config: SearchConfig) {
  const maxPerPagina = config.zoeken.maxHitsPerPage;
  return z.object({
    q: z.string().max(200).optional(),
    regio: herhaalbaar.optional(),
    gemeente: herhaalbaar.optional(),
    opleidingsniveau: herhaalbaar.optional(),
    opleidingsniveauMin: z.enum(OPLEIDINGSNIVEAUS).optional(),
    sector: herhaalbaar.optional(),
    taaksoort: herhaalbaar.optional(),
    competentie: herhaalbaar.optional(),
    vaardigheid: herhaalbaar.optional(),
    affiniteit: herhaalbaar.optional(),
    rijbewijs: herhaalbaar.optional(),
    eigenVervoer: herhaalbaar.optional(),
    transparantieklasse: herhaalbaar.optional(),
    urenMin: geheel(0, 80).optional(),
    urenMax: geheel(0, 80).optional(),
    sort: z.enum(SORTERINGEN).default('relevantie'),
    page: geheel(1, 100000).default(1),
    hitsPerPage: geheel(1, maxPerPagina).default(20),
    facetten: z.union([z.enum(FACETTEN), z.array(z.enum(FACETTEN)).max(FACETTEN.length)]).transform((v) => (Array.isArray(v) ? v : [v])).optional()
      .meta({ description: 'Alleen deze facetten tellen (herhaalbaar); zonder: alle. De zoekpagina vraagt alleen de facetten die hij toont.' }),
  }).strict();
}
export type KandidatenQuery = z.infer<ReturnType<typeof kandidatenQuerySchema>>;

/**
 * Turns validated parameters into an engine query: region and gemeente names become numbers and CBS codes, every
 * value is checked against what exists, and the result depth is capped like Meilisearch's maxTotalHits.
 * Returns field errors instead of throwing so the HTTP layer can answer 400 with all of them at once.
 */
export function naarZoekvraag(query: KandidatenQuery, config: SearchConfig): { vraag: Zoekvraag } | { fouten: Veldfout[] } {
  const fouten: Veldfout[] = [];
  const onbekend = config.zoeken.onbekend;
  const pad = (param: string, waarden: readonly string[], i: number) => (waarden.length > 1 ? `${param}[${i}]` : param);
  const vertaal = (param: string, waarden: string[] | undefined, zoek: (w: string) => string | undefined, uitleg: string) => waarden?.map((w, i) => {
    const gevonden = w === onbekend ? onbekend : zoek(w);
    if (!gevonden) fouten.push({ pad: pad(param, waarden, i), melding: uitleg });
    return gevonden ?? w;
  });
  const uitLijst = (param: string, waarden: string[] | undefined, toegestaan: readonly string[]) => waarden?.map((w, i) => {
    if (w !== onbekend && !toegestaan.includes(w)) fouten.push({ pad: pad(param, waarden, i), melding: `verwacht één van ${[...toegestaan, onbekend].join(', ')}` });
    return w;
  });

  const filters: Facetfilters = {
    regio: vertaal('regio', query.regio, (w) => vindRegio(config.regios, w)?.nummer.toString(), REGIO_MELDING),
    gemeente: vertaal('gemeente', query.gemeente, (w) => vindGemeente(config.gemeenten, w)?.code, GEMEENTE_MELDING),
    opleidingsniveau: uitLijst('opleidingsniveau', query.opleidingsniveau, OPLEIDINGSNIVEAUS),
    sector: query.sector,
    taaksoort: query.taaksoort,
    competentie: query.competentie,
    vaardigheid: query.vaardigheid,
    affiniteit: query.affiniteit,
    rijbewijs: query.rijbewijs?.map((r) => (r === onbekend ? r : r.toUpperCase())),
    eigenVervoer: uitLijst('eigenVervoer', query.eigenVervoer, ['ja', 'nee']),
    transparantieklasse: uitLijst('transparantieklasse', query.transparantieklasse, config.transparantie.klassen.map((k) => k.code)),
  };
  for (const k of Object.keys(filters) as FacetNaam[]) if (filters[k] === undefined) delete filters[k];

  if (query.urenMin !== undefined && query.urenMax !== undefined && query.urenMin > query.urenMax) {
    fouten.push({ pad: 'urenMin', melding: 'urenMin is groter dan urenMax' });
  }
  if (query.page * query.hitsPerPage > config.zoeken.maxTotalHits) {
    fouten.push({ pad: 'page', melding: `alleen de eerste ${config.zoeken.maxTotalHits} resultaten zijn op te vragen; verfijn de zoekvraag` });
  }
  if (fouten.length > 0) return { fouten };
  return {
    vraag: {
      q: query.q?.trim() || undefined,
      filters,
      opleidingsniveauMin: query.opleidingsniveauMin,
      urenMin: query.urenMin,
      urenMax: query.urenMax,
      sort: query.sort,
      page: query.page,
      hitsPerPage: query.hitsPerPage,
      // Every facet counted costs time in every search: a client that shows a few asks for those.
      facets: query.facetten ?? FACETTEN,
    },
  };
}
