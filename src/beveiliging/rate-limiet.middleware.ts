import type { Request, RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator, type Logger as RateLimitLogger, type Options, type Store } from 'express-rate-limit';
import { stuurFout } from '../api/fouten.middleware';
import type { Logger } from '../logging/logger';
import { RateLimietOpslagFout } from './postgres-rate-limit.store';
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

/** A store shared by the instances, one per limiter; the identifier (`per-ip`, `per-sleutel`) keeps their keys apart. */
export type RateLimietStoreFactory = (identifier: string) => Store;

/**
 * Two fixed-window limits (express-rate-limit): per client IP, mounted before the key check so guessing keys is
 * limited too, and per API key, mounted after it, so one key spread over many addresses is limited as well. Over
 * the limit: 429 with Retry-After and the RateLimit headers. The counts are in memory unless `maakStore` gives a
 * store that all instances share (PostgreSQL); without one, N instances would grant a client N times the limit.
 */
export function rateLimieten(opties: RateLimietOpties, logger: Logger, maakStore?: RateLimietStoreFactory): { perIp: RequestHandler; perSleutel: RequestHandler } {
  const gemeen: Partial<Options> = {
    windowMs: opties.vensterMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    logger,
    handler: (_req, res) => stuurFout(res, 429, 'te_veel_verzoeken', 'te veel verzoeken; probeer het na de tijd in Retry-After opnieuw'),
  };
  const opslag = (identifier: string): Partial<Options> => (maakStore
    ? { store: maakStore(identifier), passOnStoreError: true, logger: laatDoorLogger(logger, identifier, opties.vensterMs) }
    : {});
  return {
    perIp: rateLimit({
      ...gemeen,
      ...opslag('per-ip'),
      limit: opties.perIp,
      identifier: 'per-ip',
      requestPropertyName: 'rateLimitPerIp',
      skip: (req) => !isBeperkt(req),
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    }),
    perSleutel: rateLimit({
      ...gemeen,
      ...opslag('per-sleutel'),
      limit: opties.perSleutel,
      identifier: 'per-sleutel',
      requestPropertyName: 'rateLimitPerSleutel',
      // A page's identity comes from its session, inside the web router, which mounts this limiter again after it.
      skip: (req) => !isBeperkt(req) || req.identiteit === undefined,
      keyGenerator: (req) => `sleutel:${req.identiteit!.naam}`,
    }),
  };
}

/**
 * A shared store that fails lets the request pass (fail open): reads keep working while PostgreSQL is down, from
 * the in-memory index, and the limiter must not be what takes them down; a scraper gains at most that outage. It
 * says so with one warning a window per limiter instead of an error on every request.
 */
function laatDoorLogger(logger: Logger, limiet: string, vensterMs: number): RateLimitLogger {
  let gewaarschuwd = -Infinity;
  return {
    warn: (fout, melding) => logger.warn(fout, melding),
    error: (fout, melding) => {
      if (!(fout instanceof RateLimietOpslagFout)) return logger.error(fout, melding);
      if (Date.now() - gewaarschuwd < vensterMs) return;
      gewaarschuwd = Date.now();
      logger.warn({ limiet, fout: fout.cause instanceof Error ? fout.cause.message : String(fout.cause) }, 'rate-limittellers in PostgreSQL onbereikbaar: verzoeken gaan zonder limiet door');
    },
  };
}
