import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sonarRecordSchema } from '../src/sonar/sonar-record.schema';

const run = promisify(execFile);
const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx');
const CLI = path.resolve(__dirname, 'generate.ts');
const generate = (...argv: string[]) => run(TSX, [CLI, ...argv], { maxBuffer: 64 * 1024 * 1024 });

describe('seed/generate.ts', () => {
  let map: string;
  beforeAll(() => {
    map = mkdtempSync(path.join(tmpdir(), 'seed-'));
  });
  afterAll(() => rmSync(map, { recursive: true, force: true }));

  it('writes NDJSON and the register CSV, byte-identical on a second run', async () => {
    const uit = path.join(map, 'a.ndjson');
    const csv = path.join(map, 'a.csv');
    await generate('--profielen', '300', '--regios', '25,26', '--seed', '5', '--uit', uit, '--doelgroepregister', csv);
    const eerste = readFileSync(uit, 'utf8');
    const regels = eerste.trimEnd().split('\n');
    expect(regels).toHaveLength(300);
    for (const regel of regels) expect(sonarRecordSchema.safeParse(JSON.parse(regel)).success).toBe(true);
    expect(readFileSync(csv, 'utf8')).toMatch(/^regio;periode;aantal\n25;2020-Q2;\d+\n26;2020-Q2;\d+\n$/);

    await generate('--profielen', '300', '--regios', '25,26', '--seed', '5', '--uit', uit);
    expect(readFileSync(uit, 'utf8')).toBe(eerste);
  });

  it('writes the demo to stdout with its register count', async () => {
    const csv = path.join(map, 'demo.csv');
    const { stdout } = await generate('--demo', '--doelgroepregister', csv);
    expect(stdout.trimEnd().split('\n')).toHaveLength(3955);
    expect(readFileSync(csv, 'utf8')).toBe('regio;periode;aantal\n25;2020-Q2;5594\n');
  });

  it.each([
    [['--profielen', 'tien'], /--profielen verwacht een geheel getal/],
    [['--profielen', '5', '--regios', '99'], /regio 99 bestaat niet/],
    [['--profielen', '5', '--periode', '2020Q2'], /periode "2020Q2" is ongeldig/],
  ])('exits with code 2 and a clear message for %j', async (argv, melding) => {
    await expect(generate(...argv)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(melding) });
  });
});
