-- The klantnummer, only as AES-256-GCM ciphertext (`v1:<iv>:<tag>:<ciphertext>`), for the werkgeversservicepunt's
-- way back from a pseudonym. Null for profiles mirrored before this column existed, until their next sync.
ALTER TABLE profielen ADD COLUMN klantnummer text;

-- The werkgeversservicepunt's handling of a request, and who sent it. Existing requests start as 'nieuw', changed
-- at their submission, with an unknown sender (they were sent before senders were kept).
ALTER TABLE contactverzoeken
  ADD COLUMN status text NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'in behandeling', 'kandidaat benaderd', 'afgesloten')),
  ADD COLUMN afsluitreden text,
  ADD COLUMN bijgewerkt text,
  ADD COLUMN afgesloten text,
  ADD COLUMN afzender text;
UPDATE contactverzoeken SET bijgewerkt = ingediend;
ALTER TABLE contactverzoeken ALTER COLUMN bijgewerkt SET NOT NULL,
  ADD CONSTRAINT contactverzoeken_afgesloten_check CHECK ((status = 'afgesloten') = (afgesloten IS NOT NULL));
-- Retention looks for closed requests by closing time; the employer's list by sender; closing by profile.
CREATE INDEX contactverzoeken_afgesloten ON contactverzoeken (afgesloten) WHERE afgesloten IS NOT NULL;
CREATE INDEX contactverzoeken_afzender ON contactverzoeken (afzender, ingediend);
CREATE INDEX contactverzoeken_profiel ON contactverzoeken (profiel_id);
