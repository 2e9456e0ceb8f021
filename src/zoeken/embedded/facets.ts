import type { RoaringBitmap32 } from 'roaring';
import type { FacetNaam, Zoekresultaat } from '../search-engine.port';
import type { EmbeddedIndex } from './embedded-index';
import { applyFilters, type Filters } from './filters';
import { normalise } from './tokenizer';
import { maxTypos, typoCount } from './vocabulary';

/** Upper bound of `facetValues`, as Meilisearch's facet search. */
const MAX_FACET_VALUES = 50;

type Distribution = Zoekresultaat['facetDistribution'];

/** Every value of a facet with its bitmap, `onbekend` included. */
function valueBitmaps(index: EmbeddedIndex, naam: FacetNaam): [string, RoaringBitmap32][] {
  const facet = index.facetten.get(naam)!;
  return [...facet.waarden, [index.schema.onbekend, facet.onbekend]];
}

// Walking a document costs a small fraction of one bitmap intersection: walk while the set is this many times
// smaller than the number of values.
const LOOP_PER_WAARDE = 100;

/** Non-zero counts of the values of `naam` within `basis`, most frequent first, at most `max` values. */
function countValues(index: EmbeddedIndex, naam: FacetNaam, basis: RoaringBitmap32, max: number): [string, number][] {
  const facet = index.facetten.get(naam)!;
  const enkel = facet.enkelvoudig;
  const tellingen: [string, number][] = [];
  if (enkel && basis.size < LOOP_PER_WAARDE * (enkel.namen.length + 1)) {
    const perNummer = new Int32Array(enkel.namen.length);
    let onbekend = 0;
    for (const doc of basis.toUint32Array()) {
      const nummer = enkel.perDoc[doc]!;
      if (nummer < 0) onbekend++;
      else perNummer[nummer]!++;
    }
    enkel.namen.forEach((waarde, i) => {
      if (perNummer[i]! > 0) tellingen.push([waarde, perNummer[i]!]);
    });
    if (onbekend > 0) tellingen.push([index.schema.onbekend, onbekend]);
  } else {
    for (const [waarde, bitmap] of valueBitmaps(index, naam)) {
      const n = basis.andCardinality(bitmap);
      if (n > 0) tellingen.push([waarde, n]);
    }
  }
  return tellingen.sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : 1)).slice(0, max);
}

/**
 * Disjunctive counts as in InstantSearch: each facet is counted over `basis` under every filter except that
 * facet's own selection, so the other values of a selected facet keep their counts.
 */
export function facetDistribution(
  index: EmbeddedIndex,
  basis: RoaringBitmap32,
  filters: Filters,
  facets: readonly FacetNaam[],
  maxWaarden: number,
): Distribution {
  const uit: Distribution = {};
  let zonderEigen: RoaringBitmap32 | undefined;
  for (const naam of new Set(facets)) {
    // Facets without a selection of their own all count over the fully filtered set: compute it once.
    const eigenBasis = filters.perFacet.has(naam) ? applyFilters(basis, filters, naam) : (zonderEigen ??= applyFilters(basis, filters));
    uit[naam] = Object.fromEntries(countValues(index, naam, eigenBasis, maxWaarden));
  }
  return uit;
}

/** Smallest and largest hours and travel distance among `docs`; a statistic is absent when no document has it. */
export function facetStats(index: EmbeddedIndex, docs: RoaringBitmap32): Zoekresultaat['facetStats'] {
  const stats: Zoekresultaat['facetStats'] = {};
  const uren = index.uren.minMax(docs);
  const reisafstand = index.reisafstand.minMax(docs);
  if (uren) stats.urenPerWeek = uren;
  if (reisafstand) stats.reisafstandKm = reisafstand;
  return stats;
}

function facetWords(tekst: string): string[] {
  return normalise(tekst).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Values of a facet that match `q`: the normalised value contains the normalised query, or every query word is a
 * prefix of, or within typo distance of, a word of the value. Counts are disjunctive under `filters`.
 */
export function searchFacetValues(
  index: EmbeddedIndex,
  naam: FacetNaam,
  q: string,
  filters: Filters,
): { waarde: string; aantal: number }[] {
  const vraagwoorden = facetWords(q);
  const zin = vraagwoorden.join(' ');
  const past = (waarde: string): boolean => {
    const woorden = facetWords(waarde);
    if (woorden.join(' ').includes(zin)) return true;
    const max = (w: string) => maxTypos(w.length, index.schema.typfouten);
    return vraagwoorden.every((qw) => woorden.some((w) => w.startsWith(qw) || typoCount(qw, w) <= max(qw)));
  };
  const basis = applyFilters(index.levend, filters, naam);
  const uit: { waarde: string; aantal: number }[] = [];
  for (const [waarde, bitmap] of valueBitmaps(index, naam)) {
    if (!past(waarde)) continue;
    const aantal = basis.andCardinality(bitmap);
    if (aantal > 0) uit.push({ waarde, aantal });
  }
  return uit.sort((a, b) => b.aantal - a.aantal || (a.waarde < b.waarde ? -1 : 1)).slice(0, MAX_FACET_VALUES);
}
