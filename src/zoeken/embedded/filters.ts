import { RoaringBitmap32 } from 'roaring';
import type { FacetNaam, Filtervraag } from '../search-engine.port';
import type { EmbeddedIndex } from './embedded-index';

/** A filter split the way disjunctive facet counts need it. */
export interface Filters {
  /** Per facet with a selection: the OR of its selected values (and `onbekend`). */
  perFacet: ReadonlyMap<FacetNaam, RoaringBitmap32>;
  /** The AND of the filters that are no facet's own selection (opleidingsniveauMin, hours); null when none. */
  overig: RoaringBitmap32 | null;
}

/** Resolves a filter to bitmaps. An empty selection for a facet means no filter on it. */
export function resolveFilters(index: EmbeddedIndex, vraag: Filtervraag): Filters {
  const { onbekend, niveaus } = index.schema;
  const perFacet = new Map<FacetNaam, RoaringBitmap32>();
  for (const [naam, waarden] of Object.entries(vraag.filters ?? {}) as [FacetNaam, readonly string[] | undefined][]) {
    const facet = index.facetten.get(naam);
    if (!facet || !waarden || waarden.length === 0) continue;
    const delen = waarden.map((w) => (w === onbekend ? facet.onbekend : facet.waarden.get(w))).filter((b) => b !== undefined);
    perFacet.set(naam, RoaringBitmap32.orMany(delen));
  }
  const overig: RoaringBitmap32[] = [];
  if (vraag.opleidingsniveauMin !== undefined) {
    const vanaf = niveaus.indexOf(vraag.opleidingsniveauMin);
    const niveauFacet = index.facetten.get('opleidingsniveau')!;
    const delen = vanaf < 0 ? [] : niveaus.slice(vanaf).map((n) => niveauFacet.waarden.get(n)).filter((b) => b !== undefined);
    overig.push(RoaringBitmap32.orMany(delen));
  }
  if (vraag.urenMin !== undefined || vraag.urenMax !== undefined) overig.push(index.uren.range(vraag.urenMin, vraag.urenMax));
  return { perFacet, overig: overig.length === 0 ? null : overig.reduce((a, b) => RoaringBitmap32.and(a, b)) };
}

/** `basis` restricted by every filter except the selection of facet `behalve` (for its disjunctive counts). */
export function applyFilters(basis: RoaringBitmap32, filters: Filters, behalve?: FacetNaam): RoaringBitmap32 {
  let uit = filters.overig ? RoaringBitmap32.and(basis, filters.overig) : basis;
  for (const [naam, bitmap] of filters.perFacet) if (naam !== behalve) uit = RoaringBitmap32.and(uit, bitmap);
  return uit;
}
