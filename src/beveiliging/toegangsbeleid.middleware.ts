import type { RequestHandler } from 'express';
import { vereisRol } from '../api/toegang.middleware';
import { ROLLEN, type Identiteit } from '../toegang/api-sleutels';
import { verzoeksoort } from './verzoeksoort';

export interface ToegangsbeleidOpties {
  sleutelControle: (sleutel: string) => Identiteit | null;
  /** Development: the API documentation opens without a key. */
  apiDocsOpenbaar: boolean;
}

/**
 * Deny by default for the API: everything under /api needs a valid key (any role), except static files and, in
 * development, the API documentation. Mounted before all routers, so an API route someone adds later is closed
 * until it is meant to be open; the routers still check the role (403). The pages sign people in with their key
 * and guard every page themselves (src/web); test/beveiliging/routes.test.ts proves both for every route.
 */
export function toegangsbeleid(opties: ToegangsbeleidOpties): RequestHandler {
  const vereisSleutel = vereisRol(opties.sleutelControle, ...ROLLEN);
  return (req, res, next) => {
    switch (verzoeksoort(req.path)) {
      case 'health':
      case 'statisch':
      case 'pagina':
        return next();
      case 'documentatie':
        return opties.apiDocsOpenbaar ? next() : vereisSleutel(req, res, next);
      case 'zoeken':
      case 'api':
        return vereisSleutel(req, res, next);
    }
  };
}
