-- Placeholder on the wsp branch only: version 003 belongs to the audit log (another branch). Replace this file by
-- that migration at merge; migrations may have no gap, so without it 004 would not run.
SELECT 1;
