import { z } from 'zod';
import type { Identiteit } from '../toegang/api-sleutels';
import { PAGINAROLLEN } from './toegang';

/** Where to go after signing in: a path on this site only, never another host (no open redirect). */
const terugSchema = z.string().max(2000).regex(/^\/(?![/\\])/, 'verwacht een pad op deze site');

export const aanmeldQuerySchema = z.object({ terug: terugSchema.optional() }).strict();

const sleutelSchema = z.string({ error: 'Vul uw sleutel in' }).trim().min(1, 'Vul uw sleutel in').max(500, 'Deze sleutel is te lang');

/** Where a role lands after signing in without a return path. */
const STARTPAGINA: Partial<Record<Identiteit['rol'], string>> = { regiomanager: '/transparantie', wsp: '/wsp/contactverzoeken' };

export type Aanmelduitkomst =
  | { ok: true; identiteit: Identiteit; naar: string }
  | { ok: false; status: 400 | 401 | 403; fout: string; terug: string | undefined };

/**
 * Checks a key typed on the sign-in page with the same constant-time key check as the API. Like the API's 401 and
 * 403, an unknown key and an API-only key get different messages; neither repeats the key.
 */
export function meldAan(body: unknown, sleutelControle: (sleutel: string) => Identiteit | null): Aanmelduitkomst {
  const velden = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // The return path is a hidden field: one that is not a path on this site is dropped, not shown as an error.
  const terugVeld = terugSchema.safeParse(velden.terug);
  const terug = terugVeld.success ? terugVeld.data : undefined;
  const parsed = sleutelSchema.safeParse(velden.sleutel);
  if (!parsed.success) return { ok: false, status: 400, fout: parsed.error.issues[0]!.message, terug };
  const identiteit = sleutelControle(parsed.data);
  if (!identiteit) return { ok: false, status: 401, fout: 'Deze sleutel kennen wij niet. Controleer de sleutel en probeer het opnieuw.', terug };
  if (!(PAGINAROLLEN as readonly string[]).includes(identiteit.rol)) {
    return { ok: false, status: 403, fout: 'Met deze sleutel kunt u alleen de API gebruiken. Gebruik een sleutel voor een werkgever, intermediair, regiomanager of werkgeversservicepunt.', terug };
  }
  return { ok: true, identiteit, naar: terug ?? STARTPAGINA[identiteit.rol] ?? '/' };
}
