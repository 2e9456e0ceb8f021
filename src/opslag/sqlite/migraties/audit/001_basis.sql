-- The audit trail: append-only, hash-chained (src/audit/keten.ts). Records are never changed; they are removed
-- only by retention, oldest first, which the triggers allow only inside a transaction that holds a permission row.
CREATE TABLE IF NOT EXISTS auditregels (
  volgnummer INTEGER PRIMARY KEY,
  tijd TEXT NOT NULL,
  sleutel_id TEXT,
  rol TEXT NOT NULL,
  actie TEXT NOT NULL,
  pseudoniemen TEXT NOT NULL, -- JSON array, as hashed
  aantal INTEGER,
  details TEXT NOT NULL,      -- canonical JSON, as hashed
  vorige_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS auditregels_tijd ON auditregels (tijd);
CREATE INDEX IF NOT EXISTS auditregels_sleutel ON auditregels (sleutel_id, volgnummer);
CREATE INDEX IF NOT EXISTS auditregels_actie ON auditregels (actie, volgnummer);

-- "Who looked at this person": one row per pseudonym named in a record.
CREATE TABLE IF NOT EXISTS audit_pseudoniemen (
  pseudoniem TEXT NOT NULL,
  volgnummer INTEGER NOT NULL,
  PRIMARY KEY (pseudoniem, volgnummer)
) WITHOUT ROWID;

-- The chain's ends: the last record appended, and the anchor the first remaining record follows (after retention,
-- the last record removed). Kept apart from the records, so the chain continues and verifies when all are removed.
CREATE TABLE IF NOT EXISTS audit_stand (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  laatste INTEGER NOT NULL,
  laatste_hash TEXT NOT NULL,
  anker INTEGER NOT NULL,
  anker_hash TEXT NOT NULL
);
INSERT OR IGNORE INTO audit_stand (id, laatste, laatste_hash, anker, anker_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Retention's permission: written and removed again inside its own transaction, so it is never committed.
CREATE TABLE IF NOT EXISTS audit_opschoning (tot TEXT NOT NULL);

CREATE TRIGGER IF NOT EXISTS auditregels_geen_update BEFORE UPDATE ON auditregels
BEGIN SELECT RAISE(ABORT, 'auditregels zijn onveranderlijk'); END;
CREATE TRIGGER IF NOT EXISTS auditregels_alleen_opschonen BEFORE DELETE ON auditregels
WHEN NOT EXISTS (SELECT 1 FROM audit_opschoning WHERE OLD.tijd < tot)
BEGIN SELECT RAISE(ABORT, 'auditregels worden alleen door de bewaartermijn verwijderd'); END;

CREATE TRIGGER IF NOT EXISTS audit_pseudoniemen_geen_update BEFORE UPDATE ON audit_pseudoniemen
BEGIN SELECT RAISE(ABORT, 'auditregels zijn onveranderlijk'); END;
CREATE TRIGGER IF NOT EXISTS audit_pseudoniemen_alleen_opschonen BEFORE DELETE ON audit_pseudoniemen
WHEN NOT EXISTS (SELECT 1 FROM audit_opschoning o JOIN auditregels r ON r.volgnummer = OLD.volgnummer WHERE r.tijd < o.tot)
BEGIN SELECT RAISE(ABORT, 'auditregels worden alleen door de bewaartermijn verwijderd'); END;

CREATE TRIGGER IF NOT EXISTS audit_stand_alleen_vooruit BEFORE UPDATE ON audit_stand
WHEN NEW.laatste < OLD.laatste OR NEW.anker < OLD.anker OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'de stand van de auditketen gaat alleen vooruit'); END;
CREATE TRIGGER IF NOT EXISTS audit_stand_blijft BEFORE DELETE ON audit_stand
BEGIN SELECT RAISE(ABORT, 'de stand van de auditketen blijft'); END;
