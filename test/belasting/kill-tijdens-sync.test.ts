import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stuurExport } from '../../bench/api-client';
import { zorgVoorDataset } from '../../bench/dataset';
import { startServer, vrijePoort, wachtOpHealth, type ServerProces } from '../../bench/server-proces';
import { prng } from '../../bench/willekeur';
import { alleProfielen, nieuweTestOpslag, type TestOpslagplek } from '../support/opslag';
import { idVan, indexTotaal, leesRegels, SCHAAL } from './schaal';

const SEED = Number(process.env.KV_BELASTING_SEED ?? Date.now() % 1_000_000);

async function mirrorIds(plek: TestOpslagplek, dataDir: string): Promise<Set<string>> {
  const opslag = await plek.open(dataDir);
  try {
    return new Set((await alleProfielen(opslag)).map((p) => p.id));
  } finally {
    await opslag.close();
  }
}

const gelijk = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const naam = (toestanden: Record<string, Set<string>>, s: Set<string>) => Object.entries(toestanden).find(([, t]) => gelijk(t, s))?.[0];

/**
 * SIGKILL at a random moment of a large sync, SCHAAL.kills times on one data dir. Each round sends a small batch
 * (bijwerken) and then a large full export (everything sent so far plus new records), and kills the service while
 * they run. After each kill the mirror must hold exactly the acknowledged syncs, plus the one in flight either
 * whole or not at all; after the restart /health and the search index (totalHits) must both equal the mirror.
 */
describe(`kill -9 at random moments of large syncs (${SCHAAL.kills}×, seed ${SEED})`, () => {
  let werkmap: string;
  let plek: TestOpslagplek;
  let server: ServerProces | undefined;
  beforeAll(async () => {
    werkmap = mkdtempSync(path.join(tmpdir(), 'kv-kill-'));
    plek = await nieuweTestOpslag();
  });
  afterAll(async () => {
    await server?.kill();
    rmSync(werkmap, { recursive: true, force: true });
    await plek.verwijder();
  });

  it('loses no acknowledged sync, half-applies none, and rebuilds the index to equal the mirror', async () => {
    const r = prng(SEED);
    const nodig = SCHAAL.kills * (SCHAAL.killBatch + SCHAAL.killGroot);
    expect(nodig).toBeLessThanOrEqual(SCHAAL.profielen);
    const dataset = await zorgVoorDataset({ profielen: SCHAAL.profielen, seed: 42 });
    const regels = await leesRegels(dataset.ndjson, 0, nodig);
    const dataDir = path.join(werkmap, 'data');
    const port = await vrijePoort();
    const start = async () => {
      server = startServer({ dataDir, port, logBestand: path.join(werkmap, 'service.log'), env: plek.env });
      return wachtOpHealth(server, { timeoutMs: 120_000 });
    };

    let bekend = new Set<string>();
    let verstuurd = 0;
    /** Records per ms, measured on the syncs that finished; sets how long a round may run before the kill. */
    let tempo = 2;
    const verloop: string[] = [];
    await start();
    for (let ronde = 0; ronde < SCHAAL.kills; ronde++) {
      const batch = regels.slice(verstuurd, verstuurd + SCHAAL.killBatch);
      const groot = regels.slice(0, verstuurd + SCHAAL.killBatch + SCHAAL.killGroot);
      verstuurd += SCHAAL.killBatch + SCHAAL.killGroot;
      const naBatch = new Set([...bekend, ...batch.map(idVan)]);
      const naGroot = new Set(groot.map(idVan));

      const bevestigd: string[] = [];
      const killNa = 20 + r() * 1.2 * (batch.length + groot.length) / tempo;
      const begin = performance.now();
      const killer = setTimeout(() => void server!.kill(), killNa);
      try {
        const a = await stuurExport(server!.basis, { tekst: `${batch.join('\n')}\n` }, { volledig: false });
        if (a.status === 200) bevestigd.push('batch');
        const b = await stuurExport(server!.basis, { tekst: `${groot.join('\n')}\n` }, { volledig: true });
        if (b.status === 200) bevestigd.push('export');
        tempo = (batch.length + groot.length) / (performance.now() - begin);
      } catch { /* the kill broke the connection */ }
      clearTimeout(killer);
      await server!.kill();

      const toestanden: Record<string, Set<string>> = bevestigd.includes('export') ? { export: naGroot }
        : bevestigd.includes('batch') ? { batch: naBatch, export: naGroot }
          : { ervoor: bekend, batch: naBatch };
      const na = await mirrorIds(plek, dataDir);
      const toestand = naam(toestanden, na);
      verloop.push(`ronde ${ronde}: kill na ${Math.round(killNa)} ms, bevestigd [${bevestigd.join(', ')}], mirror = ${toestand ?? `ONBEKEND (${na.size})`}`);
      expect({ ronde, toestand }).toEqual({ ronde, toestand: expect.any(String) });
      bekend = na;

      const health = await start();
      expect({ ronde, profielen: health.profielen, index: await indexTotaal(server!.basis), status: health.status })
        .toEqual({ ronde, profielen: bekend.size, index: bekend.size, status: 'ok' });
    }
    process.stdout.write(`${verloop.join('\n')}\n`);
    // The rounds must really have cut syncs short, or this test proves nothing.
    expect(verloop.filter((v) => !v.includes('bevestigd [batch, export]')).length).toBeGreaterThan(SCHAAL.kills / 3);
  }, 30 * 60_000);
});
