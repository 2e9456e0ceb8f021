import { getEnv } from '../../src/config/env';
import { createOpslag } from '../../src/opslag/create-opslag';
import type { Opslag } from '../../src/opslag/opslag.port';
import { createLogger } from '../../src/logging/logger';
import { nieuweTestDatabase } from '../../bench/postgres-database';

/** Which adapter this jest project runs the suite against (jest.config.js sets it per project). */
export const TEST_OPSLAG: 'sqlite' | 'postgres' = process.env.KV_TEST_OPSLAG === 'postgres' ? 'postgres' : 'sqlite';

export interface TestOpslagplek {
  /** Environment for a service (in-process or its own process) that stores here. */
  env: Record<string, string>;
  /** Opens the store directly, as the service would, to look at what it holds. */
  open(dataDir: string): Promise<Opslag>;
  verwijder(): Promise<void>;
}

/** A fresh store for one test: nothing to do for SQLite (a fresh DATA_DIR is enough), a new database for PostgreSQL. */
export async function nieuweTestOpslag(soort: 'sqlite' | 'postgres' = TEST_OPSLAG): Promise<TestOpslagplek> {
  const db = soort === 'postgres' ? await nieuweTestDatabase() : null;
  const env: Record<string, string> = db ? { DATABASE_URL: db.url } : {};
  return {
    env,
    open: (dataDir) => createOpslag(getEnv({ NODE_ENV: 'test', DATA_DIR: dataDir, ...env }), createLogger('silent')),
    verwijder: async () => { await db?.verwijder(); },
  };
}

/** Every profile in a store, as an array (tests compare whole mirrors). */
export async function alleProfielen(opslag: Opslag) {
  const alle = [];
  for await (const p of opslag.mirror.alle()) alle.push(p);
  return alle;
}
