import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer (helmet), with a strict Content-Security-Policy: scripts, styles, fonts and
 * fetches only from our own origin, no inline code, no plugins, never framed. Pages therefore keep their scripts
 * and styles in files (as /api/docs does).
 */
export function beveiligingsheaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // The same rule as frame-ancestors, for browsers that only know the old header.
    xFrameOptions: { action: 'deny' },
  });
}
