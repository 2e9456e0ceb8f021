import { spawn } from 'node:child_process';
import { ROOT } from './server-proces';

/**
 * Runs one of the benchmark's child processes (`node <nodeArgs> --import tsx <script> <args>`) and resolves with the
 * JSON of its last stdout line and its wall time from spawn to exit, in ms.
 */
export function kindproces<T>(script: string, args: readonly string[], nodeArgs: readonly string[] = []): Promise<{ uitkomst: T; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const kind = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let uit = '';
    kind.stdout.setEncoding('utf8').on('data', (d: string) => { uit += d; });
    kind.once('error', reject);
    kind.once('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`${script} ${args[0] ?? ''} stopte met code ${code}`));
      resolve({ uitkomst: JSON.parse(uit.trim().split('\n').at(-1)!) as T, ms });
    });
  });
}
