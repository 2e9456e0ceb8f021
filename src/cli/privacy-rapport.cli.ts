import { parseArgs } from 'node:util';
import pino from 'pino';
import { getEnv } from '../config/env';
import { loadSearchConfig } from '../config/search-config';
import { createLogger } from '../logging/logger';
import { createOpslag } from '../opslag/create-opslag';
import { blad } from '../privacy/publiek';
import { formatteerPrivacyrapport, maakPrivacyrapport } from '../privacy/rapport';

const HULP = `Gebruik: npm run privacy:rapport [-- --json]

Hoe anoniem de profielen in combinatie zijn: de verdeling van de klassegrootten vóór generalisatie (exacte
combinaties van de quasi-identificatoren, zoals regiomanagers ze zien) en erna (wat werkgevers zien), per
quasi-identificator hoeveel profielen exact, gegeneraliseerd of niet getoond worden, en hoeveel profielen
werkgevers helemaal niet zien. Alleen tellingen, nooit waarden van een profiel.
Leest de mirror zoals de service: DATABASE_URL (PostgreSQL) of anders DATA_DIR (SQLite).
  --json   het rapport als JSON`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${HULP}\n`);
    return 0;
  }
  const env = getEnv();
  const config = loadSearchConfig();
  // stdout carries the report; the store's own messages go to stderr.
  const logger = createLogger(env.logLevel, pino.destination(2));
  const opslag = await createOpslag(env, logger);
  const bladen: string[] = [];
  try {
    for await (const p of opslag.mirror.alle()) bladen.push(blad(p, config));
  } finally {
    await opslag.close();
  }
  const rapport = maakPrivacyrapport(bladen, config);
  process.stdout.write(values.json ? `${JSON.stringify(rapport, null, 2)}\n` : formatteerPrivacyrapport(rapport, config));
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err: unknown) => {
  process.stderr.write(`Privacyrapport mislukt: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
