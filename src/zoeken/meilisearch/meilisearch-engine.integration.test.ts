/**
 * The shared behavioural suite (test/zoeken/engine-suite.ts) against a real Meilisearch. Runs only when MEILI_HOST
 * is set (MEILI_API_KEY when the server needs one); every engine the suite asks for gets a fresh, uniquely named
 * index, deleted afterwards.
 */
import { Meilisearch } from 'meilisearch';
import { loadSearchConfig, type SearchConfig } from '../../config/search-config';
import { createMeilisearchEngine } from './meilisearch-engine';

const host = process.env.MEILI_HOST;

if (!host) {
  // Written directly: jest does not show console output of a file whose tests are all skipped.
  process.stdout.write('MEILI_HOST niet gezet: Meilisearch-integratietests overgeslagen (zet MEILI_HOST op een echte Meilisearch om ze te draaien)\n');
  describe.skip('Meilisearch-adapter tegen een echte server', () => {
    it('draait alleen met MEILI_HOST', () => undefined);
  });
} else {
  // Loaded here rather than imported at the top, so a run without a server never loads the suite.
  const { runEngineSuite } = require('../../../test/zoeken/engine-suite') as typeof import('../../../test/zoeken/engine-suite');
  const apiKey = process.env.MEILI_API_KEY;
  const run = `kv_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const indexen: string[] = [];

  runEngineSuite('meilisearch', (config?: SearchConfig) => {
    const indexUid = `${run}_${indexen.length + 1}`;
    indexen.push(indexUid);
    // A generous read timeout: a shared test server may be busy indexing for another suite.
    return createMeilisearchEngine(config ?? loadSearchConfig(), { host, apiKey, indexUid, timeoutMs: 10_000 });
  });

  afterAll(async () => {
    const client = new Meilisearch({ host, apiKey });
    for (const uid of indexen) {
      // A delete of an index that is not there is a failed task, not an error: nothing to catch.
      for (const naam of [uid, `${uid}_nieuw`]) await client.deleteIndex(naam).waitTask({ timeout: 60_000 });
    }
  });
}
