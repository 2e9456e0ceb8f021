-- The audit trail: append-only, hash-chained (src/audit/keten.ts). The triggers refuse every change, TRUNCATE and
-- every removal except retention's: a transaction that set kv.audit_opschonen_tot (SET LOCAL) may remove records
-- older than that moment, and nothing else.
CREATE TABLE auditregels (
  volgnummer bigint PRIMARY KEY,
  tijd timestamptz NOT NULL,
  sleutel_id text,
  rol text NOT NULL,
  actie text NOT NULL,
  pseudoniemen text[] NOT NULL,
  aantal bigint,
  details text NOT NULL,      -- canonical JSON, as hashed
  vorige_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX auditregels_tijd ON auditregels (tijd);
CREATE INDEX auditregels_sleutel ON auditregels (sleutel_id, volgnummer);
CREATE INDEX auditregels_actie ON auditregels (actie, volgnummer);
-- "Who looked at this person": pseudoniemen @> ARRAY[$1].
CREATE INDEX auditregels_pseudoniemen ON auditregels USING gin (pseudoniemen);

-- The chain's ends (see the SQLite schema): the last record appended and the anchor after retention.
CREATE TABLE audit_stand (
  id integer PRIMARY KEY CHECK (id = 1),
  laatste bigint NOT NULL,
  laatste_hash text NOT NULL,
  anker bigint NOT NULL,
  anker_hash text NOT NULL
);
INSERT INTO audit_stand (id, laatste, laatste_hash, anker, anker_hash)
  VALUES (1, 0, repeat('0', 64), 0, repeat('0', 64));

CREATE FUNCTION audit_weiger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'auditregels zijn onveranderlijk' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION audit_alleen_opschonen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tot text := current_setting('kv.audit_opschonen_tot', true);
BEGIN
  IF tot IS NULL OR tot = '' OR OLD.tijd >= tot::timestamptz THEN
    RAISE EXCEPTION 'auditregels worden alleen door de bewaartermijn verwijderd' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$;

CREATE FUNCTION audit_stand_vooruit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.laatste < OLD.laatste OR NEW.anker < OLD.anker OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'de stand van de auditketen gaat alleen vooruit' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER auditregels_geen_update BEFORE UPDATE ON auditregels FOR EACH ROW EXECUTE FUNCTION audit_weiger();
CREATE TRIGGER auditregels_alleen_opschonen BEFORE DELETE ON auditregels FOR EACH ROW EXECUTE FUNCTION audit_alleen_opschonen();
CREATE TRIGGER auditregels_geen_truncate BEFORE TRUNCATE ON auditregels FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger();
CREATE TRIGGER audit_stand_vooruit BEFORE UPDATE OR DELETE ON audit_stand FOR EACH ROW EXECUTE FUNCTION audit_stand_vooruit();
CREATE TRIGGER audit_stand_geen_truncate BEFORE TRUNCATE ON audit_stand FOR EACH STATEMENT EXECUTE FUNCTION audit_weiger();
