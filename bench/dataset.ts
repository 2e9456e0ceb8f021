import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './server-proces';

export interface Dataset {
  /** NDJSON, one Sonar record per line. */
  ndjson: string;
  /** `regio;periode;aantal` per region, as seed/generate.ts writes it. */
  register: string;
  profielen: number;
  /** True when this run had to generate it. */
  nieuw: boolean;
}

/** Generated exports are kept here (git-ignored): the same options always give the same bytes. */
export const DATA_MAP = path.join(ROOT, 'bench', 'data');

/**
 * The national synthetic export for these options, generated once by the seed CLI in its own process and cached.
 * Written under a temporary name first, so an interrupted run never leaves a truncated file in the cache.
 */
export async function zorgVoorDataset(opties: { profielen: number; seed: number }): Promise<Dataset> {
  mkdirSync(DATA_MAP, { recursive: true });
  const naam = `nationaal-${opties.profielen}-seed${opties.seed}`;
  const ndjson = path.join(DATA_MAP, `${naam}.ndjson`);
  const register = path.join(DATA_MAP, `${naam}.register.csv`);
  if (existsSync(ndjson) && existsSync(register) && statSync(ndjson).size > 0) return { ndjson, register, profielen: opties.profielen, nieuw: false };

  const tijdelijk = { ndjson: `${ndjson}.${process.pid}.tmp`, register: `${register}.${process.pid}.tmp` };
  try {
    await new Promise<void>((resolve, reject) => {
      const kind = spawn(process.execPath, [
        '--import', 'tsx', 'seed/generate.ts', '--profielen', String(opties.profielen), '--regios', 'alle',
        '--seed', String(opties.seed), '--uit', tijdelijk.ndjson, '--doelgroepregister', tijdelijk.register,
      ], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      kind.once('error', reject);
      kind.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed/generate.ts stopte met code ${code}`))));
    });
    renameSync(tijdelijk.register, register);
    renameSync(tijdelijk.ndjson, ndjson);
  } finally {
    rmSync(tijdelijk.ndjson, { force: true });
    rmSync(tijdelijk.register, { force: true });
  }
  return { ndjson, register, profielen: opties.profielen, nieuw: true };
}

/** Lines `van` .. `van + aantal` of an NDJSON file, as text. */
export async function leesRegels(bestand: string, van: number, aantal: number): Promise<string[]> {
  const regels: string[] = [];
  let n = 0;
  for await (const regel of createInterface({ input: createReadStream(bestand), crlfDelay: Infinity })) {
    if (n++ < van) continue;
    regels.push(regel);
    if (regels.length === aantal) break;
  }
  return regels;
}
