import type { SearchConfig } from '../../../config/search-config';
import type { FacetNaam, Filtervraag, Zoekvraag } from '../../search-engine.port';
import type { Wijziging } from '../profiel-register';

/** What a search thread gets at its start. */
export interface WerkerData {
  config: SearchConfig;
  /** The thread's own module, loaded through tsx like the rest of the service. */
  bestand: string;
}

/** A batch of changes, with the register's blocks of profile bytes they point into (shared, not copied). */
export interface Wijzigingen {
  delen: SharedArrayBuffer[];
  wijzigingen: Wijziging[];
}

/**
 * What the main thread asks of a search thread. A thread handles them strictly in the order they were posted,
 * which is what keeps every thread's index in step with the main thread's register.
 */
export type Opdracht = { nr: number } & (
  | ({ soort: 'wijzig' } & Wijzigingen)
  /** Builds a new index next to the current one, which keeps answering until `vervang-klaar` swaps them. */
  | { soort: 'vervang-begin' }
  | ({ soort: 'vervang-deel' } & Wijzigingen)
  | { soort: 'vervang-klaar' }
  | { soort: 'zoek'; vraag: Zoekvraag }
  /** The whole answer for employers, serialized: the main thread only passes the text on. */
  | { soort: 'antwoord'; vraag: Zoekvraag }
  | { soort: 'tel'; vraag: Filtervraag; facets: readonly FacetNaam[] }
  | { soort: 'facetwaarden'; facet: FacetNaam; q: string; vraag: Filtervraag }
);

export type Antwoord = { nr: number } & ({ ok: true; waarde: unknown } | { ok: false; fout: string });
