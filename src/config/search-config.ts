import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OPLEIDINGSNIVEAUS } from '../sonar/sonar-record.schema';
import { ConfigError } from './config-error';
import { privacyConfigSchema, type PrivacyConfig } from '../privacy/privacy-config';

const gemeenteSchema = z.object({ code: z.string().regex(/^GM\d{4}$/), naam: z.string().min(1) }).strict();
const regiosSchema = z.object({
  bron: z.string(),
  regios: z.array(z.object({
    nummer: z.number().int().min(1).max(99),
    naam: z.string().min(1),
    gemeenten: z.array(gemeenteSchema).min(1),
  }).strict()).min(1),
}).strict().superRefine((data, ctx) => {
  const codes = new Map<string, number>();
  const nummers = new Set<number>();
  data.regios.forEach((regio, r) => {
    if (nummers.has(regio.nummer)) ctx.addIssue({ code: 'custom', path: ['regios', r, 'nummer'], message: `regionummer ${regio.nummer} komt twee keer voor` });
    nummers.add(regio.nummer);
    regio.gemeenten.forEach((g, i) => {
      if (codes.has(g.code)) ctx.addIssue({ code: 'custom', path: ['regios', r, 'gemeenten', i, 'code'], message: `gemeentecode ${g.code} staat al in regio ${codes.get(g.code)}` });
      codes.set(g.code, regio.nummer);
    });
  });
});

const opleidingsniveausSchema = z.object({
  toelichting: z.string().optional(),
  volgorde: z.array(z.object({ code: z.enum(OPLEIDINGSNIVEAUS), label: z.string().min(1) }).strict()),
}).strict().refine(
  (d) => d.volgorde.length === OPLEIDINGSNIVEAUS.length && new Set(d.volgorde.map((n) => n.code)).size === OPLEIDINGSNIVEAUS.length,
  { message: 'elk opleidingsniveau van het Sonar-contract moet precies één keer in de volgorde staan', path: ['volgorde'] },
);

const ONDERDELEN = ['opleidingen', 'vaardigheden', 'competenties', 'beroepssectoren', 'taaksoorten', 'affiniteiten', 'werkervaring'] as const;
const transparantieSchema = z.object({
  toelichting: z.string().optional(),
  onderdelen: z.array(z.enum(ONDERDELEN)).min(1),
  klassen: z.array(z.object({
    code: z.enum(['geen', 'beperkt', 'redelijk', 'volledig']),
    label: z.string().min(1),
    min: z.number().int().min(0),
    max: z.number().int().min(0),
  }).strict()).length(4),
}).strict().superRefine((d, ctx) => {
  // The classes must partition 0..onderdelen.length: every profielvulling falls in exactly one class.
  for (let n = 0; n <= d.onderdelen.length; n++) {
    const hits = d.klassen.filter((k) => k.min <= n && n <= k.max).length;
    if (hits !== 1) ctx.addIssue({ code: 'custom', path: ['klassen'], message: `profielvulling ${n} valt in ${hits} klassen; verwacht precies 1` });
  }
});

const zoekenSchema = z.object({
  toelichting: z.string().optional(),
  doorzoekbaar: z.array(z.object({ veld: z.string().min(1), gewicht: z.number().int().min(1).max(100) }).strict()).min(1),
  facetten: z.array(z.object({ naam: z.string().regex(/^[a-zA-Z]+$/), veld: z.string().optional(), label: z.string().min(1) }).strict()).min(1),
  onbekend: z.string().min(1),
  maxWaardenPerFacet: z.number().int().min(100).max(100000),
  maxTotalHits: z.number().int().min(1).max(100000),
  maxHitsPerPage: z.number().int().min(1).max(1000),
  typfouten: z.object({ minWoordlengteEenTypfout: z.number().int().min(1), minWoordlengteTweeTypfouten: z.number().int().min(1) }).strict(),
  stopwoorden: z.array(z.string().min(1)),
  synoniemen: z.array(z.array(z.string().min(1)).min(2)),
}).strict();

export type RegioConfig = z.infer<typeof regiosSchema>['regios'][number];
export type TransparantieConfig = z.infer<typeof transparantieSchema>;
export type ZoekConfig = z.infer<typeof zoekenSchema>;

export interface GemeenteInfo { code: string; naam: string; regio: number; regioNaam: string }

export interface SearchConfig {
  regios: RegioConfig[];
  /** CBS gemeentecode to gemeente and its arbeidsmarktregio. */
  gemeenten: ReadonlyMap<string, GemeenteInfo>;
  opleidingsniveaus: z.infer<typeof opleidingsniveausSchema>['volgorde'];
  transparantie: TransparantieConfig;
  zoeken: ZoekConfig;
  /** k-anonymity of what employers see, and retention terms (`privacy.json`). */
  privacy: PrivacyConfig;
}

export const DEFAULT_SEARCH_CONFIG_DIR = path.resolve(__dirname, '../../search-config');

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const full = path.join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (err) {
    throw new ConfigError(`search-config/${file}: niet te lezen als JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`search-config/${file} is ongeldig:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Reads and validates every file under `search-config/`; throws a ConfigError naming file and path. */
export function loadSearchConfig(dir: string = DEFAULT_SEARCH_CONFIG_DIR): SearchConfig {
  const { regios } = readJson(dir, 'regios.json', regiosSchema);
  const gemeenten = new Map<string, GemeenteInfo>();
  for (const r of regios) for (const g of r.gemeenten) gemeenten.set(g.code, { ...g, regio: r.nummer, regioNaam: r.naam });
  return {
    regios,
    gemeenten,
    opleidingsniveaus: readJson(dir, 'opleidingsniveaus.json', opleidingsniveausSchema).volgorde,
    transparantie: readJson(dir, 'transparantie.json', transparantieSchema),
    zoeken: readJson(dir, 'zoeken.json', zoekenSchema),
    privacy: readJson(dir, 'privacy.json', privacyConfigSchema),
  };
}
