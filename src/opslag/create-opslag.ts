import type { Env } from '../config/env';
import type { Logger } from '../logging/logger';
import type { Opslag } from './opslag.port';
import { createPostgresOpslag } from './postgres/postgres-opslag';
import { createSqliteOpslag } from './sqlite/sqlite-opslag';

/** Picks the adapter once: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function createOpslag(env: Env, logger: Logger): Promise<Opslag> {
  const bewaartijd = env.wijzigingslogBewaartijdMs;
  if (env.databaseUrl) {
    return createPostgresOpslag({ connectionString: env.databaseUrl, wijzigingslogBewaartijdMs: bewaartijd, gedeeldeIndex: env.searchEngine === 'meilisearch', logger });
  }
  return Promise.resolve(createSqliteOpslag(env.dataDir, bewaartijd));
}
