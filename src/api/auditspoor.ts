import type { Request } from 'express';
import { auditIdentiteit, type AuditVastlegging, type NieuweAuditregel } from '../audit/auditregel';
import { zoekdetails } from '../audit/zoektekst';
import type { Zoekvraag } from '../zoeken/search-engine.port';

/**
 * The HTTP layer's side of the audit trail: who is asking comes from the request (the key's id, never the key;
 * a page in development without sign-in has no identity). Routes await `leg` before they answer: a rejected
 * record (OpslagFout) fails the request with 503, so nothing is shown that was not recorded.
 */
export interface Auditspoor {
  leg(req: Request, regel: Omit<NieuweAuditregel, 'sleutelId' | 'rol'>): Promise<void>;
  /** A search's parameters as recorded: typed text only as a keyed hash. */
  zoekdetails(vraag: Zoekvraag): Record<string, unknown>;
}

export function createAuditspoor(vastlegging: AuditVastlegging, zoektekstHash: (tekst: string) => string): Auditspoor {
  return {
    leg: (req, regel) => vastlegging.vastleggen({ ...auditIdentiteit(req.identiteit), ...regel }),
    zoekdetails: (vraag) => zoekdetails(vraag, zoektekstHash),
  };
}
