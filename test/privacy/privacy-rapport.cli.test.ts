import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { loadSearchConfig } from '../../src/config/search-config';
import { blad } from '../../src/privacy/publiek';
import { maakPrivacyrapport } from '../../src/privacy/rapport';
import { maakRecord, ndjson } from '../support/sonar-records';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';

const ROOT = path.resolve(__dirname, '../..');
const draai = (args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/privacy-rapport.cli.ts', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env } });

describe('npm run privacy:rapport', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService();
    const records = Array.from({ length: 30 }, (_, i) => maakRecord(i + 1));
    const sync = await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).set('Content-Type', 'application/x-ndjson').send(ndjson(records));
    expect(sync.status).toBe(200);
  });
  afterAll(async () => { await svc.stop(); });

  it('rapporteert over de mirror van de service (DATA_DIR of DATABASE_URL), als JSON en als tekst', async () => {
    const env = { DATA_DIR: svc.dataDir, ...svc.plek.env };
    const config = loadSearchConfig();
    const profielen = await svc.profielen();
    expect(profielen).toHaveLength(30);
    const json = await draai(['--json'], env);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(maakPrivacyrapport(profielen.map((p) => blad(p, config)), config))));
    const tekst = await draai([], env);
    expect(tekst.stdout).toContain('Anonimiteit in combinatie: 30 profielen, k = 5');
    expect(tekst.stdout).not.toMatch(/GM\d{4}/);
  });
});
