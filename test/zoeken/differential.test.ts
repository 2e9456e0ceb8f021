/**
 * The embedded engine against the brute-force oracle on seeded random profiles and queries: same hits in the same
 * order, same counts, facet distributions, statistics and highlights. Between batches profiles are changed, added
 * and removed on both sides, so freed slots, stale terms and a growing vocabulary are exercised too.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { loadSearchConfig } from '../../src/config/search-config';
import { createEmbeddedEngine } from '../../src/zoeken/embedded/embedded-engine';
import { FACETTEN, SORTERINGEN, type FacetNaam, type Filtervraag, type SearchEngine, type Zoekvraag } from '../../src/zoeken/search-engine.port';
import { OPLEIDINGSNIVEAUS } from '../../src/sonar/sonar-record.schema';
import { MAX_MARKERINGEN, Oracle } from './oracle';
import { FRASEN, kies, prng, randomProfiel, type Rng } from './random-profielen';

const SEED = 20261128;
const PROFIELEN = 2000;
const BATCHES = 10;
const VRAGEN_PER_BATCH = 1000;
// Few distinct days, so that large result sets are ranked through the per-day buckets.
const DAGEN = 300;

const config = structuredClone(loadSearchConfig());
// Served hits stop at maxTotalHits; a larger page size lets one request return every served hit.
config.zoeken.maxTotalHits = 1500;
config.zoeken.maxHitsPerPage = 5000;

const rng = prng(SEED);
const WOORDEN = [...new Set(FRASEN.flatMap((f) => f.split(/[^\p{L}\p{N}]+/u)).filter((w) => w !== ''))];
const SYNONIEMEN = config.zoeken.synoniemen.flat();
const LETTERS = 'abcdefghijklmnopqrstuvwxyzëé';

function typfout(rng: Rng, woord: string): string {
  const i = Math.floor(rng() * (woord.length + 1));
  const letter = kies(rng, [...LETTERS]);
  const soort = rng();
  if (soort < 0.33 || woord.length < 2) return woord.slice(0, i) + letter + woord.slice(i);
  const j = Math.min(i, woord.length - 1);
  return soort < 0.66 ? woord.slice(0, j) + woord.slice(j + 1) : woord.slice(0, j) + letter + woord.slice(j + 1);
}

function randomWoord(rng: Rng): string {
  const woord = kies(rng, WOORDEN);
  const soort = rng();
  if (soort < 0.3) return rng() < 0.2 ? woord.toUpperCase() : woord;
  if (soort < 0.5) return typfout(rng, woord);
  if (soort < 0.6) return typfout(rng, typfout(rng, woord));
  if (soort < 0.75) return woord.slice(0, 1 + Math.floor(rng() * woord.length));
  if (soort < 0.82) return kies(rng, SYNONIEMEN);
  if (soort < 0.88) return kies(rng, config.zoeken.stopwoorden);
  return Array.from({ length: 2 + Math.floor(rng() * 8) }, () => kies(rng, [...LETTERS])).join('');
}

function randomFilter(rng: Rng, waarden: Map<FacetNaam, string[]>): Filtervraag {
  const vraag: Filtervraag = {};
  const filters: Partial<Record<FacetNaam, string[]>> = {};
  const aantal = Math.floor(rng() * rng() * 4);
  for (let i = 0; i < aantal; i++) {
    const facet = kies(rng, FACETTEN);
    filters[facet] = Array.from({ length: 1 + Math.floor(rng() * 2) }, () => {
      const r = rng();
      return r < 0.1 ? config.zoeken.onbekend : r < 0.13 ? 'bestaat-niet' : kies(rng, waarden.get(facet)!);
    });
  }
  if (aantal > 0) vraag.filters = filters;
  if (rng() < 0.15) vraag.opleidingsniveauMin = kies(rng, OPLEIDINGSNIVEAUS);
  if (rng() < 0.15) vraag.urenMin = Math.floor(rng() * 60);
  if (rng() < 0.15) vraag.urenMax = Math.floor(rng() * 80);
  return vraag;
}

function randomVraag(rng: Rng, waarden: Map<FacetNaam, string[]>): Zoekvraag {
  const n = Math.floor(rng() * 4);
  const q = Array.from({ length: n }, () => randomWoord(rng)).join(rng() < 0.8 ? ' ' : ', ');
  const facets = Array.from({ length: Math.floor(rng() * 5) }, () => kies(rng, FACETTEN));
  const vraag: Zoekvraag = { ...randomFilter(rng, waarden), facets, sort: kies(rng, SORTERINGEN) };
  if (n > 0) vraag.q = q;
  if (rng() < 0.1) {
    // Every served hit at once: compares the complete result, not just one page.
    vraag.hitsPerPage = 5000;
  } else {
    vraag.hitsPerPage = kies(rng, [1, 7, 20, 100]);
    vraag.page = rng() < 0.7 ? 1 : kies(rng, [2, 3, 16, 300]);
  }
  return vraag;
}

/** Facet values present in the data, for filters that select something. */
function facetWaarden(oracle: Oracle): Map<FacetNaam, string[]> {
  const alle = oracle.facetCounts({}, FACETTEN).facetDistribution;
  return new Map(FACETTEN.map((f) => [f, Object.keys(alle[f] ?? {})]));
}

/** Fails with jest's diff and the query that caused it; checks with the much cheaper isDeepStrictEqual first. */
function gelijk(context: string, werkelijk: unknown, verwacht: unknown): void {
  if (!isDeepStrictEqual(werkelijk, verwacht)) expect({ context, werkelijk }).toEqual({ context, werkelijk: verwacht });
}

describe('embedded engine tegen het orakel', () => {
  const oracle = new Oracle(config);
  let engine: SearchEngine;
  let profielen: Kandidaatprofiel[];
  let volgnummer = PROFIELEN;

  beforeAll(async () => {
    profielen = Array.from({ length: PROFIELEN }, (_, i) => randomProfiel(rng, `p${i}`, DAGEN));
    engine = createEmbeddedEngine(config);
    await engine.replaceAll(profielen);
    oracle.replaceAll(profielen);
  });

  afterAll(() => engine.close());

  async function vergelijk(vraag: Zoekvraag, nr: string): Promise<void> {
    const e = await engine.search(vraag);
    const o = oracle.search(vraag);
    gelijk(`vraag ${nr}: ${JSON.stringify(vraag)}`, {
      totalHits: e.totalHits,
      totalPages: e.totalPages,
      hits: e.hits.map((h) => h.profiel.id),
      facetten: e.facetDistribution,
      stats: e.facetStats,
      markeringen: Object.fromEntries(e.hits.slice(0, MAX_MARKERINGEN).map((h) => [h.profiel.id, h.highlights])),
    }, {
      totalHits: o.totalHits,
      totalPages: o.totalPages,
      hits: o.pagina,
      facetten: o.facetDistribution,
      stats: o.facetStats,
      markeringen: o.highlights,
    });
  }

  for (let batch = 0; batch < BATCHES; batch++) {
    it(`batch ${batch + 1}: ${VRAGEN_PER_BATCH} zoekvragen, facettellingen en facetwaarden, daarna wijzigingen`, async () => {
      const waarden = facetWaarden(oracle);
      for (let i = 0; i < VRAGEN_PER_BATCH; i++) {
        const nr = `${batch}.${i}`;
        await vergelijk(randomVraag(rng, waarden), nr);
        if (i % 10 === 0) {
          const filter = randomFilter(rng, waarden);
          const facets = FACETTEN.filter(() => rng() < 0.3);
          gelijk(`facetCounts ${nr}: ${JSON.stringify({ filter, facets })}`, await engine.facetCounts(filter, facets), oracle.facetCounts(filter, facets));
        }
        if (i % 10 === 5) {
          const facet = kies(rng, FACETTEN);
          const waarde = kies(rng, waarden.get(facet)!);
          const q = rng() < 0.5 ? waarde.slice(0, 1 + Math.floor(rng() * waarde.length)) : typfout(rng, waarde);
          const filter = randomFilter(rng, waarden);
          gelijk(`facetValues ${nr}: ${JSON.stringify({ facet, q, filter })}`, await engine.facetValues(facet, q, filter), oracle.facetValues(facet, q, filter));
        }
      }

      const gewijzigd = Array.from({ length: 60 }, () => randomProfiel(rng, kies(rng, profielen).id, DAGEN));
      const nieuw = Array.from({ length: 30 }, () => randomProfiel(rng, `p${volgnummer++}`, DAGEN));
      const weg = Array.from({ length: 40 }, () => kies(rng, profielen).id);
      await engine.upsert([...gewijzigd, ...nieuw]);
      oracle.upsert([...gewijzigd, ...nieuw]);
      await engine.remove(weg);
      oracle.remove(weg);
      const actueel = new Map(profielen.map((p) => [p.id, p]));
      for (const p of [...gewijzigd, ...nieuw]) actueel.set(p.id, p);
      for (const id of weg) actueel.delete(id);
      profielen = [...actueel.values()];
      expect(await engine.count()).toBe(profielen.length);
    });
  }
});
