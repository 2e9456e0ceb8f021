import { spawnSync } from 'node:child_process';
/**
 * The store contract on both adapters, in one file: it opens its own SQLite files and PostgreSQL databases, so it
 * runs in the sqlite jest project only (the postgres project leaves test/opslag out). PostgreSQL must be reachable:
 * nieuweTestDatabase throws otherwise, and these tests fail rather than skip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, type PoolClient } from 'pg';
import { createLogger } from '../../src/logging/logger';
import type { Opslag } from '../../src/opslag/opslag.port';
import { OpslagFout } from '../../src/opslag/opslag-fout';
import { createPostgresOpslag } from '../../src/opslag/postgres/postgres-opslag';
import { maakPool, verbind, vraag } from '../../src/opslag/postgres/verbinding';
import { createSqliteOpslag } from '../../src/opslag/sqlite/sqlite-opslag';
import { nieuweTestDatabase, type TestDatabase } from '../../bench/postgres-database';
import { opslagSuite, profiel, upsertProfielen, type Opslagplek, type Plekopties } from './opslag-suite';

const logger = createLogger('silent');
const UUR = 3_600_000;

/** Keeps the instances of one place, so each is closed exactly once (a pg pool refuses a second end()). */
function plekMet(openen: () => Promise<Opslag>, weg: () => Promise<void>, tweede: boolean, sql: Opslagplek['sql']): Promise<Opslagplek> {
  const open = new Set<Opslag>();
  const nieuw = async () => {
    const o = await openen();
    open.add(o);
    return o;
  };
  const sluit = async (o: Opslag) => {
    if (open.delete(o)) await o.close();
  };
  return nieuw().then((eerste) => {
    const plek: Opslagplek = {
      opslag: eerste,
      opnieuw: async () => {
        await sluit(plek.opslag);
        plek.opslag = await nieuw();
        return plek.opslag;
      },
      ...(tweede ? { tweede: nieuw } : {}),
      sql,
      sluit,
      ruimOp: async () => {
        for (const o of [...open]) await sluit(o);
        await weg();
      },
    };
    return plek;
  });
}

/**
 * Statements "from outside" run in a process of their own, as someone with access to the file would run them. In
 * this process, a connection opened next to the store's sometimes saw none of the rows just committed when the whole
 * suite ran (the audit trigger tests then failed); not reproduced alone, so the cause is not proven.
 */
const BUITEN = "const D = require('better-sqlite3'); const db = new D(process.env.KV_BESTAND); try { db.exec(process.env.KV_SQL); } finally { db.close(); }";

async function sqlitePlek(opties: Plekopties = {}): Promise<Opslagplek> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kv-opslag-'));
  // One process per DATA_DIR: SQLite has no second instance.
  return plekMet(async () => createSqliteOpslag(dir, opties.bewaartijdMs ?? UUR), async () => rmSync(dir, { recursive: true, force: true }), false,
    async (bestand, statement) => {
      const uit = spawnSync(process.execPath, ['-e', BUITEN], {
        cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', env: { ...process.env, KV_BESTAND: path.join(dir, `${bestand}.sqlite`), KV_SQL: statement },
      });
      if (uit.status !== 0) throw new Error(uit.stderr);
    });
}

const postgresOpslag = (db: TestDatabase, opties: Plekopties = {}, gedeeldeIndex = false) =>
  createPostgresOpslag({ connectionString: db.url, wijzigingslogBewaartijdMs: opties.bewaartijdMs ?? UUR, gedeeldeIndex, logger });

async function postgresPlek(opties: Plekopties = {}): Promise<Opslagplek> {
  const db = await nieuweTestDatabase();
  return plekMet(() => postgresOpslag(db, opties), () => db.verwijder(), true, async (_bestand, statement) => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  });
}

opslagSuite('sqlite', sqlitePlek);
opslagSuite('postgres', postgresPlek);

describe('Opslag: alleen postgres', () => {
  let db: TestDatabase;
  const open = new Set<Opslag>();
  const instantie = async (gedeeldeIndex: boolean) => {
    const o = await postgresOpslag(db, {}, gedeeldeIndex);
    open.add(o);
    return o;
  };
  beforeEach(async () => {
    db = await nieuweTestDatabase();
  });
  afterEach(async () => {
    for (const o of open) await o.close();
    open.clear();
    await db.verwijder();
  });

  it('GedeeldeIndexStand: exactly one instance writes the shared index; the other takes over after it closes', async () => {
    const a = await instantie(true);
    const b = await instantie(true);
    const standA = a.gedeeldeIndex!;
    const standB = b.gedeeldeIndex!;
    expect(standA).not.toBeNull();
    expect(standB).not.toBeNull();
    expect(await standA.lees()).toBeNull();

    expect(await standA.probeerSchrijver()).toBe(true);
    expect(await standB.probeerSchrijver()).toBe(false);
    // Staying writer, and staying not: asking again changes nothing.
    expect(await standA.probeerSchrijver()).toBe(true);
    expect(await standB.probeerSchrijver()).toBe(false);

    await standA.zet(7);
    await expect(standB.zet(9)).rejects.toThrow('deze instantie schrijft de gedeelde index niet');
    expect(await standB.lees()).toBe(7);
    expect(await standA.lees()).toBe(7);

    open.delete(a);
    await a.close();
    expect(await standB.probeerSchrijver()).toBe(true);
    expect(await standB.lees()).toBe(7);
    await standB.zet(8);
    expect(await standB.lees()).toBe(8);

    // A newcomer finds the lock taken and the position where B left it.
    const c = await instantie(true);
    expect(await c.gedeeldeIndex!.probeerSchrijver()).toBe(false);
    expect(await c.gedeeldeIndex!.lees()).toBe(8);
  });

  it('has no GedeeldeIndexStand without a shared index', async () => {
    const o = await instantie(false);
    expect(o.gedeeldeIndex).toBeNull();
  });

  it('has a rate-limit store (shared by the instances); SQLite has none', async () => {
    const o = await instantie(false);
    expect(o.soort).toBe('postgres');
    expect(typeof o.rateLimietStore).toBe('function');
    const store = o.rateLimietStore!('zoeken');
    expect(typeof store.increment).toBe('function');

    const dir = mkdtempSync(path.join(tmpdir(), 'kv-opslag-'));
    const s = createSqliteOpslag(dir, UUR);
    try {
      expect(s.soort).toBe('sqlite');
      expect(s.rateLimietStore).toBeUndefined();
      expect(s.gedeeldeIndex).toBeNull();
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a connection the server ends in the moment it changes hands does not end the process; its next statement fails', async () => {
    const pool = maakPool(db.url, () => undefined);
    const uit = new Set<PoolClient>();
    const haal = async () => {
      const c = await verbind(pool, 'test');
      uit.add(c);
      return c;
    };
    const geefTerug = (c: PoolClient, kapot = false) => {
      uit.delete(c);
      c.release(kapot);
    };
    try {
      const vol = await Promise.all(Array.from({ length: pool.options.max }, haal));
      const wachtend = haal();
      const overgedragen = vol.pop()!;
      geefTerug(overgedragen);
      // What pg does with a FATAL message read together with the last answer: 'error' on the client, before the
      // waiter's code runs. Unheard, Node would throw it here and end the process.
      let ongehoord: unknown = null;
      try {
        overgedragen.emit('error', new Error('terminating connection due to administrator command'));
      } catch (err) {
        ongehoord = err;
      }
      expect(await wachtend).toBe(overgedragen);
      expect(ongehoord).toBeNull();

      await vraag(overgedragen, 'test', 'SELECT pg_terminate_backend(pg_backend_pid())').catch(() => undefined);
      await expect(vraag(overgedragen, 'test', 'SELECT 1')).rejects.toThrow(OpslagFout);
      geefTerug(overgedragen, true);
      for (const c of vol) geefTerug(c);
      expect(await vraag(pool, 'test', 'SELECT 1 AS een')).toEqual([{ een: 1 }]);
    } finally {
      for (const c of uit) c.release(true);
      await pool.end();
    }
  });

  it('two instances started together on an empty database migrate once and then share one mirror', async () => {
    const [a, b] = await Promise.all([instantie(false), instantie(false)]);
    await a.mirror.schrijf((tx) => upsertProfielen(tx, [profiel('p1')]));
    expect(await b.mirror.get('p1')).toEqual(profiel('p1'));
    expect((await b.mirror.schrijf((tx) => upsertProfielen(tx, [profiel('p1', 2)]))).volgnummer).toBe(2);
    expect(await a.mirror.get('p1')).toEqual(profiel('p1', 2));
    expect(await a.wijzigingen.laatste()).toBe(2);
  });
});

describe('Opslag: alleen sqlite', () => {
  // The listeners are called after COMMIT: one that throws must not turn a committed write into a failed one.
  it('a listener that throws neither fails the committed write nor silences the other listeners', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-opslag-'));
    const o = createSqliteOpslag(dir, UUR);
    try {
      const gehoord: number[] = [];
      await o.wijzigingen.luister(() => { throw new Error('luisteraar kapot'); });
      await o.wijzigingen.luister((n) => gehoord.push(n));
      const uitkomst = await o.mirror.schrijf((tx) => upsertProfielen(tx, [profiel('p1')]));
      expect(uitkomst).toEqual({ resultaat: ['toegevoegd'], volgnummer: 1 });
      expect(gehoord).toEqual([1]);
    } finally {
      await o.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
