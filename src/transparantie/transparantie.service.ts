import type { SearchConfig } from '../config/search-config';
import type { Logger } from '../logging/logger';
import type { DoelgroepregisterTelling, MirrorOpslag, SnapshotOpslag } from '../opslag/opslag.port';
import type { SearchEngine } from '../zoeken/search-engine.port';
import { isPeriode, PERIODE_MELDING, periodeVan, vorigePeriode } from './periode';
import {
  bouwLandelijkOverzicht, bouwRegiorapport, bouwTrend, maakTelstand, registerVoorStand, type Rapportkop,
} from './rapport';
import { GeenSnapshotFout, OngeldigeKeuzeFout, SnapshotBestaatFout } from './transparantie.errors';
import type {
  LandelijkOverzicht, Periodes, Regiorapport, Snapshotinfo, Telstand, Trend,
} from './transparantie.schemas';

export interface TransparantieServiceDeps {
  engine: SearchEngine;
  config: SearchConfig;
  snapshots: SnapshotOpslag;
  /** Register counts (they come from outside Sonar) and the quarter of the last sync are kept in the mirror database. */
  mirror: Pick<MirrorOpslag, 'doelgroepregister' | 'zetDoelgroepregister' | 'getMeta' | 'setMeta'>;
  logger: Logger;
  /** Brings the index up to the mirror before a quarter is frozen from it; throws when it cannot. */
  indexBij?: () => Promise<void>;
  /** Decides the current quarter; injectable so tests can cross a quarter's end. */
  klok?: () => Date;
}

const META_LAATSTE_SYNC = 'transparantie.laatsteSyncPeriode';

/** Without `regio` the national overview; without `periode` the live state of the index. */
export interface Rapportvraag { regio?: number; periode?: string }

/**
 * The transparency figures: counted from the same search index employers search (so they count exactly what
 * can be found), frozen per quarter in snapshots, and set against the doelgroepregister.
 */
export class TransparantieService {
  private readonly klok: () => Date;

  constructor(private readonly deps: TransparantieServiceDeps) {
    this.klok = deps.klok ?? (() => new Date());
  }

  huidigePeriode(): string {
    return periodeVan(this.klok());
  }

  /**
   * A region's table or the national overview, of a frozen quarter or live. The current quarter without a
   * snapshot is served live; a past quarter without one gives GeenSnapshotFout.
   */
  rapport(vraag: { regio: number; periode?: string }): Promise<Regiorapport>;
  rapport(vraag?: { periode?: string }): Promise<LandelijkOverzicht>;
  rapport(vraag?: Rapportvraag): Promise<Regiorapport | LandelijkOverzicht>;
  async rapport(vraag: Rapportvraag = {}): Promise<Regiorapport | LandelijkOverzicht> {
    const { stand, register, kop } = await this.bron(vraag.periode);
    return vraag.regio === undefined ? bouwLandelijkOverzicht(stand, register, kop) : bouwRegiorapport(stand, vraag.regio, register, kop);
  }

  async periodes(): Promise<Periodes> {
    return { huidig: this.huidigePeriode(), snapshots: await this.deps.snapshots.lijst() };
  }

  /** The region's classes over every frozen quarter, oldest first. */
  async trend(regio: number): Promise<Trend> {
    const r = this.deps.config.regios.find((x) => x.nummer === regio);
    if (!r) throw new OngeldigeKeuzeFout('regio', `arbeidsmarktregio ${regio} bestaat niet`);
    return bouwTrend({ nummer: r.nummer, naam: r.naam }, this.deps.config.transparantie.klassen, await this.deps.snapshots.alle());
  }

  /**
   * Freezes the index's counts now as the figures of `periode`, with the register counts known now. Immutable:
   * a quarter that already has one gives SnapshotBestaatFout.
   */
  async maakSnapshot(periode: string, oorzaak: Snapshotinfo['oorzaak'] = 'handmatig'): Promise<Snapshotinfo> {
    this.controleerPeriode(periode);
    // Checked before counting only to spare the work; the primary key is what really refuses a second one.
    if (await this.deps.snapshots.heeft(periode)) throw new SnapshotBestaatFout(periode);
    await this.deps.indexBij?.();
    const gemaakt = this.klok().toISOString();
    const stand = await this.telstand();
    const info: Snapshotinfo = { periode, gemaakt, oorzaak };
    await this.deps.snapshots.voegToe({ ...info, stand, doelgroepregister: registerVoorStand(stand, await this.deps.mirror.doelgroepregister(), periode) });
    this.deps.logger.info({ periode, oorzaak }, 'transparantiecijfers van het kwartaal bevroren');
    return info;
  }

  /**
   * The SyncService `voorSync` hook. At the first sync of a quarter the index still holds the state in which the
   * previous quarter ended: freeze that quarter then, unless it has a snapshot. The quarter of the last sync is
   * kept, so neither a restart nor a later sync in the same quarter can freeze this quarter's changes into the
   * previous one; the very first sync has no earlier state to freeze. Errors propagate: the sync waits rather
   * than let later changes into the quarter's figures.
   */
  async bevriesVorigKwartaal(): Promise<Snapshotinfo | null> {
    const huidig = this.huidigePeriode();
    const laatsteSync = await this.deps.mirror.getMeta(META_LAATSTE_SYNC);
    if (laatsteSync !== null && laatsteSync >= huidig) return null;
    let snapshot: Snapshotinfo | null = null;
    const vorig = vorigePeriode(huidig);
    if (laatsteSync !== null && !(await this.deps.snapshots.heeft(vorig))) {
      try {
        snapshot = await this.maakSnapshot(vorig, 'automatisch');
      } catch (err) {
        // A beheer POST of the same quarter won the race: that quarter is frozen all the same.
        if (!(err instanceof SnapshotBestaatFout)) throw err;
      }
    }
    await this.deps.mirror.setMeta(META_LAATSTE_SYNC, huidig);
    return snapshot;
  }

  /** Sets (or corrects) a region's register count for a quarter; frozen snapshots keep what they had. */
  async zetDoelgroepregister(telling: DoelgroepregisterTelling): Promise<DoelgroepregisterTelling> {
    if (!this.deps.config.regios.some((r) => r.nummer === telling.regio)) throw new OngeldigeKeuzeFout('regio', `arbeidsmarktregio ${telling.regio} bestaat niet`);
    this.controleerPeriode(telling.periode);
    await this.deps.mirror.zetDoelgroepregister(telling);
    return telling;
  }

  /** Every register count, by quarter and region. */
  doelgroepregister(): Promise<DoelgroepregisterTelling[]> {
    return this.deps.mirror.doelgroepregister();
  }

  /**
   * The live counts: per class one exact facet count of gemeente, filtered on that class (a facet's own filter
   * does not narrow its own counts, so the class is the filter and gemeente the facet). The calls start in one
   * tick: the embedded engine answers each from the index it holds right then, so all four see the same index.
   */
  async telstand(): Promise<Telstand> {
    const { regios, transparantie } = this.deps.config;
    const tellingen = await Promise.all(transparantie.klassen.map((k) =>
      this.deps.engine.facetCounts({ filters: { transparantieklasse: [k.code] } }, ['gemeente'])));
    return maakTelstand(regios, transparantie.klassen, tellingen.map((t) => t.facetDistribution.gemeente ?? {}));
  }

  private async bron(periode: string | undefined): Promise<{ stand: Telstand; register: DoelgroepregisterTelling[]; kop: Rapportkop }> {
    const huidig = this.huidigePeriode();
    if (periode !== undefined) {
      this.controleerPeriode(periode);
      const snapshot = await this.deps.snapshots.get(periode);
      if (snapshot) return { stand: snapshot.stand, register: snapshot.doelgroepregister, kop: { periode, live: false, peilmoment: snapshot.gemaakt } };
      if (periode !== huidig) throw new GeenSnapshotFout(periode);
    }
    const peilmoment = this.klok().toISOString();
    const stand = await this.telstand();
    return { stand, register: registerVoorStand(stand, await this.deps.mirror.doelgroepregister(), huidig), kop: { periode: huidig, live: true, peilmoment } };
  }

  private controleerPeriode(periode: string): void {
    if (!isPeriode(periode)) throw new OngeldigeKeuzeFout('periode', PERIODE_MELDING);
    const huidig = this.huidigePeriode();
    if (periode > huidig) throw new OngeldigeKeuzeFout('periode', `${periode} ligt in de toekomst; het lopende kwartaal is ${huidig}`);
  }
}
