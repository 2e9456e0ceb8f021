import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Pool, QueryConfig, QueryResultRow } from 'pg';

/** The shared counters could not be read or written (PostgreSQL down or too slow); the limiter lets the request pass. */
export class RateLimietOpslagFout extends Error {
  override readonly name = 'RateLimietOpslagFout';
}

/**
 * Longest a request waits for its counter once it has a connection: a hanging PostgreSQL must not hold up searches
 * and pages. Getting a connection is bounded by the pool's own connectionTimeoutMillis.
 */
export const MAX_WACHTTIJD_MS = 1000;

/** Milliseconds left in the row's window, by the database clock. */
const RESTEREND_MS = 'extract(epoch FROM venster_einde - now())::float8 * 1000 AS resterend_ms';

const INCREMENT = `
  INSERT INTO rate_limieten AS r (sleutel, hits, venster_einde)
  VALUES ($1, 1, now() + interval '1 millisecond' * $2::float8)
  ON CONFLICT (sleutel) DO UPDATE SET
    hits = CASE WHEN r.venster_einde > now() THEN r.hits + 1 ELSE 1 END,
    venster_einde = CASE WHEN r.venster_einde > now() THEN r.venster_einde ELSE excluded.venster_einde END
  RETURNING hits, ${RESTEREND_MS}`;

type Teller = { hits: number; resterend_ms: number };

export interface PostgresRateLimitStoreOpties {
  pool: Pool;
  /** Keeps the limiters apart in the one table, e.g. `per-ip:`. */
  prefix: string;
}

/**
 * express-rate-limit's Store on PostgreSQL (table `rate_limieten`, migration 002), so all instances count against
 * one limit. Fixed windows like its MemoryStore: a client's first hit opens a window of `windowMs`. Each hit is one
 * upsert whose row lock makes concurrent hits from every instance add up exactly. Windows run on the database
 * clock, so instances with skewed clocks agree; the time left is placed on this process's clock, which
 * express-rate-limit compares resetTime with for Retry-After.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly pool: Pool;
  private vensterMs = 60_000;
  private laatsteOpruiming = 0;

  constructor(opties: PostgresRateLimitStoreOpties) {
    this.pool = opties.pool;
    this.prefix = opties.prefix;
  }

  init(options: Options): void {
    this.vensterMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const [teller] = await this.vraag<Teller>(INCREMENT, [this.prefix + key, this.vensterMs]);
    this.ruimOp();
    return info(teller!);
  }

  async decrement(key: string): Promise<void> {
    await this.vraag('UPDATE rate_limieten SET hits = hits - 1 WHERE sleutel = $1 AND hits > 0 AND venster_einde > now()', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.vraag('DELETE FROM rate_limieten WHERE sleutel = $1', [this.prefix + key]);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [teller] = await this.vraag<Teller>(`SELECT hits, ${RESTEREND_MS} FROM rate_limieten WHERE sleutel = $1 AND venster_einde > now()`, [this.prefix + key]);
    return teller && info(teller);
  }

  /**
   * Expired rows do no harm (a client's next hit starts a new window over them) but would pile up, so once a
   * window each limiter deletes them, without making a request wait for it.
   */
  private ruimOp(): void {
    if (Date.now() - this.laatsteOpruiming < this.vensterMs) return;
    this.laatsteOpruiming = Date.now();
    // A failed clean-up leaves only expired rows, which the next one removes.
    this.vraag('DELETE FROM rate_limieten WHERE venster_einde <= now()', []).catch(() => {});
  }

  private async vraag<R extends QueryResultRow>(text: string, values: unknown[]): Promise<R[]> {
    // pg honours query_timeout per query (and drops the connection that hung), but @types/pg does not declare it.
    const query = { text, values, query_timeout: MAX_WACHTTIJD_MS } as QueryConfig;
    try {
      return (await this.pool.query<R>(query)).rows;
    } catch (err) {
      throw new RateLimietOpslagFout('rate-limittellers in PostgreSQL niet bereikbaar', { cause: err });
    }
  }
}

const info = (teller: Teller): ClientRateLimitInfo => ({ totalHits: teller.hits, resetTime: new Date(Date.now() + teller.resterend_ms) });
