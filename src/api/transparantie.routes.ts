import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RegioConfig } from '../config/search-config';
import type { Identiteit } from '../toegang/api-sleutels';
import { csvBestandsnaam, naarCsv } from '../transparantie/csv';
import { REGIO_MELDING, vindRegio } from '../config/gebied';
import type { TransparantieService } from '../transparantie/transparantie.service';
import { periodeSchema } from '../transparantie/transparantie.schemas';
import type { Auditspoor } from './auditspoor';
import { stuurFout } from './fouten.middleware';
import { leesBody, leesQuery } from './lees-parameters';
import { vereisRol } from './toegang.middleware';

/** A region by number or name, as a number; unknown regions are a 400 naming the parameter. */
export function regioSchema(regios: readonly RegioConfig[]) {
  return z.string().meta({ description: 'Regionummer of naam van de arbeidsmarktregio', example: '25' }).transform((waarde, ctx) => {
    const regio = vindRegio(regios, waarde);
    if (regio) return regio.nummer;
    ctx.addIssue({ code: 'custom', message: REGIO_MELDING });
    return z.NEVER;
  });
}

export const rapportQuerySchema = (regios: readonly RegioConfig[]) => z.object({
  regio: regioSchema(regios).optional(),
  periode: periodeSchema.optional(),
  formaat: z.enum(['json', 'csv']).optional(),
}).strict();
export const trendQuerySchema = (regios: readonly RegioConfig[]) => z.object({ regio: regioSchema(regios) }).strict();
export const snapshotBodySchema = z.object({ periode: periodeSchema }).strict();

/**
 * A regiomanager sees only the regions on its key (no list means all); beheer sees everything. Answers 403 and
 * returns false when the identity may not see `regio` (undefined: the national overview).
 */
function magRegioZien(req: Request, res: Response, regio: number | undefined): boolean {
  const toegestaan = (req.identiteit as Identiteit).regios;
  if (toegestaan === null || (regio !== undefined && toegestaan.includes(regio))) return true;
  stuurFout(res, 403, 'geen_toegang', `deze sleutel geeft alleen toegang tot ${toegestaan.length === 1 ? 'regio' : "regio's"} ${toegestaan.join(', ')}${regio === undefined ? ', niet tot het landelijk overzicht' : ''}`);
  return false;
}

/** The transparency figures for regional managers and beheer: a thin layer over TransparantieService. */
export function transparantieRoutes(transparantie: TransparantieService, regios: readonly RegioConfig[], sleutelControle: (sleutel: string) => Identiteit | null, spoor: Auditspoor): Router {
  const router = Router();
  const querySchema = rapportQuerySchema(regios);
  const trendSchema = trendQuerySchema(regios);

  router.get('/', async (req, res) => {
    const { regio, periode, formaat } = leesQuery(querySchema, req.query);
    if (!magRegioZien(req, res, regio)) return;
    const rapport = await transparantie.rapport({ regio, periode });
    // ?formaat wins over the Accept header, so a plain link can download the CSV.
    const csv = (formaat ?? req.accepts(['json', 'csv'])) === 'csv';
    await spoor.leg(req, { actie: csv ? 'export' : 'transparantie', pseudoniemen: [], details: { regio: regio ?? null, periode: rapport.periode, formaat: csv ? 'csv' : 'json' } });
    if (csv) {
      res.attachment(csvBestandsnaam(rapport)).type('text/csv; charset=utf-8').send(naarCsv(rapport));
      return;
    }
    res.json(rapport);
  });

  router.get('/periodes', async (_req, res) => {
    res.json(await transparantie.periodes());
  });

  router.get('/trend', async (req, res) => {
    const { regio } = leesQuery(trendSchema, req.query);
    if (!magRegioZien(req, res, regio)) return;
    const trend = await transparantie.trend(regio);
    await spoor.leg(req, { actie: 'transparantie', pseudoniemen: [], details: { regio, trend: true } });
    res.json(trend);
  });

  router.post('/snapshots', vereisRol(sleutelControle, 'beheer'), express.json({ limit: '1kb' }), async (req, res) => {
    const { periode } = leesBody(snapshotBodySchema, req.body);
    res.status(201).json(await transparantie.maakSnapshot(periode));
  });

  return router;
}
