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
  /** Index in the parent's `kinderen`. */
  plek = 0;
  /**
   * The children differ in one token only: the value, at the child's level, of the quasi-identifier that the step
   * from the child's level to this one coarsens (`kindsleutel`). A fan-out is small (gemeenten of a region, hours in
   * a band), so a scanned array is cheaper than a Map per node, and no composite key is built or hashed.
   */
  readonly kinderen: Knoop[] | null;

  constructor(readonly niveau: number, readonly kindsleutel: string, readonly blad: string | null) {
    this.kinderen = blad === null ? [] : null;
  }

  kind(token: string): Knoop | undefined {
    const kinderen = this.kinderen!;
    for (let i = 0; i < kinderen.length; i++) if (kinderen[i]!.kindsleutel === token) return kinderen[i];
    return undefined;
  }

  voegKindToe(kind: Knoop): void {
    kind.ouder = this;
    kind.plek = this.kinderen!.length;
    this.kinderen!.push(kind);
  }

  verwijderKind(kind: Knoop): void {
    const kinderen = this.kinderen!;
    const laatste = kinderen.pop()!;
    if (laatste !== kind) {
      kinderen[kind.plek] = laatste;
      laatste.plek = kind.plek;
    }
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
  private readonly wortel: Knoop;
  /** Position (leaf key order) of the quasi-identifier that the step from level l to l + 1 coarsens. */
  private readonly stapPositie: number[];
  private binnenknopen = 1;
  /** Per quasi-identifier: exact token to its token one rung up (few distinct values; saves a string per node). */
  private readonly omhoog: Map<string, string>[];
  /** Nodes whose `residu >= k` flipped since the last neemGewijzigdeBladen(). */
  private readonly kandidaten = new Set<Knoop>();

  constructor(config: SearchConfig) {
    this.r = regels(config);
    this.k = this.r.k;
    this.wortel = new Knoop(this.r.stadia.length - 1, '', null);
    this.stapPositie = this.r.stappen.map((s) => this.r.qis.indexOf(s.qi));
    this.omhoog = this.r.qis.map(() => new Map());
  }

  /** The tree of these leaves (one per profile), built at once: O(nodes) instead of O(profiles × levels). */
  static bouw(bladen: Iterable<string>, config: SearchConfig): Klassenboom {
    const telling = new Map<string, number>();
    for (const b of bladen) telling.set(b, (telling.get(b) ?? 0) + 1);
    return Klassenboom.uitTelling(telling, config);
  }

  /** The tree from how many profiles each leaf has (a leaf may appear once; counts of 0 are skipped). */
  static uitTelling(telling: Iterable<readonly [string, number]>, config: SearchConfig): Klassenboom {
    const boom = new Klassenboom(config);
    const perNiveau: Knoop[][] = boom.r.stadia.map(() => []);
    perNiveau[perNiveau.length - 1]!.push(boom.wortel);
    for (const [b, aantal] of telling) {
      if (!Number.isInteger(aantal) || aantal < 0) throw new RangeError('een aantal moet een geheel getal ≥ 0 zijn');
      if (aantal === 0) continue;
      if (boom.bladen.has(b)) throw new Error('uitTelling: een blad staat er twee keer in');
      boom.maakPad(b, (k) => perNiveau[k.niveau]!.push(k)).n = aantal;
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
    const stapel = [this.wortel];
    for (let x = stapel.pop(); x; x = stapel.pop()) {
      if (x.residu >= this.k) yield { niveau: x.niveau, grootte: x.residu };
      if (x.kinderen) stapel.push(...x.kinderen);
    }
  }

  /** Every leaf with profiles and how many. */
  *bladenMetAantal(): IterableIterator<[string, number]> {
    for (const [b, x] of this.bladen) yield [b, x.n];
  }

  statistiek(): Boomstatistiek {
    const rest = this.wortel.residu;
    // The root's n is the sum over the leaves: uitTelling adds each node's n to its parent, wijzig walks up to the root.
    return { profielen: this.wortel.n, bladen: this.bladen.size, knopen: this.bladen.size + this.binnenknopen, nietPubliceerbaar: rest < this.k ? rest : 0 };
  }

  /** The leaves that route into x: those below it through nodes whose residual stays between 1 and k - 1. */
  private verzamel(x: Knoop, uit: Set<string>): void {
    if (x.blad !== null) {
      uit.add(x.blad);
      return;
    }
    // A child with residual 0 passes nothing up: every leaf below it is published below it (a leaf has ≥ 1 profile).
    for (const kind of x.kinderen!) if (kind.residu > 0 && kind.residu < this.k) this.verzamel(kind, uit);
  }

  /** Creates the leaf and whichever of its ancestors do not exist yet, walking down from the root. */
  private maakPad(b: string, nieuw?: (k: Knoop) => void): Knoop {
    const r = this.r;
    const exact = bladTokens(b, r);
    let x = this.wortel;
    for (let niveau = r.stadia.length - 2; niveau >= 0; niveau--) {
      const i = this.stapPositie[niveau]!;
      const token = r.stadia[niveau]![i] === 0 ? exact[i]! : this.gegeneraliseerd(i, exact[i]!);
      let kind = x.kind(token);
      if (!kind) {
        kind = new Knoop(niveau, token, niveau === 0 ? b : null);
        x.voegKindToe(kind);
        if (niveau === 0) this.bladen.set(b, kind);
        else this.binnenknopen++;
        nieuw?.(kind);
      }
      x = kind;
    }
    return x;
  }

  private gegeneraliseerd(i: number, exact: string): string {
    const cache = this.omhoog[i]!;
    let token = cache.get(exact);
    if (token === undefined) {
      token = gegeneraliseerdToken(this.r.qis[i]!, exact, this.r);
      cache.set(exact, token);
    }
    return token;
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
      // Empty nodes go (the root stays).
      for (let x: Knoop = blad; x.ouder && x.n === 0; x = x.ouder) {
        x.weg = true;
        if (x.blad !== null) this.bladen.delete(x.blad);
        else this.binnenknopen--;
        x.ouder.verwijderKind(x);
      }
    }
  }
}
