import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stuurExport } from '../../bench/api-client';
import { zorgVoorDataset } from '../../bench/dataset';
import { bearer, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from '../../bench/server-proces';
import { indexTotaal, leesRegels, SCHAAL } from './schaal';

/** A real full disk: the data dir on a tmpfs of a few megabytes. Mounting needs root (CI runs as root here). */
function probeerMount(): string | null {
  const map = mkdtempSync(path.join(tmpdir(), 'kv-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', map], { stdio: 'pipe' });
    execFileSync('umount', [map], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount -t tmpfs is hier niet toegestaan (${(err as Error).message.split('\n')[0]}); draai als root om een volle schijf echt te testen`;
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}
const reden = probeerMount();
if (reden) process.stdout.write(`schijf-vol.test.ts overgeslagen: ${reden}\n`);
const alsMountKan = reden ? it.skip : it;

/**
 * A sync that fills the disk (ENOSPC, SQLITE_FULL from SQLite itself) fails with a plain 503 and commits nothing;
 * what was acknowledged before stays, reads keep working, and once there is room again the same sync succeeds.
 */
describe('full disk during a sync', () => {
  let werkmap: string;
  let schijf: string;
  let server: ServerProces | undefined;
  beforeAll(() => {
    werkmap = mkdtempSync(path.join(tmpdir(), 'kv-schijf-'));
    schijf = path.join(werkmap, 'schijf');
    mkdirSync(schijf);
  });
  afterAll(async () => {
    await server?.kill();
    if (!reden) execFileSync('umount', ['-l', schijf], { stdio: 'ignore' });
    rmSync(werkmap, { recursive: true, force: true });
  });

  alsMountKan('fails the sync with 503, loses nothing acknowledged, shows nothing it cannot record, and recovers', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', schijf]);
    const dataset = await zorgVoorDataset({ profielen: SCHAAL.profielen, seed: 42 });
    const eerst = await leesRegels(dataset.ndjson, 0, 500);
    const groot = await leesRegels(dataset.ndjson, 500, 9_500);
    const dataDir = path.join(schijf, 'data');
    const port = await vrijePoort();
    const start = async () => {
      server = startServer({ dataDir, port, logBestand: path.join(werkmap, 'service.log') });
      return wachtOpHealth(server, { timeoutMs: 60_000 });
    };
    await start();

    const a = await stuurExport(server!.basis, { tekst: `${eerst.join('\n')}\n` }, { volledig: false });
    expect(a.status).toBe(200);

    const vol = await stuurExport(server!.basis, { tekst: `${groot.join('\n')}\n` }, { volledig: false });
    expect(vol.status).toBe(503);
    expect(vol.antwoord).toEqual({ fout: { code: 'opslag_niet_beschikbaar', melding: expect.stringContaining('er is niets verwerkt') } });
    expect(JSON.stringify(vol.antwoord)).not.toMatch(/SQLITE|disk|schijf|\/tmp\//i);
    expect(server!.uitvoer()).toMatch(/SQLITE_FULL|database or disk is full/);

    // The health check answers from what was acknowledged. A search shows people's data only once its audit record
    // is durable; on the full disk it cannot be, so the search answers 503 too, showing nothing.
    const health = await (await fetch(`${server!.basis}/health`)).json();
    expect(health).toMatchObject({ profielen: 500 });
    const zoek = await fetch(`${server!.basis}/api/v1/kandidaten?q=heftruck&hitsPerPage=5`, { headers: bearer(SLEUTELS.werkgever) });
    expect(zoek.status).toBe(503);
    expect(zoek.headers.get('retry-after')).toBe('5');
    expect(await zoek.json()).toEqual({ fout: { code: 'opslag_niet_beschikbaar', melding: expect.stringContaining('probeer het later opnieuw') } });

    // Room again: searching works at once, with what was acknowledged; the same sync goes through and survives a crash.
    execFileSync('mount', ['-o', 'remount,size=256m', schijf]);
    expect(await indexTotaal(server!.basis)).toBe(500);
    const opnieuw = await stuurExport(server!.basis, { tekst: `${groot.join('\n')}\n` }, { volledig: false });
    expect(opnieuw.status).toBe(200);
    await server!.kill();
    const na = await start();
    expect(na.profielen).toBe(10_000);
    expect(await indexTotaal(server!.basis)).toBe(10_000);
    await server!.stop();
  }, 5 * 60_000);
});
