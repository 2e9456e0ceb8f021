import { Mutex } from 'async-mutex';
import type { Logger } from '../logging/logger';
import type { GedeeldeIndexStand, Wijzigingen, Wijzigingslog } from '../opslag/opslag.port';
import type { SearchEngine } from '../zoeken/search-engine.port';
import { OpslagFout } from '../opslag/opslag-fout';
import { ZoekmachineOnbereikbaarError } from '../zoeken/zoekmachine-fouten';

export interface IndexVolgerDeps {
  wijzigingen: Wijzigingslog;
  engine: SearchEngine;
  /** Set for a search index all instances share: only the instance holding the lock writes it. */
  gedeeldeIndex: GedeeldeIndexStand | null;
  logger: Logger;
  /** How often to look for changes without being told (a missed notification costs at most this). */
  intervalMs: number;
}

export interface Volgstatus {
  /** The change log position this instance's index has reached; null before it was first built. */
  toegepast: number | null;
  /** The newest position this instance knows of. */
  laatste: number;
  /** Positions known but not yet in the index. */
  achterstand: number;
  /** Milliseconds since the index was last seen at the newest known position (0 when it is there now). */
  achterstandMs: number;
  /** For a shared index: whether this instance is the one writing it. */
  schrijver?: boolean;
  /** The last attempt to catch up failed (the engine or the store did not answer); it is retried. */
  fout: boolean;
}

/**
 * Keeps a search index equal to the mirror by following the change log: built at start-up from one consistent read
 * of the mirror, then brought up to each new position in order. Woken by the store's notifications and by polling,
 * so a missed notification costs only latency. A failed step leaves the position where it was and is retried
 * (upserts and removals are idempotent, so applying part of one twice shows nothing).
 */
export class IndexVolger {
  private readonly rij = new Mutex();
  private toegepast: number | null = null;
  private laatste = 0;
  private bijSinds = Date.now();
  private fout = false;
  /** The last failure was the engine's: what it holds is unknown (a restarted Meilisearch may be empty). */
  private engineFout = false;
  private schrijver = false;
  private wachters: { tot: number; klaar: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopLuisteren: (() => Promise<void>) | undefined;
  private gestopt = false;
  /** A catch-up queued but not started yet: later calls join it (a burst of notifications costs one look). */
  private volgende: Promise<void> | null = null;

  constructor(private readonly deps: IndexVolgerDeps) {}

  /** Builds the index (or, for a shared one, finds its position), then keeps following. Does not throw: it retries. */
  async start(): Promise<void> {
    this.stopLuisteren = await this.deps.wijzigingen.luister((n) => {
      if (n > this.laatste) this.laatste = n;
      void this.haalBij();
    }).catch((err: unknown) => {
      this.deps.logger.warn({ fout: (err as Error).name }, 'wijzigingen niet te volgen via meldingen; alleen periodiek');
      return undefined;
    });
    await this.haalBij();
    const tik = () => {
      if (this.gestopt) return;
      this.timer = setTimeout(() => void this.haalBij().finally(tik), this.deps.intervalMs);
      this.timer.unref();
    };
    tik();
  }

  /** Brings the index to the newest committed position (as far as it can: see `status().fout`). */
  haalBij(): Promise<void> {
    if (this.volgende) return this.volgende;
    const keer = this.rij.runExclusive(async () => {
      this.volgende = null;
      if (this.gestopt) return;
      try {
        await this.stap();
        this.fout = false;
        this.engineFout = false;
      } catch (err) {
        if (!this.fout) this.deps.logger.error({ fout: (err as Error).name, melding: (err as Error).message }, 'zoekindex loopt achter op de mirror');
        this.fout = true;
        this.engineFout = !(err instanceof OpslagFout);
      }
      this.meld();
    });
    this.volgende = keer;
    return keer;
  }

  private async stap(): Promise<void> {
    const { wijzigingen, gedeeldeIndex, engine } = this.deps;
    this.laatste = Math.max(this.laatste, await wijzigingen.laatste());
    if (gedeeldeIndex) {
      const wasSchrijver = this.schrijver;
      this.schrijver = await gedeeldeIndex.probeerSchrijver();
      // Another instance writes the shared index; this one only learns how far it got. One that just took over
      // goes on from the position its predecessor recorded.
      if (!this.schrijver || !wasSchrijver) this.toegepast = await gedeeldeIndex.lees();
      if (!this.schrijver) return;
      if (!wasSchrijver) {
        this.deps.logger.info({ volgnummer: this.toegepast }, 'deze instantie schrijft nu de gedeelde zoekindex');
        // A position recorded for an index that is empty now (its volume was lost) is no position to go on from.
        if (this.toegepast !== null && this.toegepast > 0 && (await engine.count()) === 0) this.toegepast = null;
      }
    }
    // After the engine failed, what it holds is unknown: rebuild it from the mirror, as one consistent read.
    if (this.engineFout) this.toegepast = null;
    if (this.toegepast !== null && this.toegepast >= this.laatste) return;
    if (this.toegepast === null || this.fout) {
      // Asked first with the engine's short timeout: init on an engine that hangs would wait out every retry.
      if (!(await engine.health()).ok) throw new ZoekmachineOnbereikbaarError('zoekmachine niet bereikbaar');
      await engine.init();
    }
    await wijzigingen.lees(this.toegepast, (w) => this.pasToe(w));
  }

  private async pasToe(w: Wijzigingen): Promise<void> {
    const { engine, gedeeldeIndex } = this.deps;
    if (w.soort === 'herbouw') {
      await engine.replaceAll(w.profielen);
      this.deps.logger.info({ volgnummer: w.tot }, 'zoekindex opgebouwd uit de mirror');
    } else {
      if (w.upsert.length > 0) await engine.upsert(w.upsert);
      if (w.verwijder.length > 0) await engine.remove(w.verwijder);
    }
    if (gedeeldeIndex) await gedeeldeIndex.zet(w.tot);
    this.toegepast = w.tot;
    this.laatste = Math.max(this.laatste, w.tot);
  }

  /** Resolves true once the index has reached `volgnummer`, false after `maxMs`. */
  async wachtOp(volgnummer: number, maxMs: number): Promise<boolean> {
    if (this.bereikt(volgnummer)) return true;
    if (volgnummer > this.laatste) this.laatste = volgnummer;
    void this.haalBij();
    return new Promise<boolean>((resolve) => {
      const wachter = { tot: volgnummer, klaar: () => { clearTimeout(timer); resolve(true); } };
      const timer = setTimeout(() => {
        this.wachters = this.wachters.filter((w) => w !== wachter);
        resolve(this.bereikt(volgnummer));
      }, maxMs);
      this.wachters.push(wachter);
    });
  }

  status(): Volgstatus {
    const achterstand = this.toegepast === null ? this.laatste : Math.max(0, this.laatste - this.toegepast);
    return {
      toegepast: this.toegepast,
      laatste: this.laatste,
      achterstand,
      achterstandMs: achterstand === 0 ? 0 : Date.now() - this.bijSinds,
      ...(this.deps.gedeeldeIndex ? { schrijver: this.schrijver } : {}),
      fout: this.fout,
    };
  }

  async stop(): Promise<void> {
    this.gestopt = true;
    clearTimeout(this.timer);
    await this.stopLuisteren?.();
    await this.rij.waitForUnlock();
  }

  bereikt(volgnummer: number): boolean {
    return this.toegepast !== null && this.toegepast >= volgnummer;
  }

  private meld(): void {
    if (this.toegepast !== null && this.toegepast >= this.laatste) this.bijSinds = Date.now();
    const klaar = this.wachters.filter((w) => this.bereikt(w.tot));
    this.wachters = this.wachters.filter((w) => !this.bereikt(w.tot));
    for (const w of klaar) w.klaar();
  }
}
