import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';

/** One document changed by a write: its number, what it holds now (absent: removed) and what it held before. */
export interface Wijziging {
  doc: number;
  profiel?: Kandidaatprofiel;
  oud?: Kandidaatprofiel;
}

/**
 * The stored profiles under dense internal document numbers (freed numbers are reused), which the bitmaps of an
 * index refer to. `profielen` is replaced, never changed, by a write: a search that took it keeps a consistent
 * view while later writes go on, also when its bitmaps are searched in another thread.
 */
export class ProfielRegister {
  private lijst: readonly (Kandidaatprofiel | undefined)[] = [];
  private readonly intern = new Map<string, number>();
  private readonly vrij: number[] = [];

  get profielen(): readonly (Kandidaatprofiel | undefined)[] {
    return this.lijst;
  }

  get size(): number {
    return this.intern.size;
  }

  internalId(id: string): number | undefined {
    return this.intern.get(id);
  }

  /** Stores `upserts` (replacing profiles with the same id) and drops `removes` (unknown ids are skipped). */
  schrijf(upserts: readonly Kandidaatprofiel[], removes: readonly string[] = []): Wijziging[] {
    const lijst = [...this.lijst];
    const wijzigingen: Wijziging[] = [];
    for (const profiel of upserts) {
      let doc = this.intern.get(profiel.id);
      if (doc === undefined) {
        doc = this.vrij.pop() ?? lijst.length;
        this.intern.set(profiel.id, doc);
      }
      wijzigingen.push({ doc, profiel, oud: lijst[doc] });
      lijst[doc] = profiel;
    }
    for (const id of removes) {
      const doc = this.intern.get(id);
      if (doc === undefined) continue;
      wijzigingen.push({ doc, oud: lijst[doc] });
      lijst[doc] = undefined;
      this.intern.delete(id);
      this.vrij.push(doc);
    }
    this.lijst = lijst;
    return wijzigingen;
  }
}
