const { newStemmer } = require('snowball-stemmers') as { newStemmer(taal: string): { stem(woord: string): string } };

/** A word of a text: its normalised form and where it stands in the original (for highlighting). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// Combining marks belong to the word they decorate, so they are part of a span before they are stripped.
const WOORD = /[\p{L}\p{N}\p{M}]+/gu;
const TEKENS = /\p{M}/gu;
// Caches hold one entry per distinct value or token; a free-text field could grow them without bound.
const MAX_CACHE = 200_000;

/** Lowercase without diacritics: 'Hygiënisch' becomes 'hygienisch'. */
export function normalise(tekst: string): string {
  return tekst.normalize('NFD').replace(TEKENS, '').toLowerCase();
}

/**
 * Splits, normalises and stems text the same way for documents, queries and highlights, with stop words left
 * out. Values repeat across profiles (a small vocabulary), so terms and stems are cached per distinct input.
 */
export class TextAnalyzer {
  private readonly stopwoorden: ReadonlySet<string>;
  private readonly stemmer = newStemmer('dutch');
  private readonly stammen = new Map<string, string>();
  private readonly termen = new Map<string, readonly string[]>();

  constructor(stopwoorden: readonly string[]) {
    this.stopwoorden = new Set(stopwoorden.map(normalise));
  }

  /** The words of `tekst` with their positions, normalised, without stop words. */
  tokens(tekst: string): Token[] {
    const uit: Token[] = [];
    for (const m of tekst.matchAll(WOORD)) {
      const term = normalise(m[0]);
      if (term === '' || this.stopwoorden.has(term)) continue;
      uit.push({ term, start: m.index, end: m.index + m[0].length });
    }
    return uit;
  }

  /** The normalised words of `tekst`, without stop words. */
  words(tekst: string): string[] {
    return this.tokens(tekst).map((t) => t.term);
  }

  /** The Dutch snowball stem of a normalised word. */
  stem(woord: string): string {
    let stam = this.stammen.get(woord);
    if (stam === undefined) {
      if (this.stammen.size >= MAX_CACHE) this.stammen.clear();
      stam = this.stemmer.stem(woord);
      this.stammen.set(woord, stam);
    }
    return stam;
  }

  /** Everything a field value is indexed under: each word and its stem, without duplicates. */
  terms(waarde: string): readonly string[] {
    let termen = this.termen.get(waarde);
    if (termen === undefined) {
      const set = new Set<string>();
      for (const { term } of this.tokens(waarde)) {
        set.add(term);
        set.add(this.stem(term));
      }
      termen = [...set];
      if (this.termen.size >= MAX_CACHE) this.termen.clear();
      this.termen.set(waarde, termen);
    }
    return termen;
  }
}
