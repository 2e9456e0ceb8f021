import { createHmac } from 'node:crypto';
import type { FacetNaam, Zoekvraag } from '../zoeken/search-engine.port';

/** Separates this key from every other use of the pseudonym secret (the pseudonyms themselves). */
const DOMEIN = 'kandidatenverkenner/audit/zoektekst/v1';

/** Facets whose values are checked against a fixed list (codes, levels): stored as they are. All others are typed. */
const VASTE_WAARDEN: ReadonlySet<FacetNaam> = new Set<FacetNaam>(['regio', 'gemeente', 'opleidingsniveau', 'eigenVervoer', 'transparantieklasse']);

/**
 * Text someone typed is never stored as typed (employers type names): only a keyed hash, so "the same text was
 * searched twice" shows while the text cannot be read or guessed without the key. The key is derived from the
 * pseudonym secret with a fixed label, so it is no pseudonym key.
 */
export function createZoektekstHasher(pseudonymSecret: string): (tekst: string) => string {
  const sleutel = createHmac('sha256', pseudonymSecret).update(DOMEIN, 'utf8').digest();
  return (tekst) => `hmac:${createHmac('sha256', sleutel).update(tekst.normalize('NFC').trim().toLocaleLowerCase('nl'), 'utf8').digest('hex').slice(0, 32)}`;
}

/** The filters of a search as the audit record keeps them: typed text (q, free facet values) only as a keyed hash. */
export function zoekdetails(vraag: Zoekvraag, hash: (tekst: string) => string): Record<string, unknown> {
  const filters: Record<string, string[]> = {};
  for (const [facet, waarden] of Object.entries(vraag.filters ?? {}) as [FacetNaam, readonly string[] | undefined][]) {
    if (!waarden || waarden.length === 0) continue;
    filters[facet] = VASTE_WAARDEN.has(facet) ? [...waarden] : waarden.map(hash);
  }
  const q = vraag.q?.trim();
  return {
    ...(q ? { q: hash(q) } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(vraag.opleidingsniveauMin ? { opleidingsniveauMin: vraag.opleidingsniveauMin } : {}),
    ...(vraag.urenMin !== undefined ? { urenMin: vraag.urenMin } : {}),
    ...(vraag.urenMax !== undefined ? { urenMax: vraag.urenMax } : {}),
    ...(vraag.sort ? { sort: vraag.sort } : {}),
    page: vraag.page ?? 1,
    hitsPerPage: vraag.hitsPerPage ?? 20,
  };
}
