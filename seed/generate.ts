/**
 * CLI: writes a synthetic Sonar export as NDJSON (one record per line) to a file or stdout, and optionally the
 * doelgroepregister counts as `regio;periode;aantal` CSV. See GEBRUIK in ./cli-opties.ts.
 */
import { SingleBar } from 'cli-progress';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SonarRecord } from '../src/sonar/sonar-record.schema';
import { GEBRUIK, leesOpdracht, OpdrachtFout, type Opdracht } from './cli-opties';
import { genereerDemo, genereerDoelgroepregister, genereerNationaal, type DoelgroepregisterAantal } from './generator';

/** Runs shorter than this finish before a progress bar says anything useful. */
const VOORTGANG_VANAF = 20_000;
/** Lines are joined into chunks of about this many characters: one write per record would dominate the run. */
const BROKGROOTTE = 1 << 16;

function* ndjsonBrokken(records: Iterable<SonarRecord>, voortgang: (aantal: number) => void): Generator<string> {
  let brok = '';
  let aantal = 0;
  for (const record of records) {
    brok += `${JSON.stringify(record)}\n`;
    if (++aantal % 1000 === 0) voortgang(aantal);
    if (brok.length >= BROKGROOTTE) {
      yield brok;
      brok = '';
    }
  }
  voortgang(aantal);
  if (brok) yield brok;
}

async function schrijfNdjson(records: Iterable<SonarRecord>, totaal: number, uit: string | undefined): Promise<void> {
  const balk = process.stderr.isTTY && totaal >= VOORTGANG_VANAF
    ? new SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} records | {eta_formatted}', hideCursor: true })
    : undefined;
  balk?.start(totaal, 0);
  try {
    await pipeline(Readable.from(ndjsonBrokken(records, (n) => balk?.update(n))), uit ? createWriteStream(uit) : process.stdout);
  } finally {
    balk?.stop();
  }
}

function registerCsv(aantallen: readonly DoelgroepregisterAantal[]): string {
  return ['regio;periode;aantal', ...aantallen.map((a) => `${a.regio};${a.periode};${a.aantal}`)].join('\n') + '\n';
}

function bereid(opdracht: Exclude<Opdracht, { soort: 'hulp' }>): { records: Iterable<SonarRecord>; totaal: number; register: DoelgroepregisterAantal[] } {
  if (opdracht.soort === 'demo') {
    const demo = genereerDemo();
    return { records: demo.records, totaal: demo.records.length, register: demo.doelgroepregister };
  }
  try {
    return {
      records: genereerNationaal(opdracht.opties),
      totaal: opdracht.opties.profielen,
      register: genereerDoelgroepregister(opdracht.opties),
    };
  } catch (err) {
    // The generator checks regions, seed and period against search-config: for the user these are usage errors.
    if (err instanceof RangeError) throw new OpdrachtFout(err.message, { cause: err });
    throw err;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const opdracht = leesOpdracht(argv);
    if (opdracht.soort === 'hulp') {
      process.stdout.write(GEBRUIK);
      return 0;
    }
    const start = performance.now();
    const { records, totaal, register } = bereid(opdracht);
    await schrijfNdjson(records, totaal, opdracht.uit);
    if (opdracht.doelgroepregister) await writeFile(opdracht.doelgroepregister, registerCsv(register));
    const seconden = ((performance.now() - start) / 1000).toFixed(1);
    process.stderr.write(`${totaal} records naar ${opdracht.uit ?? 'stdout'} in ${seconden} s\n`);
    return 0;
  } catch (err) {
    if (err instanceof OpdrachtFout) {
      process.stderr.write(`generate: ${err.message}\n\n${GEBRUIK}`);
      return 2;
    }
    // A reader that stops early (`| head`) is not an error.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    process.stderr.write(`generate: ${(err as Error).message}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
