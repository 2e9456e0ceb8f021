-- IF NOT EXISTS: mirrors made before schemas were versioned already hold these tables.
CREATE TABLE IF NOT EXISTS profielen (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doelgroepregister (
  regio INTEGER NOT NULL,
  periode TEXT NOT NULL,
  aantal INTEGER NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (regio, periode)
) WITHOUT ROWID;
