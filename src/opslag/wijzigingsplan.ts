/** One committed write in the change log. */
export interface Logregel {
  volgnummer: number;
  /** A full export: the whole mirror may have changed. */
  vervangt: boolean;
  gewijzigd: readonly string[];
  verwijderd: readonly string[];
}

/**
 * Beyond this many changed profiles an index is rebuilt from the mirror instead: one consistent read of
 * everything costs less than looking up this many profiles one by one, and holds no list of them in memory.
 */
export const MAX_LOSSE_WIJZIGINGEN = 50_000;

export type Wijzigingsplan =
  | { soort: 'herbouw' }
  | { soort: 'wijzig'; upsert: string[]; verwijder: string[] };

/**
 * What an index at position `na` must do to reach `laatste`, given the log entries after `na` (in order). Positions
 * have no gaps, so a missing entry means it was cleaned up before this index applied it: then only a rebuild gives
 * the right index. So does an index ahead of the log (a restored database) and a full export.
 */
export function planWijzigingen(na: number | null, laatste: number, regels: readonly Logregel[]): Wijzigingsplan {
  if (na === null || na > laatste || regels.length !== laatste - na || regels[0] && regels[0].volgnummer !== na + 1) return { soort: 'herbouw' };
  const stand = new Map<string, boolean>();
  for (const r of regels) {
    if (r.vervangt) return { soort: 'herbouw' };
    for (const id of r.gewijzigd) stand.set(id, true);
    for (const id of r.verwijderd) stand.set(id, false);
    if (stand.size > MAX_LOSSE_WIJZIGINGEN) return { soort: 'herbouw' };
  }
  const upsert: string[] = [];
  const verwijder: string[] = [];
  for (const [id, bestaat] of stand) (bestaat ? upsert : verwijder).push(id);
  return { soort: 'wijzig', upsert, verwijder };
}

/**
 * The ids one write transaction changed, in the order of its operations: what a follower must upsert and remove.
 * A full export keeps no ids (followers rebuild), so it does not hold a quarter of a million of them in memory.
 */
export class Wijzigingsspoor {
  readonly gewijzigd = new Set<string>();
  readonly verwijderd = new Set<string>();
  vervangt = false;
  /** Profiles added minus removed: the committed count moves by this much. */
  verschil = 0;

  upsert(id: string, uitkomst: 'toegevoegd' | 'bijgewerkt' | 'ongewijzigd'): void {
    if (uitkomst === 'toegevoegd') this.verschil++;
    if (uitkomst === 'ongewijzigd' || this.vervangt) return;
    this.verwijderd.delete(id);
    this.gewijzigd.add(id);
  }

  verwijder(id: string): void {
    this.verschil--;
    if (this.vervangt) return;
    this.gewijzigd.delete(id);
    this.verwijderd.add(id);
  }

  get leeg(): boolean {
    return !this.vervangt && this.gewijzigd.size === 0 && this.verwijderd.size === 0;
  }
}

/** Tells each listener; a listener that throws must neither fail a committed write nor silence the others. */
export function meldAan(luisteraars: Iterable<(volgnummer: number) => void>, volgnummer: number): void {
  for (const bij of luisteraars) {
    try {
      bij(volgnummer);
    } catch { /* best effort, as the port says: followers poll as well */ }
  }
}
