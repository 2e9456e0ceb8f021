import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { HealthStatus } from '../src/api/health.routes';
import { STANDAARD_ZOEKTHREADS } from '../src/config/env';

export const ROOT = path.resolve(__dirname, '..');

/** Keys of the service processes the benchmark and the load and fault tests start. */
export const SLEUTELS = {
  sync: 'bench-sonar-sync-sleutel-001',
  werkgever: 'bench-werkgever-sleutel-0001',
  beheer: 'bench-beheer-sleutel-0000001',
} as const;

const API_KEYS = JSON.stringify([
  { rol: 'sonar-sync', sleutel: SLEUTELS.sync },
  { rol: 'werkgever', sleutel: SLEUTELS.werkgever },
  { rol: 'beheer', sleutel: SLEUTELS.beheer },
]);
/** Exported so the fault tests can compute the pseudonyms (profile ids) of the records they send. */
export const PSEUDONYM_SECRET = 'b7e2c4a19f3d5806b7e2c4a19f3d5806b7e2c4a19f3d5806b7e2c4a19f3d5806';

export const bearer = (sleutel: string) => ({ authorization: `Bearer ${sleutel}` });

/** A port nobody listens on right now (the kernel's pick); the child binds it a moment later. */
export async function vrijePoort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProces {
  readonly basis: string;
  readonly proces: ChildProcess;
  /** Resident set size of the service process now, in MB (from /proc). */
  rssMb(): number;
  /** SIGTERM and wait for the exit (the service closes its mirror cleanly). */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit: a crash, nothing is flushed or closed. */
  kill(): Promise<void>;
  /** The last part of what the process wrote, for a failure message. */
  uitvoer(): string;
}

export interface ServerOpties {
  dataDir: string;
  port: number;
  /** Written by the process (stdout and stderr), so the parent spends no time on its logs. */
  logBestand: string;
  env?: Record<string, string>;
  /** Another entry than src/server.ts (relative to the repository), e.g. bench/audit-server.ts. */
  script?: string;
  /** An IPC channel to the process (`proces.send`), for an entry that takes commands. */
  ipc?: boolean;
}

/**
 * Starts `src/server.ts` as its own process, the way `npm start` runs it (search threads included, which the test
 * environment leaves out by default), with the keys above and no demo data.
 */
export function startServer(opties: ServerOpties): ServerProces {
  const log = openSync(opties.logBestand, 'a');
  const proces = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', opties.script ?? 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test', PORT: String(opties.port), HOST: '127.0.0.1', DATA_DIR: opties.dataDir, SEED_DEMO: 'false',
      KV_PSEUDONYM_SECRET: PSEUDONYM_SECRET, KV_API_KEYS: API_KEYS, LOG_LEVEL: 'info', KV_ZOEKTHREADS: String(STANDAARD_ZOEKTHREADS),
      ...opties.env,
    },
    stdio: opties.ipc ? ['ignore', log, log, 'ipc'] : ['ignore', log, log],
  });
  closeSync(log);
  const beeindigd = new Promise<void>((resolve) => proces.once('exit', () => resolve()));
  const eindig = async (signaal: NodeJS.Signals) => {
    if (proces.exitCode === null && proces.signalCode === null) proces.kill(signaal);
    await beeindigd;
  };
  return {
    basis: `http://127.0.0.1:${opties.port}`,
    proces,
    rssMb: () => {
      const status = readFileSync(`/proc/${proces.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    stop: () => eindig('SIGTERM'),
    kill: () => eindig('SIGKILL'),
    uitvoer: () => {
      try {
        return readFileSync(opties.logBestand, 'utf8').slice(-4000);
      } catch {
        return '';
      }
    },
  };
}

/** Polls /health until it answers 200 and `klaar` holds; throws with the server's output when it dies or times out. */
export async function wachtOpHealth(server: ServerProces, opties: { timeoutMs: number; klaar?: (h: HealthStatus) => boolean }): Promise<HealthStatus> {
  const tot = Date.now() + opties.timeoutMs;
  while (Date.now() < tot) {
    if (server.proces.exitCode !== null || server.proces.signalCode !== null) {
      throw new Error(`de service stopte (${server.proces.exitCode ?? server.proces.signalCode}):\n${server.uitvoer()}`);
    }
    try {
      const res = await fetch(`${server.basis}/health`);
      if (res.ok) {
        const health = (await res.json()) as HealthStatus;
        if (!opties.klaar || opties.klaar(health)) return health;
      }
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`de service kwam niet op binnen ${opties.timeoutMs} ms:\n${server.uitvoer()}`);
}
