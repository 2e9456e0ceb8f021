import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL tests use; the admin connection creates and drops their databases. */
export const TEST_POSTGRES_URL = process.env.KV_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  naam: string;
  verwijder(): Promise<void>;
}

async function admin<T>(werk: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await c.connect();
  } catch (err) {
    // Never a skip: a test that needs PostgreSQL fails loudly when it is not there (CI starts it in .ci/run).
    throw new Error(`PostgreSQL niet bereikbaar op ${TEST_POSTGRES_URL}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return await werk(c);
  } finally {
    await c.end();
  }
}

/** A new, empty database of its own on the test server; `verwijder` drops it (ending its connections first). */
export async function nieuweTestDatabase(): Promise<TestDatabase> {
  const naam = `kv_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${naam}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${naam}`;
  return {
    url: url.toString(),
    naam,
    verwijder: () => admin(async (c) => { await c.query(`DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`); }),
  };
}
