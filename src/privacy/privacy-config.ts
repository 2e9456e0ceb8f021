import { z } from 'zod';
import { OPLEIDINGSNIVEAUS } from '../sonar/sonar-record.schema';

/** Profile fields that can single a person out in combination, as `search-config/privacy.json` names them. */
export const QUASI_IDENTIFICATOREN = ['gemeente', 'opleidingsniveau', 'urenPerWeek', 'rijbewijs', 'eigenVervoer', 'reisafstandKm'] as const;
export type QuasiIdentificator = (typeof QUASI_IDENTIFICATOREN)[number];

/** Upper bounds (inclusive) of the bands; above the last one is the open last band. */
const bandenSchema = z.object({
  grenzen: z.array(z.number().min(0)).min(1).refine((g) => g.every((x, i) => i === 0 || x > g[i - 1]!), 'de grenzen moeten oplopen'),
}).strict();

export const privacyConfigSchema = z.object({
  toelichting: z.string().optional(),
  k: z.number().int().min(1).max(100),
  quasiIdentificatoren: z.array(z.enum(QUASI_IDENTIFICATOREN)).min(1)
    .refine((q) => new Set(q).size === q.length, 'een quasi-identificator staat er twee keer in'),
  ladders: z.object({
    gemeente: z.tuple([z.literal('arbeidsmarktregio')]),
    urenPerWeek: bandenSchema,
    reisafstandKm: bandenSchema,
    opleidingsniveau: z.array(z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      label: z.string().min(1),
      niveaus: z.array(z.enum(OPLEIDINGSNIVEAUS)).min(1),
    }).strict()).min(1),
    rijbewijs: z.tuple([z.literal('heeft-rijbewijs')]),
  }).strict(),
  /** The order in which quasi-identifiers go one rung up (every configured one exactly once). */
  volgorde: z.array(z.enum(QUASI_IDENTIFICATOREN)),
  bewaartermijnen: z.object({
    /** Months after a contactverzoek was closed. */
    contactverzoekenMaanden: z.number().int().min(1).max(120),
    auditlogMaanden: z.number().int().min(1).max(240),
  }).strict(),
}).strict().superRefine((d, ctx) => {
  const groepen = d.ladders.opleidingsniveau.flatMap((g) => g.niveaus);
  for (const n of OPLEIDINGSNIVEAUS) {
    const keer = groepen.filter((x) => x === n).length;
    if (keer !== 1) ctx.addIssue({ code: 'custom', path: ['ladders', 'opleidingsniveau'], message: `opleidingsniveau ${n} staat in ${keer} groepen; verwacht precies 1` });
  }
  for (const q of d.quasiIdentificatoren) {
    if (!d.volgorde.includes(q)) ctx.addIssue({ code: 'custom', path: ['volgorde'], message: `quasi-identificator ${q} ontbreekt in de volgorde` });
  }
  if (new Set(d.volgorde).size !== d.volgorde.length) ctx.addIssue({ code: 'custom', path: ['volgorde'], message: 'een quasi-identificator staat er twee keer in' });
});
export type PrivacyConfig = z.infer<typeof privacyConfigSchema>;
