// The jest project 'postgres': every service a test starts stores in a PostgreSQL database of its own.
process.env.KV_TEST_OPSLAG = 'postgres';
