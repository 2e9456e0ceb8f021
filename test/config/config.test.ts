import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../src/config/config-error';
import { getEnv } from '../../src/config/env';
import { DEFAULT_SEARCH_CONFIG_DIR, loadSearchConfig } from '../../src/config/search-config';
import { TEST_API_KEYS, TEST_KLANTNUMMER_KEY, TEST_SECRET } from '../support/test-service';

describe('getEnv', () => {
  it('runs development without setup, with demo keys and a warning', () => {
    const env = getEnv({});
    expect(env).toMatchObject({ nodeEnv: 'development', port: 3000, seedDemo: true, searchEngine: 'embedded', demoSleutels: true });
    expect(env.waarschuwingen.join('\n')).toMatch(/demo-werkgever-sleutel/);
    expect(env.waarschuwingen.join('\n')).toMatch(/KV_PSEUDONYM_SECRET/);
  });

  it('refuses production without a pseudonym secret or without keys', () => {
    expect(() => getEnv({ NODE_ENV: 'production', KV_API_KEYS: TEST_API_KEYS })).toThrow(/KV_PSEUDONYM_SECRET is verplicht/);
    expect(() => getEnv({ NODE_ENV: 'production', KV_PSEUDONYM_SECRET: TEST_SECRET, KV_KLANTNUMMER_KEY: TEST_KLANTNUMMER_KEY })).toThrow(/Geen API-sleutels/);
    expect(getEnv({ NODE_ENV: 'production', KV_PSEUDONYM_SECRET: TEST_SECRET, KV_KLANTNUMMER_KEY: TEST_KLANTNUMMER_KEY, KV_API_KEYS: TEST_API_KEYS }).demoSleutels).toBe(false);
  });

  it('requires a klantnummer key of its own in production: 64 hex characters, not the pseudonym secret', () => {
    const basis = { NODE_ENV: 'production', KV_PSEUDONYM_SECRET: TEST_SECRET, KV_API_KEYS: TEST_API_KEYS } as const;
    expect(() => getEnv(basis)).toThrow(/KV_KLANTNUMMER_KEY is verplicht/);
    expect(() => getEnv({ ...basis, KV_KLANTNUMMER_KEY: 'abc123' })).toThrow(/KV_KLANTNUMMER_KEY: verwacht 64 hex-tekens/);
    expect(() => getEnv({ ...basis, KV_KLANTNUMMER_KEY: '0'.repeat(64) })).toThrow(/placeholder/);
    let fout: unknown;
    try { getEnv({ ...basis, KV_KLANTNUMMER_KEY: TEST_SECRET.toUpperCase() }); } catch (e) { fout = e; }
    expect(String(fout)).toMatch(/KV_KLANTNUMMER_KEY moet een andere sleutel zijn dan KV_PSEUDONYM_SECRET/);
    // The messages never hold a key.
    expect(String(fout)).not.toContain(TEST_SECRET.slice(0, 16));
    expect(getEnv({ ...basis, KV_KLANTNUMMER_KEY: TEST_KLANTNUMMER_KEY }).klantnummerSleutel).toBe(TEST_KLANTNUMMER_KEY);
    // Development: a fixed key with a warning.
    const ontwikkeling = getEnv({ KV_PSEUDONYM_SECRET: TEST_SECRET });
    expect(ontwikkeling.klantnummerSleutel).toMatch(/^[0-9a-f]{64}$/);
    expect(ontwikkeling.waarschuwingen.join('\n')).toContain('KV_KLANTNUMMER_KEY niet gezet');
  });

  it('refuses a weak secret and malformed keys without echoing them', () => {
    expect(() => getEnv({ KV_PSEUDONYM_SECRET: 'kort-geheim' })).toThrow(ConfigError);
    let fout: unknown;
    try { getEnv({ KV_API_KEYS: '[{"rol": "baas", "sleutel": "geheime-sleutel-123456"}' }); } catch (e) { fout = e; }
    expect(fout).toBeInstanceOf(ConfigError);
    expect((fout as Error).message).not.toContain('geheime-sleutel');
    expect(() => getEnv({ KV_API_KEYS: '[{"rol": "baas", "sleutel": "geheime-sleutel-123456"}]' })).toThrow(/0\.rol/);
    expect(() => getEnv({ KV_API_KEYS: '[{"rol": "werkgever", "sleutel": "kort"}]' })).toThrow(/0\.sleutel/);
  });

  it('reads keys from a file and validates numbers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-env-'));
    writeFileSync(path.join(dir, 'sleutels.json'), TEST_API_KEYS);
    expect(getEnv({ KV_API_KEYS_FILE: path.join(dir, 'sleutels.json') }).apiSleutels).toHaveLength(8);
    expect(() => getEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => getEnv({ SEARCH_ENGINE: 'meilisearch' })).toThrow(/MEILI_HOST/);
  });
});

describe('loadSearchConfig', () => {
  it('loads the 35 regions with 397 gemeenten and CBS codes', () => {
    const config = loadSearchConfig();
    expect(config.regios).toHaveLength(35);
    expect(config.gemeenten.size).toBe(397);
    expect(config.gemeenten.get('GM1945')).toEqual({ code: 'GM1945', naam: 'Berg en Dal', regio: 25, regioNaam: 'Rijk van Nijmegen' });
    expect(config.regios.find((r) => r.nummer === 25)!.gemeenten.map((g) => g.naam)).toEqual(['Beuningen', 'Druten', 'Berg en Dal', 'Heumen', 'Mook en Middelaar', 'Nijmegen', 'Wijchen']);
  });

  const metWijziging = (bestand: string, wijzig: (json: any) => void) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kv-config-'));
    cpSync(DEFAULT_SEARCH_CONFIG_DIR, dir, { recursive: true });
    const json = JSON.parse(readFileSync(path.join(dir, bestand), 'utf8'));
    wijzig(json);
    writeFileSync(path.join(dir, bestand), JSON.stringify(json));
    return dir;
  };

  it.each([
    ['regios.json', (j: any) => { j.regios[1].gemeenten.push(j.regios[0].gemeenten[0]); }, /regios\.1\.gemeenten\.\d+\.code: gemeentecode GM\d+ staat al in regio 1/],
    ['regios.json', (j: any) => { j.regios[0].gemeenten[0].code = 'X1'; }, /regios\.0\.gemeenten\.0\.code/],
    ['transparantie.json', (j: any) => { j.klassen[1].min = 2; }, /profielvulling 1 valt in 0 klassen/],
    ['opleidingsniveaus.json', (j: any) => { j.volgorde.pop(); }, /volgorde/],
    ['zoeken.json', (j: any) => { j.maxTotalHits = 'veel'; }, /zoeken\.json is ongeldig:\n\s+maxTotalHits/],
  ])('refuses a broken %s with the file and path named', (bestand, wijzig, melding) => {
    const dir = metWijziging(bestand, wijzig);
    expect(() => loadSearchConfig(dir)).toThrow(ConfigError);
    expect(() => loadSearchConfig(dir)).toThrow(melding);
  });
});
