-- The shared store of all instances: the mirror with its change log, the register counts, snapshots and
-- contactverzoeken. Profiles are kept as the JSON text the service wrote (compared as text to find unchanged ones).
CREATE TABLE profielen (
  id text PRIMARY KEY,
  data text NOT NULL
);

CREATE TABLE meta (
  sleutel text PRIMARY KEY,
  waarde text NOT NULL
);

CREATE TABLE doelgroepregister (
  regio integer NOT NULL,
  periode text NOT NULL,
  aantal integer NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (regio, periode)
);

-- Positions come from volgstand, raised inside the writing transaction (which holds the write lock), so they are
-- gap-free and in commit order: a follower that finds a gap knows entries were cleaned up before it applied them.
CREATE TABLE volgstand (
  id integer PRIMARY KEY CHECK (id = 1),
  laatste bigint NOT NULL,
  aantal bigint NOT NULL
);
INSERT INTO volgstand (id, laatste, aantal) VALUES (1, 0, 0);

CREATE TABLE wijzigingen (
  volgnummer bigint PRIMARY KEY,
  tijd timestamptz NOT NULL DEFAULT now(),
  vervangt boolean NOT NULL,
  gewijzigd text[] NOT NULL,
  verwijderd text[] NOT NULL
);
CREATE INDEX wijzigingen_tijd ON wijzigingen (tijd);

-- The position a shared search index (Meilisearch) has reached; written only by the instance holding the lock.
CREATE TABLE zoekindex_stand (
  id integer PRIMARY KEY CHECK (id = 1),
  toegepast bigint
);
INSERT INTO zoekindex_stand (id, toegepast) VALUES (1, NULL);

CREATE TABLE snapshots (
  periode text PRIMARY KEY,
  gemaakt text NOT NULL,
  oorzaak text NOT NULL,
  data text NOT NULL
);
-- Immutability is enforced by the database as well, so no code path and no instance can rewrite a frozen quarter.
CREATE FUNCTION snapshots_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'snapshots zijn onveranderlijk';
END
$$;
CREATE TRIGGER snapshots_niet_wijzigen BEFORE UPDATE OR DELETE ON snapshots
  FOR EACH ROW EXECUTE FUNCTION snapshots_onveranderlijk();
CREATE TRIGGER snapshots_niet_legen BEFORE TRUNCATE ON snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_onveranderlijk();

CREATE TABLE contactverzoeken (
  referentie text PRIMARY KEY,
  profiel_id text NOT NULL,
  regio integer NOT NULL,
  ingediend text NOT NULL,
  organisatie text NOT NULL,
  contactpersoon text NOT NULL,
  email text NOT NULL,
  telefoon text NOT NULL,
  vacature text NOT NULL,
  toelichting text NOT NULL
);
CREATE INDEX contactverzoeken_regio ON contactverzoeken (regio, ingediend);
