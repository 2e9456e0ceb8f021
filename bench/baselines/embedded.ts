import type { SearchConfig } from '../../src/config/search-config';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import { Werkgeversweergave } from '../../src/zoeken/werkgeversweergave';
import type { BenchEngine } from './bench-engine';

/** Our embedded engine through the SearchEngine port, exactly as the service uses it. */
export function embeddedEngine(config: SearchConfig): BenchEngine {
  const engine = createEmbeddedEngine(config);
  return {
    bouw: (profielen) => engine.replaceAll(profielen),
    async zoek(vraag) {
      const r = await engine.search(vraag);
      return { totalHits: r.totalHits, facetten: Object.keys(r.facetDistribution).length };
    },
  };
}

/**
 * The same engine answering as employers see it: their filters and facets moved onto the published values, small
 * counts withheld, every hit in the employer's view. Beside `embeddedEngine` it shows what k-anonymity costs a search.
 */
export function embeddedWerkgeverEngine(config: SearchConfig): BenchEngine {
  const engine = createEmbeddedEngine(config);
  const werkgevers = new Werkgeversweergave(config);
  return {
    bouw: (profielen) => engine.replaceAll(profielen),
    async zoek(vraag) {
      const r = werkgevers.resultaat(await engine.search(werkgevers.vraag(vraag)));
      for (const h of r.hits) werkgevers.profiel(h.profiel);
      return { totalHits: r.totalHits, facetten: Object.keys(r.facetDistribution).length };
    },
  };
}
