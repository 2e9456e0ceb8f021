import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { valideerKlantnummerSleutel } from '../anonimisering/klantnummer-versleuteling';
import { validatePseudonymSecret } from '../anonimisering/pseudoniem';
import { apiSleutelsSchema, DEMO_SLEUTELS, type ApiSleutel } from '../toegang/api-sleutels';
import { ConfigError } from './config-error';

const boolFromEnv = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: SQLite files in DATA_DIR (one process). Set: the PostgreSQL database that every instance shares. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'verwacht een postgres://-adres').optional(),
  /** How long change log entries are kept; an instance that was away longer rebuilds its index from the mirror. */
  KV_WIJZIGINGSLOG_BEWAARTIJD_S: z.coerce.number().min(0).max(30 * 86400).default(86400),
  /**
   * How often an instance looks for changes it was not notified of (a missed notification costs this much), and
   * retries an engine that did not answer (its index is then built from the mirror).
   */
  KV_VOLG_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  /** The longest a read with `?naSequentie=` waits for this instance to apply that change. */
  KV_NA_SEQUENTIE_MAX_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  KV_PSEUDONYM_SECRET: z.string().optional(),
  /** AES-256 key (64 hex characters) for the klantnummers the werkgeversservicepunt may look up; not the pseudonym secret. */
  KV_KLANTNUMMER_KEY: z.string().optional(),
  KV_API_KEYS: z.string().optional(),
  KV_API_KEYS_FILE: z.string().optional(),
  SEED_DEMO: boolFromEnv.default(true),
  SEARCH_ENGINE: z.enum(['embedded', 'meilisearch']).default('embedded'),
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('kandidaten'),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  /**
   * Embedded engine: threads that answer searches, each with its own copy of the bitmaps (some 100 MB at 250,000
   * profiles); 0 searches in the main thread. Default STANDAARD_ZOEKTHREADS, except in tests (0: no threads to
   * start and stop in every test).
   */
  KV_ZOEKTHREADS: z.coerce.number().int().min(0).max(16).optional(),
  /** Largest share of the mirror a full export may remove without `forceer=true`. */
  KV_MAX_VERWIJDERAANDEEL: z.coerce.number().min(0).max(1).default(0.1),
  /** Largest JSON-array sync body; NDJSON is streamed and only limited per line. */
  KV_MAX_JSON_BODY: z.string().regex(/^\d+(kb|mb|gb)$/i).default('64mb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per window on search and pages, per API key and per client IP; defaults depend on NODE_ENV. */
  KV_RATE_LIMIT_PER_SLEUTEL: z.coerce.number().int().min(1).optional(),
  KV_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).optional(),
  KV_RATE_LIMIT_VENSTER_S: z.coerce.number().int().min(1).max(3600).default(60),
  /** Reverse proxies in front of the service whose X-Forwarded-For is trusted; 0 means clients connect directly. */
  KV_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Signs the pages' session cookie; at least 32 characters. Changing it signs everybody out. */
  KV_SESSION_SECRET: z.string().min(32, 'KV_SESSION_SECRET moet minstens 32 tekens lang zijn').optional(),
});

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  wijzigingslogBewaartijdMs: number;
  volgIntervalMs: number;
  naSequentieMaxMs: number;
  pseudonymSecret: string;
  /** 64 hex characters: the AES-256-GCM key of the klantnummers kept in the mirror. */
  klantnummerSleutel: string;
  apiSleutels: ApiSleutel[];
  /** True when the demo keys are in use (development without configured keys). */
  demoSleutels: boolean;
  seedDemo: boolean;
  searchEngine: 'embedded' | 'meilisearch';
  meili: { host: string; apiKey?: string; indexUid: string; timeoutMs: number } | null;
  zoekthreads: number;
  maxVerwijderaandeel: number;
  maxJsonBody: string;
  rateLimiet: { perSleutel: number; perIp: number; vensterMs: number };
  trustProxy: number;
  sessieGeheim: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  waarschuwingen: string[];
}

/**
 * Production limits a person using the pages or an employer's application stays far below, and a scraper does not;
 * elsewhere limits so high that tests and benchmarks are never throttled (the middleware still runs).
 */
const RATE_LIMIET_STANDAARD = {
  production: { perSleutel: 1200, perIp: 1200 },
  anders: { perSleutel: 1_000_000, perIp: 1_000_000 },
} as const;

/** Search threads of the embedded engine outside tests: one per core of the reference machine. */
export const STANDAARD_ZOEKTHREADS = 2;

// Development only: a fixed secret keeps pseudonyms stable between restarts of a local demo.
const DEV_PSEUDONYM_SECRET = 'ontwikkeling-alleen-niet-voor-productie-0123456789abcdef0123456789';
// Development only, for the same reason: klantnummers encrypted in a local mirror stay readable after a restart.
const DEV_KLANTNUMMER_KEY = '0de71a2b3c4d5e6f0de71a2b3c4d5e6f00ac0ff1ce0de71a2b3c4d5e6f0de7aa';

function leesSleutels(raw: z.infer<typeof envSchema>): ApiSleutel[] | null {
  let tekst: string | undefined = raw.KV_API_KEYS;
  let bron = 'KV_API_KEYS';
  if (!tekst && raw.KV_API_KEYS_FILE) {
    bron = 'KV_API_KEYS_FILE';
    try {
      tekst = readFileSync(raw.KV_API_KEYS_FILE, 'utf8');
    } catch (err) {
      throw new ConfigError(`${bron}: bestand niet te lezen (${(err as NodeJS.ErrnoException).code ?? 'onbekende fout'})`, { cause: err });
    }
  }
  if (!tekst) return null;
  let json: unknown;
  try {
    json = JSON.parse(tekst);
  } catch {
    // The message of JSON.parse can quote the input, and the input is secret.
    throw new ConfigError(`${bron}: geen geldige JSON`);
  }
  const parsed = apiSleutelsSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`${bron} is ongeldig:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** Reads `process.env` once into a typed, validated object; throws ConfigError with every problem named. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(`Ongeldige omgevingsvariabelen:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const raw = parsed.data;
  const productie = raw.NODE_ENV === 'production';
  const waarschuwingen: string[] = [];

  /** A key from the environment, checked; unset, the fixed development value with a warning (refused in production). */
  const sleutelOfOntwikkelwaarde = (naam: string, waarde: string | undefined, ontwikkel: { waarde: string; wat: string },
    valideer: (w: string) => { ok: true } | { ok: false; melding: string }): string => {
    if (waarde === undefined) {
      if (productie) throw new ConfigError(`${naam} is verplicht als NODE_ENV=production`);
      waarschuwingen.push(`${naam} niet gezet: ${ontwikkel.wat} wordt gebruikt. Nooit zo in productie.`);
    }
    const gekozen = waarde ?? ontwikkel.waarde;
    const uitkomst = valideer(gekozen);
    if (!uitkomst.ok) throw new ConfigError(`${naam}: ${uitkomst.melding}`);
    return gekozen;
  };
  const pseudonymSecret = sleutelOfOntwikkelwaarde('KV_PSEUDONYM_SECRET', raw.KV_PSEUDONYM_SECRET,
    { waarde: DEV_PSEUDONYM_SECRET, wat: 'het vaste ontwikkelgeheim' }, validatePseudonymSecret);
  const klantnummerSleutel = sleutelOfOntwikkelwaarde('KV_KLANTNUMMER_KEY', raw.KV_KLANTNUMMER_KEY,
    { waarde: DEV_KLANTNUMMER_KEY, wat: 'de vaste ontwikkelsleutel' }, valideerKlantnummerSleutel);
  // One secret for both would undo their separation: whoever recomputes pseudonyms could also read klantnummers.
  if (klantnummerSleutel.toLowerCase() === pseudonymSecret.toLowerCase()) {
    throw new ConfigError('KV_KLANTNUMMER_KEY moet een andere sleutel zijn dan KV_PSEUDONYM_SECRET');
  }

  let apiSleutels = leesSleutels(raw);
  let demoSleutels = false;
  if (!apiSleutels || apiSleutels.length === 0) {
    if (productie) throw new ConfigError('Geen API-sleutels: zet KV_API_KEYS of KV_API_KEYS_FILE (verplicht als NODE_ENV=production)');
    apiSleutels = DEMO_SLEUTELS;
    demoSleutels = true;
    waarschuwingen.push(`Geen API-sleutels ingesteld: demosleutels actief:\n${DEMO_SLEUTELS.map((s) => `  ${s.rol.padEnd(13)} ${s.sleutel}${s.regios ? ` (regio's ${s.regios.join(', ')})` : ''}`).join('\n')}`);
  }

  // Without a configured secret a random one: safe, but sign-ins end at every restart and are not shared between instances.
  const sessieGeheim = raw.KV_SESSION_SECRET ?? randomBytes(32).toString('hex');
  if (productie && raw.KV_SESSION_SECRET === undefined) waarschuwingen.push('KV_SESSION_SECRET niet gezet: aanmeldingen op de pagina\'s vervallen bij elke herstart.');

  // Several instances behind one address: a sign-in made on one must count on the others.
  if (productie && raw.DATABASE_URL && raw.KV_SESSION_SECRET === undefined) {
    throw new ConfigError('KV_SESSION_SECRET is verplicht als NODE_ENV=production en DATABASE_URL gezet is: alle instanties moeten dezelfde sessies herkennen');
  }
  if (raw.SEARCH_ENGINE === 'meilisearch' && !raw.MEILI_HOST) throw new ConfigError('SEARCH_ENGINE=meilisearch vraagt MEILI_HOST');
  const rateLimietStandaard = RATE_LIMIET_STANDAARD[productie ? 'production' : 'anders'];

  return {
    nodeEnv: raw.NODE_ENV,
    port: raw.PORT,
    host: raw.HOST,
    dataDir: path.resolve(raw.DATA_DIR),
    databaseUrl: raw.DATABASE_URL ?? null,
    wijzigingslogBewaartijdMs: raw.KV_WIJZIGINGSLOG_BEWAARTIJD_S * 1000,
    volgIntervalMs: raw.KV_VOLG_INTERVAL_MS,
    naSequentieMaxMs: raw.KV_NA_SEQUENTIE_MAX_MS,
    pseudonymSecret,
    klantnummerSleutel,
    apiSleutels,
    demoSleutels,
    seedDemo: raw.SEED_DEMO,
    searchEngine: raw.SEARCH_ENGINE,
    meili: raw.MEILI_HOST ? { host: raw.MEILI_HOST, apiKey: raw.MEILI_API_KEY, indexUid: raw.MEILI_INDEX, timeoutMs: raw.MEILI_TIMEOUT_MS } : null,
    zoekthreads: raw.KV_ZOEKTHREADS ?? (raw.NODE_ENV === 'test' ? 0 : STANDAARD_ZOEKTHREADS),
    maxVerwijderaandeel: raw.KV_MAX_VERWIJDERAANDEEL,
    maxJsonBody: raw.KV_MAX_JSON_BODY,
    rateLimiet: {
      perSleutel: raw.KV_RATE_LIMIT_PER_SLEUTEL ?? rateLimietStandaard.perSleutel,
      perIp: raw.KV_RATE_LIMIT_PER_IP ?? rateLimietStandaard.perIp,
      vensterMs: raw.KV_RATE_LIMIT_VENSTER_S * 1000,
    },
    trustProxy: raw.KV_TRUST_PROXY,
    sessieGeheim,
    logLevel: raw.LOG_LEVEL,
    waarschuwingen,
  };
}
