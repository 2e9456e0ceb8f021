import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { getEnv } from '../../src/config/env';
import { createLogger } from '../../src/logging/logger';
import { startService, type Service } from '../../src/bootstrap';

export const SLEUTELS = {
  sync: 'test-sonar-sync-sleutel-0001',
  werkgever: 'test-werkgever-sleutel-00001',
  intermediair: 'test-intermediair-sleutel-01',
  regiomanager25: 'test-regiomanager-25-sleutel',
  regiomanager10: 'test-regiomanager-10-sleutel',
  beheer: 'test-beheer-sleutel-00000001',
} as const;

export const TEST_API_KEYS = JSON.stringify([
  { rol: 'sonar-sync', sleutel: SLEUTELS.sync },
  { rol: 'werkgever', sleutel: SLEUTELS.werkgever },
  { rol: 'intermediair', sleutel: SLEUTELS.intermediair },
  { rol: 'regiomanager', sleutel: SLEUTELS.regiomanager25, regios: [25] },
  { rol: 'regiomanager', sleutel: SLEUTELS.regiomanager10, regios: [10] },
  { rol: 'beheer', sleutel: SLEUTELS.beheer },
]);

export const TEST_SECRET = 'a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806';

export interface TestService extends Service {
  dataDir: string;
  /** Everything the service logged, as text. */
  logs(): string;
  stop(): Promise<void>;
}

/** Starts the whole service in-process on a fresh data dir, logging into memory. */
export async function startTestService(extraEnv: Record<string, string> = {}, dataDir?: string): Promise<TestService> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'kv-test-'));
  const env = getEnv({
    NODE_ENV: 'test', DATA_DIR: dir, KV_PSEUDONYM_SECRET: TEST_SECRET, KV_API_KEYS: TEST_API_KEYS, SEED_DEMO: 'false',
    LOG_LEVEL: 'debug', ...extraEnv,
  });
  const regels: string[] = [];
  const logger = createLogger(env.logLevel, new Writable({ write(chunk, _enc, cb) { regels.push(String(chunk)); cb(); } }));
  const service = await startService(env, logger);
  return {
    ...service,
    dataDir: dir,
    logs: () => regels.join(''),
    stop: async () => {
      await service.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (sleutel: string) => ({ Authorization: `Bearer ${sleutel}` });
