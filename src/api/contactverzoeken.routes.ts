import { Router } from 'express';
import { z } from 'zod';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import type { SearchConfig } from '../config/search-config';
import { VerzoekFout } from './fouten.middleware';
import { leesQuery } from './lees-parameters';

export const contactverzoekenQuerySchema = z.object({
  regio: z.string().regex(/^\d+$/, 'verwacht een regionummer').transform(Number).optional(),
}).strict();

/**
 * The werkgeversservicepunten's list of contactverzoeken (role beheer); validation here, logic (and the audit
 * record of the look) in the service.
 */
export function contactverzoekenRoutes(contactverzoeken: ContactverzoekService, config: SearchConfig): Router {
  const router = Router();
  const regios = new Set(config.regios.map((r) => r.nummer));

  router.get('/', async (req, res) => {
    const { regio } = leesQuery(contactverzoekenQuerySchema, req.query);
    if (regio !== undefined && !regios.has(regio)) throw new VerzoekFout('ongeldige queryparameters', [{ pad: 'regio', melding: 'onbekende arbeidsmarktregio (nummer 1-35)' }]);
    const lijst = await contactverzoeken.lijstIngezien(req.identiteit, { regios: regio === undefined ? null : [regio] }, { regio: regio ?? null });
    res.json({ aantal: lijst.length, contactverzoeken: lijst });
  });

  return router;
}
