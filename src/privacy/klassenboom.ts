import type { SearchConfig } from '../config/search-config';
import { bladTokens, gegeneraliseerdToken } from './publiek';
import { regels, type Regels } from './regels';

/**
 * One class: the profiles whose quasi-identifiers are equal at this node's level. `residu` is what was routed into
 * it and not published below (a leaf: its count; an inner node: the sum of its children's residuals under k).
 */
class Knoop {
  ouder: Knoop | null = null;
  /** Profiles in the subtree; the node goes when it reaches 0. */
  n = 0;
  residu = 0;
  /** `residu >= k` as last reported by neemGewijzigdeBladen (false for a new node: it had no profiles). */
  gemeld = false;
  weg = false;
  readonly kinderen: Set<Knoop> | null;

  constructor(readonly niveau: number, readonly sleutel: string, readonly blad: string | null) {
    this.kinderen = blad === null ? new Set() : null;
  }
}

/** A published class: `grootte` profiles shown with the quasi-identifiers coarsened as at `niveau`. */
export interface Klasse { niveau: number; grootte: number }

export interface Boomstatistiek {
  profielen: number;
  /** Distinct exact combinations (leaves with profiles). */
  bladen: number;
  knopen: number;
  /** Profiles that cannot be published at all: fewer than k left over at the root (at most k - 1). */
  nietPubliceerbaar: number;
}

/**
 * The classes of the quasi-identifiers as a tree: a leaf is an exact combination, each level coarsens one
 * quasi-identifier one rung (see regels.ts), the root has every one suppressed. A leaf's profiles are published at
 * the first node on its path up whose residual reaches k, so every published combination is shared by at least k
 * profiles, and as few as possible are coarsened. Adding or removing one profile costs O(levels).
 */
export class Klassenboom {
  private readonly r: Regels;
  private readonly k: number;
  private readonly bladen = new Map<string, Knoop>();
  private readonly binnen = new Map<string, Knoop>();
  /** Nodes whose `residu >= k` flipped since the last neemGewijzigdeBladen(). */
  private readonly kandidaten = new Set<Knoop>();

  constructor(config: SearchConfig) {
    this.r = regels(config);
    this.k = this.r.k;
  }

  /** The tree of these leaves (one per profile), built at once: O(nodes) instead of O(profiles × levels). */
  static bouw(bladen: Iterable<string>, config: SearchConfig): Klassenboom {
    const boom = new Klassenboom(config);
    const perNiveau: Knoop[][] = boom.r.stadia.map(() => []);
    for (const b of bladen) {
      let blad = boom.bladen.get(b);
      if (!blad) {
        blad = boom.maakPad(b, (k) => perNiveau[k.niveau]!.push(k));
      }
      blad.n++;
    }
    const k = boom.k;
    for (const niveau of perNiveau) {
      for (const x of niveau) {
        if (x.blad !== null) x.residu = x.n;
        x.gemeld = x.residu >= k;
        const ouder = x.ouder;
        if (ouder) {
          ouder.n += x.n;
          if (x.residu < k) ouder.residu += x.residu;
        }
      }
    }
    return boom;
  }

  voegToe(blad: string): void {
    this.wijzig(this.bladen.get(blad) ?? this.maakPad(blad), 1);
  }

  /** Removes one profile of this leaf; throws when the leaf has none. */
  verwijder(blad: string): void {
    const knoop = this.bladen.get(blad);
    if (!knoop) throw new Error('verwijder: dit blad heeft geen profielen in de klassenboom');
    this.wijzig(knoop, -1);
  }

  /**
   * The level at which this leaf's profiles are published, or null when they cannot be published (fewer than k
   * left over at the root) or the leaf has no profiles.
   */
  niveau(blad: string): number | null {
    for (let x = this.bladen.get(blad) ?? null; x; x = x.ouder) if (x.residu >= this.k) return x.niveau;
    return null;
  }

  /**
   * The leaves whose level may have changed since the previous call (those that route into a node whose
   * `residu >= k` flipped), then forgets. A leaf the caller itself added or removed is the caller's business.
   */
  neemGewijzigdeBladen(): string[] {
    const uit = new Set<string>();
    for (const x of this.kandidaten) {
      if (x.weg) continue;
      const nu = x.residu >= this.k;
      if (nu === x.gemeld) continue;
      x.gemeld = nu;
      this.verzamel(x, uit);
    }
    this.kandidaten.clear();
    return [...uit];
  }

  /** Every published class (a node with residual ≥ k); several may show the same combination. */
  *klassen(): IterableIterator<Klasse> {
    for (const kaart of [this.bladen, this.binnen]) {
      for (const x of kaart.values()) if (x.residu >= this.k) yield { niveau: x.niveau, grootte: x.residu };
    }
  }

  /** Every leaf with profiles and how many. */
  *bladenMetAantal(): IterableIterator<[string, number]> {
    for (const [b, x] of this.bladen) yield [b, x.n];
  }

  statistiek(): Boomstatistiek {
    let profielen = 0;
    for (const x of this.bladen.values()) profielen += x.n;
    const wortel = this.wortel();
    const rest = wortel?.residu ?? 0;
    return { profielen, bladen: this.bladen.size, knopen: this.bladen.size + this.binnen.size, nietPubliceerbaar: rest < this.k ? rest : 0 };
  }

  private wortel(): Knoop | null {
    const eerste = this.bladen.values().next();
    let x: Knoop | null = eerste.done ? null : eerste.value;
    while (x?.ouder) x = x.ouder;
    return x;
  }

  /** The leaves that route into x: those below it through nodes whose residual stays under k. */
  private verzamel(x: Knoop, uit: Set<string>): void {
    if (x.blad !== null) {
      uit.add(x.blad);
      return;
    }
    for (const kind of x.kinderen!) if (kind.residu < this.k) this.verzamel(kind, uit);
  }

  /** Creates the leaf and whichever of its ancestors do not exist yet. */
  private maakPad(b: string, nieuw?: (k: Knoop) => void): Knoop {
    const r = this.r;
    const exact = bladTokens(b, r);
    let omhoog: string[] | null = null;
    const blad = new Knoop(0, b, b);
    this.bladen.set(b, blad);
    nieuw?.(blad);
    let kind = blad;
    for (let niveau = 1; niveau < r.stadia.length; niveau++) {
      const stadia = r.stadia[niveau]!;
      omhoog ??= exact.map((t, i) => gegeneraliseerdToken(r.qis[i]!, t, r));
      let sleutel = `${niveau}#`;
      for (let i = 0; i < exact.length; i++) {
        if (i > 0) sleutel += '|';
        const s = stadia[i];
        sleutel += s === 0 ? exact[i] : s === 1 ? omhoog[i] : '-';
      }
      const bestaand = this.binnen.get(sleutel);
      if (bestaand) {
        kind.ouder = bestaand;
        bestaand.kinderen!.add(kind);
        return blad;
      }
      const knoop = new Knoop(niveau, sleutel, null);
      this.binnen.set(sleutel, knoop);
      nieuw?.(knoop);
      kind.ouder = knoop;
      knoop.kinderen!.add(kind);
      kind = knoop;
    }
    return blad;
  }

  private wijzig(blad: Knoop, d: 1 | -1): void {
    const k = this.k;
    let delta: number = d;
    for (let x: Knoop | null = blad; x; x = x.ouder) {
      x.n += d;
      if (delta === 0) continue;
      const oud = x.residu;
      const nieuw = oud + delta;
      x.residu = nieuw;
      if ((oud >= k) !== (nieuw >= k)) this.kandidaten.add(x);
      // What this node passes on to its parent: its residual while it stays under k.
      delta = (nieuw < k ? nieuw : 0) - (oud < k ? oud : 0);
    }
    if (d < 0) {
      for (let x: Knoop | null = blad; x && x.n === 0; x = x.ouder) {
        x.weg = true;
        if (x.blad !== null) this.bladen.delete(x.blad);
        else this.binnen.delete(x.sleutel);
        x.ouder?.kinderen!.delete(x);
      }
    }
  }
}
