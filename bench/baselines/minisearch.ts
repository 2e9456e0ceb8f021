import MiniSearch from 'minisearch';
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../src/config/search-config';
import type { FacetNaam, Zoekvraag } from '../../src/zoeken/search-engine.port';
import { facetwaarden, filterPredikaat, tekstvelden, type BenchEngine } from './bench-engine';

/**
 * Baseline: minisearch 7.2 with all terms required and the same typo rule as our search config (one typo from
 * 5 letters, two from 9), filters as a predicate over the stored profile, and the facets counted by hand over
 * every match (minisearch has no facets). Counts are conjunctive, as with Orama.
 */
export function minisearchEngine(config: SearchConfig): BenchEngine {
  const tekst = tekstvelden(config);
  const onbekend = config.zoeken.onbekend;
  const { minWoordlengteEenTypfout, minWoordlengteTweeTypfouten } = config.zoeken.typfouten;
  const profielen: Kandidaatprofiel[] = [];
  const index = new MiniSearch<{ nr: number }>({
    idField: 'nr',
    fields: tekst.map((t) => t.veld),
    extractField: (doc, veld) => {
      if (veld === 'nr') return String(doc.nr);
      return tekst.find((t) => t.veld === veld)!.waarden(profielen[doc.nr]!).join(' \n ');
    },
    searchOptions: {
      combineWith: 'AND',
      boost: Object.fromEntries(tekst.map((t) => [t.veld, t.gewicht])),
      fuzzy: (term) => (term.length >= minWoordlengteTweeTypfouten ? 2 : term.length >= minWoordlengteEenTypfout ? 1 : 0),
    },
  });

  return {
    async bouw(bron) {
      for await (const p of bron) {
        profielen.push(p);
        index.add({ nr: profielen.length - 1 });
      }
    },
    async zoek(vraag: Zoekvraag) {
      const past = filterPredikaat(vraag, onbekend);
      const treffers = index.search(vraag.q ?? '', { filter: (r) => past(profielen[r.id as number]!) });
      const facetten: Partial<Record<FacetNaam, Map<string, number>>> = {};
      for (const f of vraag.facets ?? []) facetten[f] = new Map();
      for (const t of treffers) {
        const p = profielen[t.id as number]!;
        for (const f of vraag.facets ?? []) {
          const telling = facetten[f]!;
          for (const w of facetwaarden(p, f, onbekend)) telling.set(w, (telling.get(w) ?? 0) + 1);
        }
      }
      return { totalHits: treffers.length, facetten: Object.keys(facetten).length };
    },
  };
}
