/**
 * Test help for the adapter's unit tests: a fake meilisearch-js client that records every call and answers from
 * scripted replies, and a profile factory. Nothing here talks to a network or pretends to be a server.
 */
import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type EnqueuedTask,
  type Meilisearch,
  type Task,
} from 'meilisearch';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';

export interface Aanroep {
  /** `createIndex`, `swapIndexes`, ... or `index(<uid>).addDocuments` for index methods. */
  methode: string;
  args: unknown[];
}

type Antwoord = (...args: unknown[]) => unknown;

/** Records calls; `antwoord` and `fout` script replies per method name (as in Aanroep.methode). */
export class NepMeilisearch {
  readonly aanroepen: Aanroep[] = [];
  private volgendeTaak = 1;
  private readonly antwoorden = new Map<string, Antwoord>();
  private readonly fouten = new Map<string, unknown[]>();
  /** Outcome of a task by the method that enqueued it; default succeeded. */
  private readonly taakUitkomsten = new Map<string, Partial<Task>>();
  private readonly taakMethode = new Map<number, string>();

  /** Method names in call order, waits included as `wacht(<methode>)`. */
  get volgorde(): string[] {
    return this.aanroepen.map((a) => a.methode);
  }

  /** The arguments of every call of `methode`, in order. */
  aanroepenVan(methode: string): unknown[][] {
    return this.aanroepen.filter((a) => a.methode === methode).map((a) => a.args);
  }

  /** What a read method answers; unscripted reads answer `{}`. */
  antwoord(methode: string, antwoord: Antwoord): this {
    this.antwoorden.set(methode, antwoord);
    return this;
  }

  /** The next calls of `methode` throw these errors, one per call, before it answers normally again. */
  fout(methode: string, ...fouten: unknown[]): this {
    this.fouten.set(methode, [...(this.fouten.get(methode) ?? []), ...fouten]);
    return this;
  }

  /** How the tasks enqueued by `methode` end (status, error); unscripted tasks succeed. */
  taakUitkomst(methode: string, uitkomst: Partial<Task>): this {
    this.taakUitkomsten.set(methode, uitkomst);
    return this;
  }

  /** The fake, typed as the real client for injection through `opts.client`. */
  get client(): Meilisearch {
    const index = (uid: string) => ({
      addDocuments: (...args: unknown[]) => this.taak(`index(${uid}).addDocuments`, args),
      deleteDocuments: (...args: unknown[]) => this.taak(`index(${uid}).deleteDocuments`, args),
      updateSettings: (...args: unknown[]) => this.taak(`index(${uid}).updateSettings`, args),
      search: (...args: unknown[]) => this.lees(`index(${uid}).search`, args),
      searchForFacetValues: (...args: unknown[]) => this.lees(`index(${uid}).searchForFacetValues`, args),
      getDocument: (...args: unknown[]) => this.lees(`index(${uid}).getDocument`, args),
      getStats: (...args: unknown[]) => this.lees(`index(${uid}).getStats`, args),
    });
    const nep = {
      index,
      createIndex: (...args: unknown[]) => this.taak('createIndex', args),
      deleteIndex: (...args: unknown[]) => this.taak('deleteIndex', args),
      swapIndexes: (...args: unknown[]) => this.taak('swapIndexes', args),
      multiSearch: (...args: unknown[]) => this.lees('multiSearch', args),
      health: (...args: unknown[]) => this.lees('health', args),
      tasks: { waitForTask: (...args: unknown[]) => this.wacht(args) },
    };
    return nep as unknown as Meilisearch;
  }

  private async roep(methode: string, args: unknown[]): Promise<void> {
    this.aanroepen.push({ methode, args });
    const fout = this.fouten.get(methode)?.shift();
    if (fout !== undefined) throw fout;
  }

  private async lees(methode: string, args: unknown[]): Promise<unknown> {
    await this.roep(methode, args);
    return this.antwoorden.get(methode)?.(...args) ?? {};
  }

  private async taak(methode: string, args: unknown[]): Promise<EnqueuedTask> {
    await this.roep(methode, args);
    const taskUid = this.volgendeTaak++;
    this.taakMethode.set(taskUid, methode);
    return { taskUid, indexUid: null, status: 'enqueued', type: 'documentAdditionOrUpdate', enqueuedAt: '2026-11-28T00:00:00Z' };
  }

  private async wacht(args: unknown[]): Promise<Task> {
    const taskUid = args[0] as number;
    const methode = this.taakMethode.get(taskUid) ?? '?';
    await this.roep(`wacht(${methode})`, args);
    return {
      uid: taskUid,
      indexUid: null,
      status: 'succeeded',
      type: 'documentAdditionOrUpdate',
      enqueuedAt: '',
      batchUid: null,
      canceledBy: null,
      error: null,
      duration: null,
      startedAt: null,
      finishedAt: null,
      ...this.taakUitkomsten.get(methode),
    };
  }
}

let teller = 0;

/** A complete, plausible Kandidaatprofiel; override what a test is about. */
export function maakProfiel(over: Partial<Kandidaatprofiel> = {}): Kandidaatprofiel {
  teller++;
  return {
    id: `p${String(teller).padStart(31, '0')}`,
    gemeenteCode: 'GM0268',
    gemeente: 'Nijmegen',
    regio: 25,
    regioNaam: 'Rijk van Nijmegen',
    dienstverlener: 'UWV',
    heeftProfiel: true,
    opleidingen: [{ niveau: 'mbo-2', richting: 'Logistiek', diploma: true }],
    opleidingsniveau: 'mbo-2',
    vaardigheden: ['Heftruck rijden', 'Orderpicken'],
    competenties: ['Nauwkeurig'],
    affiniteiten: ['Werken met dieren'],
    beroepssectoren: ['Transport en logistiek'],
    taaksoorten: ['Inpakken', 'Sorteren'],
    werkervaring: [{ beroep: 'Orderpicker', jaren: 2 }],
    urenPerWeek: 24,
    dagdelen: ['ma-ochtend'],
    reisafstandKm: 15,
    rijbewijs: ['B'],
    eigenVervoer: true,
    profielvulling: 5,
    transparantieklasse: 'volledig',
    publiek: null,
    bijgewerkt: '2026-11-01',
    ...over,
  };
}

/** What meilisearch-js throws when Meilisearch answers with an error status. */
export function apiFout(status: number, code = 'internal'): MeilisearchApiError {
  return new MeilisearchApiError(new Response(null, { status }), { message: `fout ${code}`, code, type: 'x', link: '' });
}

/** What meilisearch-js throws when fetch fails (connection refused, DNS, reset). */
export function netwerkFout(): MeilisearchRequestError {
  return new MeilisearchRequestError('http://meili:7700/multi-search', new TypeError('fetch failed'));
}

/** What meilisearch-js throws when its per-request timeout fires. */
export function timeoutFout(): MeilisearchRequestError {
  const timeout = new MeilisearchRequestTimeOutError(2000, { headers: { Authorization: 'Bearer geheim' } });
  return new MeilisearchRequestError('http://meili:7700/multi-search', timeout);
}
