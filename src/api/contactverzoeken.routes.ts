import { Router } from 'express';
import { z } from 'zod';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import type { SearchConfig } from '../config/search-config';
import type { Auditspoor } from './auditspoor';
import { VerzoekFout } from './fouten.middleware';
import { leesQuery } from './lees-parameters';

export const contactverzoekenQuerySchema = z.object({
  regio: z.string().regex(/^\d+$/, 'verwacht een regionummer').transform(Number).optional(),
}).strict();

/** The werkgeversservicepunten's list of contactverzoeken (role beheer); validation here, logic in the service. */
export function contactverzoekenRoutes(contactverzoeken: ContactverzoekService, config: SearchConfig, spoor: Auditspoor): Router {
  const router = Router();
  const regios = new Set(config.regios.map((r) => r.nummer));

  router.get('/', async (req, res) => {
    const { regio } = leesQuery(contactverzoekenQuerySchema, req.query);
    if (regio !== undefined && !regios.has(regio)) throw new VerzoekFout('ongeldige queryparameters', [{ pad: 'regio', melding: 'onbekende arbeidsmarktregio (nummer 1-35)' }]);
    const lijst = await contactverzoeken.lijst(regio === undefined ? null : [regio]);
    await spoor.leg(req, { actie: 'contactverzoeken-ingezien', pseudoniemen: [...new Set(lijst.map((v) => v.profielId))], aantal: lijst.length, details: { regio: regio ?? null } });
    res.json({ aantal: lijst.length, contactverzoeken: lijst });
  });

  return router;
}
