import type { NextFunction, Request, Response } from 'express';
import type { Rol } from '../toegang/api-sleutels';
import { GeenToegangFout } from './fouten';
import { sessieVan } from './sessie';

/** Roles that can sign in to the pages; the others use the API only. */
export const PAGINAROLLEN = ['werkgever', 'intermediair', 'regiomanager', 'wsp'] as const satisfies readonly Rol[];
export const ZOEKROLLEN = ['werkgever', 'intermediair'] as const satisfies readonly Rol[];
export const TRANSPARANTIEROLLEN = ['regiomanager'] as const satisfies readonly Rol[];
export const WSPROLLEN = ['wsp'] as const satisfies readonly Rol[];

const MENU = [
  { href: '/', tekst: 'Kandidaten zoeken', rollen: ZOEKROLLEN as readonly Rol[] },
  { href: '/contactverzoeken', tekst: 'Mijn contactverzoeken', rollen: ZOEKROLLEN as readonly Rol[] },
  { href: '/transparantie', tekst: 'Transparantie', rollen: TRANSPARANTIEROLLEN as readonly Rol[] },
  { href: '/wsp/contactverzoeken', tekst: 'Contactverzoeken werkgeversservicepunt', rollen: WSPROLLEN as readonly Rol[] },
];

/**
 * Who is visiting. Signed in: the identity of the session (set on `req.identiteit`, like the API's bearer keys do).
 * Not signed in: nobody in production; in development the pages are open, so a newcomer sees them without setup.
 */
export function createToegang(productie: boolean) {
  const mag = (req: Request, rollen: readonly Rol[]) => (req.identiteit ? rollen.includes(req.identiteit.rol) : !productie);

  return {
    /** Reads the sign-in from the session; an expired one is dropped with the rest of the session. */
    identiteit(req: Request, _res: Response, next: NextFunction): void {
      const sessie = sessieVan(req);
      if (sessie.identiteit && (sessie.verloopt ?? 0) > Date.now()) req.identiteit = sessie.identiteit;
      else if (sessie.identiteit) req.session = null;
      next();
    },

    /** Deny by default: in production every page after this needs a sign-in (the role is checked per page). */
    aangemeld(req: Request, res: Response, next: NextFunction): void {
      if (req.identiteit || !productie) return next();
      res.redirect(303, `/aanmelden?terug=${encodeURIComponent(req.originalUrl)}`);
    },

    /** Not signed in (production): to the sign-in page and back here after; another role: 403. */
    vereis(...rollen: Rol[]) {
      return (req: Request, res: Response, next: NextFunction): void => {
        if (mag(req, rollen)) return next();
        if (!req.identiteit) return res.redirect(303, `/aanmelden?terug=${encodeURIComponent(req.originalUrl)}`);
        next(new GeenToegangFout(`de rol ${req.identiteit.rol} heeft geen toegang tot deze pagina`));
      };
    },

    /** Regions whose figures this visitor may see; null means all (development, or a key without regions). */
    regios(req: Request): number[] | null {
      return req.identiteit?.regios ?? null;
    },

    menu(req: Request): { href: string; tekst: string }[] {
      return MENU.filter((m) => mag(req, m.rollen)).map(({ href, tekst }) => ({ href, tekst }));
    },
  };
}
