import pg from 'pg';
import { OpslagFout } from '../opslag-fout';

/** Advisory lock keys of this service; one place, so no two uses can pick the same number. */
export const SLOT = {
  migreren: 4_801_001,
  schrijven: 4_801_002,
  indexschrijver: 4_801_003,
  audit: 4_801_004,
} as const;

/** The channel on which a committed write announces its change log position. */
export const WIJZIGINGSKANAAL = 'kv_wijzigingen';

/** Runs one statement; any failure (connection lost, server gone) becomes an OpslagFout, which answers 503. */
export async function vraag<R extends pg.QueryResultRow>(db: pg.Pool | pg.PoolClient | pg.Client, actie: string, sql: string, params?: unknown[]): Promise<R[]> {
  try {
    return (await db.query<R>(sql, params)).rows;
  } catch (err) {
    throw new OpslagFout(`opslag mislukt: ${actie}`, { cause: err });
  }
}

const negeer = () => undefined;

/**
 * The pool of one instance; `bijVerlies` hears of idle connections the server ended (the pool replaces them).
 *
 * Every connection ignores 'error' for as long as it lives. A client out of the pool that the server ends between
 * two statements (a restart, pg_terminate_backend) emits 'error', and without a listener that ends the process:
 * ignored, its next statement fails instead (an OpslagFout) and it goes back destroyed. The listener is added once,
 * when the connection is made, not at checkout: the pool hands a released client to a waiting `connect()` at once,
 * but the waiter runs a microtask later, and a FATAL message in the same socket read falls in between.
 */
export function maakPool(connectionString: string, bijVerlies: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 2000, idleTimeoutMillis: 30_000, application_name: 'kandidatenverkenner' });
  pool.on('connect', (c) => c.on('error', negeer));
  pool.on('error', bijVerlies);
  return pool;
}

/** A client from the pool; OpslagFout when PostgreSQL cannot be reached. */
export async function verbind(pool: pg.Pool, actie: string): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (err) {
    throw new OpslagFout(`opslag niet bereikbaar: ${actie}`, { cause: err });
  }
}

/**
 * Runs `werk` in one transaction on one pooled client. A client whose statement failed goes back to the pool
 * destroyed: after a killed connection or a failed COMMIT its state is unknown.
 */
export async function inTransactie<T>(pool: pg.Pool, actie: string, begin: string, werk: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await verbind(pool, actie);
  let kapot = false;
  try {
    await vraag(c, actie, begin);
    const uitkomst = await werk(c);
    await vraag(c, actie, 'COMMIT');
    return uitkomst;
  } catch (err) {
    kapot = true;
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release(kapot);
  }
}
