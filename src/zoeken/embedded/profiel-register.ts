import { KANDIDAATPROFIEL_VELDEN, type Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';

// Replaced profiles stay in the blocks until the register is built anew: after this much, when it is also more
// than the live profiles, it is worth rebuilding (a nightly full export rebuilds anyway).
const AFVAL_MIN_BYTES = 64 * 2 ** 20;

/** Size of one block of profile bytes; a profile is a few hundred bytes. */
const DEEL_BYTES = 8 * 2 ** 20;

// A profile is stored as the JSON array of its field values, not as an object: the names took some 40% of the bytes.
const codeer = (profiel: Kandidaatprofiel): string => JSON.stringify(KANDIDAATPROFIEL_VELDEN.map((veld) => profiel[veld]));

function decodeer(json: string): Kandidaatprofiel {
  const waarden = JSON.parse(json) as unknown[];
  const profiel: Record<string, unknown> = {};
  KANDIDAATPROFIEL_VELDEN.forEach((veld, i) => {
    profiel[veld] = waarden[i];
  });
  return profiel as unknown as Kandidaatprofiel;
}

/** Where a document's profile is stored: block number, byte offset and length of its JSON. */
export interface Plek {
  deel: number;
  van: number;
  lengte: number;
}

/**
 * One document changed by a write: its number, where its profile is stored now (absent: removed) and where the
 * one it held before is (the bytes stay, so an index can derive what to remove). `profiel` is the new profile
 * itself where the writer still has it; search threads get the change without it and read the bytes.
 */
export interface Wijziging {
  doc: number;
  plek?: Plek;
  oud?: Plek;
  profiel?: Kandidaatprofiel;
}

/**
 * Reads profiles by document number from blocks of bytes. The blocks are SharedArrayBuffers: written once by the
 * main thread, read by search threads without copies. Profiles live outside the JavaScript heap this way
 * (a quarter of a million profile objects made every garbage collection slow and the heap large).
 */
export class ProfielLezer {
  delen: SharedArrayBuffer[] = [];
  private deel = new Int32Array(1024).fill(-1);
  private van = new Int32Array(1024);
  private lengte = new Int32Array(1024);

  /** Records where `doc` is stored now; no `plek`: the document is gone. */
  zet(doc: number, plek: Plek | undefined): void {
    if (doc >= this.deel.length) this.groei(doc + 1);
    this.deel[doc] = plek ? plek.deel : -1;
    if (plek) {
      this.van[doc] = plek.van;
      this.lengte[doc] = plek.lengte;
    }
  }

  /** Where the profile of `doc` is stored; undefined when there is none. */
  plek(doc: number): Plek | undefined {
    if (doc >= this.deel.length || this.deel[doc]! < 0) return undefined;
    return { deel: this.deel[doc]!, van: this.van[doc]!, lengte: this.lengte[doc]! };
  }

  /** Bytes of the profile of `doc` (0 when there is none). */
  grootte(doc: number): number {
    return this.plek(doc)?.lengte ?? 0;
  }

  lees(doc: number): Kandidaatprofiel | undefined {
    const plek = this.plek(doc);
    return plek && this.leesPlek(plek);
  }

  leesPlek({ deel, van, lengte }: Plek): Kandidaatprofiel {
    return decodeer(Buffer.from(this.delen[deel]!, van, lengte).toString('utf8'));
  }

  private groei(n: number): void {
    const lengte = Math.max(n, 2 * this.deel.length);
    const groter = (oud: Int32Array, vul: number) => {
      const nieuw = new Int32Array(lengte).fill(vul);
      nieuw.set(oud);
      return nieuw;
    };
    this.deel = groter(this.deel, -1);
    this.van = groter(this.van, 0);
    this.lengte = groter(this.lengte, 0);
  }
}

/**
 * The stored profiles under dense internal document numbers (freed numbers are reused), which the bitmaps of an
 * index refer to. A write appends the profiles' JSON to the blocks; replaced bytes stay until the register is
 * built anew (see moetOpruimen).
 */
export class ProfielRegister {
  readonly lezer = new ProfielLezer();
  private readonly intern = new Map<string, number>();
  private readonly vrij: number[] = [];
  private positie = DEEL_BYTES;
  private bytes = 0;
  private levendeBytes = 0;

  get size(): number {
    return this.intern.size;
  }

  /** Bytes of replaced and removed profiles still in the blocks. */
  get afval(): number {
    return this.bytes - this.levendeBytes;
  }

  get levend(): number {
    return this.levendeBytes;
  }

  /** True when the register holds more replaced bytes than live ones, and enough to be worth a rebuild. */
  moetOpruimen(): boolean {
    return this.afval > Math.max(AFVAL_MIN_BYTES, this.levend);
  }

  internalId(id: string): number | undefined {
    return this.intern.get(id);
  }

  profiel(doc: number): Kandidaatprofiel | undefined {
    return this.lezer.lees(doc);
  }

  /** Every stored profile, for building a register anew. */
  *profielen(): Generator<Kandidaatprofiel> {
    for (const { plek } of this.alle()) yield this.lezer.leesPlek(plek);
  }

  /** Every stored profile as a change that adds it, in document order. */
  *alle(): Generator<{ doc: number; plek: Plek }> {
    for (const doc of [...this.intern.values()].sort((a, b) => a - b)) yield { doc, plek: this.lezer.plek(doc)! };
  }

  /** Stores `upserts` (replacing profiles with the same id) and drops `removes` (unknown ids are skipped). */
  schrijf(upserts: readonly Kandidaatprofiel[], removes: readonly string[] = []): Wijziging[] {
    const wijzigingen: Wijziging[] = [];
    for (const profiel of upserts) {
      let doc = this.intern.get(profiel.id);
      const oud = doc === undefined ? undefined : this.lezer.plek(doc);
      if (doc === undefined) {
        doc = this.vrij.pop() ?? this.intern.size + this.vrij.length;
        this.intern.set(profiel.id, doc);
      }
      this.levendeBytes -= this.lezer.grootte(doc);
      const plek = this.bewaar(profiel);
      this.lezer.zet(doc, plek);
      wijzigingen.push({ doc, profiel, oud, plek });
    }
    for (const id of removes) {
      const doc = this.intern.get(id);
      if (doc === undefined) continue;
      const oud = this.lezer.plek(doc)!;
      this.levendeBytes -= this.lezer.grootte(doc);
      this.lezer.zet(doc, undefined);
      this.intern.delete(id);
      this.vrij.push(doc);
      wijzigingen.push({ doc, oud });
    }
    return wijzigingen;
  }

  private bewaar(profiel: Kandidaatprofiel): Plek {
    const json = Buffer.from(codeer(profiel), 'utf8');
    const delen = this.lezer.delen;
    if (this.positie + json.length > (delen.at(-1)?.byteLength ?? 0)) {
      delen.push(new SharedArrayBuffer(Math.max(DEEL_BYTES, json.length)));
      this.positie = 0;
    }
    const plek = { deel: delen.length - 1, van: this.positie, lengte: json.length };
    json.copy(Buffer.from(delen[plek.deel]!), plek.van);
    this.positie += json.length;
    this.bytes += json.length;
    this.levendeBytes += json.length;
    return plek;
  }
}
