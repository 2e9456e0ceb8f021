import { RoaringBitmap32 } from 'roaring';
import type { EmbeddedIndex } from './embedded-index';
import type { Expansion } from './vocabulary';

/** Meilisearch also reads at most ten words of a query; it keeps expansion and ranking work bounded. */
const MAX_QUERY_WORDS = 10;

/** What one query word matches. */
export interface WordMatch {
  termen: readonly Expansion[];
  /** Documents matching the word at all. */
  alle: RoaringBitmap32;
  /** Documents matching it through a term of exactly 0, 1 or 2 typos (a document can be in several). */
  perTypos: readonly [RoaringBitmap32, RoaringBitmap32, RoaringBitmap32];
}

export interface TextMatch {
  woorden: readonly WordMatch[];
  /** How many leading words every result matches (Meilisearch's `last` strategy drops words from the end). */
  behouden: number;
  /** Documents matching the first `behouden` words, before filters (the base of disjunctive facet counts). */
  docs: RoaringBitmap32;
}

/** Expands each query word over the vocabulary into bitmaps; an empty array when the query has no words. */
export function matchWords(index: EmbeddedIndex, q: string | undefined): WordMatch[] {
  const woorden = index.schema.analyzer.words(q ?? '').slice(0, MAX_QUERY_WORDS);
  return woorden.map((woord, i) => {
    const termen = index.vocabulary.expand(woord, i === woorden.length - 1);
    const perTypos: [RoaringBitmap32[], RoaringBitmap32[], RoaringBitmap32[]] = [[], [], []];
    for (const { term, typos } of termen) {
      const post = index.termPostings(term);
      if (post) perTypos[typos]!.push(post.docs);
    }
    const bitmaps = perTypos.map((delen) => RoaringBitmap32.orMany(delen)) as [RoaringBitmap32, RoaringBitmap32, RoaringBitmap32];
    return { termen, alle: RoaringBitmap32.orMany(bitmaps), perTypos: bitmaps };
  });
}

/**
 * All words must match; when that leaves nothing under the filter, words are dropped from the end one at a time
 * (a simplification of Meilisearch's `last` matching strategy, which returns those smaller matches as well).
 */
export function applyMatchingStrategy(woorden: readonly WordMatch[], filter: RoaringBitmap32): TextMatch {
  const prefixen: RoaringBitmap32[] = [];
  for (const w of woorden) prefixen.push(prefixen.length === 0 ? w.alle : RoaringBitmap32.and(prefixen[prefixen.length - 1]!, w.alle));
  let behouden = woorden.length;
  while (behouden > 1 && !prefixen[behouden - 1]!.intersects(filter)) behouden--;
  return { woorden, behouden, docs: prefixen[behouden - 1]! };
}
