import { Mutex } from 'async-mutex';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { anonimiseer } from '../anonimisering/anonimiseer';
import type { SearchConfig } from '../config/search-config';
import type { Logger } from '../logging/logger';
import { sonarRecordSchema, tombstoneSchema } from '../sonar/sonar-record.schema';
import { naarVeldfouten, type Veldfout } from '../validatie/veldfouten';
import type { MirrorOpslag, MirrorTransactie, Schrijfuitkomst } from '../opslag/opslag.port';
import type { IndexVolger } from './index-volger';
import { TeVeelVerwijderdFout } from './mirror.errors';
import { META_PUBLICATIEREGELS, Publicatie } from './publicatie';

/** One item of a sync body: a parsed JSON value, or a line that was not valid JSON. */
export type Bronitem =
  | { positie: number; waarde: unknown }
  | { positie: number; parseFout: string };

export interface Weigering {
  /** 1-based line number for NDJSON, 0-based array index for a JSON array. */
  regel?: number;
  index?: number;
  fouten: Veldfout[];
}

export interface Syncresultaat {
  modus: 'bijwerken' | 'volledig';
  ontvangen: number;
  toegevoegd: number;
  bijgewerkt: number;
  ongewijzigd: number;
  verwijderd: number;
  geweigerd: number;
  /** Valid records of people no longer (or not) in the doelgroepregister: not mirrored, removed when present. */
  nietInDoelgroepregister: number;
  weigeringen: Weigering[];
  /** 'achterstand' when the mirror is saved but this instance's search index could not follow yet (it catches up). */
  index: 'bijgewerkt' | 'achterstand';
  /** The change log position of this sync: a read with `?naSequentie=` on any instance sees it. */
  volgnummer: number;
}

export interface Syncopties {
  volledig?: boolean;
  forceer?: boolean;
  /** How positions are reported: NDJSON lines or JSON array indexes. */
  positie: 'regel' | 'index';
  /** Called now and then with the number of items read, for progress reporting. */
  voortgang?: (ontvangen: number) => void;
}

// Per-record rejections listed in one answer; the counts stay exact beyond it.
const MAX_WEIGERINGEN = 1000;
// Profiles written per statement: one round trip to PostgreSQL per this many, small enough to stream.
const SCHRIJFDEEL = 500;

export interface SyncServiceDeps {
  mirror: MirrorOpslag;
  volger: IndexVolger;
  config: SearchConfig;
  pseudoniem: (klantnummer: string) => string;
  /** Encrypts the klantnummer for the mirror (KlantnummerVersleuteling), bound to the profile's id. */
  versleutel: (klantnummer: string, profielId: string) => string;
  /**
   * Called after a commit with the ids it removed (so their open contactverzoeken are closed). Best effort: the
   * sync stands once committed; what this misses is caught at the next start.
   */
  naVerwijdering?: (profielIds: string[]) => Promise<void>;
  maxVerwijderaandeel: number;
  logger: Logger;
  /**
   * Called before a sync changes anything, so a quarter's state can be frozen before the first sync after that
   * quarter ends (the transparency snapshots hook in here).
   */
  voorSync?: () => Promise<void> | void;
}

/** A profile as the sync read it, with its klantnummer already encrypted; the class is added when it is written. */
interface Syncrij { profiel: Kandidaatprofiel; klantnummer: string }

/**
 * The writes of one sync, gathered into statements of SCHRIJFDEEL. An id that is already waiting sends what waits
 * first, so the operations on one profile keep their order.
 */
class Schrijfbuffer {
  private readonly upserts = new Map<string, Syncrij>();
  private readonly verwijderingen = new Set<string>();
  private gezien: string[] = [];

  constructor(private readonly tx: MirrorTransactie, private readonly r: Syncresultaat, private readonly publicatie: Publicatie, private readonly verwijderd: string[]) {}

  async upsert(rij: Syncrij): Promise<void> {
    await this.ruimte(rij.profiel.id);
    this.upserts.set(rij.profiel.id, rij);
    await this.vol();
  }

  async verwijder(id: string): Promise<void> {
    await this.ruimte(id);
    this.verwijderingen.add(id);
    await this.vol();
  }

  async markeerGezien(id: string): Promise<void> {
    this.gezien.push(id);
    await this.vol();
  }

  async spoel(): Promise<void> {
    if (this.upserts.size > 0) {
      const rijen = [...this.upserts.values()];
      this.upserts.clear();
      const gepubliceerd = await this.publicatie.voorUpsert(this.tx, rijen.map((r) => r.profiel));
      const uitkomsten = await this.tx.upsert(gepubliceerd.map((g, i) => ({ ...g, klantnummer: rijen[i]!.klantnummer })));
      for (const uitkomst of uitkomsten) this.r[uitkomst]++;
    }
    if (this.verwijderingen.size > 0) {
      const ids = [...this.verwijderingen];
      this.verwijderingen.clear();
      await this.publicatie.voorVerwijderen(this.tx, ids);
      const weg = await this.tx.verwijder(ids);
      this.r.verwijderd += weg.length;
      this.verwijderd.push(...weg);
    }
    if (this.gezien.length > 0) {
      const ids = this.gezien;
      this.gezien = [];
      await this.tx.markeerGezien(ids);
    }
  }

  private async ruimte(id: string): Promise<void> {
    if (this.upserts.has(id) || this.verwijderingen.has(id)) await this.spoel();
  }

  private async vol(): Promise<void> {
    if (this.upserts.size + this.verwijderingen.size + this.gezien.length >= SCHRIJFDEEL) await this.spoel();
  }
}

/**
 * Applies Sonar exports to the durable mirror; the search index follows through the change log. One sync at a time
 * in this process, and one write transaction at a time over all instances: a sync is acknowledged only once it is
 * committed, and is never half-visible.
 */
export class SyncService {
  private readonly slot = new Mutex();
  private readonly publicatie: Publicatie;

  constructor(private readonly deps: SyncServiceDeps) {
    this.publicatie = new Publicatie(deps.config);
  }

  /**
   * Publishes the whole mirror anew when it was published under other rules (privacy.json or the regions changed)
   * or holds rows from before classes existed; at start-up, before the first search.
   */
  async werkPublicatieBij(): Promise<void> {
    await this.slot.runExclusive(async () => {
      const regels = await this.deps.mirror.getMeta(META_PUBLICATIEREGELS);
      const anders = regels !== this.publicatie.regels;
      const { volgnummer } = await this.schrijf(async () => undefined, anders);
      if (anders) await this.deps.mirror.setMeta(META_PUBLICATIEREGELS, this.publicatie.regels);
      await this.volg(volgnummer);
    });
  }

  async sync(items: AsyncIterable<Bronitem> | Iterable<Bronitem>, opties: Syncopties): Promise<Syncresultaat> {
    return this.slot.runExclusive(() => this.voerUit(items, opties));
  }

  /** Removes one profile; answers whether it existed, and the change log position. */
  async verwijder(klantnummer: string): Promise<{ bestond: boolean; volgnummer: number }> {
    return this.slot.runExclusive(async () => {
      await this.deps.voorSync?.();
      const id = this.deps.pseudoniem(klantnummer);
      const { resultaat, volgnummer } = await this.schrijf(async (tx) => {
        await this.publicatie.voorVerwijderen(tx, [id]);
        return (await tx.verwijder([id])).length > 0;
      });
      if (resultaat) await this.meldVerwijderd([id]);
      await this.volg(volgnummer);
      return { bestond: resultaat, volgnummer };
    });
  }

  private async voerUit(items: AsyncIterable<Bronitem> | Iterable<Bronitem>, opties: Syncopties): Promise<Syncresultaat> {
    const { config, pseudoniem } = this.deps;
    const r: Syncresultaat = {
      modus: opties.volledig ? 'volledig' : 'bijwerken',
      ontvangen: 0, toegevoegd: 0, bijgewerkt: 0, ongewijzigd: 0, verwijderd: 0, geweigerd: 0, nietInDoelgroepregister: 0,
      weigeringen: [], index: 'bijgewerkt', volgnummer: 0,
    };
    await this.deps.voorSync?.();

    const weiger = (positie: number, fouten: Veldfout[]) => {
      r.geweigerd++;
      if (r.weigeringen.length < MAX_WEIGERINGEN) r.weigeringen.push({ [opties.positie]: positie, fouten });
    };

    // Filled inside the transaction; only acted on once it committed.
    const verwijderd: string[] = [];
    const { volgnummer } = await this.schrijf(async (tx) => {
      // A full export is swapped in whole: readers see the old index or the new one.
      if (opties.volledig) tx.vervangtAlles();
      const buffer = new Schrijfbuffer(tx, r, this.publicatie, verwijderd);
      for await (const item of items) {
        r.ontvangen++;
        if (opties.voortgang && r.ontvangen % 5000 === 0) opties.voortgang(r.ontvangen);
        if ('parseFout' in item) {
          weiger(item.positie, [{ pad: '(record)', melding: item.parseFout }]);
          continue;
        }
        const waarde = item.waarde;
        if (isTombstone(waarde)) {
          const t = tombstoneSchema.safeParse(waarde);
          if (!t.success) weiger(item.positie, naarVeldfouten(t.error.issues));
          else await buffer.verwijder(pseudoniem(t.data.klantnummer));
          continue;
        }
        const parsed = sonarRecordSchema.safeParse(waarde);
        if (!parsed.success) {
          // A record Sonar sent but we could not read must not be wiped by a full export: keep what we have.
          const klantnummer = sonarRecordSchema.shape.klantnummer.safeParse((waarde as { klantnummer?: unknown } | null)?.klantnummer);
          if (opties.volledig && klantnummer.success) await buffer.markeerGezien(pseudoniem(klantnummer.data));
          weiger(item.positie, naarVeldfouten(parsed.error.issues));
          continue;
        }
        const record = parsed.data;
        if (!record.doelgroepregister.ingeschreven) {
          r.nietInDoelgroepregister++;
          await buffer.verwijder(pseudoniem(record.klantnummer));
          continue;
        }
        const anoniem = anonimiseer(record, { config, pseudoniem });
        if (!anoniem.ok) {
          if (opties.volledig) await buffer.markeerGezien(pseudoniem(record.klantnummer));
          weiger(item.positie, anoniem.fouten);
          continue;
        }
        if (opties.volledig) await buffer.markeerGezien(anoniem.profiel.id);
        // Encrypted where it is anonymised: the plaintext klantnummer goes no further than this line.
        await buffer.upsert({ profiel: anoniem.profiel, klantnummer: this.deps.versleutel(record.klantnummer, anoniem.profiel.id) });
      }
      await buffer.spoel();
      if (opties.volledig) verwijderd.push(...await this.ruimOp(tx, opties.forceer ?? false, r));
    });
    await this.meldVerwijderd(verwijderd);

    r.volgnummer = volgnummer;
    if (!(await this.volg(volgnummer))) r.index = 'achterstand';
    this.deps.logger.info({ sync: { ...r, weigeringen: undefined } }, 'sync verwerkt');
    return r;
  }

  /** Removes what a full export did not name; answers the ids removed. */
  private async ruimOp(tx: MirrorTransactie, forceer: boolean, r: Syncresultaat): Promise<string[]> {
    const weg = await tx.nietGezien();
    const aantalVooraf = await tx.aantalVooraf();
    if (!forceer && weg.length > this.deps.maxVerwijderaandeel * aantalVooraf) {
      throw new TeVeelVerwijderdFout(weg.length, aantalVooraf, this.deps.maxVerwijderaandeel);
    }
    const verwijderd: string[] = [];
    for (let i = 0; i < weg.length; i += SCHRIJFDEEL) {
      const deel = weg.slice(i, i + SCHRIJFDEEL);
      await this.publicatie.voorVerwijderen(tx, deel);
      verwijderd.push(...await tx.verwijder(deel));
    }
    r.verwijderd += verwijderd.length;
    return verwijderd;
  }

  private async meldVerwijderd(ids: string[]): Promise<void> {
    if (ids.length === 0 || !this.deps.naVerwijdering) return;
    try {
      await this.deps.naVerwijdering(ids);
    } catch (err) {
      this.deps.logger.error({ fout: (err as Error)?.name ?? 'onbekend', profielen: ids.length }, 'contactverzoeken van verwijderde profielen niet gesloten; volgt bij de volgende start');
    }
  }

  /**
   * One write transaction on the mirror that keeps what employers see k-anonymous: every profile it touches is
   * published with the classes as they end up, and profiles whose view that changes are written again with it.
   */
  private async schrijf<T>(werk: (tx: MirrorTransactie) => Promise<T>, allesOpnieuw = false): Promise<Schrijfuitkomst<T>> {
    try {
      const uitkomst = await this.deps.mirror.schrijf(async (tx) => {
        await this.publicatie.begin(tx, allesOpnieuw);
        const resultaat = await werk(tx);
        await this.publicatie.rondAf(tx);
        return resultaat;
      });
      this.publicatie.gecommit(uitkomst.volgnummer);
      return uitkomst;
    } catch (err) {
      this.publicatie.vergeet();
      throw err;
    }
  }

  /**
   * The mirror is the source of truth: once committed the sync stands. This instance's index follows now; when it
   * cannot (the engine is down), the follower keeps retrying and the answer says 'achterstand'.
   */
  private async volg(volgnummer: number): Promise<boolean> {
    await this.deps.volger.haalBij();
    return this.deps.volger.bereikt(volgnummer);
  }
}

function isTombstone(waarde: unknown): boolean {
  return typeof waarde === 'object' && waarde !== null && 'verwijderd' in waarde;
}
