import type { SearchConfig } from '../../config/search-config';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import { INTERNE_FACETTEN, PUBLIEKE_FACETTEN, type FacetNaam, type InterneFacet } from '../search-engine.port';
import { publiekeWaarden } from '../publieke-facetten';
import { BIJGEWERKT_VELD, PROFIEL_VELD, RANG_VELD, REISAFSTAND_VELD, UREN_VELD, facetVelden } from './velden';

/**
 * One profile as Meilisearch stores it. `profiel` is the exact Kandidaatprofiel (returned as-is, its text parts
 * searched through nested paths); the top-level fields exist only to filter, facet and sort, with the configured
 * `onbekend` marker where the part is empty, so "onbekend" is an ordinary facet value to count and select.
 */
export interface MeiliDocument {
  id: string;
  [PROFIEL_VELD]: Kandidaatprofiel;
  [RANG_VELD]: number | null;
  [UREN_VELD]: number | null;
  [REISAFSTAND_VELD]: number | null;
  [BIJGEWERKT_VELD]: string;
  /** Facet fields, named by `facetVelden(config)`. */
  [facetveld: string]: unknown;
}

type Facetwaarde = number | string | string[];

function ofOnbekend(waarden: readonly string[], onbekend: string): string[] {
  return waarden.length > 0 ? [...waarden] : [onbekend];
}

const FACETWAARDE: { readonly [F in FacetNaam]: (p: Kandidaatprofiel, onbekend: string) => Facetwaarde } = {
  regio: (p) => p.regio,
  gemeente: (p) => p.gemeenteCode,
  opleidingsniveau: (p, o) => p.opleidingsniveau ?? o,
  sector: (p, o) => ofOnbekend(p.beroepssectoren, o),
  taaksoort: (p, o) => ofOnbekend(p.taaksoorten, o),
  competentie: (p, o) => ofOnbekend(p.competenties, o),
  vaardigheid: (p, o) => ofOnbekend(p.vaardigheden, o),
  affiniteit: (p, o) => ofOnbekend(p.affiniteiten, o),
  rijbewijs: (p, o) => ofOnbekend(p.rijbewijs, o),
  eigenVervoer: (p, o) => (p.eigenVervoer === null ? o : p.eigenVervoer ? 'ja' : 'nee'),
  transparantieklasse: (p) => p.transparantieklasse,
  ...Object.fromEntries(INTERNE_FACETTEN.map((f) => [f, (p: Kandidaatprofiel, o: string) => {
    const waarden = ofOnbekend(publiekeWaarden(p, f), o);
    return f === PUBLIEKE_FACETTEN.rijbewijs ? waarden : waarden[0]!;
  }])) as
    Record<InterneFacet, (p: Kandidaatprofiel, o: string) => Facetwaarde>,
};

/** Returns a converter from Kandidaatprofiel to the document layout above, bound to one config. */
export function documentMaker(config: SearchConfig): (profiel: Kandidaatprofiel) => MeiliDocument {
  const velden = facetVelden(config);
  const rang = new Map(config.opleidingsniveaus.map((n, i) => [n.code, i]));
  const onbekend = config.zoeken.onbekend;
  const facetten = Object.entries(FACETWAARDE) as [FacetNaam, (p: Kandidaatprofiel, o: string) => Facetwaarde][];
  return (profiel) => {
    const doc: MeiliDocument = {
      id: profiel.id,
      [PROFIEL_VELD]: profiel,
      [RANG_VELD]: profiel.opleidingsniveau === null ? null : (rang.get(profiel.opleidingsniveau) ?? null),
      [UREN_VELD]: profiel.urenPerWeek,
      [REISAFSTAND_VELD]: profiel.reisafstandKm,
      [BIJGEWERKT_VELD]: profiel.bijgewerkt,
    };
    for (const [facet, waarde] of facetten) doc[velden[facet]] = waarde(profiel, onbekend);
    return doc;
  };
}
