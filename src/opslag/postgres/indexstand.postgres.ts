import pg from 'pg';
import type { GedeeldeIndexStand } from '../opslag.port';
import { SLOT, vraag } from './verbinding';

/**
 * Which instance writes the shared index: the one holding a session advisory lock on a connection of its own.
 * When that instance dies, PostgreSQL ends its session and the lock is free for the next one to try. The position
 * is written over that same connection, so an instance that lost the lock can no longer record one.
 */
export class PostgresIndexStand implements GedeeldeIndexStand {
  private client: pg.Client | null = null;
  private schrijver = false;

  constructor(private readonly pool: pg.Pool, private readonly connectionString: string) {}

  async probeerSchrijver(): Promise<boolean> {
    try {
      const c = this.client ?? await this.verbind();
      if (this.schrijver) {
        await c.query('SELECT 1');
      } else {
        const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [SLOT.indexschrijver]);
        this.schrijver = rows[0]!.ok;
      }
    } catch {
      this.laatLos();
    }
    return this.schrijver;
  }

  async lees(): Promise<number | null> {
    const [rij] = await vraag<{ toegepast: string | null }>(this.pool, 'indexstand lezen', 'SELECT toegepast FROM zoekindex_stand');
    return rij?.toegepast == null ? null : Number(rij.toegepast);
  }

  async zet(volgnummer: number): Promise<void> {
    if (!this.client || !this.schrijver) throw new Error('deze instantie schrijft de gedeelde index niet');
    await vraag(this.client, 'indexstand opslaan', 'UPDATE zoekindex_stand SET toegepast = $1', [volgnummer]);
  }

  async close(): Promise<void> {
    const c = this.client;
    this.laatLos();
    await c?.end().catch(() => undefined);
  }

  private async verbind(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.connectionString, application_name: 'kandidatenverkenner-indexschrijver' });
    c.on('error', () => this.laatLos());
    await c.connect();
    this.client = c;
    return c;
  }

  private laatLos(): void {
    const c = this.client;
    this.client = null;
    this.schrijver = false;
    c?.end().catch(() => undefined);
  }
}
