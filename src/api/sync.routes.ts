import express, { Router } from 'express';
import { z } from 'zod';
import { leesArray, leesNdjson } from '../mirror/sync-bron';
import type { SyncService } from '../mirror/sync.service';
import { sonarRecordSchema } from '../sonar/sonar-record.schema';
import { VerzoekFout } from './fouten.middleware';
import { leesPadParameter, leesQuery } from './lees-parameters';

const syncQuerySchema = z.object({
  modus: z.enum(['bijwerken', 'volledig']).default('bijwerken'),
  forceer: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

/** Sonar's sync routes: a thin layer over SyncService. */
export function syncRoutes(sync: SyncService, opts: { maxJsonBody: string }): Router {
  const router = Router();
  const jsonBody = express.json({ limit: opts.maxJsonBody, strict: false, type: ['application/json', 'application/*+json'] });

  router.post('/profielen', async (req, res, next) => {
    const query = leesQuery(syncQuerySchema, req.query);
    const opties = { volledig: query.modus === 'volledig', forceer: query.forceer };
    if (req.is('application/x-ndjson') || req.is('application/jsonl')) {
      res.json(await sync.sync(leesNdjson(req), { ...opties, positie: 'regel' }));
      return;
    }
    if (!req.is('application/json')) {
      throw new VerzoekFout('stuur application/json (een array) of application/x-ndjson', [{ pad: 'Content-Type', melding: 'niet ondersteund' }], 415);
    }
    jsonBody(req, res, async (err?: unknown) => {
      try {
        if (err) throw err;
        if (!Array.isArray(req.body)) throw new VerzoekFout('de body moet een JSON-array van Sonar-records zijn', [{ pad: '(body)', melding: 'verwacht een array' }]);
        res.json(await sync.sync(leesArray(req.body), { ...opties, positie: 'index' }));
      } catch (e) {
        next(e);
      }
    });
  });

  router.delete('/profielen/:klantnummer', async (req, res) => {
    const klantnummer = leesPadParameter(sonarRecordSchema.shape.klantnummer, req.params.klantnummer, 'klantnummer');
    const { bestond, volgnummer } = await sync.verwijder(klantnummer);
    res.json({ verwijderd: bestond ? 1 : 0, volgnummer });
  });

  return router;
}
