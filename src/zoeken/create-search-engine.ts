import type { Env } from '../config/env';
import type { SearchConfig } from '../config/search-config';
import { createEmbeddedEngine } from './embedded/embedded-engine';
import { createParallelEmbeddedEngine } from './embedded/parallel/parallel-engine';
import { createMeilisearchEngine } from './meilisearch/meilisearch-engine';
import type { SearchEngine } from './search-engine.port';

/** Picks the engine adapter once, from configuration. */
export function createSearchEngine(env: Pick<Env, 'searchEngine' | 'meili' | 'zoekthreads'>, config: SearchConfig): SearchEngine {
  if (env.searchEngine === 'meilisearch') {
    if (!env.meili) throw new Error('meilisearch gekozen zonder MEILI_HOST');
    return createMeilisearchEngine(config, env.meili);
  }
  return env.zoekthreads > 0 ? createParallelEmbeddedEngine(config, env.zoekthreads) : createEmbeddedEngine(config);
}
