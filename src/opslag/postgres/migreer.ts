import path from 'node:path';
import type pg from 'pg';
import { leesMigraties } from '../migraties';
import { inTransactie, SLOT, verbind, vraag } from './verbinding';

const MIGRATIES = path.join(__dirname, 'migraties');

/**
 * Brings the database's schema up to date, each migration and its version in one transaction. Instances that
 * start together take turns (an advisory lock), so each migration runs exactly once.
 */
export async function migreer(pool: pg.Pool): Promise<void> {
  const c = await verbind(pool, 'migreren');
  try {
    await vraag(c, 'migreren', 'SELECT pg_advisory_lock($1)', [SLOT.migreren]);
    await vraag(c, 'migreren', 'CREATE TABLE IF NOT EXISTS schema_migraties (versie integer PRIMARY KEY, naam text NOT NULL, toegepast timestamptz NOT NULL DEFAULT now())');
    const [{ versie }] = await vraag<{ versie: number }>(c, 'migreren', 'SELECT coalesce(max(versie), 0)::int AS versie FROM schema_migraties') as [{ versie: number }];
    for (const m of leesMigraties(MIGRATIES)) {
      if (m.versie <= versie) continue;
      await inTransactie(pool, `migratie ${m.versie}`, 'BEGIN', async (tx) => {
        await vraag(tx, `migratie ${m.versie}`, m.sql);
        await vraag(tx, `migratie ${m.versie}`, 'INSERT INTO schema_migraties (versie, naam) VALUES ($1, $2)', [m.versie, m.naam]);
      });
    }
  } finally {
    await c.query('SELECT pg_advisory_unlock($1)', [SLOT.migreren]).catch(() => undefined);
    c.release();
  }
}
