import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { alleProfielen, nieuweTestOpslag } from '../support/opslag';
import { maakRecord, ndjson } from '../support/sonar-records';
import { SLEUTELS, TEST_API_KEYS, TEST_SECRET } from '../support/test-service';

const ROOT = path.resolve(__dirname, '../..');
const BATCH = 2000;

function startServer(dataDir: string, port: number, opslagEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', KV_PSEUDONYM_SECRET: TEST_SECRET, KV_API_KEYS: TEST_API_KEYS, LOG_LEVEL: 'warn', ...opslagEnv },
    stdio: 'ignore',
  });
}

async function wachtOpHealth(port: number): Promise<{ profielen: number }> {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return (await res.json()) as { profielen: number };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server kwam niet op');
}

const batchBody = (b: number) => ndjson(Array.from({ length: BATCH }, (_, i) => maakRecord(b * BATCH + i + 1, { gewijzigdOp: `2020-0${1 + (b % 9)}-01T00:00:00Z` })));

/**
 * SIGKILL during a stream of sync batches: every acknowledged batch survives, and the batch in flight is there
 * completely or not at all. Runs a few rounds here; `npm run bench -- --faults` runs more.
 */
describe('kill -9 during a large sync', () => {
  const pseudoniem = createPseudonimiseerder(TEST_SECRET);

  it.each([0, 1, 2])('round %i: acknowledged batches survive, nothing is half-applied', async (ronde) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kv-kill-'));
    const port = 41000 + Math.floor(Math.random() * 2000) + ronde;
    const plek = await nieuweTestOpslag();
    let server = startServer(dataDir, port, plek.env);
    try {
      await wachtOpHealth(port);
      const bevestigd: number[] = [];
      let b = 0;
      const killNa = 400 + ronde * 350;
      const killer = setTimeout(() => server.kill('SIGKILL'), killNa);
      const verstuurd = new Set<number>();
      try {
        for (; b < 40; b++) {
          verstuurd.add(b);
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/sync/profielen`, {
            method: 'POST', headers: { authorization: `Bearer ${SLEUTELS.sync}`, 'content-type': 'application/x-ndjson' }, body: batchBody(b),
          });
          if (res.status !== 200) throw new Error(`status ${res.status}`);
          bevestigd.push(b);
        }
      } catch { /* the kill cut the connection */ }
      clearTimeout(killer);
      await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once('exit', r)));
      expect(bevestigd.length).toBeLessThan(40);

      const opslag = await plek.open(dataDir);
      const aanwezig = new Set((await alleProfielen(opslag)).map((p) => p.id));
      await opslag.close();
      for (const batch of verstuurd) {
        const ids = Array.from({ length: BATCH }, (_, i) => pseudoniem(`S${String(batch * BATCH + i + 1).padStart(10, '0')}`));
        const n = ids.filter((id) => aanwezig.has(id)).length;
        if (bevestigd.includes(batch)) expect({ batch, n }).toEqual({ batch, n: BATCH });
        else expect([0, BATCH]).toContain(n);
      }

      server = startServer(dataDir, port, plek.env);
      const health = await wachtOpHealth(port);
      expect(health.profielen).toBe(aanwezig.size);
    } finally {
      server.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      await plek.verwijder();
    }
  });
});
