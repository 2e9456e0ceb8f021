import { z } from 'zod';
import { PERIODE_MELDING, PERIODE_PATROON } from './periode';

/*
 * The shapes of the transparency figures: the frozen counts a snapshot stores (validated again when read back)
 * and the answers of the API. Types are inferred from these schemas; `.meta({ id })` names them in the OpenAPI
 * document.
 */

export const periodeSchema = z.string().regex(PERIODE_PATROON, PERIODE_MELDING);
const aantal = z.number().int().min(0);
const klassecode = z.enum(['geen', 'beperkt', 'redelijk', 'volledig']);
const regioKop = z.object({ nummer: z.number().int(), naam: z.string() });

/** Per gemeente the number of profiles in each class, in the order of `klassen`, grouped by region. */
export const telstandSchema = z.object({
  klassen: z.array(z.object({ code: klassecode, label: z.string() })).min(1),
  regios: z.array(regioKop.extend({
    gemeenten: z.array(z.object({ code: z.string(), naam: z.string(), aantallen: z.array(aantal) })),
  })),
});
export type Telstand = z.infer<typeof telstandSchema>;

export const doelgroepregisterTellingSchema = z.object({ regio: z.number().int(), periode: periodeSchema, aantal })
  .meta({ id: 'DoelgroepregisterTelling', description: 'Aantal personen in het doelgroepregister banenafspraak van een regio in een kwartaal' });

export const SNAPSHOTOORZAKEN = ['handmatig', 'automatisch', 'demo'] as const;
export const snapshotinfoSchema = z.object({
  periode: periodeSchema,
  gemaakt: z.string().meta({ description: 'Moment van bevriezen (ISO 8601, UTC)' }),
  oorzaak: z.enum(SNAPSHOTOORZAKEN).meta({ description: 'automatisch: bij de eerste sync na afloop van het kwartaal' }),
}).meta({ id: 'Snapshotinfo' });
export type Snapshotinfo = z.infer<typeof snapshotinfoSchema>;

/** A frozen quarter: every region's counts and, per region, the register count that applied at that moment. */
export const snapshotSchema = snapshotinfoSchema.extend({ stand: telstandSchema, doelgroepregister: z.array(doelgroepregisterTellingSchema) });
export type Snapshot = z.infer<typeof snapshotSchema>;

const dekkingSchema = z.object({
  aantal,
  bekendInSonarPercentage: z.number().int().nullable().meta({ description: 'Aandeel van het register dat in Sonar bekend is, afgerond op een heel procent; null als het register 0 telt' }),
  periode: periodeSchema.meta({ description: 'Kwartaal van de registertelling; bij een live rapport zo nodig het laatste eerdere kwartaal' }),
}).meta({ id: 'Dekking' });
export type Dekking = z.infer<typeof dekkingSchema>;

const kop = {
  periode: periodeSchema.meta({ description: 'Het kwartaal; bij een live rapport het lopende kwartaal' }),
  live: z.boolean().meta({ description: 'true: de stand van de zoekindex nu; false: een bevroren kwartaal' }),
  peilmoment: z.string().meta({ description: 'Moment waarop geteld is (ISO 8601, UTC)' }),
  kolommen: z.array(z.string()).meta({ description: 'De transparantieklassen en "totaal"; elke rij heeft waarden in deze volgorde', example: ['geen', 'beperkt', 'redelijk', 'volledig', 'totaal'] }),
  kolomlabels: z.array(z.string()),
  doelgroepregister: dekkingSchema.nullable().meta({ description: 'null als er geen registertelling is; `melding` zegt dan waarom' }),
  melding: z.string().optional(),
};
const waarden = z.array(aantal);

export const regiorapportSchema = z.object({
  soort: z.literal('regio'),
  ...kop,
  regio: regioKop,
  rijen: z.array(z.object({ gemeente: z.string(), gemeenteCode: z.string(), waarden })),
  totaal: z.object({ label: z.literal('TOTAAL AMR'), waarden }),
}).meta({ id: 'Regiorapport', description: 'Transparantie van klantprofielen van één arbeidsmarktregio, per gemeente' });
export type Regiorapport = z.infer<typeof regiorapportSchema>;

export const landelijkOverzichtSchema = z.object({
  soort: z.literal('landelijk'),
  ...kop,
  rijen: z.array(z.object({ regio: regioKop, waarden, doelgroepregister: dekkingSchema.nullable() })),
  totaal: z.object({ label: z.literal('TOTAAL NEDERLAND'), waarden }),
}).meta({ id: 'LandelijkOverzicht', description: 'Transparantie van klantprofielen per arbeidsmarktregio' });
export type LandelijkOverzicht = z.infer<typeof landelijkOverzichtSchema>;

export const trendSchema = z.object({
  regio: regioKop,
  kolommen: z.array(z.string()),
  kolomlabels: z.array(z.string()),
  kwartalen: z.array(z.object({ periode: periodeSchema, waarden, doelgroepregister: dekkingSchema.nullable() })),
}).meta({ id: 'Trend', description: 'De klassen van één regio over de bevroren kwartalen, oudste eerst' });
export type Trend = z.infer<typeof trendSchema>;

export const periodesSchema = z.object({
  huidig: periodeSchema.meta({ description: 'Het lopende kwartaal (zonder snapshot: live)' }),
  snapshots: z.array(snapshotinfoSchema),
}).meta({ id: 'Periodes' });
export type Periodes = z.infer<typeof periodesSchema>;
