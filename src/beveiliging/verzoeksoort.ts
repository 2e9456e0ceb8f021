/**
 * What a request is for, decided from its path alone, so the access policy and the rate limits can sit in front of
 * every router, including routes added later. Express matches routes case-insensitively, so paths are compared in
 * lower case: '/API/v1/kandidaten' must not slip past as a page.
 */
export type Verzoeksoort = 'health' | 'statisch' | 'documentatie' | 'zoeken' | 'api' | 'pagina';

/** Mount paths of the search API: the data a scraper is after. */
export const ZOEKPADEN = ['/api/v1/kandidaten', '/api/v1/facetten'] as const;

/** Static files (Swagger UI, the pages' CSS and scripts): no data, the same for everyone. */
const STATISCHE_PADEN = ['/api/docs/assets/', '/static/'];

/** The API's own description and Swagger UI. */
const DOCUMENTATIEPADEN = ['/api/docs', '/api/openapi.json'];

const onder = (pad: string, prefix: string) => pad === prefix || pad.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);

export function verzoeksoort(pad: string): Verzoeksoort {
  const p = pad.toLowerCase();
  if (onder(p, '/health')) return 'health';
  if (STATISCHE_PADEN.some((s) => p.startsWith(s))) return 'statisch';
  if (ZOEKPADEN.some((z) => onder(p, z))) return 'zoeken';
  if (DOCUMENTATIEPADEN.some((d) => onder(p, d))) return 'documentatie';
  if (onder(p, '/api')) return 'api';
  return 'pagina';
}
