import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Kandidaatprofiel } from '../../../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../../config/search-config';
import type {
  FacetNaam, Facettelling, Filtervraag, SearchEngine, Zoekresultaat, Zoekvraag,
} from '../../search-engine.port';
import { ZoekmachineOnbereikbaarError } from '../../zoekmachine-fouten';
import { BATCH, Schrijfrij } from '../embedded-engine';
import { engineSchema, type EngineSchema } from '../engine-schema';
import { ProfielRegister, type Wijziging } from '../profiel-register';
import { metProfielen, type IndexResultaat } from '../zoek-in-index';
import type { Antwoord, Opdracht, WerkerData } from './berichten';

// The thread runs TypeScript through tsx, as `npm start` does, also when the main thread runs under jest.
const OPSTART = "require('tsx/cjs/api').register(); require(require('node:worker_threads').workerData.bestand);";
const WERKER = path.join(__dirname, 'zoek-werker.ts');
const HERSTART_MS = 500;

type Verzoek = Opdracht extends infer O ? (O extends Opdracht ? Omit<O, 'nr'> : never) : never;

/** One search thread and the answers it still owes. */
class Zoekthread {
  /** Only a thread whose index matches the register answers searches. */
  klaar = false;
  private volgend = 0;
  private gestopt = false;
  private uitgevallen = false;
  private readonly open = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly worker: Worker;

  constructor(config: SearchConfig, private readonly bijUitval: (t: Zoekthread) => void) {
    const data: WerkerData = { config, bestand: WERKER };
    this.worker = new Worker(OPSTART, { eval: true, workerData: data });
    this.worker.on('message', (a: Antwoord) => {
      const wacht = this.open.get(a.nr);
      this.open.delete(a.nr);
      if (a.ok) wacht?.resolve(a.waarde);
      else wacht?.reject(new Error(`zoekthread: ${a.fout}`));
    });
    this.worker.on('error', () => this.valUit());
    this.worker.on('exit', () => this.valUit());
  }

  get bezig(): number {
    return this.open.size;
  }

  stuur(verzoek: Verzoek): Promise<unknown> {
    if (this.uitgevallen) return Promise.reject(new ZoekmachineOnbereikbaarError('zoekthread gestopt'));
    const nr = this.volgend++;
    return new Promise((resolve, reject) => {
      this.open.set(nr, { resolve, reject });
      this.worker.postMessage({ ...verzoek, nr });
    });
  }

  /** Gives up on the thread: a change it failed to apply leaves its index unlike the register. */
  vervalt(): void {
    void this.worker.terminate();
  }

  async stop(): Promise<void> {
    this.gestopt = true;
    await this.worker.terminate();
  }

  private valUit(): void {
    if (this.uitgevallen) return;
    this.uitgevallen = true;
    this.klaar = false;
    for (const { reject } of this.open.values()) reject(new ZoekmachineOnbereikbaarError('zoekthread gestopt'));
    this.open.clear();
    if (!this.gestopt) this.bijUitval(this);
  }
}

/**
 * The embedded engine over several threads, so searches use every core: the main thread keeps the profiles (one
 * register, the memory-heavy part), each search thread a copy of the bitmaps. Every change goes to all threads
 * in the same order as to the register, and a search is posted after every change the register had when it
 * started: its thread answers from exactly that state, and its hits come from the register's list of that moment.
 * A thread that stops is replaced and rebuilt from the register; the others answer meanwhile.
 */
class ParallelEmbeddedEngine implements SearchEngine {
  readonly naam = 'embedded' as const;
  private register = new ProfielRegister();
  private readonly threads: Zoekthread[];
  private readonly schrijfrij = new Schrijfrij();
  private gesloten = false;

  constructor(private readonly config: SearchConfig, private readonly schema: EngineSchema, aantal: number) {
    this.threads = Array.from({ length: aantal }, () => this.start());
    for (const t of this.threads) t.klaar = true;
  }

  async init(): Promise<void> {}

  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      for (let i = 0; i < profielen.length; i += BATCH) {
        await this.overal({ soort: 'wijzig', wijzigingen: this.register.schrijf(profielen.slice(i, i + BATCH)) });
      }
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.schrijfrij.na(() => this.overal({ soort: 'wijzig', wijzigingen: this.register.schrijf([], ids) }));
  }

  replaceAll(profielen: Iterable<Kandidaatprofiel>): Promise<void> {
    return this.schrijfrij.na(async () => {
      const nieuw = new ProfielRegister();
      await this.vervang(this.threads, function* () {
        let deel: Kandidaatprofiel[] = [];
        for (const p of profielen) {
          deel.push(p);
          if (deel.length === BATCH) {
            yield nieuw.schrijf(deel);
            deel = [];
          }
        }
        yield nieuw.schrijf(deel);
      }(), () => {
        this.register = nieuw;
      });
    });
  }

  async search(vraag: Zoekvraag): Promise<Zoekresultaat> {
    const { profielen } = this.register;
    const resultaat = (await this.kiesThread().stuur({ soort: 'zoek', vraag })) as IndexResultaat;
    return metProfielen(this.schema, profielen, resultaat);
  }

  async facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling> {
    return (await this.kiesThread().stuur({ soort: 'tel', vraag, facets })) as Facettelling;
  }

  async facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): Promise<{ waarde: string; aantal: number }[]> {
    return (await this.kiesThread().stuur({ soort: 'facetwaarden', facet, q, vraag })) as { waarde: string; aantal: number }[];
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const doc = this.register.internalId(id);
    return doc === undefined ? null : this.register.profielen[doc]!;
  }

  async count(): Promise<number> {
    return this.register.size;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    const klaar = this.threads.filter((t) => t.klaar).length;
    const detail = `${this.register.size} profielen in het geheugen, ${klaar} van ${this.threads.length} zoekthreads klaar`;
    return { ok: klaar > 0, detail };
  }

  async close(): Promise<void> {
    this.gesloten = true;
    await this.schrijfrij.na(async () => undefined);
    await Promise.all(this.threads.map((t) => t.stop()));
  }

  private start(): Zoekthread {
    return new Zoekthread(this.config, (t) => this.vervangThread(t));
  }

  /** The ready thread with the fewest open requests. */
  private kiesThread(): Zoekthread {
    let beste: Zoekthread | undefined;
    for (const t of this.threads) if (t.klaar && (!beste || t.bezig < beste.bezig)) beste = t;
    if (!beste) throw new ZoekmachineOnbereikbaarError('geen zoekthread beschikbaar');
    return beste;
  }

  /**
   * Sends a change to every thread. A thread that fails it is replaced (and rebuilt from the register, which has
   * the change): the change itself stands.
   */
  private async overal(verzoek: Verzoek, threads: readonly Zoekthread[] = this.threads): Promise<void> {
    await Promise.all(threads.map((t) => t.stuur(verzoek).catch(() => t.vervalt())));
  }

  /** Builds a new index in `threads` from `delen`; `wissel` runs in the same tick as the swap is posted. */
  private async vervang(threads: readonly Zoekthread[], delen: Iterable<Wijziging[]>, wissel: () => void): Promise<void> {
    await this.overal({ soort: 'vervang-begin' }, threads);
    for (const wijzigingen of delen) await this.overal({ soort: 'vervang-deel', wijzigingen }, threads);
    const klaar = this.overal({ soort: 'vervang-klaar' }, threads);
    wissel();
    await klaar;
  }

  private vervangThread(oud: Zoekthread): void {
    // A short pause, so a thread that cannot start at all is not restarted in a tight loop.
    setTimeout(() => this.herstart(oud), HERSTART_MS).unref();
  }

  private herstart(oud: Zoekthread): void {
    const plek = this.threads.indexOf(oud);
    if (this.gesloten || plek < 0) return;
    const nieuw = this.start();
    this.threads[plek] = nieuw;
    // Behind the writes already queued; writes posted to it before then are overwritten by this rebuild.
    void this.schrijfrij.na(async () => {
      if (this.gesloten) return;
      const { profielen } = this.register;
      await this.vervang([nieuw], function* () {
        for (let i = 0; i < profielen.length; i += BATCH) {
          const wijzigingen: Wijziging[] = [];
          for (let doc = i; doc < Math.min(i + BATCH, profielen.length); doc++) {
            const profiel = profielen[doc];
            if (profiel) wijzigingen.push({ doc, profiel });
          }
          yield wijzigingen;
        }
      }(), () => {
        nieuw.klaar = true;
      });
    });
  }
}

/** The embedded engine with its searches spread over `threads` threads (see ParallelEmbeddedEngine). */
export function createParallelEmbeddedEngine(config: SearchConfig, threads: number): SearchEngine {
  return new ParallelEmbeddedEngine(config, engineSchema(config), threads);
}
