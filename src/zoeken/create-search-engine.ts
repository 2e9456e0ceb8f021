import type { Env } from '../config/env';
import type { Logger } from '../logging/logger';
import type { SearchConfig } from '../config/search-config';
import { createEmbeddedEngine } from './embedded/embedded-engine';
import { createParallelEmbeddedEngine } from './embedded/parallel/parallel-engine';
import { createMeilisearchEngine } from './meilisearch/meilisearch-engine';
import type { SearchEngine } from './search-engine.port';

/** Picks the engine adapter once, from configuration. */
export function createSearchEngine(env: Pick<Env, 'searchEngine' | 'meili' | 'zoekthreads'>, config: SearchConfig, logger: Logger): SearchEngine {
  if (env.searchEngine === 'meilisearch') {
    if (!env.meili) throw new Error('meilisearch gekozen zonder MEILI_HOST');
    return createMeilisearchEngine(config, env.meili);
  }
  if (env.zoekthreads === 0) return createEmbeddedEngine(config);
  return createParallelEmbeddedEngine(config, env.zoekthreads, (melding) => logger.warn({ zoekthreads: env.zoekthreads }, melding));
}
