import { Client } from 'pg';
import { nieuweTestDatabase } from '../../bench/postgres-database';

describe('nieuweTestDatabase', () => {
  it('creates a database of its own and drops it again, even with a connection still open', async () => {
    const db = await nieuweTestDatabase();
    const client = new Client({ connectionString: db.url });
    client.on('error', () => {}); // the drop ends this connection on purpose
    await client.connect();
    expect((await client.query<{ naam: string }>('SELECT current_database() AS naam')).rows[0]!.naam).toMatch(/^kv_test_[0-9a-f]{12}$/);
    await db.verwijder();
    await expect(new Client({ connectionString: db.url }).connect()).rejects.toThrow(/does not exist/);
  });

  it('fails with a clear message when PostgreSQL is not there, so tests that need it fail instead of skipping', async () => {
    const eerder = process.env.KV_TEST_POSTGRES_URL;
    process.env.KV_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:1/test';
    try {
      await expect(nieuweTestDatabase()).rejects.toThrow('PostgreSQL voor de tests niet bereikbaar op 127.0.0.1:1/test (connect ECONNREFUSED 127.0.0.1:1); start het of zet KV_TEST_POSTGRES_URL');
    } finally {
      if (eerder === undefined) delete process.env.KV_TEST_POSTGRES_URL;
      else process.env.KV_TEST_POSTGRES_URL = eerder;
    }
  });
});
