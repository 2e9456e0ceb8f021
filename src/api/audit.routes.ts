import { Router } from 'express';
import { z } from 'zod';
import { AUDITACTIES } from '../audit/auditregel';
import type { AuditOpslag } from '../opslag/opslag.port';
import { ROLLEN } from '../toegang/api-sleutels';
import { geheel } from '../zoeken/zoekparameters';
import type { Auditspoor } from './auditspoor';
import { profielIdSchema } from './kandidaten.routes';
import { leesQuery } from './lees-parameters';

/** Any ISO 8601 moment with a zone, kept as UTC with milliseconds: the form the records are stored in. */
const moment = z.iso.datetime({ offset: true, message: 'verwacht een ISO 8601-tijdstip met tijdzone, bijv. 2026-01-31T00:00:00Z' })
  .transform((t) => new Date(t).toISOString());

export const auditQuerySchema = z.object({
  van: moment.optional().meta({ description: 'Vanaf dit tijdstip (inclusief)' }),
  tot: moment.optional().meta({ description: 'Tot dit tijdstip (exclusief)' }),
  sleutelId: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, 'verwacht het id van een API-sleutel (letters, cijfers, punt, streepje; hoogstens 64)').optional()
    .meta({ description: 'Id van de API-sleutel (nooit de sleutel zelf)' }),
  rol: z.enum([...ROLLEN, 'systeem', 'ontwikkeling']).optional(),
  actie: z.enum(AUDITACTIES).optional(),
  pseudoniem: profielIdSchema.optional().meta({ description: 'Alleen regels die dit profiel noemen: wie heeft deze persoon bekeken' }),
  voor: geheel(1, Number.MAX_SAFE_INTEGER).optional().meta({ description: 'Volgende pagina: de `volgende` van het vorige antwoord' }),
  limiet: geheel(1, 1000).default(100),
}).strict();

/** The audit log for beheer (role checked in app.ts). Looking at it is itself recorded. */
export function auditRoutes(audit: AuditOpslag, spoor: Auditspoor): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const filter = leesQuery(auditQuerySchema, req.query);
    const pagina = await audit.lijst(filter);
    // zod leaves absent keys absent, and the details are stored as canonical (key-sorted) JSON.
    const { limiet: _, pseudoniem, ...details } = filter;
    await spoor.leg(req, {
      actie: 'audit-ingezien', pseudoniemen: pseudoniem ? [pseudoniem] : [], aantal: pagina.regels.length,
      details,
    });
    res.json(pagina);
  });
  return router;
}
