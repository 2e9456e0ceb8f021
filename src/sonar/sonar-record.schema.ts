import { z } from 'zod';
import { voldoetAanElfproef } from '../anonimisering/screening';

/**
 * The Sonar export contract (../shared/design/sonar-export.md). Identifying fields are validated so that a
 * malformed record is refused, but they are only ever read by the anonymisation module.
 */
export const OPLEIDINGSNIVEAUS = [
  'geen', 'basisonderwijs', 'vso', 'praktijkonderwijs', 'vmbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4',
  'havo', 'vwo', 'hbo', 'wo',
] as const;
export const opleidingsniveauSchema = z.enum(OPLEIDINGSNIVEAUS);
export type Opleidingsniveau = z.infer<typeof opleidingsniveauSchema>;

const korteTekst = z.string().trim().min(1).max(200);
const tekstLijst = z.array(korteTekst).max(100);

export const klantprofielSchema = z.object({
  opleidingen: z.array(z.object({
    niveau: opleidingsniveauSchema,
    richting: korteTekst.optional(),
    diploma: z.boolean().optional(),
  }).strict()).max(20).default([]),
  vaardigheden: tekstLijst.default([]),
  competenties: tekstLijst.default([]),
  affiniteiten: tekstLijst.default([]),
  beroepssectoren: tekstLijst.default([]),
  taaksoorten: tekstLijst.default([]),
  werkervaring: z.array(z.object({
    beroep: korteTekst,
    jaren: z.number().min(0).max(60),
  }).strict()).max(50).default([]),
  beschikbaarheid: z.object({
    urenPerWeek: z.number().min(0).max(80).optional(),
    dagdelen: z.array(z.string().regex(/^(ma|di|wo|do|vr|za|zo)-(ochtend|middag|avond)$/)).max(21).default([]),
  }).strict().optional(),
  reisafstandKm: z.number().min(0).max(500).optional(),
  vervoer: z.object({
    rijbewijs: z.array(z.string().regex(/^[A-Z]{1,2}E?$|^AM$/)).max(12).default([]),
    eigenVervoer: z.boolean().optional(),
  }).strict().optional(),
  toelichting: z.string().max(20000).optional(),
}).strict();
export type Klantprofiel = z.infer<typeof klantprofielSchema>;

export const sonarRecordSchema = z.object({
  klantnummer: z.string().regex(/^S\d{10}$/, 'verwacht S gevolgd door 10 cijfers'),
  bsn: z.string().regex(/^\d{9}$/, 'verwacht 9 cijfers').refine(voldoetAanElfproef, 'voldoet niet aan de 11-proef').optional(),
  naam: z.object({
    voornaam: z.string().max(200).optional(),
    tussenvoegsel: z.string().max(50).optional(),
    achternaam: z.string().max(200).optional(),
  }).strict().optional(),
  geboortedatum: z.iso.date().optional(),
  adres: z.object({
    straat: z.string().max(200).optional(),
    huisnummer: z.string().max(20).optional(),
    postcode: z.string().max(10).optional(),
    woonplaats: z.string().max(200).optional(),
  }).strict().optional(),
  telefoon: z.string().max(40).optional(),
  email: z.string().max(320).optional(),
  gemeenteCode: z.string().regex(/^GM\d{4}$/, 'verwacht een CBS-gemeentecode zoals GM0268'),
  dienstverlener: z.enum(['UWV', 'gemeente']),
  doelgroepregister: z.object({
    ingeschreven: z.boolean(),
    grondslag: z.string().max(100).optional(),
  }).strict(),
  klantprofiel: klantprofielSchema.nullable(),
  gewijzigdOp: z.iso.datetime({ offset: true }),
}).strict();
export type SonarRecord = z.infer<typeof sonarRecordSchema>;

export const tombstoneSchema = z.object({
  klantnummer: sonarRecordSchema.shape.klantnummer,
  verwijderd: z.literal(true),
}).strict();
export type Tombstone = z.infer<typeof tombstoneSchema>;
