-- Hit counters of the rate limits, shared by every instance (src/beveiliging/postgres-rate-limit.store.ts).
-- One row per limiter and client (an IP address or an API key's name) while its window lasts; expired rows are
-- deleted once a window. UNLOGGED: no WAL for a write on every search; a crash or a fail-over to a standby only
-- empties the counters, which at worst grants each client one window's requests extra.
CREATE UNLOGGED TABLE rate_limieten (
  sleutel text PRIMARY KEY,
  hits integer NOT NULL,
  venster_einde timestamptz NOT NULL
);
-- No index on venster_einde: the clean-up scans this small table only once a window.
