import type { Rol } from '../toegang/api-sleutels';

/** What was looked at or done; one record per request. */
export const AUDITACTIES = [
  'zoeken', 'profiel', 'contactverzoek', 'contactverzoek-status', 'contactverzoeken-ingezien', 'transparantie', 'export',
  'pseudoniem-herleid', 'audit-ingezien', 'opschonen',
] as const;
export type Auditactie = (typeof AUDITACTIES)[number];

/** A record as a caller hands it in; the audit store adds time, position and the hash chain. */
export interface NieuweAuditregel {
  /** The key's id (`Identiteit.id`), never the key; null for the service itself (retention). */
  sleutelId: string | null;
  rol: Rol | 'systeem' | 'ontwikkeling';
  actie: Auditactie;
  /** Pseudonyms returned or viewed; for a search the first page's. */
  pseudoniemen: readonly string[];
  /** A search: how many profiles it found; retention: how many records were removed. */
  aantal?: number;
  /** Parameters used, screened: free text never as typed. */
  details?: Record<string, unknown>;
}

/** Appends audit records; resolves once the record is durable (the answer may only be sent after that). */
export interface AuditVastlegging {
  vastleggen(regel: NieuweAuditregel): Promise<void>;
}
