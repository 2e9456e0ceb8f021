/**
 * Child process of the benchmark: the limit legs of sync and cold start, each in a fresh process like the service.
 * Prints one JSON line on stdout.
 *
 *   node --import tsx bench/grens-meting.ts sqlite <dataDir> <legeMap> <seed>
 *     The mirror's anonymised rows, read first and shuffled as an export's pseudonyms come, inserted into a fresh
 *     SQLite file with the mirror's schema and pragmas: one prepared statement, one transaction. Timed: the insert,
 *     three times into three fresh files; the median counts.
 *   node --max-old-space-size=1024 --import tsx bench/grens-meting.ts inlezen <dataDir>
 *     Reads the mirror and parses every profile, nothing else; the parent times it from spawn to exit.
 */
import path from 'node:path';
import { openDatabase } from '../src/opslag/sqlite/sqlite';
import { SqliteMirror } from '../src/opslag/sqlite/mirror.sqlite';
import { percentiel } from './statistiek';
import { prng, schud } from './willekeur';

export interface SqliteGrens { rijen: number; ms: number }

const HERHALINGEN = 3;
export interface InleesGrens { profielen: number }

async function sqlite(dataDir: string, legeMap: string, seed: number): Promise<SqliteGrens> {
  const mirror = new SqliteMirror(dataDir, 0);
  const rijen: [string, string][] = [];
  for await (const p of mirror.alle()) rijen.push([p.id, JSON.stringify(p)]);
  schud(rijen, prng(seed));
  await mirror.close();
  const tijden: number[] = [];
  for (let i = 0; i < HERHALINGEN; i++) {
    // A fresh mirror file with the service's own schema (its migrations) and pragmas.
    const db = openDatabase(path.join(legeMap, `grens-${i}`), 'mirror', 'de grensmeting');
    const insert = db.prepare('INSERT INTO profielen (id, data) VALUES (?, ?)');
    const t = performance.now();
    db.transaction(() => { for (const [id, data] of rijen) insert.run(id, data); })();
    tijden.push(performance.now() - t);
    db.close();
  }
  return { rijen: rijen.length, ms: percentiel(tijden, 50) };
}

async function inlezen(dataDir: string): Promise<InleesGrens> {
  const mirror = new SqliteMirror(dataDir, 0);
  let profielen = 0;
  for await (const _ of mirror.alle()) profielen++;
  await mirror.close();
  return { profielen };
}

const [soort, dataDir, legeMap, seed] = process.argv.slice(2);
if (!dataDir || (soort === 'sqlite' && !legeMap)) throw new Error('gebruik: grens-meting.ts <sqlite dataDir legeMap seed | inlezen dataDir>');
void (soort === 'sqlite' ? sqlite(dataDir, legeMap!, Number(seed ?? 1)) : inlezen(dataDir)).then((uitkomst) => {
  process.stdout.write(`${JSON.stringify(uitkomst)}\n`);
});
