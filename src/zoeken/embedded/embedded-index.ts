import { RoaringBitmap32 } from 'roaring';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { FacetNaam } from '../search-engine.port';
import type { EngineSchema } from './engine-schema';
import { FacetTable } from './facet-table';
import type { ProfielLezer, Wijziging } from './profiel-register';
import { facetValues, textValues } from './profile-fields';
import { SortedBitmaps } from './sorted-bitmaps';
import { Vocabulary } from './vocabulary';

const DAG_MS = 86_400_000;

/** Days since 1970 of an ISO date; an unreadable date counts as the oldest. */
function dagnummer(datum: string): number {
  const ms = Date.parse(datum);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / DAG_MS);
}

/** The documents of one term, overall and per searchable field (indexed like `schema.velden`). */
export interface Postings {
  docs: RoaringBitmap32;
  perVeld: (RoaringBitmap32 | undefined)[];
}

/** One bitmap per value of a facet, and the documents where that part of the profile is empty. */
export interface FacetPostings {
  waarden: Map<string, RoaringBitmap32>;
  onbekend: RoaringBitmap32;
  /** This facet's number in `EmbeddedIndex.facetTabel`. */
  kolom: number;
}

/**
 * The bitmaps of the search: per facet value, per number (hours, travel distance, day), per term, all over the
 * document numbers of a ProfielRegister, plus per document the few values ranking reads. It keeps no profiles:
 * a change hands it the profile a document held before, from which its entries are derived again to be removed.
 */
export class EmbeddedIndex {
  readonly levend = new RoaringBitmap32();
  readonly facetten = new Map<FacetNaam, FacetPostings>();
  /** The same facet values per document, for counting small sets. */
  readonly facetTabel: FacetTable;
  readonly uren = new SortedBitmaps();
  readonly reisafstand = new SortedBitmaps();
  /** `bijgewerkt` as a day number, per value and per document (for ranking). */
  readonly bijgewerkt = new SortedBitmaps();
  readonly dagen: number[] = [];
  /** Per document its profile id (the last tie-breaker of ranking) and its hours (the hours sort). */
  readonly ids: (string | undefined)[] = [];
  readonly urenPerDoc: (number | null)[] = [];
  readonly vocabulary: Vocabulary;
  private readonly postings = new Map<string, Postings>();

  constructor(readonly schema: EngineSchema) {
    for (const naam of schema.facetPaden.keys()) {
      this.facetten.set(naam, { waarden: new Map(), onbekend: new RoaringBitmap32(), kolom: this.facetten.size });
    }
    this.facetTabel = new FacetTable(this.facetten.size);
    this.vocabulary = new Vocabulary(schema.typfouten, schema.synoniemen, (w) => schema.analyzer.stem(w));
  }

  get size(): number {
    return this.levend.size;
  }

  termPostings(term: string): Postings | undefined {
    return this.postings.get(term);
  }

  /** Applies the changes a ProfielRegister write returned, in their order, reading profiles through `lezer`. */
  apply(wijzigingen: readonly Wijziging[], lezer: ProfielLezer): void {
    for (const { doc, plek, oud, profiel } of wijzigingen) {
      if (oud) this.ontkoppel(doc, lezer.leesPlek(oud));
      if (plek) this.koppel(doc, profiel ?? lezer.leesPlek(plek));
      else this.ids[doc] = undefined;
    }
  }

  /** Empties every bitmap, handing their native memory back at once; for an index nobody searches any more. */
  vrijgeven(): void {
    for (const b of this.bitmaps()) b.clear();
  }

  /** Compresses every bitmap; worth it once after a bulk build. */
  optimize(): void {
    for (const b of this.bitmaps()) b.runOptimize();
  }

  private *bitmaps(): Generator<RoaringBitmap32> {
    yield this.levend;
    for (const f of this.facetten.values()) {
      yield f.onbekend;
      yield* f.waarden.values();
    }
    for (const p of this.postings.values()) {
      yield p.docs;
      for (const b of p.perVeld) if (b) yield b;
    }
    for (const s of [this.uren, this.reisafstand, this.bijgewerkt]) yield* s.bitmaps();
  }

  private koppel(doc: number, p: Kandidaatprofiel): void {
    this.levend.add(doc);
    this.ids[doc] = p.id;
    this.urenPerDoc[doc] = p.urenPerWeek;
    const { velden, analyzer } = this.schema;
    for (let v = 0; v < velden.length; v++) {
      for (const waarde of textValues(p, velden[v]!.pad)) {
        for (const term of analyzer.terms(waarde)) {
          let post = this.postings.get(term);
          if (!post) {
            post = { docs: new RoaringBitmap32(), perVeld: [] };
            this.postings.set(term, post);
            this.vocabulary.add(term);
          }
          post.docs.add(doc);
          (post.perVeld[v] ??= new RoaringBitmap32()).add(doc);
        }
      }
    }
    for (const [naam, pad] of this.schema.facetPaden) {
      const facet = this.facetten.get(naam)!;
      const waarden = facetValues(p, pad);
      if (waarden.length === 0) facet.onbekend.add(doc);
      for (const w of waarden) {
        let bitmap = facet.waarden.get(w);
        if (!bitmap) facet.waarden.set(w, (bitmap = new RoaringBitmap32()));
        bitmap.add(doc);
      }
      this.facetTabel.set(doc, facet.kolom, waarden);
    }
    if (p.urenPerWeek !== null) this.uren.add(p.urenPerWeek, doc);
    if (p.reisafstandKm !== null) this.reisafstand.add(p.reisafstandKm, doc);
    this.dagen[doc] = dagnummer(p.bijgewerkt);
    this.bijgewerkt.add(this.dagen[doc], doc);
  }

  private ontkoppel(doc: number, p: Kandidaatprofiel): void {
    this.levend.remove(doc);
    const { velden, analyzer } = this.schema;
    for (let v = 0; v < velden.length; v++) {
      for (const waarde of textValues(p, velden[v]!.pad)) {
        for (const term of analyzer.terms(waarde)) {
          const post = this.postings.get(term);
          post?.docs.remove(doc);
          post?.perVeld[v]?.remove(doc);
        }
      }
    }
    for (const [naam, pad] of this.schema.facetPaden) {
      const facet = this.facetten.get(naam)!;
      facet.onbekend.remove(doc);
      for (const w of facetValues(p, pad)) facet.waarden.get(w)?.remove(doc);
    }
    if (p.urenPerWeek !== null) this.uren.remove(p.urenPerWeek, doc);
    if (p.reisafstandKm !== null) this.reisafstand.remove(p.reisafstandKm, doc);
    this.bijgewerkt.remove(this.dagen[doc]!, doc);
  }
}
