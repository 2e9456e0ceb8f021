import type { SearchConfig } from '../../config/search-config';
import { ConfigError } from '../../config/config-error';
import type { Opleidingsniveau } from '../../sonar/sonar-record.schema';
import { FACETTEN, INTERNE_FACETPADEN, INTERNE_FACETTEN, type FacetNaam } from '../search-engine.port';
import { TextAnalyzer } from './tokenizer';
import type { TypoRules } from './vocabulary';

export interface SearchableField {
  /** The configured name, also the key of a hit's highlights. */
  naam: string;
  pad: readonly string[];
  gewicht: number;
}

/** What the embedded engine reads from the search config, resolved once. */
export interface EngineSchema {
  velden: readonly SearchableField[];
  facetPaden: ReadonlyMap<FacetNaam, readonly string[]>;
  onbekend: string;
  /** Opleidingsniveaus from low to high. */
  niveaus: readonly Opleidingsniveau[];
  typfouten: TypoRules;
  /** Per normalised word the other words of its synonym groups. */
  synoniemen: ReadonlyMap<string, readonly string[]>;
  analyzer: TextAnalyzer;
  maxTotalHits: number;
  maxHitsPerPage: number;
  maxWaardenPerFacet: number;
}

/**
 * Resolves the config for the embedded engine; throws a ConfigError when a facet of the port is not configured.
 * A facet without `veld` uses the profile field of its own name, except `gemeente`: the port defines its values as
 * CBS codes, which live in `gemeenteCode` (the `gemeente` field holds the name).
 */
export function engineSchema(config: SearchConfig): EngineSchema {
  const z = config.zoeken;
  const geconfigureerd = new Map(z.facetten.map((f) => [f.naam, f.veld ?? (f.naam === 'gemeente' ? 'gemeenteCode' : f.naam)]));
  const facetPaden = new Map<FacetNaam, readonly string[]>();
  for (const naam of FACETTEN) {
    const veld = geconfigureerd.get(naam);
    if (veld === undefined) throw new ConfigError(`search-config/zoeken.json: facet '${naam}' ontbreekt in facetten`);
    facetPaden.set(naam, veld.split('.'));
  }
  for (const naam of INTERNE_FACETTEN) facetPaden.set(naam, INTERNE_FACETPADEN[naam]);
  const analyzer = new TextAnalyzer(z.stopwoorden);
  const synoniemen = new Map<string, string[]>();
  for (const groep of z.synoniemen) {
    // Multi-word synonyms are not supported: a member that normalises to several words is left out.
    const woorden = groep.map((s) => analyzer.words(s)).filter((w) => w.length === 1).map((w) => w[0]!);
    for (const woord of woorden) {
      const lijst = synoniemen.get(woord) ?? [];
      for (const ander of woorden) if (ander !== woord && !lijst.includes(ander)) lijst.push(ander);
      synoniemen.set(woord, lijst);
    }
  }
  return {
    velden: z.doorzoekbaar.map((d) => ({ naam: d.veld, pad: d.veld.split('.'), gewicht: d.gewicht })),
    facetPaden,
    onbekend: z.onbekend,
    niveaus: config.opleidingsniveaus.map((n) => n.code),
    typfouten: z.typfouten,
    synoniemen,
    analyzer,
    maxTotalHits: z.maxTotalHits,
    maxHitsPerPage: z.maxHitsPerPage,
    maxWaardenPerFacet: z.maxWaardenPerFacet,
  };
}
