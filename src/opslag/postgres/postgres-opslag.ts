import { PostgresRateLimitStore } from '../../beveiliging/postgres-rate-limit.store';
import type { Logger } from '../../logging/logger';
import type { Opslag } from '../opslag.port';
import { PostgresAudit } from './audit.postgres';
import { PostgresContactverzoeken } from './contactverzoeken.postgres';
import { PostgresIndexStand } from './indexstand.postgres';
import { migreer } from './migreer';
import { PostgresMirror } from './mirror.postgres';
import { PostgresSnapshots } from './snapshots.postgres';
import { maakPool } from './verbinding';

export interface PostgresOpties {
  connectionString: string;
  wijzigingslogBewaartijdMs: number;
  /** Whether the search index is shared (Meilisearch), so one instance writes it. */
  gedeeldeIndex: boolean;
  logger: Logger;
}

/** The shared store: one pool per instance; migrations run (once, whoever starts first) before anything else. */
export async function createPostgresOpslag(opties: PostgresOpties): Promise<Opslag> {
  const pool = maakPool(opties.connectionString, (err) => opties.logger.warn({ fout: err.name, melding: err.message }, 'verbinding met PostgreSQL verbroken'));
  try {
    await migreer(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const mirror = new PostgresMirror(pool, opties.connectionString, opties.wijzigingslogBewaartijdMs);
  const indexstand = opties.gedeeldeIndex ? new PostgresIndexStand(pool, opties.connectionString) : null;
  return {
    soort: 'postgres',
    mirror,
    wijzigingen: mirror,
    gedeeldeIndex: indexstand,
    snapshots: new PostgresSnapshots(pool),
    contactverzoeken: new PostgresContactverzoeken(pool),
    audit: new PostgresAudit(pool),
    rateLimietStore: (limiter) => new PostgresRateLimitStore({ pool, prefix: `${limiter}:` }),
    close: async () => {
      await indexstand?.close();
      await pool.end();
    },
  };
}
