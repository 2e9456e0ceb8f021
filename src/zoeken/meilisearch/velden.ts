import { ConfigError } from '../../config/config-error';
import type { SearchConfig } from '../../config/search-config';
import { FACETTEN, INTERNE_FACETTEN, type FacetNaam } from '../search-engine.port';

/** The exact Kandidaatprofiel, stored whole; its text parts are what is searched (see `zoekpaden`). */
export const PROFIEL_VELD = 'profiel';
/** Position of `opleidingsniveau` in the configured order, for "at least this level". */
export const RANG_VELD = 'opleidingsniveauRang';
export const UREN_VELD = 'urenPerWeek';
export const REISAFSTAND_VELD = 'reisafstandKm';
export const BIJGEWERKT_VELD = 'bijgewerkt';

const GERESERVEERD = new Set(['id', PROFIEL_VELD, RANG_VELD, UREN_VELD, REISAFSTAND_VELD, BIJGEWERKT_VELD]);

/** Facets stored as numbers: Meilisearch's facet search only looks at string values, so these are listed differently. */
export const NUMERIEKE_FACETTEN: ReadonlySet<FacetNaam> = new Set<FacetNaam>(['regio']);

export type Facetvelden = Readonly<Record<FacetNaam, string>>;

/**
 * The Meilisearch field of every facet: the config's `veld`, else the facet's name. Throws a ConfigError when a
 * facet of the port is missing from the config or two facets would share a field.
 */
export function facetVelden(config: SearchConfig): Facetvelden {
  const velden: Partial<Record<FacetNaam, string>> = {};
  const gebruikt = new Set<string>();
  for (const naam of FACETTEN) {
    const facet = config.zoeken.facetten.find((f) => f.naam === naam);
    if (!facet) throw new ConfigError(`search-config/zoeken.json: facet '${naam}' ontbreekt`);
    const veld = facet.veld ?? facet.naam;
    if (gebruikt.has(veld) || GERESERVEERD.has(veld)) {
      throw new ConfigError(`search-config/zoeken.json: facet '${naam}' gebruikt veld '${veld}', dat al in gebruik is`);
    }
    gebruikt.add(veld);
    velden[naam] = veld;
  }
  for (const naam of INTERNE_FACETTEN) {
    if (gebruikt.has(naam)) throw new ConfigError(`search-config/zoeken.json: veld '${naam}' is voorbehouden aan wat werkgevers zien`);
    velden[naam] = naam;
  }
  return velden as Facetvelden;
}

/**
 * Searchable attribute paths in descending weight (ties keep config order). Meilisearch ranks attributes by
 * position only, so the weights survive as an order, not as ratios.
 */
export function zoekpaden(config: SearchConfig): { veld: string; pad: string }[] {
  return config.zoeken.doorzoekbaar
    .map((d, i) => ({ ...d, i }))
    .sort((a, b) => b.gewicht - a.gewicht || a.i - b.i)
    .map((d) => ({ veld: d.veld, pad: `${PROFIEL_VELD}.${d.veld}` }));
}
