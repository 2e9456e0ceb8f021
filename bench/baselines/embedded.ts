import type { SearchConfig } from '../../src/config/search-config';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
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
