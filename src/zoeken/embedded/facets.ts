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

// Walking one document's row costs about this fraction of intersecting the set with one value's bitmap
// (measured at 250,000 profiles, caches cold as under load: some 100-200 ns against 1.5-3 µs).
const DOCS_PER_INTERSECTIE = 150;

/** The non-zero counts of `namen` (`tellingen[i]` for `namen[i]`), most frequent first, then by value; at most `max`. */
function topCounts(namen: readonly string[], tellingen: Int32Array, max: number): Record<string, number> {
  const gevuld: number[] = [];
  for (let i = 0; i < namen.length; i++) if (tellingen[i]! > 0) gevuld.push(i);
  gevuld.sort((a, b) => tellingen[b]! - tellingen[a]! || (namen[a]! < namen[b]! ? -1 : 1));
  const uit: Record<string, number> = {};
  for (let i = 0; i < gevuld.length && i < max; i++) uit[namen[gevuld[i]!]!] = tellingen[gevuld[i]!]!;
  return uit;
}

/**
 * Counts the values of `facets` within `basis`. Facets with many values are counted by walking the documents'
 * rows (all of them in one walk), the others by intersecting `basis` with each value's bitmap.
 */
function countGroup(index: EmbeddedIndex, facets: readonly FacetNaam[], basis: RoaringBitmap32, max: number, uit: Distribution): void {
  const tabel = index.facetTabel;
  const kolom = (naam: FacetNaam) => index.facetten.get(naam)!.kolom;
  const lopen = facets.filter((naam) => basis.size < DOCS_PER_INTERSECTIE * (tabel.namen(kolom(naam)).length + 1));
  if (lopen.length > 0) {
    const perFacet = tabel.count(basis.toUint32Array(), lopen.map(kolom));
    lopen.forEach((naam, f) => {
      uit[naam] = topCounts([...tabel.namen(kolom(naam)), index.schema.onbekend], perFacet[f]!, max);
    });
  }
  for (const naam of facets) {
    if (lopen.includes(naam)) continue;
    const waarden = valueBitmaps(index, naam);
    uit[naam] = topCounts(waarden.map(([w]) => w), Int32Array.from(waarden, ([, bitmap]) => basis.andCardinality(bitmap)), max);
  }
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
  const gevraagd = [...new Set(facets)];
  // Facets without a selection of their own all count over the fully filtered set: one walk for all of them.
  const zonderEigen = gevraagd.filter((naam) => !filters.perFacet.has(naam));
  if (zonderEigen.length > 0) countGroup(index, zonderEigen, applyFilters(basis, filters), maxWaarden, uit);
  for (const naam of gevraagd) {
    if (filters.perFacet.has(naam)) countGroup(index, [naam], applyFilters(basis, filters, naam), maxWaarden, uit);
  }
  // The answer lists the facets in the order asked.
  return Object.fromEntries(gevraagd.map((naam) => [naam, uit[naam]!]));
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
