CREATE TABLE IF NOT EXISTS contactverzoeken (
  referentie TEXT PRIMARY KEY,
  profiel_id TEXT NOT NULL,
  regio INTEGER NOT NULL,
  ingediend TEXT NOT NULL,
  organisatie TEXT NOT NULL,
  contactpersoon TEXT NOT NULL,
  email TEXT NOT NULL,
  telefoon TEXT NOT NULL,
  vacature TEXT NOT NULL,
  toelichting TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS contactverzoeken_regio ON contactverzoeken (regio, ingediend);
