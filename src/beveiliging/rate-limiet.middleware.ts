import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator, type Options } from 'express-rate-limit';
import { stuurFout } from '../api/fouten.middleware';
import type { Logger } from '../logging/logger';
import { verzoeksoort } from './verzoeksoort';

export interface RateLimietOpties {
  /** Requests per window per API key. */
  perSleutel: number;
  /** Requests per window per client IP (IPv6 per /56, as one household or office gets). */
  perIp: number;
  vensterMs: number;
}

/** Search and pages are what a scraper walks through; sync, transparency and health are not limited here. */
const isBeperkt = (req: Request) => {
  const soort = verzoeksoort(req.path);
  return soort === 'zoeken' || soort === 'pagina';
};

/**
 * Two fixed-window limits (express-rate-limit, in memory: one process serves the API): per client IP, mounted
 * before the key check so guessing keys is limited too, and per API key, mounted after it, so one key spread over
 * many addresses is limited as well. Over the limit: 429 with Retry-After and the RateLimit headers.
 */
export function rateLimieten(opties: RateLimietOpties, logger: Logger): { perIp: RequestHandler; perSleutel: RequestHandler } {
  const gemeen: Partial<Options> = {
    windowMs: opties.vensterMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    logger,
    handler: (_req, res) => stuurFout(res, 429, 'te_veel_verzoeken', 'te veel verzoeken; probeer het na de tijd in Retry-After opnieuw'),
  };
  return {
    perIp: rateLimit({
      ...gemeen,
      limit: opties.perIp,
      identifier: 'per-ip',
      requestPropertyName: 'rateLimitPerIp',
      skip: (req) => !isBeperkt(req),
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    }),
    perSleutel: rateLimit({
      ...gemeen,
      limit: opties.perSleutel,
      identifier: 'per-sleutel',
      requestPropertyName: 'rateLimitPerSleutel',
      // A page's identity comes from its session, inside the web router, which mounts this limiter again after it.
      skip: (req) => !isBeperkt(req) || req.identiteit === undefined,
      keyGenerator: (req) => `sleutel:${req.identiteit!.naam}`,
    }),
  };
}
