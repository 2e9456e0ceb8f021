import { distance } from 'fastest-levenshtein';

/** A vocabulary term a query word matches, and how many typos that match costs (exact, stem, synonym, prefix: 0). */
export interface Expansion {
  term: string;
  typos: number;
}

export interface TypoRules {
  minWoordlengteEenTypfout: number;
  minWoordlengteTweeTypfouten: number;
}

/** Typos a query word of this length may contain, as in Meilisearch's `minWordSizeForTypos`. */
export function maxTypos(lengte: number, regels: TypoRules): number {
  if (lengte >= regels.minWoordlengteTweeTypfouten) return 2;
  return lengte >= regels.minWoordlengteEenTypfout ? 1 : 0;
}

/**
 * Typos between a query word and a term: the Levenshtein distance, where a different first letter counts double
 * as in Meilisearch (a five-letter word never matches with another first letter, `lassen` does not find `wassen`).
 */
export function typoCount(woord: string, term: string): number {
  const d = distance(woord, term);
  return woord[0] === term[0] ? d : d + 1;
}

/** Fewest typos between `woord` and any prefix of `term` whose length is within `max` of the word's. */
function prefixTypos(woord: string, term: string, max: number): number {
  let beste = Infinity;
  for (let lengte = Math.max(1, woord.length - max); lengte <= Math.min(term.length, woord.length + max); lengte++) {
    beste = Math.min(beste, typoCount(woord, term.slice(0, lengte)));
  }
  return beste;
}

// Expansions are cheap to recompute; the bound only keeps a stream of distinct queries from hoarding memory.
const MAX_CACHE = 10_000;

/**
 * Every distinct indexed term (words and stems), searchable by exact form, stem, synonym, typo distance and
 * prefix. The vocabulary is small (thousands of terms), so typo expansion simply measures the terms whose length
 * is within reach, and expansions are cached until a new term arrives.
 */
export class Vocabulary {
  private readonly termen = new Set<string>();
  private readonly perLengte = new Map<number, string[]>();
  private gesorteerd: string[] | null = null;
  private readonly cache = new Map<string, readonly Expansion[]>();

  constructor(
    private readonly regels: TypoRules,
    private readonly synoniemen: ReadonlyMap<string, readonly string[]>,
    private readonly stam: (woord: string) => string,
  ) {}

  /** Registers a term (no-op when known). */
  add(term: string): void {
    if (this.termen.has(term)) return;
    this.termen.add(term);
    const bak = this.perLengte.get(term.length);
    if (bak) bak.push(term);
    else this.perLengte.set(term.length, [term]);
    this.gesorteerd = null;
    this.cache.clear();
  }

  /** The terms a normalised query word matches; the last word of a query also matches as a prefix. */
  expand(woord: string, laatste: boolean): readonly Expansion[] {
    const sleutel = (laatste ? '*' : '=') + woord;
    let uit = this.cache.get(sleutel);
    if (uit === undefined) {
      uit = this.bereken(woord, laatste);
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      this.cache.set(sleutel, uit);
    }
    return uit;
  }

  private bereken(woord: string, laatste: boolean): Expansion[] {
    const typos = new Map<string, number>();
    const zet = (term: string, n: number): void => {
      const oud = typos.get(term);
      if (oud === undefined || n < oud) typos.set(term, n);
    };
    for (const term of [woord, this.stam(woord)]) {
      if (this.termen.has(term)) zet(term, 0);
    }
    if (laatste) for (const term of this.metPrefix(woord)) zet(term, 0);
    const max = maxTypos(woord.length, this.regels);
    // Synonyms also follow a word typed with typos, so "hefruck" finds what "heftruck" finds, reachtruck included.
    // Meilisearch applies synonyms to the word as typed only; here a typo must never cost a user results.
    for (const [sleutel, groep] of this.synoniemen) {
      const n = sleutel === woord ? 0 : typoCount(woord, sleutel);
      if (n <= max) for (const term of groep) if (this.termen.has(term)) zet(term, n);
    }
    for (let lengte = woord.length - max; lengte <= woord.length + max; lengte++) {
      for (const term of this.perLengte.get(lengte) ?? []) {
        if (typos.get(term) === 0) continue;
        const n = typoCount(woord, term);
        if (n <= max) zet(term, n);
      }
    }
    // The last word is a prefix with typos too, as in Meilisearch: "schonmaak" also finds "schoonmaakwerk".
    if (laatste && max > 0) {
      for (const term of this.termen) {
        if (term.length < woord.length - max || typos.get(term) === 0) continue;
        const n = prefixTypos(woord, term, max);
        if (n <= max) zet(term, n);
      }
    }
    return [...typos].map(([term, n]) => ({ term, typos: n }));
  }

  private metPrefix(prefix: string): string[] {
    this.gesorteerd ??= [...this.termen].sort();
    const lijst = this.gesorteerd;
    let lo = 0;
    let hi = lijst.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lijst[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const uit: string[] = [];
    for (let i = lo; i < lijst.length && lijst[i]!.startsWith(prefix); i++) uit.push(lijst[i]!);
    return uit;
  }
}
