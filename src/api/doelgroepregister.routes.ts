import express, { Router } from 'express';
import { z } from 'zod';
import type { RegioConfig } from '../config/search-config';
import type { Identiteit } from '../toegang/api-sleutels';
import { MAX_REGISTERAANTAL } from '../transparantie/doelgroepregister-csv';
import type { TransparantieService } from '../transparantie/transparantie.service';
import { periodeSchema } from '../transparantie/transparantie.schemas';
import { leesBody, leesPadParameter } from './lees-parameters';
import { vereisRol } from './toegang.middleware';
import { regioSchema } from './transparantie.routes';

export const registerBodySchema = z.object({ aantal: z.number().int().min(0).max(MAX_REGISTERAANTAL) }).strict();

/** Register counts of the doelgroepregister, which come from outside Sonar: listed for the roles that see figures, set by beheer. */
export function doelgroepregisterRoutes(transparantie: TransparantieService, regios: readonly RegioConfig[], sleutelControle: (sleutel: string) => Identiteit | null): Router {
  const router = Router();
  const regio = regioSchema(regios);

  router.get('/', async (req, res) => {
    const toegestaan = (req.identiteit as Identiteit).regios;
    const tellingen = (await transparantie.doelgroepregister()).filter((t) => toegestaan === null || toegestaan.includes(t.regio));
    res.json({ tellingen });
  });

  router.put('/:regio/:periode', vereisRol(sleutelControle, 'beheer'), express.json({ limit: '1kb' }), async (req, res) => {
    const telling = {
      regio: leesPadParameter(regio, req.params.regio, 'regio'),
      periode: leesPadParameter(periodeSchema, req.params.periode, 'periode'),
      aantal: leesBody(registerBodySchema, req.body).aantal,
    };
    res.json(await transparantie.zetDoelgroepregister(telling));
  });

  return router;
}
