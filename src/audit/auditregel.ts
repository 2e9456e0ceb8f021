import type { Identiteit, Rol } from '../toegang/api-sleutels';

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

/** Who a record names: the key's id and role; without identity (development without sign-in) no id, role 'ontwikkeling'. */
export function auditIdentiteit(wie: Pick<Identiteit, 'id' | 'rol'> | undefined): Pick<NieuweAuditregel, 'sleutelId' | 'rol'> {
  return wie ? { sleutelId: wie.id, rol: wie.rol } : { sleutelId: null, rol: 'ontwikkeling' };
}

/** Appends audit records; resolves once the record is durable (the answer may only be sent after that). */
export interface AuditVastlegging {
  vastleggen(regel: NieuweAuditregel): Promise<void>;
}

/** A stored record: the caller's fields plus time, position and the hash chain. */
export interface Auditregel {
  /** Position in append order, gap-free from 1. */
  volgnummer: number;
  /** ISO 8601 UTC with milliseconds. */
  tijd: string;
  sleutelId: string | null;
  rol: NieuweAuditregel['rol'];
  actie: Auditactie;
  pseudoniemen: string[];
  aantal: number | null;
  details: Record<string, unknown>;
  /** The previous record's hash; for the first record ever 64 zeros, after retention the anchor. */
  vorigeHash: string;
  hash: string;
}

/** Filters of the audit list; every one optional, combined with AND. Newest first, paged by volgnummer. */
export interface Auditfilter {
  /** From this moment (inclusive), ISO. */
  van?: string;
  /** Before this moment (exclusive), ISO. */
  tot?: string;
  sleutelId?: string;
  rol?: string;
  actie?: Auditactie;
  /** Records that name this pseudonym: who looked at this person. */
  pseudoniem?: string;
  /** Only records with a volgnummer below this (the previous page's `volgende`). */
  voor?: number;
  limiet: number;
}

export interface Auditpagina {
  regels: Auditregel[];
  /** The `voor` of the next (older) page; null when this was the last. */
  volgende: number | null;
}
