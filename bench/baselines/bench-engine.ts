import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../src/config/search-config';
import type { FacetNaam, Profielbron, Zoekvraag } from '../../src/zoeken/search-engine.port';
import { publiekeWaarden } from '../../src/zoeken/publieke-facetten';

/** What the engine benchmark needs of an engine: build once from the mirror, then answer the query mix. */
export interface BenchEngine {
  bouw(profielen: Profielbron): Promise<void>;
  /** One faceted query: the first page of hits plus counts for every facet asked. */
  zoek(vraag: Zoekvraag): Promise<{ totalHits: number; facetten: number }>;
}

/**
 * The searchable text of a profile per configured field (search-config/zoeken.json), with its weight: what the
 * baselines index, so they search the same words as the embedded engine.
 */
export function tekstvelden(config: SearchConfig): { veld: string; gewicht: number; waarden: (p: Kandidaatprofiel) => string[] }[] {
  return config.zoeken.doorzoekbaar.map(({ veld, gewicht }) => {
    const [hoofd, sub] = veld.split('.') as [keyof Kandidaatprofiel, string | undefined];
    const waarden = (p: Kandidaatprofiel): string[] => {
      const v = p[hoofd];
      if (!Array.isArray(v)) return [];
      if (sub === undefined) return v as string[];
      return (v as Record<string, unknown>[]).map((o) => o[sub]).filter((x): x is string => typeof x === 'string');
    };
    return { veld: veld.replace('.', '_'), gewicht, waarden };
  });
}

/** A facet's values of one profile, as the API names them (region numbers as strings, 'ja'/'nee'). */
export function facetwaarden(p: Kandidaatprofiel, facet: FacetNaam, onbekend: string): string[] {
  switch (facet) {
    case 'regio': return [String(p.regio)];
    case 'gemeente': return [p.gemeenteCode];
    case 'opleidingsniveau': return [p.opleidingsniveau ?? onbekend];
    case 'sector': return p.beroepssectoren;
    case 'taaksoort': return p.taaksoorten;
    case 'competentie': return p.competenties;
    case 'vaardigheid': return p.vaardigheden;
    case 'affiniteit': return p.affiniteiten;
    case 'rijbewijs': return p.rijbewijs;
    case 'eigenVervoer': return p.eigenVervoer === null ? [] : [p.eigenVervoer ? 'ja' : 'nee'];
    case 'transparantieklasse': return [p.transparantieklasse];
    default: return publiekeWaarden(p, facet);
  }
}

/** The query's filters as a predicate: OR within a facet, AND across facets, urenMin/urenMax on the hours. */
export function filterPredikaat(vraag: Zoekvraag, onbekend: string): (p: Kandidaatprofiel) => boolean {
  const filters = Object.entries(vraag.filters ?? {}).filter(([, w]) => w && w.length > 0) as [FacetNaam, readonly string[]][];
  return (p) => filters.every(([facet, gekozen]) => facetwaarden(p, facet, onbekend).some((w) => gekozen.includes(w)))
    && (vraag.urenMin === undefined || (p.urenPerWeek !== null && p.urenPerWeek >= vraag.urenMin))
    && (vraag.urenMax === undefined || (p.urenPerWeek !== null && p.urenPerWeek <= vraag.urenMax));
}
