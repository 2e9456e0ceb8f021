import { z } from 'zod';
import demoJson from './demo-2020Q2.json';

/*
 * The published UWV table 'Transparantie van klantprofielen', 2020-Q2, Rijk van Nijmegen, copied into
 * seed/demo-2020Q2.json: the shared reference folder is not part of the repository.
 */
const aantallenSchema = z.object({
  geen: z.number().int().min(0), beperkt: z.number().int().min(0), redelijk: z.number().int().min(0),
  volledig: z.number().int().min(0), totaal: z.number().int().min(0),
}).strict();
const demoTabelSchema = z.object({
  bron: z.string(),
  periode: z.literal('2020-Q2'),
  regio: z.object({ nummer: z.number().int(), naam: z.string() }).strict(),
  rijen: z.array(aantallenSchema.extend({ gemeente: z.string(), gemeenteCode: z.string().regex(/^GM\d{4}$/) })).min(1),
  totaal: aantallenSchema,
  doelgroepregister: z.object({
    regio: z.number().int(), periode: z.literal('2020-Q2'), aantal: z.number().int().min(0), bekendInSonarPercentage: z.number(),
  }).strict(),
}).strict().superRefine((d, ctx) => {
  const codes = ['geen', 'beperkt', 'redelijk', 'volledig'] as const;
  d.rijen.forEach((r, i) => {
    if (codes.reduce((a, k) => a + r[k], 0) !== r.totaal) ctx.addIssue({ code: 'custom', path: ['rijen', i], message: 'klassen tellen niet op tot totaal' });
  });
  for (const k of [...codes, 'totaal'] as const) {
    if (d.rijen.reduce((a, r) => a + r[k], 0) !== d.totaal[k]) ctx.addIssue({ code: 'custom', path: ['totaal', k], message: 'rijen tellen niet op tot totaal' });
  }
});

export type DemoTabel = z.infer<typeof demoTabelSchema>;

/** The demo table, validated: a typo in the copied numbers fails loudly instead of skewing the demo. */
export function leesDemoTabel(): DemoTabel {
  return demoTabelSchema.parse(demoJson);
}
