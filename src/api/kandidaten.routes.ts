import { Router } from 'express';
import { z } from 'zod';
import type { SearchConfig } from '../config/search-config';
import { FACETTEN } from '../zoeken/search-engine.port';
import type { ZoekService } from '../zoeken/zoek.service';
import { weergaveVoor } from '../zoeken/werkgeversweergave';
import { kandidatenQuerySchema, naarZoekvraag } from '../zoeken/zoekparameters';
import type { Auditspoor } from './auditspoor';
import { stuurFout, VerzoekFout } from './fouten.middleware';
import { leesPadParameter, leesQuery } from './lees-parameters';

export const profielIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'verwacht een profiel-id van 32 hextekens');
export const facetwaardenQuerySchema = z.object({ q: z.string().max(100).default('') }).strict();

/** Employers' and intermediaries' search routes: validation here, all logic in ZoekService. */
export function kandidatenRoutes(zoeken: ZoekService, config: SearchConfig, spoor: Auditspoor): Router {
  const router = Router();
  const querySchema = kandidatenQuerySchema(config);

  router.get('/kandidaten', async (req, res) => {
    const omgezet = naarZoekvraag(leesQuery(querySchema, req.query), config);
    if ('fouten' in omgezet) throw new VerzoekFout('ongeldige queryparameters', omgezet.fouten);
    const antwoord = await zoeken.zoekJson({ ...omgezet.vraag, weergave: weergaveVoor(req.identiteit?.rol) });
    await spoor.leg(req, { actie: 'zoeken', pseudoniemen: antwoord.ids, aantal: antwoord.totalHits, details: spoor.zoekdetails(omgezet.vraag) });
    res.type('json').send(antwoord.json);
  });

  router.get('/kandidaten/:id', async (req, res) => {
    const profiel = await zoeken.profiel(leesPadParameter(profielIdSchema, req.params.id, 'id'), weergaveVoor(req.identiteit?.rol));
    if (!profiel) return stuurFout(res, 404, 'niet_gevonden', 'dit profiel bestaat niet (meer)');
    await spoor.leg(req, { actie: 'profiel', pseudoniemen: [profiel.id] });
    res.json(profiel);
  });

  router.get('/facetten/:facet', async (req, res) => {
    const facet = z.enum(FACETTEN).safeParse(req.params.facet);
    if (!facet.success) throw new VerzoekFout('onbekend facet', [{ pad: 'facet', melding: `verwacht één van ${FACETTEN.join(', ')}` }], 404);
    const { q } = leesQuery(facetwaardenQuerySchema, req.query);
    res.json({ facet: facet.data, waarden: await zoeken.facetwaarden(facet.data, q, weergaveVoor(req.identiteit?.rol)) });
  });

  return router;
}
