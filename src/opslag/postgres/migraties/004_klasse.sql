-- The class of a profile (the exact combination of its quasi-identifiers, src/privacy/): when a class grows or
-- shrinks past k, the profiles that share it are published anew, so they must be found without a scan. Adding a
-- nullable column leaves an older instance that still runs beside the new one working.
ALTER TABLE profielen ADD COLUMN klasse text;
CREATE INDEX profielen_klasse ON profielen (klasse);
