-- Immutability is enforced by the database as well, so no later code path can rewrite a frozen quarter.
CREATE TABLE IF NOT EXISTS snapshots (
  periode TEXT PRIMARY KEY,
  gemaakt TEXT NOT NULL,
  oorzaak TEXT NOT NULL,
  data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS snapshots_niet_wijzigen BEFORE UPDATE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots zijn onveranderlijk'); END;
CREATE TRIGGER IF NOT EXISTS snapshots_niet_verwijderen BEFORE DELETE ON snapshots
  BEGIN SELECT RAISE(ABORT, 'snapshots zijn onveranderlijk'); END;
