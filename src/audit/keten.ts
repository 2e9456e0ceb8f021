import { createHash } from 'node:crypto';
import type { Auditregel } from './auditregel';

/** The `vorigeHash` of the very first record. */
export const BEGINHASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so one value has exactly one text (and one hash). */
export function canoniekeJson(waarde: unknown): string {
  return JSON.stringify(waarde, (_sleutel, w: unknown) => {
    if (w === null || typeof w !== 'object' || Array.isArray(w)) return w;
    return Object.fromEntries(Object.entries(w as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * SHA-256 over the previous record's hash and this record's fields in a fixed order (details canonically). Every
 * adapter and the verifier compute it here, so a record means the same bytes wherever it is checked.
 */
export function auditHash(r: Omit<Auditregel, 'hash'>): string {
  const velden = [r.volgnummer, r.tijd, r.sleutelId, r.rol, r.actie, r.pseudoniemen, r.aantal, canoniekeJson(r.details)];
  return createHash('sha256').update(r.vorigeHash, 'utf8').update('\n').update(JSON.stringify(velden), 'utf8').digest('hex');
}
