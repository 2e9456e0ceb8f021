import type { SearchConfig } from '../../config/search-config';
import { ALLE_FACETTEN, type FacetNaam, type Filtervraag } from '../search-engine.port';
import { RANG_VELD, UREN_VELD, facetVelden } from './velden';

/**
 * A user value as one double-quoted Meilisearch filter literal. Inside double quotes Meilisearch reads `\"` as a
 * quote and (since v1.4) `\\` as a backslash, so escaping both keeps any input, `"` and `\` included, a single
 * literal: it can never close the string and add operators.
 */
export function filterLiteral(waarde: string): string {
  return `"${waarde.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function getal(n: number, naam: string): string {
  // Only numbers we checked ourselves go into the expression unquoted.
  if (!Number.isFinite(n)) throw new RangeError(`${naam} moet een eindig getal zijn`);
  return String(n);
}

/**
 * Builds a Meilisearch filter expression from a Filtervraag: OR between the values of one facet, AND across
 * facets, `opleidingsniveauMin` as a rank comparison, uren as a closed range. Every facet value is quoted with
 * `filterLiteral`. `zonderFacet` leaves that facet's own selection out (for disjunctive counts). Returns
 * undefined when nothing is filtered.
 */
export function bouwFilter(vraag: Filtervraag, config: SearchConfig, opties: { zonderFacet?: FacetNaam } = {}): string | undefined {
  const velden = facetVelden(config);
  const delen: string[] = [];
  for (const facet of ALLE_FACETTEN) {
    const waarden = vraag.filters?.[facet];
    if (facet === opties.zonderFacet || !waarden || waarden.length === 0) continue;
    const termen = [...new Set(waarden)].map((w) => `${velden[facet]} = ${filterLiteral(w)}`);
    delen.push(termen.length === 1 ? termen[0]! : `(${termen.join(' OR ')})`);
  }
  if (vraag.opleidingsniveauMin !== undefined) {
    const rang = config.opleidingsniveaus.findIndex((n) => n.code === vraag.opleidingsniveauMin);
    if (rang < 0) throw new RangeError(`onbekend opleidingsniveau`);
    delen.push(`${RANG_VELD} >= ${rang}`);
  }
  if (vraag.urenMin !== undefined) delen.push(`${UREN_VELD} >= ${getal(vraag.urenMin, 'urenMin')}`);
  if (vraag.urenMax !== undefined) delen.push(`${UREN_VELD} <= ${getal(vraag.urenMax, 'urenMax')}`);
  return delen.length > 0 ? delen.join(' AND ') : undefined;
}
