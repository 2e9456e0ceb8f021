import { create, insertMultiple, search, type AnyDocument, type AnyOrama, type AnySchema, type SearchParams } from '@orama/orama';
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../src/config/search-config';
import { FACETTEN, type FacetNaam, type Zoekvraag } from '../../src/zoeken/search-engine.port';
import { facetwaarden, tekstvelden, type BenchEngine } from './bench-engine';

const BATCH = 5000;

/**
 * Baseline: @orama/orama 3.1 with its own facets and where-filters, typo tolerance 1, all terms required
 * (threshold 0). Text fields are full-text indexed; facet fields are enums, which Orama filters and counts
 * exactly. Its facet counts are conjunctive (over the result), ours disjunctive: Orama does less work here.
 */
export function oramaEngine(config: SearchConfig): BenchEngine {
  const tekst = tekstvelden(config);
  const onbekend = config.zoeken.onbekend;
  const enkelvoudig = new Set<FacetNaam>(['regio', 'gemeente', 'opleidingsniveau', 'transparantieklasse', 'eigenVervoer']);
  const schema: AnySchema = { uren: 'number' };
  for (const t of tekst) schema[t.veld] = 'string[]';
  for (const f of FACETTEN) schema[`f_${f}`] = enkelvoudig.has(f) ? 'enum' : 'enum[]';
  let db: AnyOrama | undefined;

  const document = (p: Kandidaatprofiel): AnyDocument => {
    const doc: AnyDocument = { id: p.id };
    if (p.urenPerWeek !== null) doc.uren = p.urenPerWeek;
    for (const t of tekst) doc[t.veld] = t.waarden(p);
    for (const f of FACETTEN) {
      const waarden = facetwaarden(p, f, onbekend);
      if (enkelvoudig.has(f)) {
        if (waarden[0] !== undefined) doc[`f_${f}`] = waarden[0];
      } else {
        doc[`f_${f}`] = waarden;
      }
    }
    return doc;
  };

  return {
    async bouw(profielen) {
      db = create({ schema });
      let batch: AnyDocument[] = [];
      for await (const p of profielen) {
        batch.push(document(p));
        if (batch.length === BATCH) {
          await insertMultiple(db, batch, BATCH);
          batch = [];
        }
      }
      if (batch.length > 0) await insertMultiple(db, batch, BATCH);
    },
    async zoek(vraag: Zoekvraag) {
      if (!db) throw new Error('eerst bouwen');
      const where: Record<string, unknown> = {};
      for (const [facet, gekozen] of Object.entries(vraag.filters ?? {}) as [FacetNaam, readonly string[]][]) {
        if (!gekozen || gekozen.length === 0) continue;
        where[`f_${facet}`] = enkelvoudig.has(facet) ? { in: [...gekozen] } : { containsAny: [...gekozen] };
      }
      if (vraag.urenMin !== undefined) where.uren = { gte: vraag.urenMin };
      const resultaat = await search(db, {
        term: vraag.q ?? '',
        properties: tekst.map((t) => t.veld),
        boost: Object.fromEntries(tekst.map((t) => [t.veld, t.gewicht])),
        tolerance: 1,
        where: where as SearchParams<AnyOrama>['where'],
        facets: Object.fromEntries((vraag.facets ?? []).map((f) => [`f_${f}`, { limit: config.zoeken.maxWaardenPerFacet }])),
        limit: vraag.hitsPerPage ?? 20,
      });
      return { totalHits: resultaat.count, facetten: Object.keys(resultaat.facets ?? {}).length };
    },
  };
}
