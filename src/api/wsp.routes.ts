import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { CONTACTVERZOEKSTATUSSEN } from '../contact/contactverzoek';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import { leesBody, leesPadParameter, leesQuery } from './lees-parameters';

export const referentieSchema = z.string().regex(/^KV-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/, 'verwacht een referentie zoals KV-1A2B-3C4D-5E6F');

export const wspQuerySchema = z.object({
  status: z.enum(CONTACTVERZOEKSTATUSSEN).optional(),
}).strict();

/** A status change; a reason belongs to closing, and only there. */
export const statusBodySchema = z.object({
  status: z.enum(['in behandeling', 'kandidaat benaderd', 'afgesloten']),
  reden: z.string().trim().min(1, 'vul een reden in').max(500, 'gebruik maximaal 500 tekens').optional(),
}).strict().superRefine((b, ctx) => {
  if (b.status === 'afgesloten' && b.reden === undefined) ctx.addIssue({ code: 'custom', path: ['reden'], message: 'een afgesloten contactverzoek heeft een reden' });
  if (b.status !== 'afgesloten' && b.reden !== undefined) ctx.addIssue({ code: 'custom', path: ['reden'], message: 'alleen bij afsluiten hoort een reden' });
});

const referentie = (req: Request) => leesPadParameter(referentieSchema, req.params.referentie, 'referentie');

/**
 * The werkgeversservicepunt's API (role wsp): the contactverzoeken of its regions, their status, and the way back
 * to the klantnummer. Validation here, logic in the service; a request of another region is a 404 like an unknown one.
 * The service records every look and change in the audit log itself.
 */
export function wspRoutes(contactverzoeken: ContactverzoekService): Router {
  const router = Router();
  // The answers hold employers' contact data, and one of them a klantnummer: no cache may keep them.
  router.use((_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });

  router.get('/contactverzoeken', async (req, res) => {
    const { status } = leesQuery(wspQuerySchema, req.query);
    const lijst = await contactverzoeken.lijstIngezien(req.identiteit, { regios: req.identiteit?.regios ?? null, status }, { status: status ?? null });
    res.json({ aantal: lijst.length, contactverzoeken: lijst });
  });

  router.put('/contactverzoeken/:referentie/status', express.json({ limit: '16kb' }), async (req, res) => {
    const ref = referentie(req);
    const { status, reden } = leesBody(statusBodySchema, req.body);
    res.json(await contactverzoeken.zetStatus(req.identiteit, ref, status, reden));
  });

  // No body is needed; one that is sent anyway is refused early (413) rather than read.
  router.post('/contactverzoeken/:referentie/klantnummer', express.json({ limit: '1kb' }), async (req, res) => {
    res.json(await contactverzoeken.herleid(req.identiteit, referentie(req)));
  });

  return router;
}

/** An employer's own contactverzoeken with their status (roles werkgever and intermediair). */
export function mijnRoutes(contactverzoeken: ContactverzoekService): Router {
  const router = Router();
  router.get('/contactverzoeken', async (req, res) => {
    leesQuery(z.object({}).strict(), req.query);
    const lijst = await contactverzoeken.mijn(req.identiteit!.id);
    res.set('Cache-Control', 'no-store').json({ aantal: lijst.length, contactverzoeken: lijst });
  });
  return router;
}
