-- The klantnummer, only as AES-256-GCM ciphertext (`v1:<iv>:<tag>:<ciphertext>`), for the werkgeversservicepunt's
-- way back from a pseudonym. Null for profiles mirrored before this column existed, until their next sync.
ALTER TABLE profielen ADD COLUMN klantnummer TEXT;
