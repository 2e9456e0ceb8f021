import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { ROOT, vrijePoort } from './server-proces';

/** What the bare server answers: per path the service's own status-200 answer, byte for byte. */
export interface VasteAntwoorden {
  antwoorden: { pad: string; headers: Record<string, string>; body: string }[];
}

// Headers node:http sets itself per answer, or that describe the connection rather than the answer.
const EIGEN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** The raw answer bytes (not decompressed) and headers of one GET. */
export function haalRuw(basis: string, pad: string, headers: Record<string, string>): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${basis}${pad}`, { headers }, (res) => {
      const delen: Buffer[] = [];
      res.on('data', (d: Buffer) => delen.push(d));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${pad}: HTTP ${res.statusCode}`));
        const kop: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (!EIGEN_HEADERS.has(k) && typeof v === 'string') kop[k] = v;
        resolve({ headers: kop, body: Buffer.concat(delen) });
      });
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

/**
 * Asks the service each path once with `headers` and writes its answers to `bestand`, for the bare server.
 * Returns the mean size of an answer body in bytes and the content-encoding of the answers ('identity' for none).
 */
export async function legAntwoordenVast(basis: string, paden: readonly string[], headers: Record<string, string>, bestand: string): Promise<{ bytes: number; codering: string }> {
  const antwoorden: VasteAntwoorden['antwoorden'] = [];
  let bytes = 0;
  for (const pad of new Set(paden)) {
    const { headers: kop, body } = await haalRuw(basis, pad, headers);
    antwoorden.push({ pad, headers: kop, body: body.toString('base64') });
    bytes += body.length;
  }
  writeFileSync(bestand, JSON.stringify({ antwoorden } satisfies VasteAntwoorden));
  // Answers below compression's threshold (a few without hits) go as they are; name the encoding most got.
  const aantallen = new Map<string, number>();
  for (const a of antwoorden) aantallen.set(a.headers['content-encoding'] ?? 'identity', (aantallen.get(a.headers['content-encoding'] ?? 'identity') ?? 0) + 1);
  const codering = [...aantallen].sort((a, b) => b[1] - a[1])[0]![0];
  return { bytes: bytes / antwoorden.length, codering };
}

export interface KaleServer {
  basis: string;
  stop(): Promise<void>;
}

/** Starts bench/kale-server.ts in a process of its own on a free port, once it listens. */
export async function startKaleServer(bestand: string): Promise<KaleServer> {
  const port = await vrijePoort();
  const kind = spawn(process.execPath, ['--import', 'tsx', 'bench/kale-server.ts', bestand, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const gestopt = new Promise<void>((resolve) => kind.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    kind.stdout.setEncoding('utf8').on('data', (d: string) => { if (d.includes('klaar')) resolve(); });
    kind.once('error', reject);
    kind.once('exit', (code) => reject(new Error(`kale-server stopte met code ${code}`)));
  });
  return {
    basis: `http://127.0.0.1:${port}`,
    stop: async () => {
      kind.kill('SIGTERM');
      await gestopt;
    },
  };
}
