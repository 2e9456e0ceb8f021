import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL the tests create their databases on (CI and this machine: trust auth for `postgres`). */
const STANDAARD_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Drops the database, ending any connection still open to it. */
  verwijder(): Promise<void>;
}

/**
 * A new, uniquely named database on the test PostgreSQL (`KV_TEST_POSTGRES_URL`, or the local one). Throws when
 * PostgreSQL cannot be reached, so a test that needs it fails instead of skipping.
 */
export async function nieuweTestDatabase(): Promise<TestDatabase> {
  const beheerUrl = process.env.KV_TEST_POSTGRES_URL ?? STANDAARD_URL;
  const naam = `kv_test_${randomBytes(6).toString('hex')}`;
  await beheer(beheerUrl, `CREATE DATABASE ${naam}`);
  const url = new URL(beheerUrl);
  url.pathname = `/${naam}`;
  return { url: url.toString(), verwijder: () => beheer(beheerUrl, `DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`) };
}

async function beheer(beheerUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: beheerUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    const { host, pathname } = new URL(beheerUrl);
    // A refused connection to several addresses is an AggregateError without a message, but with a code.
    const reden = (err as Error).message || (err as { code?: string }).code;
    throw new Error(`PostgreSQL voor de tests niet bereikbaar op ${host}${pathname} (${reden}); start het of zet KV_TEST_POSTGRES_URL`, { cause: err });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
