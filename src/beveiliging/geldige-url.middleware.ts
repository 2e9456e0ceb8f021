import type { RequestHandler } from 'express';
import { stuurFout } from '../api/fouten.middleware';

/**
 * Refuses a path that is not valid percent-encoding ('/api/v1/kandidaten/%E0%A4') with 400 before routing: the
 * router would fail to decode its parameters and the error would end as a 500.
 */
export function geldigeUrl(): RequestHandler {
  return (req, res, next) => {
    try {
      decodeURIComponent(req.path);
    } catch {
      return stuurFout(res, 400, 'ongeldige_url', 'het pad is geen geldige URL-codering');
    }
    next();
  };
}
