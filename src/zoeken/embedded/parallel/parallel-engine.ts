import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Kandidaatprofiel } from '../../../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../../config/search-config';
import type {
  FacetNaam, Facettelling, Filtervraag, Profielbron, SearchEngine, Zoekresultaat, Zoekvraag,
} from '../../search-engine.port';
import { ZoekmachineOnbereikbaarError } from '../../zoekmachine-fouten';
import type { Antwoordtekst, SamenstellendeEngine } from '../../zoek.service';
import { Schrijfrij } from '../embedded-engine';
import { inDelen } from '../../in-delen';
import { ProfielRegister, type Wijziging } from '../profiel-register';
import type { Antwoord, Opdracht, WerkerData } from './berichten';

// The thread runs TypeScript through tsx, as `npm start` does, also when the main thread runs under jest.
const OPSTART = "require('tsx/cjs/api').register(); require(require('node:worker_threads').workerData.bestand);";
const WERKER = path.join(__dirname, 'zoek-werker.ts');
const HERSTART_MS = 500;
const DELEN_VOORUIT = 4;

type Verzoek = Opdracht extends infer O ? (O extends Opdracht ? Omit<O, 'nr'> : never) : never;

/** A thread reads profiles from the shared bytes: copying the objects into its message costs more. */
const zonderProfielen = (wijzigingen: readonly Wijziging[]): Wijziging[] => wijzigingen.map(({ doc, plek, oud }) => ({ doc, plek, oud }));

/** One search thread and the answers it still owes. */
class Zoekthread {
  /** Only a thread whose index matches the register answers searches. */
  klaar = false;
  private volgend = 0;
  private gestopt = false;
  /** Stopped or crashed: it answers nothing any more. */
  uitgevallen = false;
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
 * The embedded engine over several threads, so searches use every core. The main thread keeps the register: which
 * profile has which document number, and the profiles themselves as JSON in shared blocks of bytes. Each search
 * thread keeps a copy of the bitmaps and reads hits from the shared blocks. Every change goes to all threads in
 * the same order as to the register, and a search is posted after every change the register had when it
 * started, so its thread answers from exactly that state. A thread that stops is replaced and rebuilt from the
 * register; the others answer meanwhile.
 */
class ParallelEmbeddedEngine implements SearchEngine, SamenstellendeEngine {
  readonly naam = 'embedded' as const;
  private register = new ProfielRegister();
  private readonly threads: Zoekthread[];
  private readonly schrijfrij = new Schrijfrij();
  private gesloten = false;

  /** `meld` hears of threads that stop and of their replacements (for the log). */
  constructor(private readonly config: SearchConfig, aantal: number, private readonly meld: (melding: string) => void) {
    this.threads = Array.from({ length: aantal }, () => this.start());
    for (const t of this.threads) t.klaar = true;
  }

  async init(): Promise<void> {}

  upsert(profielen: readonly Kandidaatprofiel[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      for await (const deel of inDelen(profielen)) await this.wijzig(this.register.schrijf(deel));
      await this.ruimOp();
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.schrijfrij.na(async () => {
      await this.wijzig(this.register.schrijf([], ids));
      await this.ruimOp();
    });
  }

  replaceAll(profielen: Profielbron): Promise<void> {
    return this.schrijfrij.na(() => this.vervangAlles(profielen));
  }

  async search(vraag: Zoekvraag): Promise<Zoekresultaat> {
    return (await this.kiesThread().stuur({ soort: 'zoek', vraag })) as Zoekresultaat;
  }

  async kandidatenantwoordJson(vraag: Zoekvraag): Promise<Antwoordtekst> {
    return (await this.kiesThread().stuur({ soort: 'antwoord', vraag })) as Antwoordtekst;
  }

  async facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Promise<Facettelling> {
    return (await this.kiesThread().stuur({ soort: 'tel', vraag, facets })) as Facettelling;
  }

  async facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): Promise<{ waarde: string; aantal: number }[]> {
    return (await this.kiesThread().stuur({ soort: 'facetwaarden', facet, q, vraag })) as { waarde: string; aantal: number }[];
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const doc = this.register.internalId(id);
    return doc === undefined ? null : this.register.profiel(doc)!;
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
   * Sends a request to every thread in `threads`. A thread that fails a change is replaced (and rebuilt from the
   * register, which has the change): the change itself stands.
   */
  private async overal(verzoek: Verzoek, threads: readonly Zoekthread[] = this.threads): Promise<void> {
    await Promise.all(threads.map((t) => t.stuur(verzoek).catch(() => t.vervalt())));
  }

  private wijzig(wijzigingen: Wijziging[]): Promise<void> {
    return this.overal({ soort: 'wijzig', delen: this.register.lezer.delen, wijzigingen: zonderProfielen(wijzigingen) });
  }

  /**
   * A register built anew from `profielen`. One thread builds its index while the others keep answering from the
   * old state; at the swap they stop answering and are rebuilt from the new register, one after another, behind
   * this write. Built side by side, three busy threads shared two cores: the first answer from the new state (at a
   * cold start: the first answer at all) came about half as late again.
   */
  private async vervangAlles(profielen: Profielbron): Promise<void> {
    const nieuw = new ProfielRegister();
    const eerste = this.threads.find((t) => t.klaar) ?? this.threads[0]!;
    const andere = this.threads.filter((t) => t !== eerste);
    await this.vervang([eerste], nieuw, async function* () {
      for await (const deel of inDelen(profielen)) yield nieuw.schrijf(deel);
    }(), () => {
      this.register = nieuw;
      for (const t of andere) t.klaar = false;
    });
    for (const t of andere) this.bouwOp(t).catch(() => this.meld('zoekthread opnieuw opbouwen mislukt'));
  }

  /** Rebuilds once replaced profiles take more room than the live ones (see ProfielRegister.moetOpruimen). */
  private async ruimOp(): Promise<void> {
    if (this.register.moetOpruimen()) await this.vervangAlles(this.register.profielen());
  }

  /** Builds a new index in `threads` from `delen`; `wissel` runs in the same tick as the swap is posted. */
  private async vervang(threads: readonly Zoekthread[], register: ProfielRegister, delen: AsyncIterable<Wijziging[]>, wissel: () => void): Promise<void> {
    void this.overal({ soort: 'vervang-begin' }, threads);
    // The threads build while this thread reads and stores the next part; a few parts ahead at most.
    const onderweg: Promise<void>[] = [];
    for await (const wijzigingen of delen) {
      onderweg.push(this.overal({ soort: 'vervang-deel', delen: register.lezer.delen, wijzigingen: zonderProfielen(wijzigingen) }, threads));
      if (onderweg.length >= DELEN_VOORUIT) await onderweg.shift();
    }
    await Promise.all(onderweg);
    const klaar = this.overal({ soort: 'vervang-klaar' }, threads);
    wissel();
    await klaar;
  }

  private vervangThread(oud: Zoekthread): void {
    this.meld('zoekthread gestopt; hij wordt vervangen en opnieuw opgebouwd');
    // A short pause, so a thread that cannot start at all is not restarted in a tight loop.
    setTimeout(() => this.herstart(oud), HERSTART_MS).unref();
  }

  private herstart(oud: Zoekthread): void {
    const plek = this.threads.indexOf(oud);
    if (this.gesloten || plek < 0) return;
    const nieuw = this.start();
    this.threads[plek] = nieuw;
    this.bouwOp(nieuw).then(() => this.meld('zoekthread vervangen en opgebouwd'), () => this.meld('zoekthread opnieuw opbouwen mislukt'));
  }

  /**
   * Builds `thread`'s index from the register, behind the writes already queued (writes posted to it before then are
   * overwritten by this rebuild); it answers again once built. A thread replaced meanwhile is left alone.
   */
  private bouwOp(thread: Zoekthread): Promise<void> {
    return this.schrijfrij.na(async () => {
      if (this.gesloten || !this.threads.includes(thread)) return;
      const { register } = this;
      await this.vervang([thread], register, inDelen(register.alle()), () => {
        // A thread that stopped during its build has no index to answer from.
        thread.klaar = !thread.uitgevallen;
      });
    });
  }
}

/** The embedded engine with its searches spread over `threads` threads (see ParallelEmbeddedEngine). */
export function createParallelEmbeddedEngine(config: SearchConfig, threads: number, meld: (melding: string) => void = () => undefined): SearchEngine {
  return new ParallelEmbeddedEngine(config, threads, meld);
}
