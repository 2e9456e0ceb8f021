-- The werkgeversservicepunt's handling of a request, and who sent it. Existing requests start as 'nieuw', changed
-- at their submission, with an unknown sender (they were sent before senders were kept).
ALTER TABLE contactverzoeken ADD COLUMN status TEXT NOT NULL DEFAULT 'nieuw'
  CHECK (status IN ('nieuw', 'in behandeling', 'kandidaat benaderd', 'afgesloten'));
ALTER TABLE contactverzoeken ADD COLUMN afsluitreden TEXT;
-- SQLite adds a NOT NULL column only with a default; the UPDATE below gives every row its real value.
ALTER TABLE contactverzoeken ADD COLUMN bijgewerkt TEXT NOT NULL DEFAULT '';
ALTER TABLE contactverzoeken ADD COLUMN afgesloten TEXT;
ALTER TABLE contactverzoeken ADD COLUMN afzender TEXT;
UPDATE contactverzoeken SET bijgewerkt = ingediend;
-- Retention looks for closed requests by closing time; the employer's list by sender; closing by profile.
CREATE INDEX contactverzoeken_afgesloten ON contactverzoeken (afgesloten) WHERE afgesloten IS NOT NULL;
CREATE INDEX contactverzoeken_afzender ON contactverzoeken (afzender, ingediend);
CREATE INDEX contactverzoeken_profiel ON contactverzoeken (profiel_id);
