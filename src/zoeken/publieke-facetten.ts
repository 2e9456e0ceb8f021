import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { INTERNE_FACETPADEN, type InterneFacet } from './search-engine.port';

/** The values of one internal facet of a profile, as employers see them; none before the profile was published. */
export function publiekeWaarden(p: Kandidaatprofiel, facet: InterneFacet): string[] {
  const waarde = (p.publiek as Record<string, string | string[]> | null)?.[INTERNE_FACETPADEN[facet][1]!];
  return waarde === undefined ? [] : Array.isArray(waarde) ? waarde : [waarde];
}
