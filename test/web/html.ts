import request from 'supertest';
import type { Response } from 'supertest';

/** The number in the results heading ("3.955 kandidaten gevonden"). */
export function aantalGevonden(html: string): number {
  const m = /id="resultaten-titel"[^>]*>([\d.]+) kandida/.exec(html);
  if (!m) throw new Error('geen resultatenkop op de pagina');
  return Number(m[1]!.replaceAll('.', ''));
}

/** Profile ids in the order the result cards show them. */
export function profielIds(html: string): string[] {
  return [...html.matchAll(/class="utrecht-link kv-kaart__link" href="\/kandidaten\/([0-9a-f]{32})"/g)].map((m) => m[1]!);
}

/** The CSRF token of the form on the page. */
export function csrfToken(html: string): string {
  const m = /name="_csrf" value="([0-9a-f]+)"/.exec(html);
  if (!m) throw new Error('geen CSRF-token op de pagina');
  return m[1]!;
}

/** Set-Cookie headers of a response, as one array. */
export function cookies(res: Response): string[] {
  const h = res.headers['set-cookie'] as unknown;
  return Array.isArray(h) ? (h as string[]) : typeof h === 'string' ? [h] : [];
}

/**
 * A browser behind a TLS proxy, for supertest: keeps the cookies itself, because supertest's own cookie jar never
 * sends Secure cookies over the plain HTTP of the in-process test. Given another browser's jar, it is that same
 * browser talking to another instance (as behind a load balancer).
 */
export function httpsBrowser(app: Parameters<typeof request>[0], jar = new Map<string, string>()) {
  const bewaar = (res: Response) => {
    for (const c of cookies(res)) {
      const [paar] = c.split(';');
      const i = paar!.indexOf('=');
      const naam = paar!.slice(0, i);
      const waarde = paar!.slice(i + 1);
      if (waarde === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(naam);
      else jar.set(naam, waarde);
    }
    return res;
  };
  const kop = () => ({ 'X-Forwarded-Proto': 'https', Cookie: [...jar].map(([n, w]) => `${n}=${w}`).join('; ') });
  return {
    jar,
    get: async (pad: string) => bewaar(await request(app).get(pad).set(kop())),
    post: async (pad: string, formulier: Record<string, string>) => bewaar(await request(app).post(pad).set(kop()).type('form').send(formulier)),
  };
}
