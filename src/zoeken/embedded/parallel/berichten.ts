import type { SearchConfig } from '../../../config/search-config';
import type { FacetNaam, Filtervraag, Zoekvraag } from '../../search-engine.port';
import type { Wijziging } from '../profiel-register';

/** What a search thread gets at its start. */
export interface WerkerData {
  config: SearchConfig;
  /** The thread's own module, loaded through tsx like the rest of the service. */
  bestand: string;
}

/**
 * What the main thread asks of a search thread. A thread handles them strictly in the order they were posted,
 * which is what keeps every thread's index in step with the main thread's profiles.
 */
export type Opdracht = { nr: number } & (
  | { soort: 'wijzig'; wijzigingen: Wijziging[] }
  /** Builds a new index next to the current one, which keeps answering until `vervang-klaar` swaps them. */
  | { soort: 'vervang-begin' }
  | { soort: 'vervang-deel'; wijzigingen: Wijziging[] }
  | { soort: 'vervang-klaar' }
  | { soort: 'zoek'; vraag: Zoekvraag }
  | { soort: 'tel'; vraag: Filtervraag; facets: readonly FacetNaam[] }
  | { soort: 'facetwaarden'; facet: FacetNaam; q: string; vraag: Filtervraag }
);

export type Antwoord = { nr: number } & ({ ok: true; waarde: unknown } | { ok: false; fout: string });
