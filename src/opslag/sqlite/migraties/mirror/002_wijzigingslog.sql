-- The change log the search index follows. Positions come from volgstand, raised in the writing transaction, so
-- they have no gaps: a follower that finds one knows entries were cleaned up before it applied them.
CREATE TABLE wijzigingen (
  volgnummer INTEGER PRIMARY KEY,
  tijd TEXT NOT NULL,
  vervangt INTEGER NOT NULL,
  gewijzigd TEXT NOT NULL,
  verwijderd TEXT NOT NULL
);
CREATE INDEX wijzigingen_tijd ON wijzigingen (tijd);
CREATE TABLE volgstand (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  laatste INTEGER NOT NULL,
  aantal INTEGER NOT NULL
);
INSERT INTO volgstand (id, laatste, aantal) SELECT 1, 0, count(*) FROM profielen;
