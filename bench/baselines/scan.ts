import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../src/config/search-config';
import type { FacetNaam, Zoekvraag } from '../../src/zoeken/search-engine.port';
import { normalise } from '../../src/zoeken/embedded/tokenizer';
import { facetwaarden, tekstvelden, type BenchEngine } from './bench-engine';

/**
 * The floor: no index at all, one pass over an array of the profiles per query. Every query word must occur in
 * the profile's searchable text (lowercase, without diacritics; no typos, no stemming, no ranking: the first
 * matches make the page), the filters are checked on the profile, and the facets are counted disjunctively as
 * ours are: a profile that fails only facet f's own filter still counts for f.
 */
export function scanEngine(config: SearchConfig): BenchEngine {
  const tekst = tekstvelden(config);
  const onbekend = config.zoeken.onbekend;
  const profielen: Kandidaatprofiel[] = [];
  const teksten: string[] = [];

  return {
    async bouw(bron) {
      for await (const p of bron) {
        profielen.push(p);
        teksten.push(normalise(tekst.flatMap((t) => t.waarden(p)).join('\n')));
      }
    },
    async zoek(vraag: Zoekvraag) {
      const woorden = normalise(vraag.q ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
      const filters = Object.entries(vraag.filters ?? {}).filter(([, w]) => w && w.length > 0) as [FacetNaam, readonly string[]][];
      const facets = vraag.facets ?? [];
      const tellingen = new Map<FacetNaam, Map<string, number>>(facets.map((f) => [f, new Map()]));
      const tel = (p: Kandidaatprofiel, f: FacetNaam) => {
        const telling = tellingen.get(f);
        if (telling) for (const w of facetwaarden(p, f, onbekend)) telling.set(w, (telling.get(w) ?? 0) + 1);
      };
      const pagina: Kandidaatprofiel[] = [];
      let totalHits = 0;
      for (let i = 0; i < profielen.length; i++) {
        const p = profielen[i]!;
        if (!woorden.every((w) => teksten[i]!.includes(w))) continue;
        if (vraag.urenMin !== undefined && (p.urenPerWeek === null || p.urenPerWeek < vraag.urenMin)) continue;
        if (vraag.urenMax !== undefined && (p.urenPerWeek === null || p.urenPerWeek > vraag.urenMax)) continue;
        let mis: FacetNaam | null = null;
        let aantalMis = 0;
        for (const [f, gekozen] of filters) {
          if (facetwaarden(p, f, onbekend).some((w) => gekozen.includes(w))) continue;
          mis = f;
          if (++aantalMis > 1) break;
        }
        if (aantalMis === 1) tel(p, mis!);
        if (aantalMis > 0) continue;
        for (const f of facets) tel(p, f);
        totalHits++;
        if (pagina.length < (vraag.hitsPerPage ?? 20)) pagina.push(p);
      }
      return { totalHits, facetten: tellingen.size };
    },
  };
}
