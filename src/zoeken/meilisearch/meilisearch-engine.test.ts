/**
 * Unit tests of the adapter: they assert what it sends to an injected fake client and how it reads the replies.
 * No Meilisearch runs here; behaviour against a real server is in meilisearch-engine.integration.test.ts.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../../config/config-error';
import { loadSearchConfig } from '../../config/search-config';
import { documentMaker } from './document';
import { ZoekmachineFout, ZoekmachineOnbereikbaarError } from '../zoekmachine-fouten';
import { MARKEER_BEGIN as B, MARKEER_EIND as E } from './highlights';
import { createMeilisearchEngine, type MeilisearchEngineOpties } from './meilisearch-engine';
import { NepMeilisearch, apiFout, maakProfiel, netwerkFout, timeoutFout } from './nep-meilisearch.testhulp';
import { indexSettings } from './settings';

const config = loadSearchConfig();
const maakDocument = documentMaker(config);

function opzet(opts: Partial<MeilisearchEngineOpties> = {}) {
  const nep = new NepMeilisearch();
  const engine = createMeilisearchEngine(config, { host: 'http://niet-gebruikt', client: nep.client, retry: { basisMs: 0 }, ...opts });
  return { nep, engine };
}

const ZOEKPADEN = [
  'profiel.vaardigheden', 'profiel.werkervaring.beroep', 'profiel.taaksoorten', 'profiel.beroepssectoren',
  'profiel.competenties', 'profiel.opleidingen.richting', 'profiel.affiniteiten',
];

describe('createMeilisearchEngine', () => {
  it('names itself meilisearch', () => {
    expect(opzet().engine.naam).toBe('meilisearch');
  });

  it('refuses an index uid Meilisearch would refuse', () => {
    expect(() => createMeilisearchEngine(config, { host: 'http://x', indexUid: 'kandidaten/../keys' })).toThrow(ConfigError);
  });
});

describe('init', () => {
  it('creates the index with primary key id, applies the settings and awaits both tasks', async () => {
    const { nep, engine } = opzet();
    await engine.init();
    expect(nep.volgorde).toEqual(['createIndex', 'wacht(createIndex)', 'index(kandidaten).updateSettings', 'wacht(index(kandidaten).updateSettings)']);
    expect(nep.aanroepenVan('createIndex')).toEqual([['kandidaten', { primaryKey: 'id' }]]);
    expect(nep.aanroepenVan('index(kandidaten).updateSettings')).toEqual([[indexSettings(config)]]);
    expect(nep.aanroepenVan('wacht(createIndex)')[0]![1]).toEqual({ timeout: 600_000 });
  });

  it('is idempotent: an existing index is fine', async () => {
    const { nep, engine } = opzet({ indexUid: 'eigen_index' });
    nep.taakUitkomst('createIndex', { status: 'failed', error: { code: 'index_already_exists', message: '', type: '', link: '' } });
    await engine.init();
    expect(nep.aanroepenVan('index(eigen_index).updateSettings')).toHaveLength(1);
  });

  it('reports a failed settings task as ZoekmachineFout with its code', async () => {
    const { nep, engine } = opzet();
    const fout = { code: 'invalid_settings_ranking_rules', message: 'x', type: 'invalid_request', link: '' };
    nep.taakUitkomst('index(kandidaten).updateSettings', { status: 'failed', error: fout });
    const belofte = engine.init();
    await expect(belofte).rejects.toBeInstanceOf(ZoekmachineFout);
    await expect(belofte).rejects.toMatchObject({ code: 'invalid_settings_ranking_rules', cause: fout });
  });
});

describe('upsert and remove', () => {
  it('sends documents in batches, all batches before the waits', async () => {
    const { nep, engine } = opzet({ batchGrootte: 2 });
    const profielen = [maakProfiel(), maakProfiel(), maakProfiel(), maakProfiel(), maakProfiel()];
    await engine.upsert(profielen);
    const toevoegingen = nep.aanroepenVan('index(kandidaten).addDocuments');
    expect(toevoegingen.map(([docs]) => (docs as unknown[]).length)).toEqual([2, 2, 1]);
    expect(toevoegingen.flatMap(([docs]) => docs as unknown[])).toEqual(profielen.map(maakDocument));
    expect(toevoegingen.every(([, o]) => (o as { primaryKey: string }).primaryKey === 'id')).toBe(true);
    expect(nep.volgorde).toEqual([
      ...Array(3).fill('index(kandidaten).addDocuments'),
      ...Array(3).fill('wacht(index(kandidaten).addDocuments)'),
    ]);
  });

  it('uses batches of 10,000 by default', async () => {
    const { nep, engine } = opzet();
    const profiel = maakProfiel();
    await engine.upsert(Array.from({ length: 10_001 }, () => profiel));
    expect(nep.aanroepenVan('index(kandidaten).addDocuments').map(([d]) => (d as unknown[]).length)).toEqual([10_000, 1]);
  });

  it('sends nothing for an empty list', async () => {
    const { nep, engine } = opzet();
    await engine.upsert([]);
    await engine.remove([]);
    expect(nep.aanroepen).toEqual([]);
  });

  it('deletes ids in batches', async () => {
    const { nep, engine } = opzet({ batchGrootte: 2 });
    await engine.remove(['a', 'b', 'c']);
    expect(nep.aanroepenVan('index(kandidaten).deleteDocuments')).toEqual([[['a', 'b']], [['c']]]);
    expect(nep.aanroepenVan('wacht(index(kandidaten).deleteDocuments)')).toHaveLength(2);
  });

  it('retries a write that failed transiently', async () => {
    const { nep, engine } = opzet();
    nep.fout('index(kandidaten).addDocuments', netwerkFout(), apiFout(503));
    await engine.upsert([maakProfiel()]);
    expect(nep.aanroepenVan('index(kandidaten).addDocuments')).toHaveLength(3);
  });

  it('retries a task wait that failed transiently, without sending the batch again', async () => {
    const { nep, engine } = opzet();
    nep.fout('wacht(index(kandidaten).addDocuments)', timeoutFout());
    await engine.upsert([maakProfiel()]);
    expect(nep.aanroepenVan('index(kandidaten).addDocuments')).toHaveLength(1);
    expect(nep.aanroepenVan('wacht(index(kandidaten).addDocuments)')).toHaveLength(2);
  });

  it('gives up after the configured attempts with ZoekmachineOnbereikbaarError', async () => {
    const { nep, engine } = opzet({ retry: { pogingen: 3, basisMs: 0 } });
    const laatste = netwerkFout();
    nep.fout('index(kandidaten).addDocuments', netwerkFout(), netwerkFout(), laatste);
    const belofte = engine.upsert([maakProfiel()]);
    await expect(belofte).rejects.toBeInstanceOf(ZoekmachineOnbereikbaarError);
    await expect(belofte).rejects.toMatchObject({ cause: laatste });
    expect(nep.aanroepenVan('index(kandidaten).addDocuments')).toHaveLength(3);
  });

  it('does not retry a refused write', async () => {
    const { nep, engine } = opzet();
    nep.fout('index(kandidaten).deleteDocuments', apiFout(400, 'invalid_document_ids'));
    await expect(engine.remove(['x'])).rejects.toMatchObject({ name: 'ZoekmachineFout', code: 'invalid_document_ids' });
    expect(nep.aanroepenVan('index(kandidaten).deleteDocuments')).toHaveLength(1);
  });

  it('reports a failed document task as ZoekmachineFout', async () => {
    const { nep, engine } = opzet();
    nep.taakUitkomst('index(kandidaten).addDocuments', { status: 'failed', error: { code: 'invalid_document_id', message: '', type: '', link: '' } });
    await expect(engine.upsert([maakProfiel()])).rejects.toMatchObject({ name: 'ZoekmachineFout', code: 'invalid_document_id' });
  });

  it('a failed write does not block the next one', async () => {
    const { nep, engine } = opzet({ retry: { pogingen: 1 } });
    nep.fout('index(kandidaten).addDocuments', netwerkFout());
    await expect(engine.upsert([maakProfiel()])).rejects.toBeInstanceOf(ZoekmachineOnbereikbaarError);
    await expect(engine.upsert([maakProfiel()])).resolves.toBeUndefined();
  });
});

describe('replaceAll', () => {
  it('fills <uid>_nieuw with the same settings, swaps it in, then deletes the old set', async () => {
    const { nep, engine } = opzet({ batchGrootte: 2 });
    const profielen = [maakProfiel(), maakProfiel(), maakProfiel()];
    function* bron() { yield* profielen; }
    await engine.replaceAll(bron());
    expect(nep.volgorde).toEqual([
      'createIndex', 'wacht(createIndex)',
      'deleteIndex', 'wacht(deleteIndex)',
      'createIndex', 'wacht(createIndex)',
      'index(kandidaten_nieuw).updateSettings', 'wacht(index(kandidaten_nieuw).updateSettings)',
      'index(kandidaten_nieuw).addDocuments', 'index(kandidaten_nieuw).addDocuments',
      'wacht(index(kandidaten_nieuw).addDocuments)', 'wacht(index(kandidaten_nieuw).addDocuments)',
      'swapIndexes', 'wacht(swapIndexes)',
      'deleteIndex', 'wacht(deleteIndex)',
    ]);
    expect(nep.aanroepenVan('createIndex')).toEqual([['kandidaten', { primaryKey: 'id' }], ['kandidaten_nieuw', { primaryKey: 'id' }]]);
    expect(nep.aanroepenVan('deleteIndex')).toEqual([['kandidaten_nieuw'], ['kandidaten_nieuw']]);
    expect(nep.aanroepenVan('index(kandidaten_nieuw).updateSettings')).toEqual([[indexSettings(config)]]);
    expect(nep.aanroepenVan('index(kandidaten_nieuw).addDocuments').flatMap(([d]) => d as unknown[])).toEqual(profielen.map(maakDocument));
    expect(nep.aanroepenVan('swapIndexes')).toEqual([[[{ indexes: ['kandidaten', 'kandidaten_nieuw'], rename: false }]]]);
  });

  it('tolerates a missing leftover index and an existing live index', async () => {
    const { nep, engine } = opzet();
    nep.taakUitkomst('deleteIndex', { status: 'failed', error: { code: 'index_not_found', message: '', type: '', link: '' } });
    nep.taakUitkomst('createIndex', { status: 'failed', error: { code: 'index_already_exists', message: '', type: '', link: '' } });
    await expect(engine.replaceAll([maakProfiel()])).resolves.toBeUndefined();
  });

  it('does not swap when filling the new index failed', async () => {
    const { nep, engine } = opzet();
    nep.taakUitkomst('index(kandidaten_nieuw).addDocuments', { status: 'failed', error: { code: 'invalid_document_id', message: '', type: '', link: '' } });
    await expect(engine.replaceAll([maakProfiel()])).rejects.toBeInstanceOf(ZoekmachineFout);
    expect(nep.aanroepenVan('swapIndexes')).toEqual([]);
  });

  it('sends the swap once: a lost answer is not retried, and the old index is kept', async () => {
    const { nep, engine } = opzet();
    nep.fout('swapIndexes', timeoutFout());
    await expect(engine.replaceAll([maakProfiel()])).rejects.toBeInstanceOf(ZoekmachineOnbereikbaarError);
    expect(nep.aanroepenVan('swapIndexes')).toHaveLength(1);
    expect(nep.aanroepenVan('deleteIndex')).toHaveLength(1);
  });

  it('runs an upsert that arrives during a replaceAll after the swap, on the live index', async () => {
    const { nep, engine } = opzet();
    const vervangen = engine.replaceAll([maakProfiel()]);
    const bijwerken = engine.upsert([maakProfiel()]);
    await Promise.all([vervangen, bijwerken]);
    expect(nep.volgorde.indexOf('index(kandidaten).addDocuments')).toBeGreaterThan(nep.volgorde.indexOf('wacht(swapIndexes)'));
  });
});

describe('search', () => {
  const hit = (profiel = maakProfiel()) => ({
    profiel,
    _formatted: { profiel: { ...profiel, vaardigheden: [`${B}Heftruck${E} rijden`, 'Orderpicken'] } },
  });

  it('sends one multiSearch: the main query plus one count query per selected facet without its own selection', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('multiSearch', () => ({
      results: [
        { hits: [], totalHits: 0, totalPages: 0, processingTimeMs: 1 },
        { hits: [], totalHits: 0, processingTimeMs: 1 },
        { hits: [], totalHits: 0, processingTimeMs: 1 },
      ],
    }));
    await engine.search({
      q: '  heftruck ',
      filters: { regio: ['25'], sector: ['Zorg', 'Bouw'], rijbewijs: ['B'] },
      opleidingsniveauMin: 'mbo-2',
      urenMin: 16,
      sort: 'uren:desc',
      page: 2,
      hitsPerPage: 10,
      facets: ['regio', 'sector', 'gemeente'],
    });
    expect(nep.aanroepenVan('multiSearch')).toHaveLength(1);
    const [{ queries }] = nep.aanroepenVan('multiSearch')[0] as [{ queries: unknown[] }];
    const rest = 'rijbewijs = "B" AND opleidingsniveauRang >= 6 AND urenPerWeek >= 16';
    expect(queries).toEqual([
      {
        indexUid: 'kandidaten',
        q: 'heftruck',
        filter: `regio = "25" AND (beroepssectoren = "Zorg" OR beroepssectoren = "Bouw") AND ${rest}`,
        page: 2,
        hitsPerPage: 10,
        sort: ['urenPerWeek:desc'],
        attributesToRetrieve: ['profiel'],
        attributesToHighlight: ZOEKPADEN,
        highlightPreTag: B,
        highlightPostTag: E,
        facets: ['gemeente', 'regio', 'urenPerWeek', 'reisafstandKm'],
      },
      {
        indexUid: 'kandidaten',
        q: 'heftruck',
        filter: `(beroepssectoren = "Zorg" OR beroepssectoren = "Bouw") AND ${rest}`,
        hitsPerPage: 0,
        facets: ['regio'],
      },
      {
        indexUid: 'kandidaten',
        q: 'heftruck',
        filter: `regio = "25" AND ${rest}`,
        hitsPerPage: 0,
        facets: ['beroepssectoren'],
      },
    ]);
  });

  it('reads hits, highlights, disjunctive counts and stats from the replies', async () => {
    const { nep, engine } = opzet();
    const eerste = hit();
    nep.antwoord('multiSearch', () => ({
      results: [
        {
          hits: [eerste],
          totalHits: 41,
          totalPages: 5,
          page: 1,
          hitsPerPage: 10,
          processingTimeMs: 3,
          facetDistribution: { gemeente: { GM0268: 30, GM0252: 11 }, regio: { 25: 41 }, urenPerWeek: { 24: 41 } },
          facetStats: { urenPerWeek: { min: 8, max: 40 }, reisafstandKm: { min: 0, max: 50 } },
        },
        { hits: [], totalHits: 90, processingTimeMs: 2, facetDistribution: { regio: { 25: 41, 7: 49 } } },
      ],
    }));
    const res = await engine.search({ q: 'heftruck', filters: { regio: ['25'] }, facets: ['regio', 'gemeente'], hitsPerPage: 10 });
    expect(res).toEqual({
      hits: [{ profiel: eerste.profiel, highlights: { vaardigheden: ['<mark>Heftruck</mark> rijden'] } }],
      totalHits: 41,
      page: 1,
      hitsPerPage: 10,
      totalPages: 5,
      facetDistribution: { regio: { 25: 41, 7: 49 }, gemeente: { GM0268: 30, GM0252: 11 } },
      facetStats: { urenPerWeek: { min: 8, max: 40 }, reisafstandKm: { min: 0, max: 50 } },
      processingTimeMs: 5,
    });
  });

  it('derives the exact total from the regio counts when totalHits hits maxTotalHits', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('multiSearch', () => ({
      results: [{ hits: [], totalHits: 1000, totalPages: 50, processingTimeMs: 1, facetDistribution: { regio: { 25: 800, 7: 700, 1: 3 } } }],
    }));
    const res = await engine.search({});
    expect(res.totalHits).toBe(1503);
    expect(res.totalPages).toBe(50);
  });

  it('sends a placeholder search without q or highlighting, with defaults and limits on paging', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('multiSearch', () => ({ results: [{ hits: [hit()], totalHits: 1, processingTimeMs: 0 }] }));
    const res = await engine.search({ q: '   ', hitsPerPage: 5000, page: 0 });
    const [{ queries }] = nep.aanroepenVan('multiSearch')[0] as [{ queries: unknown[] }];
    expect(queries).toEqual([
      { indexUid: 'kandidaten', page: 1, hitsPerPage: 100, attributesToRetrieve: ['profiel'], facets: ['regio', 'urenPerWeek', 'reisafstandKm'] },
    ]);
    expect(res.hits[0]!.highlights).toEqual({});
    await engine.search({ sort: 'bijgewerkt:desc' });
    await engine.search({ hitsPerPage: 0 });
    const verzonden = nep.aanroepenVan('multiSearch').map(([v]) => (v as { queries: { hitsPerPage: number; sort?: string[] }[] }).queries[0]);
    expect(verzonden[1]).toMatchObject({ hitsPerPage: 20, sort: ['bijgewerkt:desc'] });
    expect(verzonden[2]).toMatchObject({ hitsPerPage: 0 });
  });

  it('fails fast: a read timeout is not retried and becomes ZoekmachineOnbereikbaarError', async () => {
    const { nep, engine } = opzet();
    const fout = timeoutFout();
    nep.fout('multiSearch', fout);
    const belofte = engine.search({ q: 'x' });
    await expect(belofte).rejects.toBeInstanceOf(ZoekmachineOnbereikbaarError);
    await expect(belofte).rejects.toMatchObject({ cause: fout });
    expect(nep.aanroepenVan('multiSearch')).toHaveLength(1);
  });

  it('turns a refused search into ZoekmachineFout', async () => {
    const { nep, engine } = opzet();
    nep.fout('multiSearch', apiFout(400, 'invalid_search_filter'));
    await expect(engine.search({})).rejects.toMatchObject({ name: 'ZoekmachineFout', code: 'invalid_search_filter' });
  });
});

describe('facetCounts', () => {
  it('counts without text or hits, disjunctively, with an exact total', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('multiSearch', () => ({
      results: [
        { hits: [], totalHits: 1000, processingTimeMs: 0, facetDistribution: { regio: { 25: 1200 }, transparantieklasse: { geen: 200, volledig: 1000 } } },
        { hits: [], totalHits: 1000, processingTimeMs: 0, facetDistribution: { opleidingsniveau: { 'mbo-2': 1200, hbo: 300 } } },
      ],
    }));
    const res = await engine.facetCounts({ filters: { regio: ['25'], opleidingsniveau: ['mbo-2'] } }, ['transparantieklasse', 'opleidingsniveau']);
    expect(res).toEqual({
      totalHits: 1200,
      facetDistribution: { transparantieklasse: { geen: 200, volledig: 1000 }, opleidingsniveau: { 'mbo-2': 1200, hbo: 300 } },
    });
    const [{ queries }] = nep.aanroepenVan('multiSearch')[0] as [{ queries: unknown[] }];
    expect(queries).toEqual([
      { indexUid: 'kandidaten', filter: 'regio = "25" AND opleidingsniveau = "mbo-2"', hitsPerPage: 0, facets: ['transparantieklasse', 'regio'] },
      { indexUid: 'kandidaten', filter: 'regio = "25"', hitsPerPage: 0, facets: ['opleidingsniveau'] },
    ]);
  });
});

describe('facetValues', () => {
  it('uses facet search on string facets, without the facet\'s own selection, most frequent first', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('index(kandidaten).searchForFacetValues', () => ({
      facetHits: [{ value: 'Lassen', count: 3 }, { value: 'Laswerk', count: 9 }, { value: 'Lakken', count: 3 }],
      facetQuery: 'las',
      processingTimeMs: 0,
    }));
    const res = await engine.facetValues('vaardigheid', ' las ', { filters: { vaardigheid: ['Lassen'], regio: ['25'] } });
    expect(nep.aanroepenVan('index(kandidaten).searchForFacetValues')).toEqual([
      [{ facetName: 'vaardigheden', facetQuery: 'las', filter: 'regio = "25"', exhaustiveFacetCount: true }],
    ]);
    expect(res).toEqual([{ waarde: 'Laswerk', aantal: 9 }, { waarde: 'Lakken', aantal: 3 }, { waarde: 'Lassen', aantal: 3 }]);
  });

  it('lists regio numbers from the facet distribution, since facet search skips numbers', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('index(kandidaten).search', () => ({ hits: [], facetDistribution: { regio: { 2: 5, 25: 40, 12: 7 } } }));
    const res = await engine.facetValues('regio', '2');
    expect(nep.aanroepenVan('index(kandidaten).search')).toEqual([[null, { hitsPerPage: 0, facets: ['regio'] }]]);
    expect(res).toEqual([{ waarde: '25', aantal: 40 }, { waarde: '12', aantal: 7 }, { waarde: '2', aantal: 5 }]);
  });

  it('returns at most 50 values', async () => {
    const { nep, engine } = opzet();
    const facetHits = Array.from({ length: 80 }, (_, i) => ({ value: `waarde ${i}`, count: i }));
    nep.antwoord('index(kandidaten).searchForFacetValues', () => ({ facetHits, facetQuery: null, processingTimeMs: 0 }));
    const res = await engine.facetValues('sector', '');
    expect(res).toHaveLength(50);
    expect(res[0]).toEqual({ waarde: 'waarde 79', aantal: 79 });
    expect(nep.aanroepenVan('index(kandidaten).searchForFacetValues')[0]).toEqual([{ facetName: 'beroepssectoren', exhaustiveFacetCount: true }]);
  });
});

describe('get, count, health', () => {
  it('gets only the stored profile', async () => {
    const { nep, engine } = opzet();
    const profiel = maakProfiel();
    nep.antwoord('index(kandidaten).getDocument', () => ({ profiel }));
    await expect(engine.get(profiel.id)).resolves.toEqual(profiel);
    expect(nep.aanroepenVan('index(kandidaten).getDocument')).toEqual([[profiel.id, { fields: ['profiel'] }]]);
  });

  it('answers null for an unknown id, and for an id that cannot exist without asking', async () => {
    const { nep, engine } = opzet();
    nep.fout('index(kandidaten).getDocument', apiFout(404, 'document_not_found'));
    await expect(engine.get('onbekend')).resolves.toBeNull();
    await expect(engine.get('../../keys')).resolves.toBeNull();
    expect(nep.aanroepenVan('index(kandidaten).getDocument')).toHaveLength(1);
  });

  it('wraps other get errors', async () => {
    const { nep, engine } = opzet();
    nep.fout('index(kandidaten).getDocument', apiFout(404, 'index_not_found'));
    await expect(engine.get('abc')).rejects.toMatchObject({ name: 'ZoekmachineFout', code: 'index_not_found' });
  });

  it('counts from the index stats', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('index(kandidaten).getStats', () => ({ numberOfDocuments: 250_000 }));
    await expect(engine.count()).resolves.toBe(250_000);
  });

  it('reports health from the health endpoint', async () => {
    const { nep, engine } = opzet();
    nep.antwoord('health', () => ({ status: 'available' }));
    await expect(engine.health()).resolves.toEqual({ ok: true });
    nep.fout('health', netwerkFout());
    await expect(engine.health()).resolves.toEqual({ ok: false, detail: 'Meilisearch: health: niet bereikbaar' });
  });

  it('close waits for accepted writes', async () => {
    const { nep, engine } = opzet();
    const bijwerken = engine.upsert([maakProfiel()]);
    await engine.close();
    expect(nep.volgorde).toContain('wacht(index(kandidaten).addDocuments)');
    await bijwerken;
  });
});

describe('with the real meilisearch-js client and no Meilisearch anywhere', () => {
  it('reports health down and fails reads with ZoekmachineOnbereikbaarError when nothing listens', async () => {
    const engine = createMeilisearchEngine(config, { host: 'http://127.0.0.1:1' });
    await expect(engine.health()).resolves.toEqual({ ok: false, detail: 'Meilisearch: health: niet bereikbaar' });
    await expect(engine.search({ q: 'x' })).rejects.toBeInstanceOf(ZoekmachineOnbereikbaarError);
  });

  it('ends a read within timeoutMs when the socket never answers', async () => {
    // A listener that accepts connections and stays silent: the only way to see the client's timeout fire.
    const open: Socket[] = [];
    const stil = createServer((socket) => open.push(socket));
    await new Promise<void>((klaar) => stil.listen(0, '127.0.0.1', klaar));
    try {
      const { port } = stil.address() as AddressInfo;
      const engine = createMeilisearchEngine(config, { host: `http://127.0.0.1:${port}`, timeoutMs: 150 });
      const start = Date.now();
      await expect(engine.search({})).rejects.toMatchObject({ name: 'ZoekmachineOnbereikbaarError', message: 'Meilisearch: zoeken: time-out' });
      expect(Date.now() - start).toBeLessThan(1500);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise((klaar) => stil.close(klaar));
    }
  });
});
