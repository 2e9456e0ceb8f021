/**
 * Anonimiteit in combinatie, measured (docs/privacy.md):
 *
 *   node --expose-gc --import tsx bench/privacy-meting.ts [--profielen 250000] [--seed 42] [--uit bench/results-privacy.json]
 *     The privacy report of the demo data and of the national synthetic export (bench/data, generated once), both
 *     anonymised as the service's sync does, and the cost of the class tree on the national mirror.
 *   node --expose-gc --import tsx bench/privacy-meting.ts boom <dataDir>
 *     Child process of `npm run bench`: only the cost of the class tree on that mirror, as one JSON line.
 *   npx tsx bench/privacy-meting.ts vul <export.ndjson> <dataDir>
 *     Fills a SQLite mirror from an export as sync would (to try `boom` by hand).
 *
 * The tree's cost is a ratio to a limit leg in the same process: reading the mirror and parsing every profile
 * (what the service must do anyway to build its index), then building the tree from the leaf keys.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { genereerDemo } from '../seed/generator';
import type { Kandidaatprofiel } from '../src/anonimisering/kandidaatprofiel';
import { anonimiseer } from '../src/anonimisering/anonimiseer';
import { createKlantnummerVersleuteling } from '../src/anonimisering/klantnummer-versleuteling';
import { createPseudonimiseerder } from '../src/anonimisering/pseudoniem';
import { loadSearchConfig, type SearchConfig } from '../src/config/search-config';
import type { MirrorOpslag } from '../src/opslag/opslag.port';
import { createSqliteOpslag } from '../src/opslag/sqlite/sqlite-opslag';
import { SqliteMirror } from '../src/opslag/sqlite/mirror.sqlite';
import { Klassenboom } from '../src/privacy/klassenboom';
import { blad } from '../src/privacy/publiek';
import { formatteerPrivacyrapport, maakPrivacyrapport, type Privacyrapport } from '../src/privacy/rapport';
import { sonarRecordSchema } from '../src/sonar/sonar-record.schema';
import { zorgVoorDataset } from './dataset';
import { getal } from './rapport';
import { ROOT } from './server-proces';
import { percentiel } from './statistiek';
import { prng } from './willekeur';

export interface Boommeting {
  profielen: number;
  bladen: number;
  knopen: number;
  /** The limit leg: read the mirror and parse every profile (median of the rounds). */
  inlezenMs: number;
  /** Build the tree from the leaf keys of every profile (median of the rounds). */
  bouwMs: number;
  /** bouw / inlezen per round, median. */
  factor: number;
  /** One profile changing class: remove from one leaf, add to another, ask which leaves changed; mean. */
  wijzigingUs: number;
  /** Its p99 over single changes. */
  wijzigingP99Us: number;
}

const RONDES = 3;
/** With --expose-gc: collect before each timed phase, so one phase does not pay for the garbage of the one before. */
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const WIJZIGINGEN = 50_000;
const log = (tekst: string) => process.stderr.write(`privacy-meting: ${tekst}\n`);

/** The mirror's leaves, and the tree's cost beside the limit leg, read from the same mirror round by round. */
export async function meetBoom(mirror: MirrorOpslag, config: SearchConfig): Promise<{ meting: Boommeting; bladen: string[] }> {
  const bladen: string[] = [];
  for await (const p of mirror.alle()) bladen.push(blad(p, config));
  const rondes: { inlezen: number; bouw: number }[] = [];
  let boom: Klassenboom | null = null;
  for (let i = 0; i < RONDES; i++) {
    boom = null;
    gc();
    let t = performance.now();
    let n = 0;
    for await (const _ of mirror.alle()) n++;
    const inlezen = performance.now() - t;
    if (n !== bladen.length) throw new Error('de mirror veranderde tijdens de meting');
    gc();
    t = performance.now();
    boom = Klassenboom.bouw(bladen, config);
    rondes.push({ inlezen, bouw: performance.now() - t });
  }
  const stat = boom!.statistiek();

  // A realistic change: a profile's hours or gemeente change, so it moves from one leaf to another existing one.
  const r = prng(7);
  const huidig = [...bladen];
  const tijden = new Float64Array(WIJZIGINGEN);
  gc();
  for (let i = 0; i < WIJZIGINGEN; i++) {
    const j = Math.floor(r() * huidig.length);
    const naar = huidig[Math.floor(r() * huidig.length)]!;
    const t = performance.now();
    boom!.verwijder(huidig[j]!);
    boom!.voegToe(naar);
    boom!.neemGewijzigdeBladen();
    tijden[i] = performance.now() - t;
    huidig[j] = naar;
  }
  // The incremental tree must still answer as a fresh one.
  const vers = Klassenboom.bouw(huidig, config);
  for (const b of new Set(huidig)) if (vers.niveau(b) !== boom!.niveau(b)) throw new Error('incrementele klassenboom wijkt af van een verse');

  const microseconden = [...tijden].map((ms) => ms * 1000);
  return {
    bladen,
    meting: {
      profielen: bladen.length,
      bladen: stat.bladen,
      knopen: stat.knopen,
      inlezenMs: percentiel(rondes.map((x) => x.inlezen), 50),
      bouwMs: percentiel(rondes.map((x) => x.bouw), 50),
      factor: percentiel(rondes.map((x) => x.bouw / x.inlezen), 50),
      wijzigingUs: microseconden.reduce((a, b) => a + b, 0) / microseconden.length,
      wijzigingP99Us: percentiel(microseconden, 99),
    },
  };
}

/** Sonar records to profiles exactly as sync does: validated, only doelgroepers, anonymised. */
function maakAnonimiseerder(config: SearchConfig): (record: unknown) => Kandidaatprofiel | null {
  const pseudoniem = createPseudonimiseerder(randomBytes(32).toString('hex'));
  return (waarde) => {
    const parsed = sonarRecordSchema.safeParse(waarde);
    if (!parsed.success || !parsed.data.doelgroepregister.ingeschreven) return null;
    const a = anonimiseer(parsed.data, { config, pseudoniem });
    return a.ok ? a.profiel : null;
  };
}

async function vulMirror(ndjson: string, mirror: MirrorOpslag, config: SearchConfig): Promise<number> {
  const anoniem = maakAnonimiseerder(config);
  // The klantnummer is stored encrypted beside each profile, as the service does; with a key of this run only.
  const versleuteling = createKlantnummerVersleuteling(randomBytes(32).toString('hex'));
  let partij: { profiel: Kandidaatprofiel; klantnummer: string }[] = [];
  let n = 0;
  const spoel = async () => {
    const p = partij;
    partij = [];
    // Stored with their class but without an employer view: the tree is built from the classes, as the service does.
    if (p.length > 0) await mirror.schrijf((tx) => tx.upsert(p.map(({ profiel, klantnummer }) => ({ profiel, klasse: blad(profiel, config), klantnummer }))));
  };
  for await (const regel of createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity })) {
    if (regel.trim() === '') continue;
    const record = JSON.parse(regel) as { klantnummer: string };
    const profiel = anoniem(record);
    if (!profiel) continue;
    partij.push({ profiel, klantnummer: versleuteling.versleutel(record.klantnummer, profiel.id) });
    n++;
    if (partij.length === 5000) await spoel();
  }
  await spoel();
  return n;
}


async function volledig(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { profielen: { type: 'string', default: '250000' }, seed: { type: 'string', default: '42' }, uit: { type: 'string', default: 'bench/results-privacy.json' } } });
  const config = loadSearchConfig();

  log('demo: genereerDemo() geanonimiseerd zoals de sync');
  const anoniem = maakAnonimiseerder(config);
  const demo = genereerDemo().records.map(anoniem).filter((p): p is Kandidaatprofiel => p !== null);
  const demoRapport = maakPrivacyrapport(demo.map((p) => blad(p, config)), config);
  process.stdout.write(`\n== Demo (Rijk van Nijmegen, 2020-Q2) ==\n${formatteerPrivacyrapport(demoRapport, config)}`);

  const profielen = Number(values.profielen);
  const dataset = await zorgVoorDataset({ profielen, seed: Number(values.seed) });
  const werkmap = mkdtempSync(path.join(tmpdir(), 'kv-privacy-'));
  let nationaal: { rapport: Privacyrapport; boom: Boommeting };
  try {
    log(`landelijk: ${getal(profielen)} profielen in een verse SQLite-mirror`);
    const opslag = createSqliteOpslag(werkmap, 0);
    try {
      await vulMirror(dataset.ndjson, opslag.mirror, config);
      log('klassenboom: bouwen en wijzigen, naast het lezen van de mirror');
      const { meting, bladen } = await meetBoom(opslag.mirror, config);
      nationaal = { rapport: maakPrivacyrapport(bladen, config), boom: meting };
    } finally {
      await opslag.close();
    }
  } finally {
    rmSync(werkmap, { recursive: true, force: true });
  }
  const b = nationaal.boom;
  process.stdout.write(`\n== Landelijk, ${getal(profielen)} gegenereerde profielen, alle regio's, seed ${values.seed} ==\n${formatteerPrivacyrapport(nationaal.rapport, config)}`);
  process.stdout.write(`\n== Klassenboom (${getal(b.profielen)} profielen, ${getal(b.bladen)} bladen, ${getal(b.knopen)} knopen) ==\n`
    + `  grens: mirror lezen en elk profiel parsen  ${getal(b.inlezenMs)} ms\n`
    + `  klassenboom bouwen uit de bladsleutels    ${getal(b.bouwMs)} ms = ${getal(b.factor, 2)}× de grens (mediaan van ${RONDES} rondes)\n`
    + `  wijziging (verwijder + voegToe + neemGewijzigdeBladen)  gemiddeld ${getal(b.wijzigingUs, 2)} µs, p99 ${getal(b.wijzigingP99Us, 2)} µs (${getal(WIJZIGINGEN)} wijzigingen)\n`);
  writeFileSync(path.resolve(ROOT, values.uit), `${JSON.stringify({ datum: new Date().toISOString(), node: process.version, demo: demoRapport, nationaal }, null, 2)}\n`);
}

/** `vul <ndjson> <dataDir>`: a mirror from an export, without the service (to try the `boom` mode by hand). */
async function vulLegeMirror(ndjson: string, dataDir: string): Promise<void> {
  const opslag = createSqliteOpslag(dataDir, 0);
  try {
    log(`${getal(await vulMirror(ndjson, opslag.mirror, loadSearchConfig()))} profielen in ${dataDir}`);
  } finally {
    await opslag.close();
  }
}

async function boomVanMirror(dataDir: string): Promise<void> {
  const mirror = new SqliteMirror(dataDir, 0);
  try {
    const { meting } = await meetBoom(mirror, loadSearchConfig());
    process.stdout.write(`${JSON.stringify(meting)}\n`);
  } finally {
    await mirror.close();
  }
}

const [eerste, ...rest] = process.argv.slice(2);
const werk = eerste === 'boom' ? boomVanMirror(rest[0] ?? '') : eerste === 'vul' ? vulLegeMirror(rest[0] ?? '', rest[1] ?? '') : volledig(process.argv.slice(2));
werk.catch((err: unknown) => {
  process.stderr.write(`privacy-meting: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
