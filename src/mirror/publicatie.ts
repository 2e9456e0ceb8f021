import { createHash } from 'node:crypto';
import type { Kandidaatprofiel, Publiekeweergave } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import type { Mirrorrij, MirrorTransactie, OpgeslagenMirrorrij } from '../opslag/opslag.port';
import { Klassenboom } from '../privacy/klassenboom';
import { blad, NIET_GETOOND, publiek } from '../privacy/publiek';

/** Profiles read or written per statement while classes are published anew. */
const DEEL = 500;

/** What a profile shows employers when no generalisation can hide it (fewer than k such profiles in the mirror). */
const VERBORGEN: Publiekeweergave = {
  zichtbaar: 'nee', regio: NIET_GETOOND, gemeente: NIET_GETOOND, opleidingsniveau: NIET_GETOOND, uren: NIET_GETOOND,
  reisafstand: NIET_GETOOND, rijbewijs: [NIET_GETOOND], eigenVervoer: NIET_GETOOND,
};

/** Mirror meta key holding the fingerprint of the rules every stored `publiek` was computed with. */
export const META_PUBLICATIEREGELS = 'publicatieregels';

/**
 * Keeps every profile's employer view (`Kandidaatprofiel.publiek`) k-anonymous as the mirror changes, inside the
 * same write transaction: a profile is published with the classes as they are after its own change, and when a
 * class grows or shrinks past k, the profiles whose view that changes are written again (and so reach every
 * instance's index through the change log, like any change).
 *
 * The class tree lives in memory between writes. It describes the mirror at change log position `stand`; a write
 * that starts from another position (another instance wrote, or a write failed) rebuilds it from the class counts.
 */
export class Publicatie {
  private boom: Klassenboom | null = null;
  private stand: number | null = null;
  /**
   * Per class written in this transaction, the levels it was published at. The tree reports classes whose level
   * changed since `begin`; one that went up and back down within the transaction is not among them, yet the rows
   * written in between carry the level of that moment.
   */
  private geschreven = new Map<string, Set<number | null>>();
  /** Fingerprint of what the views depend on: the privacy rules and the gemeente-to-region map. */
  readonly regels: string;

  constructor(private readonly config: SearchConfig) {
    this.regels = createHash('sha256')
      .update(JSON.stringify({ privacy: { ...config.privacy, toelichting: undefined, bewaartermijnen: undefined }, gemeenten: [...config.gemeenten.values()].map((g) => [g.code, g.regio]) }))
      .digest('hex').slice(0, 16);
  }

  /**
   * Call first in every write transaction. `allesOpnieuw`: the rules changed (`regels` differs from what the mirror
   * recorded under META_PUBLICATIEREGELS), so every profile is classified and published anew.
   */
  async begin(tx: MirrorTransactie, allesOpnieuw = false): Promise<void> {
    if (allesOpnieuw) await this.herpubliceerAlles(tx);
    else if (this.boom === null || this.stand !== await tx.volgnummerVooraf()) {
      const telling = await tx.klassentelling();
      // Rows from before classes existed (an upgraded mirror) would be missing from the tree: classify everything.
      if (telling.has(null)) await this.herpubliceerAlles(tx);
      else this.boom = Klassenboom.uitTelling(geklasseerd(telling), this.config);
    }
    this.actueel().neemGewijzigdeBladen();
    this.geschreven.clear();
  }

  /** The rows to store for these profiles, each published with the classes as they are once it is in. */
  async voorUpsert(tx: MirrorTransactie, profielen: readonly Kandidaatprofiel[]): Promise<Mirrorrij[]> {
    const boom = this.actueel();
    const oud = await tx.klassen(profielen.map((p) => p.id));
    const klassen = profielen.map((p) => {
      const klasse = blad(p, this.config);
      const vorige = oud.get(p.id);
      if (vorige !== klasse) {
        if (typeof vorige === 'string') boom.verwijder(vorige);
        boom.voegToe(klasse);
      }
      return klasse;
    });
    return profielen.map((p, i) => {
      const klasse = klassen[i]!;
      const niveau = boom.niveau(klasse);
      this.geschreven.set(klasse, (this.geschreven.get(klasse) ?? new Set<number | null>()).add(niveau));
      return this.rij(p, klasse, niveau);
    });
  }

  /** Takes the classes of these ids (those in the mirror) out of the tree; call before removing them. */
  async voorVerwijderen(tx: MirrorTransactie, ids: readonly string[]): Promise<void> {
    const boom = this.actueel();
    for (const klasse of (await tx.klassen(ids)).values()) if (klasse !== null) boom.verwijder(klasse);
  }

  /** Call last in the transaction: writes again every profile whose view changed since `begin`. */
  async rondAf(tx: MirrorTransactie): Promise<void> {
    const boom = this.actueel();
    const nagaan = new Set(boom.neemGewijzigdeBladen());
    for (const [klasse, niveaus] of this.geschreven) if (niveaus.size > 1 || !niveaus.has(boom.niveau(klasse))) nagaan.add(klasse);
    this.geschreven.clear();
    const bladen = [...nagaan];
    for (let i = 0; i < bladen.length; i += DEEL) {
      const rijen = await tx.profielenInKlassen(bladen.slice(i, i + DEEL));
      await this.schrijfGewijzigde(tx, rijen.map((r) => ({ oud: r, nieuw: this.rij(r.profiel, r.klasse) })));
    }
  }

  /** Classifies and publishes the whole mirror anew: one pass to count the classes, one to write what changed. */
  private async herpubliceerAlles(tx: MirrorTransactie): Promise<void> {
    const klassen: string[] = [];
    for await (const deel of alleRijen(tx)) for (const { profiel } of deel) klassen.push(blad(profiel, this.config));
    this.boom = Klassenboom.bouw(klassen, this.config);
    for await (const deel of alleRijen(tx)) {
      await this.schrijfGewijzigde(tx, deel.map((r) => ({ oud: r, nieuw: this.rij(r.profiel, blad(r.profiel, this.config)) })));
    }
    this.boom.neemGewijzigdeBladen();
  }

  private async schrijfGewijzigde(tx: MirrorTransactie, paren: { oud: OpgeslagenMirrorrij; nieuw: Mirrorrij }[]): Promise<void> {
    const anders = paren.filter(({ oud, nieuw }) => oud.klasse !== nieuw.klasse || JSON.stringify(oud.profiel.publiek) !== JSON.stringify(nieuw.profiel.publiek));
    if (anders.length > 0) await tx.herpubliceer(anders.map((p) => p.nieuw));
  }

  /** The transaction committed at this position: the tree describes the mirror there. */
  gecommit(volgnummer: number): void {
    this.stand = volgnummer;
  }

  /** The transaction rolled back: the tree may hold changes that never happened. */
  vergeet(): void {
    this.boom = null;
    this.stand = null;
  }

  private actueel(): Klassenboom {
    if (!this.boom) throw new Error('Publicatie.begin() is niet aangeroepen in deze transactie');
    return this.boom;
  }

  private rij(profiel: Kandidaatprofiel, klasse: string, niveau = this.actueel().niveau(klasse)): Mirrorrij {
    const weergave: Publiekeweergave = niveau === null ? VERBORGEN : { zichtbaar: 'ja', ...publiek(profiel, niveau, this.config) };
    return { profiel: { ...profiel, publiek: weergave }, klasse };
  }
}

/** The whole mirror in id order, a part at a time. */
async function* alleRijen(tx: MirrorTransactie): AsyncGenerator<OpgeslagenMirrorrij[]> {
  for (let na: string | null = null; ;) {
    const deel = await tx.profielenNa(na, DEEL * 4);
    if (deel.length === 0) return;
    yield deel;
    na = deel[deel.length - 1]!.profiel.id;
  }
}

/** The counts of classified rows (unclassified ones are left to `herpubliceerAlles`). */
function* geklasseerd(telling: ReadonlyMap<string | null, number>): Generator<readonly [string, number]> {
  for (const [klasse, n] of telling) if (klasse !== null) yield [klasse, n];
}
