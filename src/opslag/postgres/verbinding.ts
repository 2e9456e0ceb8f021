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
 * A client from the pool; OpslagFout when PostgreSQL cannot be reached. While it is out of the pool, a connection
 * the server ends between two statements (a restart, pg_terminate_backend) emits 'error' on it, which without a
 * listener would end the process: the next statement on it fails instead, and `geefTerug` discards it.
 */
export async function verbind(pool: pg.Pool, actie: string): Promise<pg.PoolClient> {
  try {
    const c = await pool.connect();
    c.on('error', negeer);
    return c;
  } catch (err) {
    throw new OpslagFout(`opslag niet bereikbaar: ${actie}`, { cause: err });
  }
}

/** Back to the pool; `kapot` (a statement failed, or a transaction was left open) destroys it instead. */
export function geefTerug(c: pg.PoolClient, kapot: boolean): void {
  c.off('error', negeer);
  c.release(kapot);
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
    geefTerug(c, kapot);
  }
}
