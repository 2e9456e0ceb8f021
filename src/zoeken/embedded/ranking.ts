import { RoaringBitmap32 } from 'roaring';
import type { Sortering } from '../search-engine.port';
import type { EmbeddedIndex } from './embedded-index';
import type { SortedBitmaps } from './sorted-bitmaps';
import type { TextMatch, WordMatch } from './text-match';

/**
 * One ranking rule. Large sets are split into ordered buckets with bitmap operations (Meilisearch's bucket sort),
 * so only the bucket holding the requested page is ever sorted document by document; small sets go straight to
 * a per-document sort on the keys of all remaining rules.
 */
interface Rule {
  /** `set` split into buckets, best first; null when sorting `set` directly is cheaper. */
  buckets(set: RoaringBitmap32): Iterable<RoaringBitmap32> | null;
  /** A key per document of `docs` (the ascending ids of `set`); lower ranks first. */
  keys(docs: Uint32Array, set: RoaringBitmap32): Float64Array;
}

// Below this size a set is sorted directly: a few thousand comparisons beat a round of bitmap operations.
const DIRECT = 2048;

/** Calls `fn` with the position in `docs` of every id in `bitmap` ∩ `set` (both ascending: one merge walk). */
function forPositions(docs: Uint32Array, bitmap: RoaringBitmap32, set: RoaringBitmap32, fn: (pos: number) => void): void {
  let p = 0;
  for (const d of RoaringBitmap32.and(bitmap, set).toUint32Array()) {
    while (docs[p] !== d) p++;
    fn(p);
  }
}

/** Documents matching more of the words that the matching strategy dropped rank first. */
function wordsRule(extra: readonly RoaringBitmap32[]): Rule {
  return {
    buckets(set) {
      // tellers[j] holds the documents matching exactly j of the extra words seen so far.
      let tellers = [set];
      for (const x of extra) {
        const volgende: RoaringBitmap32[] = [];
        for (let j = 0; j <= tellers.length; j++) {
          const zonder = j < tellers.length ? RoaringBitmap32.andNot(tellers[j]!, x) : new RoaringBitmap32();
          volgende.push(j > 0 ? RoaringBitmap32.or(zonder, RoaringBitmap32.and(tellers[j - 1]!, x)) : zonder);
        }
        tellers = volgende;
      }
      return tellers.reverse();
    },
    keys(docs, set) {
      const k = new Float64Array(docs.length);
      for (const x of extra) forPositions(docs, x, set, (p) => k[p]!--);
      return k;
    },
  };
}

/** Fewer typos in total over the matched words rank first (exact, stem, synonym and prefix matches cost none). */
function typoRule(perWoord: readonly { een: RoaringBitmap32; twee: RoaringBitmap32 }[]): Rule {
  return {
    buckets(set) {
      // perTotaal[t] holds the documents with t typos over the words seen so far.
      let perTotaal = [set];
      for (const { een, twee } of perWoord) {
        const e = RoaringBitmap32.and(een, set);
        const t = RoaringBitmap32.and(twee, set);
        if (e.isEmpty && t.isEmpty) continue;
        const volgende: RoaringBitmap32[] = [];
        for (let n = 0; n < perTotaal.length + 2; n++) {
          const delen: RoaringBitmap32[] = [];
          if (n < perTotaal.length) delen.push(RoaringBitmap32.andNot(RoaringBitmap32.andNot(perTotaal[n]!, e), t));
          if (n >= 1 && n - 1 < perTotaal.length) delen.push(RoaringBitmap32.and(perTotaal[n - 1]!, e));
          if (n >= 2) delen.push(RoaringBitmap32.and(perTotaal[n - 2]!, t));
          volgende.push(RoaringBitmap32.orMany(delen));
        }
        perTotaal = volgende;
      }
      return perTotaal;
    },
    keys(docs, set) {
      const k = new Float64Array(docs.length);
      for (const { een, twee } of perWoord) {
        forPositions(docs, een, set, (p) => (k[p]! += 1));
        forPositions(docs, twee, set, (p) => (k[p]! += 2));
      }
      return k;
    },
  };
}

/** A match in a heavier field (config `doorzoekbaar`) ranks first; `perGewicht` is ordered heaviest first. */
function attributeRule(perGewicht: readonly { gewicht: number; docs: RoaringBitmap32 }[]): Rule {
  return {
    *buckets(set) {
      let rest = set;
      for (const { docs } of perGewicht) {
        const emmer = RoaringBitmap32.and(docs, rest);
        if (emmer.isEmpty) continue;
        yield emmer;
        rest = RoaringBitmap32.andNot(rest, emmer);
      }
      yield rest;
    },
    keys(docs, set) {
      const k = new Float64Array(docs.length);
      // Lightest first, so the heaviest field a document matches in writes last.
      for (const { gewicht, docs: veld } of [...perGewicht].reverse()) forPositions(docs, veld, set, (p) => (k[p] = -gewicht));
      return k;
    },
  };
}

/** Orders by a number with few distinct values (hours, day); documents without a value come last. */
function valueRule(waarden: SortedBitmaps, aflopend: boolean, waardeVan: (doc: number) => number | null): Rule {
  return {
    buckets(set) {
      const volgorde = waarden.values();
      // Walking the values costs a bitmap test each: only worth it when the set is large next to the domain.
      if (set.size < 4 * volgorde.length) return null;
      return (function* () {
        let gezien = 0;
        for (let i = 0; i < volgorde.length; i++) {
          const bitmap = waarden.bitmap(volgorde[aflopend ? volgorde.length - 1 - i : i]!)!;
          if (!bitmap.intersects(set)) continue;
          const emmer = RoaringBitmap32.and(bitmap, set);
          gezien += emmer.size;
          yield emmer;
        }
        if (gezien < set.size) yield RoaringBitmap32.andNot(set, waarden.range(undefined, undefined));
      })();
    },
    keys(docs) {
      const k = new Float64Array(docs.length);
      for (let p = 0; p < docs.length; p++) {
        const w = waardeVan(docs[p]!);
        k[p] = w === null ? Infinity : aflopend ? -w : w;
      }
      return k;
    },
  };
}

/**
 * The rules in Meilisearch's spirit. `relevantie`: words > typo > attribute > bijgewerkt (desc). An explicit sort
 * goes right after words (rankingRules `words, sort, typo, attribute`), so a sort never promotes a document that
 * matches fewer words; bijgewerkt (desc) stays the last tie-breaker. The profile id settles what remains.
 */
function rules(index: EmbeddedIndex, sort: Sortering, tekst: Pick<TextMatch, 'woorden' | 'behouden'> | null): Rule[] {
  const bijgewerkt = valueRule(index.bijgewerkt, true, (d) => index.dagen[d]!);
  const sortRegels: Rule[] =
    sort === 'uren:asc' || sort === 'uren:desc'
      ? [valueRule(index.uren, sort === 'uren:desc', (d) => index.urenPerDoc[d] ?? null), bijgewerkt]
      : [bijgewerkt];
  if (!tekst) return sortRegels;

  const { woorden, behouden } = tekst;
  const tekstRegels: Rule[] = [];
  const typoPerWoord = woorden.map(({ perTypos: [nul, een, twee] }) => ({
    een: RoaringBitmap32.andNot(een, nul),
    twee: RoaringBitmap32.andNot(RoaringBitmap32.andNot(twee, een), nul),
  })).filter((w) => !w.een.isEmpty || !w.twee.isEmpty);
  if (typoPerWoord.length > 0) tekstRegels.push(typoRule(typoPerWoord));
  tekstRegels.push(attributeRule(fieldMatches(index, woorden)));

  const woordRegel = behouden < woorden.length ? [wordsRule(woorden.slice(behouden).map((w) => w.alle))] : [];
  return sort === 'relevantie'
    ? [...woordRegel, ...tekstRegels, bijgewerkt]
    : [...woordRegel, sortRegels[0]!, ...tekstRegels, ...sortRegels.slice(1)];
}

/** Per distinct field weight, heaviest first, the documents in which some query word matched a field of that weight. */
function fieldMatches(index: EmbeddedIndex, woorden: readonly WordMatch[]): { gewicht: number; docs: RoaringBitmap32 }[] {
  const termen = new Set(woorden.flatMap((w) => w.termen.map((t) => t.term)));
  const perGewicht = new Map<number, RoaringBitmap32[]>();
  index.schema.velden.forEach((veld, v) => {
    const delen = perGewicht.get(veld.gewicht) ?? [];
    for (const term of termen) {
      const b = index.termPostings(term)?.perVeld[v];
      if (b) delen.push(b);
    }
    perGewicht.set(veld.gewicht, delen);
  });
  return [...perGewicht]
    .sort(([a], [b]) => b - a)
    .map(([gewicht, delen]) => ({ gewicht, docs: RoaringBitmap32.orMany(delen) }));
}

/** The `k` best of `n` positions by `cmp`, best first: a bounded heap, so large sets cost n·log k. */
function best(n: number, k: number, cmp: (a: number, b: number) => number): number[] {
  if (n <= 2 * k) return Array.from({ length: n }, (_, i) => i).sort(cmp).slice(0, k);
  const heap: number[] = [];
  const omhoog = (i: number): void => {
    while (i > 0) {
      const ouder = (i - 1) >> 1;
      if (cmp(heap[i]!, heap[ouder]!) <= 0) return;
      [heap[i], heap[ouder]] = [heap[ouder]!, heap[i]!];
      i = ouder;
    }
  };
  const omlaag = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let grootste = i;
      if (l < heap.length && cmp(heap[l]!, heap[grootste]!) > 0) grootste = l;
      if (r < heap.length && cmp(heap[r]!, heap[grootste]!) > 0) grootste = r;
      if (grootste === i) return;
      [heap[i], heap[grootste]] = [heap[grootste]!, heap[i]!];
      i = grootste;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      omhoog(heap.length - 1);
    } else if (cmp(i, heap[0]!) < 0) {
      heap[0] = i;
      omlaag(0);
    }
  }
  return heap.sort(cmp);
}

/**
 * The internal ids of the hits at positions [vanaf, vanaf + aantal) of `resultaat` in the requested order.
 * Only the buckets that overlap the page are looked into; earlier buckets are skipped by their size.
 */
export function rankPage(
  index: EmbeddedIndex,
  resultaat: RoaringBitmap32,
  sort: Sortering,
  tekst: Pick<TextMatch, 'woorden' | 'behouden'> | null,
  vanaf: number,
  aantal: number,
): number[] {
  const regels = rules(index, sort, tekst);
  const uit: number[] = [];
  let overslaan = vanaf;

  const direct = (set: RoaringBitmap32, r: number): void => {
    const docs = set.toUint32Array();
    const sleutels = regels.slice(r).map((regel) => regel.keys(docs, set));
    const cmp = (a: number, b: number): number => {
      for (const k of sleutels) if (k[a] !== k[b]) return k[a]! - k[b]!;
      const ia = index.ids[docs[a]!]!;
      const ib = index.ids[docs[b]!]!;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    };
    const top = best(docs.length, overslaan + aantal - uit.length, cmp);
    for (const p of top.slice(overslaan)) uit.push(docs[p]!);
    overslaan = 0;
  };

  const bezoek = (set: RoaringBitmap32, r: number): void => {
    if (uit.length >= aantal || set.isEmpty) return;
    if (set.size <= overslaan) {
      overslaan -= set.size;
      return;
    }
    const emmers = r < regels.length && set.size > DIRECT ? regels[r]!.buckets(set) : null;
    if (emmers === null) return direct(set, r);
    for (const emmer of emmers) {
      bezoek(emmer, r + 1);
      if (uit.length >= aantal) return;
    }
  };

  if (aantal > 0) bezoek(resultaat, 0);
  return uit;
}
