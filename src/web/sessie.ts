import cookieSession from 'cookie-session';
import { csrfSync } from 'csrf-sync';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logging/logger';
import type { Identiteit } from '../toegang/api-sleutels';
import type { Ontvangstbevestiging } from '../contact/contactverzoek.service';

/** A sign-in lasts a working day; the expiry is in the signed cookie, so a copied cookie stops working too. */
export const SESSIEDUUR_MS = 8 * 60 * 60 * 1000;

/** What the signed session cookie holds. Readable by its owner, but not changeable without the secret. */
export interface Sessie {
  identiteit?: Identiteit;
  /** Epoch milliseconds after which the sign-in no longer counts. */
  verloopt?: number;
  csrfToken?: string;
  /** The last contactverzoek sent, for the confirmation page after the redirect. */
  verzonden?: Ontvangstbevestiging & { profielId: string };
}

/** The session of this request, typed; cookie-session always sets one before our handlers run. */
export function sessieVan(req: Request): Sessie {
  return (req.session ?? {}) as Sessie;
}

/** Starts a fresh session (sign-in, sign-out): drops the old CSRF token and anything else the old one held. */
export function nieuweSessie(req: Request, inhoud: Sessie | null): void {
  req.session = inhoud;
}

export interface SessieOpties {
  geheim: string;
  productie: boolean;
  logger: Logger;
}

/**
 * A signed cookie session (cookie-session: no server-side store to keep or share) and synchroniser-token CSRF
 * protection (csrf-sync) with the token in that session. The cookie is HttpOnly and SameSite=Lax, and Secure
 * whenever the request came over HTTPS (behind a TLS proxy: KV_TRUST_PROXY). In production its name has the
 * __Host- prefix: browsers accept it only with Secure, from this exact host, so over plain HTTP nobody can sign
 * in (fail closed) instead of the cookie travelling unencrypted.
 */
export function createSessie(opties: SessieOpties) {
  const naam = opties.productie ? '__Host-kv-sessie' : 'kv-sessie';
  const cookie: RequestHandler = cookieSession({
    name: naam,
    keys: [opties.geheim],
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: SESSIEDUUR_MS,
  });
  const csrf = csrfSync({
    // Only from the form body: a token in the query string would end up in logs and Referer headers.
    getTokenFromRequest: (req) => {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof token === 'string' ? token : undefined;
    },
    getTokenFromState: (req) => sessieVan(req).csrfToken,
    storeTokenInState: (req, token) => { (req.session as Sessie).csrfToken = token ?? undefined; },
    size: 32,
  });
  let gewaarschuwd = false;
  const meldHttp: RequestHandler = (req, _res, next) => {
    if (!req.secure && !gewaarschuwd) {
      gewaarschuwd = true;
      opties.logger.warn('pagina via HTTP in productie: browsers weigeren de sessiecookie; zet HTTPS in de proxy en KV_TRUST_PROXY');
    }
    next();
  };
  return {
    middleware: opties.productie ? [meldHttp, cookie] : [cookie],
    /** For POST routes, after the body parser: 403 (invalidCsrfTokenError) without the session's token. */
    csrfBescherming: csrf.csrfSynchronisedProtection,
    csrfFout: csrf.invalidCsrfTokenError,
    /** The session's token, created (and stored in the cookie) on first use. */
    csrfToken: (req: Request) => csrf.generateToken(req),
  };
}
