import type { RequestHandler } from 'express';
import { RETRY_AFTER_S, stuurFout, VerzoekFout } from './fouten.middleware';

export interface Volgpunt {
  wachtOp(volgnummer: number, maxMs: number): Promise<boolean>;
}

/**
 * Read-your-writes across instances: a read with `?naSequentie=N` (the `volgnummer` of a sync's answer) waits
 * until this instance's index has applied change N, at most `maxMs`; then 503 with Retry-After rather than an
 * answer that does not hold the write yet.
 */
export function naSequentie(volger: Volgpunt, maxMs: number): RequestHandler {
  return async (req, res, next) => {
    const ruw = req.query.naSequentie;
    if (ruw === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (typeof ruw !== 'string' || !/^\d{1,15}$/.test(ruw)) {
      throw new VerzoekFout('ongeldige queryparameters', [{ pad: 'naSequentie', melding: 'verwacht een volgnummer: een geheel getal van 0 of meer' }]);
    }
    if (await volger.wachtOp(Number(ruw), maxMs)) return next();
    res.setHeader('Retry-After', RETRY_AFTER_S);
    stuurFout(res, 503, 'achterstand', `deze instantie heeft volgnummer ${ruw} nog niet verwerkt; probeer het opnieuw`);
  };
}
