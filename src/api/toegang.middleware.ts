import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Identiteit, Rol } from '../toegang/api-sleutels';
import { stuurFout } from './fouten.middleware';

declare module 'express-serve-static-core' {
  interface Request {
    identiteit?: Identiteit;
  }
}

/** Requires `Authorization: Bearer <key>` with one of the given roles; 401 without a valid key, 403 for another role. */
export function vereisRol(controle: (sleutel: string) => Identiteit | null, ...rollen: Rol[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="kandidatenverkenner"');
      return stuurFout(res, 401, 'niet_aangemeld', 'stuur een API-sleutel mee als Authorization: Bearer <sleutel>');
    }
    const identiteit = controle(match[1]!);
    if (!identiteit) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="kandidatenverkenner", error="invalid_token"');
      return stuurFout(res, 401, 'onbekende_sleutel', 'deze API-sleutel is niet bekend');
    }
    if (!rollen.includes(identiteit.rol)) {
      return stuurFout(res, 403, 'geen_toegang', `de rol ${identiteit.rol} heeft hier geen toegang; nodig: ${rollen.join(' of ')}`);
    }
    req.identiteit = identiteit;
    next();
  };
}
