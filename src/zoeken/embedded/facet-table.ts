interface Kolom {
  /** Value names by number; numbers are never reused, so counts index them directly. */
  readonly namen: string[];
  readonly nummers: Map<string, number>;
  /** Where this facet's slots start within a row, and how many there are. */
  begin: number;
  breedte: number;
}

/**
 * The facet values of every document, as codes in one fixed-width row per document, for counting the facets of
 * a set of documents by walking its rows: one cache line per document for all facets together. That beats
 * intersecting the set with the bitmap of every value (vaardigheid has over a hundred, gemeente hundreds) until
 * the set is a sizeable part of the index.
 *
 * A slot's code indexes the facet's section of the count array directly, so the walk has no branches (it is
 * bound by memory either way; this made it some 5% faster): an unused slot j holds j (its own throwaway counter),
 * an empty facet holds `breedte` in its first slot (onbekend), and value number v holds `breedte + 1 + v`. A
 * facet's slots widen, in all rows at once, when a profile has more values than fit.
 */
export class FacetTable {
  private readonly kolommen: Kolom[];
  private rijBreedte: number;
  private rijen: Uint16Array;
  private capaciteit = 1024;

  constructor(aantalFacetten: number) {
    this.kolommen = Array.from({ length: aantalFacetten }, (_, i) => ({ namen: [], nummers: new Map(), begin: i, breedte: 1 }));
    this.rijBreedte = aantalFacetten;
    this.rijen = new Uint16Array(this.capaciteit * this.rijBreedte);
  }

  /** The value names of facet `facet`, indexed like the counts `count` returns for it. */
  namen(facet: number): readonly string[] {
    return this.kolommen[facet]!.namen;
  }

  /** Records the values `doc` has for `facet`, replacing what it had; a value listed twice counts once. */
  set(doc: number, facet: number, lijst: readonly string[]): void {
    const waarden = new Set(lijst);
    const kolom = this.kolommen[facet]!;
    if (waarden.size > kolom.breedte) this.verbreed(kolom, waarden.size);
    if (doc >= this.capaciteit) this.groei(doc + 1);
    const begin = doc * this.rijBreedte + kolom.begin;
    for (let j = 0; j < kolom.breedte; j++) this.rijen[begin + j] = j;
    if (waarden.size === 0) this.rijen[begin] = kolom.breedte;
    let j = begin;
    for (const w of waarden) this.rijen[j++] = kolom.breedte + 1 + this.nummer(kolom, w);
  }

  /**
   * Per facet in `facetten`, per value number, how many documents of `docs` have it; the entry after the last
   * value counts the documents without any value (onbekend).
   */
  count(docs: Uint32Array, facetten: readonly number[]): Int32Array[] {
    // Per slot to walk: its place in the row and where its facet's section of `tellingen` starts.
    const plekken: number[] = [];
    const secties: number[] = [];
    let lengte = 0;
    for (const facet of facetten) {
      const { begin, breedte, namen } = this.kolommen[facet]!;
      for (let j = 0; j < breedte; j++) {
        plekken.push(begin + j);
        secties.push(lengte);
      }
      lengte += breedte + 1 + namen.length;
    }
    const plek = Int32Array.from(plekken);
    const sectie = Int32Array.from(secties);
    const tellingen = new Int32Array(lengte);
    const { rijen, rijBreedte } = this;
    const slots = plek.length;
    for (let i = 0; i < docs.length; i++) {
      const rij = docs[i]! * rijBreedte;
      for (let s = 0; s < slots; s++) tellingen[sectie[s]! + rijen[rij + plek[s]!]!]!++;
    }
    let van = 0;
    return facetten.map((facet) => {
      const { breedte, namen } = this.kolommen[facet]!;
      const eigen = tellingen.subarray(van + breedte, van + breedte + 1 + namen.length);
      van += breedte + 1 + namen.length;
      // Reorder to [values..., onbekend] as documented.
      const uit = new Int32Array(namen.length + 1);
      uit.set(eigen.subarray(1));
      uit[namen.length] = eigen[0]!;
      return uit;
    });
  }

  private nummer(kolom: Kolom, waarde: string): number {
    let nummer = kolom.nummers.get(waarde);
    if (nummer === undefined) {
      if (kolom.breedte + 1 + kolom.namen.length > 0xffff) throw new RangeError('te veel verschillende waarden in één facet');
      nummer = kolom.namen.push(waarde) - 1;
      kolom.nummers.set(waarde, nummer);
    }
    return nummer;
  }

  private groei(aantalDocs: number): void {
    const oud = this.capaciteit;
    this.capaciteit = Math.max(2 * oud, aantalDocs);
    const groter = new Uint16Array(this.capaciteit * this.rijBreedte);
    groter.set(this.rijen);
    this.rijen = groter;
  }

  /** Gives `kolom` room for `breedte` values in every row; codes of values and onbekend shift along. */
  private verbreed(kolom: Kolom, breedte: number): void {
    const extra = breedte - kolom.breedte;
    const oud = this.rijBreedte;
    const nieuwBreed = oud + extra;
    const nieuw = new Uint16Array(this.capaciteit * nieuwBreed);
    for (let doc = 0; doc < this.capaciteit; doc++) {
      const van = doc * oud;
      const naar = doc * nieuwBreed;
      nieuw.set(this.rijen.subarray(van, van + kolom.begin), naar);
      for (let j = 0; j < kolom.breedte; j++) {
        const code = this.rijen[van + kolom.begin + j]!;
        nieuw[naar + kolom.begin + j] = code < kolom.breedte ? code : code + extra;
      }
      for (let j = kolom.breedte; j < breedte; j++) nieuw[naar + kolom.begin + j] = j;
      nieuw.set(this.rijen.subarray(van + kolom.begin + kolom.breedte, van + oud), naar + kolom.begin + breedte);
    }
    for (const k of this.kolommen) if (k.begin > kolom.begin) k.begin += extra;
    kolom.breedte = breedte;
    this.rijBreedte = nieuwBreed;
    this.rijen = nieuw;
  }
}
