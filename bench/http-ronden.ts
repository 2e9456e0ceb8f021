import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { legAntwoordenVast, startKaleServer, type KaleServer } from './grens-http';
import { meetHttp, type HttpMeting } from './http-meting';
import type { Mixvraag } from './querymix';
import { bearer, SLEUTELS } from './server-proces';
import { percentiel } from './statistiek';

/** What browsers send; the service then picks brotli. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** One leg of the HTTP rounds: who answers which paths with which request headers. */
interface Leg {
  naam: 'pagina' | 'kaal' | 'alleFacetten' | 'paginaGecomprimeerd' | 'kaalGecomprimeerd';
  basis: string;
  paden: string[];
  headers: Record<string, string>;
}

export interface HttpRonden {
  /** Per leg the measurement of every round. */
  metingen: Record<Leg['naam'], HttpMeting[]>;
  /** Mean answer body in bytes, identity and compressed. */
  bytes: { gewoon: number; gecomprimeerd: number; alleFacetten: number };
  /** The content-encoding the service chose for ACCEPT_ENCODING. */
  codering: string;
}

/**
 * The search service at 16 clients next to its limit: a bare node:http server in its own process answering the
 * same paths with the service's own answer bytes. Both with and without Accept-Encoding, and the service also
 * with the old request (all facets), so before and after come from the same run. Every round measures every leg
 * back to back, so a moment when the shared machine is busy hits the service and its limit alike.
 */
export async function meetHttpRonden(basis: string, mix: readonly Mixvraag[], opties: { duurS: number; herhalingen: number }): Promise<HttpRonden> {
  const werkmap = mkdtempSync(path.join(tmpdir(), 'kv-bench-kaal-'));
  const sleutel = bearer(SLEUTELS.werkgever);
  const gecomprimeerd = { ...sleutel, 'accept-encoding': ACCEPT_ENCODING };
  const pagina = mix.map((m) => `/api/v1/kandidaten?${m.paginaQuery}`);
  const alle = mix.map((m) => `/api/v1/kandidaten?${m.query}`);
  const servers: KaleServer[] = [];
  try {
    const gewoon = await legAntwoordenVast(basis, pagina, sleutel, path.join(werkmap, 'gewoon.json'));
    const klein = await legAntwoordenVast(basis, pagina, gecomprimeerd, path.join(werkmap, 'gecomprimeerd.json'));
    const alleFacetten = await legAntwoordenVast(basis, alle, sleutel, path.join(werkmap, 'alle.json'));
    const kaal = await startKaleServer(path.join(werkmap, 'gewoon.json'));
    servers.push(kaal);
    const kaalKlein = await startKaleServer(path.join(werkmap, 'gecomprimeerd.json'));
    servers.push(kaalKlein);
    const legs: Leg[] = [
      { naam: 'pagina', basis, paden: pagina, headers: sleutel },
      { naam: 'kaal', basis: kaal.basis, paden: pagina, headers: sleutel },
      { naam: 'alleFacetten', basis, paden: alle, headers: sleutel },
      { naam: 'paginaGecomprimeerd', basis, paden: pagina, headers: gecomprimeerd },
      { naam: 'kaalGecomprimeerd', basis: kaalKlein.basis, paden: pagina, headers: gecomprimeerd },
    ];
    const metingen = Object.fromEntries(legs.map((l) => [l.naam, [] as HttpMeting[]])) as HttpRonden['metingen'];
    for (let ronde = 0; ronde < opties.herhalingen; ronde++) {
      for (const leg of legs) metingen[leg.naam].push(await meetHttp({ ...leg, clients: 16, duurS: opties.duurS }));
    }
    return { metingen, bytes: { gewoon: gewoon.bytes, gecomprimeerd: klein.bytes, alleFacetten: alleFacetten.bytes }, codering: klein.codering };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(werkmap, { recursive: true, force: true });
  }
}

/** The median over rounds of `waarde`, and how far the rounds lie apart relative to it. */
export function overRonden<T>(ronden: readonly T[], waarde: (r: T) => number): { mediaan: number; spreiding: number } {
  const waarden = ronden.map(waarde);
  const mediaan = percentiel(waarden, 50);
  return { mediaan, spreiding: (Math.max(...waarden) - Math.min(...waarden)) / mediaan };
}
