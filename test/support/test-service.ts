import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { getEnv } from '../../src/config/env';
import { createLogger } from '../../src/logging/logger';
import { startService, type Service } from '../../src/bootstrap';
import { alleProfielen, nieuweTestOpslag, type TestOpslagplek } from './opslag';

export const SLEUTELS = {
  sync: 'test-sonar-sync-sleutel-0001',
  werkgever: 'test-werkgever-sleutel-00001',
  intermediair: 'test-intermediair-sleutel-01',
  regiomanager25: 'test-regiomanager-25-sleutel',
  regiomanager10: 'test-regiomanager-10-sleutel',
  beheer: 'test-beheer-sleutel-00000001',
  wsp25: 'test-wsp-25-sleutel-00000001',
  wsp10: 'test-wsp-10-sleutel-00000001',
} as const;

export const TEST_API_KEYS = JSON.stringify([
  { rol: 'sonar-sync', sleutel: SLEUTELS.sync },
  { rol: 'werkgever', sleutel: SLEUTELS.werkgever },
  { rol: 'intermediair', sleutel: SLEUTELS.intermediair },
  { rol: 'regiomanager', sleutel: SLEUTELS.regiomanager25, regios: [25] },
  { rol: 'regiomanager', sleutel: SLEUTELS.regiomanager10, regios: [10] },
  { rol: 'beheer', sleutel: SLEUTELS.beheer },
  // After the others, so their ids (`<rol>-<position>`) stay what the tests name.
  { rol: 'wsp', sleutel: SLEUTELS.wsp25, regios: [25] },
  { rol: 'wsp', sleutel: SLEUTELS.wsp10, regios: [10] },
]);

export const TEST_SECRET = 'a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806';
/** The klantnummers' AES-256 key in tests: 64 hex characters, not the pseudonym secret. */
export const TEST_KLANTNUMMER_KEY = '5b7e0c2d9a14f6385b7e0c2d9a14f6385b7e0c2d9a14f6387c1d0e2f3a4b5c6d';

export interface TestService extends Service {
  dataDir: string;
  /** Where this service stores (and how to reach it again after a restart). */
  plek: TestOpslagplek;
  /** Every profile in the mirror. */
  profielen(): ReturnType<typeof alleProfielen>;
  /** Everything the service logged, as text. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Starts the whole service in-process on a fresh store (a data dir, plus a database of its own when the suite runs
 * against PostgreSQL), logging into memory. Pass `bestaand` to start again on the store of an earlier one.
 */
export async function startTestService(extraEnv: Record<string, string> = {}, bestaand?: { dataDir: string; plek: TestOpslagplek }): Promise<TestService> {
  const dir = bestaand?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'kv-test-'));
  const plek = bestaand?.plek ?? await nieuweTestOpslag();
  const env = getEnv({
    NODE_ENV: 'test', DATA_DIR: dir, KV_PSEUDONYM_SECRET: TEST_SECRET, KV_KLANTNUMMER_KEY: TEST_KLANTNUMMER_KEY, KV_API_KEYS: TEST_API_KEYS, SEED_DEMO: 'false',
    // Several instances on one database must share sessions, so production with PostgreSQL requires a secret.
    KV_SESSION_SECRET: 'test-sessiegeheim-gedeeld-door-alle-instanties', LOG_LEVEL: 'debug', ...plek.env, ...extraEnv,
  });
  const regels: string[] = [];
  const logger = createLogger(env.logLevel, new Writable({ write(chunk, _enc, cb) { regels.push(String(chunk)); cb(); } }));
  const service = await startService(env, logger);
  return {
    ...service,
    dataDir: dir,
    plek,
    profielen: () => alleProfielen(service.opslag),
    logs: () => regels.join(''),
    stop: async () => {
      await service.close();
      if (!bestaand) {
        rmSync(dir, { recursive: true, force: true });
        await plek.verwijder();
      }
    },
  };
}

export const bearer = (sleutel: string) => ({ Authorization: `Bearer ${sleutel}` });
