import { createReadStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEMO_SLEUTELS } from '../toegang/api-sleutels';

const HULP = `Gebruik: npm run sync -- <bestand.ndjson|bestand.json> [--volledig] [--forceer]

Stuurt een Sonar-export naar de draaiende Kandidatenverkenner (POST /api/v1/sync/profielen).
  --volledig   volledige export: profielen die er niet in staan worden verwijderd
  --forceer    ook als dat meer dan het toegestane aandeel van de mirror verwijdert
Omgeving: KV_URL (standaard http://localhost:3000), KV_SYNC_SLEUTEL (sleutel met rol sonar-sync;
in ontwikkeling de demosleutel).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { volledig: { type: 'boolean', default: false }, forceer: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${HULP}\n`);
    return values.help ? 0 : 64;
  }
  const bestand = positionals[0]!;
  let grootte: number;
  try {
    grootte = statSync(bestand).size;
  } catch {
    process.stderr.write(`Bestand niet gevonden of niet leesbaar: ${bestand}\n`);
    return 66;
  }
  const basis = process.env.KV_URL ?? 'http://localhost:3000';
  const sleutel = process.env.KV_SYNC_SLEUTEL ?? DEMO_SLEUTELS.find((s) => s.rol === 'sonar-sync')!.sleutel;
  const url = new URL('/api/v1/sync/profielen', basis);
  if (values.volledig) url.searchParams.set('modus', 'volledig');
  if (values.forceer) url.searchParams.set('forceer', 'true');

  // A JSON file that starts with '[' is an array; anything else is sent as NDJSON, streamed.
  const isArray = await begintMetHaak(bestand);
  const balk = grootte > 5_000_000 && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'sync [{bar}] {percentage}% | {value}/{total} MB', stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  balk?.start(Math.ceil(grootte / 1e6), 0);
  let verstuurd = 0;
  const teller = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      verstuurd += chunk.length;
      balk?.update(Math.floor(verstuurd / 1e6));
      cb(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(bestand).pipe(teller)) as ReadableStream;
  let antwoord: Response;
  try {
    antwoord = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${sleutel}`, 'content-type': isArray ? 'application/json' : 'application/x-ndjson' },
      body,
      duplex: 'half',
    } as RequestInit);
  } catch (err) {
    balk?.stop();
    process.stderr.write(`Kan ${basis} niet bereiken (${(err as Error).message}). Draait de service (npm start)?\n`);
    return 69;
  }
  balk?.stop();
  const tekst = await antwoord.text();
  process.stdout.write(`${tekst}\n`);
  if (!antwoord.ok) process.stderr.write(`Sync mislukt: HTTP ${antwoord.status}\n`);
  return antwoord.ok ? 0 : 1;
}

async function begintMetHaak(bestand: string): Promise<boolean> {
  for await (const chunk of createReadStream(bestand, { start: 0, end: 4095, encoding: 'utf8' })) {
    const eerste = String(chunk).replace(/^\uFEFF/, '').trimStart()[0];
    if (eerste !== undefined) return eerste === '[';
  }
  return false;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`Sync mislukt: ${(err as Error).message}\n`);
  process.exit(1);
});
