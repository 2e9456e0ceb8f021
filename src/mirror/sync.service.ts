import { Mutex } from 'async-mutex';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { anonimiseer } from '../anonimisering/anonimiseer';
import type { SearchConfig } from '../config/search-config';
import type { Logger } from '../logging/logger';
import { sonarRecordSchema, tombstoneSchema } from '../sonar/sonar-record.schema';
import { naarVeldfouten, type Veldfout } from '../validatie/veldfouten';
import type { SearchEngine } from '../zoeken/search-engine.port';
import type { MirrorRepository, MirrorTransactie } from './mirror.repository';
import { TeVeelVerwijderdFout } from './mirror.errors';

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
  /** 'achterstand' when the mirror is saved but the search index could not follow yet (it is rebuilt later). */
  index: 'bijgewerkt' | 'achterstand';
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

export interface SyncServiceDeps {
  repository: MirrorRepository;
  engine: SearchEngine;
  config: SearchConfig;
  pseudoniem: (klantnummer: string) => string;
  maxVerwijderaandeel: number;
  logger: Logger;
  /**
   * Called inside the sync slot before a sync changes anything, so a quarter's state can be frozen before the
   * first sync after that quarter ends (the transparency snapshots hook in here).
   */
  voorSync?: () => Promise<void> | void;
}

/**
 * Applies Sonar exports to the durable mirror and then to the search index. One sync at a time; a sync is one
 * SQLite transaction, so it is acknowledged only once committed and is never half-visible.
 */
export class SyncService {
  private readonly slot = new Mutex();
  private indexAchterstand = false;

  constructor(private readonly deps: SyncServiceDeps) {}

  get heeftIndexAchterstand(): boolean {
    return this.indexAchterstand;
  }

  async sync(items: AsyncIterable<Bronitem> | Iterable<Bronitem>, opties: Syncopties): Promise<Syncresultaat> {
    return this.slot.runExclusive(() => this.voerUit(items, opties));
  }

  async verwijder(klantnummer: string): Promise<boolean> {
    return this.slot.runExclusive(async () => {
      await this.deps.voorSync?.();
      const tx = this.deps.repository.begin();
      let bestond: boolean;
      const id = this.deps.pseudoniem(klantnummer);
      try {
        bestond = tx.verwijder(id);
        tx.commit();
      } catch (err) {
        tx.rollback();
        throw err;
      }
      if (bestond) await this.volgIndex(() => this.deps.engine.remove([id]));
      return bestond;
    });
  }

  /** Rebuilds the search index from the mirror (startup, or after the index fell behind). */
  async herbouwIndex(): Promise<void> {
    return this.slot.runExclusive(() => this.volgIndex(() => this.deps.engine.replaceAll(this.deps.repository.alle())));
  }

  private async voerUit(items: AsyncIterable<Bronitem> | Iterable<Bronitem>, opties: Syncopties): Promise<Syncresultaat> {
    const { repository, config, pseudoniem } = this.deps;
    const r: Syncresultaat = {
      modus: opties.volledig ? 'volledig' : 'bijwerken',
      ontvangen: 0, toegevoegd: 0, bijgewerkt: 0, ongewijzigd: 0, verwijderd: 0, geweigerd: 0, nietInDoelgroepregister: 0,
      weigeringen: [], index: 'bijgewerkt',
    };
    await this.deps.voorSync?.();
    const gewijzigd = new Map<string, Kandidaatprofiel>();
    const verwijderd = new Set<string>();
    const aantalVooraf = repository.aantal();
    const tx = repository.begin();

    const weiger = (positie: number, fouten: Veldfout[]) => {
      r.geweigerd++;
      if (r.weigeringen.length < MAX_WEIGERINGEN) r.weigeringen.push({ [opties.positie]: positie, fouten });
    };
    const verwijderId = (id: string) => {
      gewijzigd.delete(id);
      if (tx.verwijder(id)) {
        r.verwijderd++;
        verwijderd.add(id);
      }
    };

    try {
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
          else verwijderId(pseudoniem(t.data.klantnummer));
          continue;
        }
        const parsed = sonarRecordSchema.safeParse(waarde);
        if (!parsed.success) {
          // A record Sonar sent but we could not read must not be wiped by a full export: keep what we have.
          const klantnummer = sonarRecordSchema.shape.klantnummer.safeParse((waarde as { klantnummer?: unknown } | null)?.klantnummer);
          if (opties.volledig && klantnummer.success) tx.markeerGezien(pseudoniem(klantnummer.data));
          weiger(item.positie, naarVeldfouten(parsed.error.issues));
          continue;
        }
        const record = parsed.data;
        if (!record.doelgroepregister.ingeschreven) {
          r.nietInDoelgroepregister++;
          verwijderId(pseudoniem(record.klantnummer));
          continue;
        }
        const anoniem = anonimiseer(record, { config, pseudoniem });
        if (!anoniem.ok) {
          if (opties.volledig) tx.markeerGezien(pseudoniem(record.klantnummer));
          weiger(item.positie, anoniem.fouten);
          continue;
        }
        const profiel = anoniem.profiel;
        if (opties.volledig) tx.markeerGezien(profiel.id);
        verwijderd.delete(profiel.id);
        const uitkomst = tx.upsert(profiel);
        r[uitkomst]++;
        // A full export rebuilds the index from the mirror: holding every changed profile here too cost 300 MB.
        if (uitkomst !== 'ongewijzigd' && !opties.volledig) gewijzigd.set(profiel.id, profiel);
      }

      if (opties.volledig) this.ruimOp(tx, aantalVooraf, opties.forceer ?? false, verwijderId);
      tx.commit();
    } catch (err) {
      tx.rollback();
      throw err;
    }

    if (opties.volledig) {
      // A full export is swapped in whole, so readers see the old index or the new one.
      await this.volgIndex(() => this.deps.engine.replaceAll(repository.alle()));
    } else if (gewijzigd.size > 0 || verwijderd.size > 0) {
      await this.volgIndex(async () => {
        if (gewijzigd.size > 0) await this.deps.engine.upsert([...gewijzigd.values()]);
        if (verwijderd.size > 0) await this.deps.engine.remove([...verwijderd]);
      });
    }
    r.index = this.indexAchterstand ? 'achterstand' : 'bijgewerkt';
    this.deps.logger.info({ sync: { ...r, weigeringen: undefined } }, 'sync verwerkt');
    return r;
  }

  private ruimOp(tx: MirrorTransactie, aantalVooraf: number, forceer: boolean, verwijderId: (id: string) => void): void {
    const weg = tx.nietGezien();
    if (!forceer && weg.length > this.deps.maxVerwijderaandeel * aantalVooraf) {
      throw new TeVeelVerwijderdFout(weg.length, aantalVooraf, this.deps.maxVerwijderaandeel);
    }
    for (const id of weg) verwijderId(id);
  }

  /**
   * The mirror is the source of truth: when the index cannot follow a committed sync, the sync stays
   * acknowledged, the index is marked behind and rebuilt from the mirror on the next chance.
   */
  private async volgIndex(actie: () => Promise<void>): Promise<void> {
    try {
      if (this.indexAchterstand) {
        await this.deps.engine.replaceAll(this.deps.repository.alle());
        this.indexAchterstand = false;
      } else {
        await actie();
      }
    } catch (err) {
      this.indexAchterstand = true;
      this.deps.logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'zoekindex loopt achter op de mirror');
    }
  }
}

function isTombstone(waarde: unknown): boolean {
  return typeof waarde === 'object' && waarde !== null && 'verwijderd' in waarde;
}
