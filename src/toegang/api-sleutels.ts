import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const ROLLEN = ['sonar-sync', 'werkgever', 'intermediair', 'regiomanager', 'wsp', 'beheer'] as const;
export type Rol = (typeof ROLLEN)[number];

/** A key's id when none is configured, and its name when none is given: `<rol>-<position in the list>`. */
const standaardId = (rol: Rol, i: number) => `${rol}-${i + 1}`;

export const apiSleutelsSchema = z.array(z.object({
  rol: z.enum(ROLLEN),
  sleutel: z.string().min(16, 'een sleutel heeft minstens 16 tekens'),
  /** Regions this key may see; absent means all (only meaningful for regiomanager and wsp). */
  regios: z.array(z.number().int().min(1).max(99)).min(1).optional(),
  naam: z.string().max(100).optional(),
  /** Stable id in the audit log (never the key itself); default `<rol>-<position in the list>`. */
  id: z.string().regex(/^[a-zA-Z0-9._-]{1,64}$/, 'een id bestaat uit letters, cijfers, punt, streepje of liggend streepje (hoogstens 64)').optional(),
}).strict()).superRefine((sleutels, ctx) => {
  const gezien = new Set<string>();
  const ids = new Set<string>();
  sleutels.forEach((s, i) => {
    if (gezien.has(s.sleutel)) ctx.addIssue({ code: 'custom', path: [i, 'sleutel'], message: 'deze sleutel komt twee keer voor' });
    gezien.add(s.sleutel);
    const id = s.id ?? standaardId(s.rol, i);
    if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'dit id komt twee keer voor' });
    ids.add(id);
  });
});
export type ApiSleutel = z.infer<typeof apiSleutelsSchema>[number];

export interface Identiteit {
  /** The key's id for the audit log and for "my contactverzoeken"; never the key. */
  id: string;
  rol: Rol;
  regios: number[] | null;
  naam: string;
}

/** Keys used when development runs without configured keys; printed at startup, refused in production. */
export const DEMO_SLEUTELS: ApiSleutel[] = [
  { rol: 'sonar-sync', sleutel: 'demo-sonar-sync-sleutel', naam: 'demo sonar-sync' },
  { rol: 'werkgever', sleutel: 'demo-werkgever-sleutel', naam: 'demo werkgever' },
  { rol: 'intermediair', sleutel: 'demo-intermediair-sleutel', naam: 'demo intermediair' },
  { rol: 'regiomanager', sleutel: 'demo-regiomanager-25-sleutel', regios: [25], naam: 'demo regiomanager Rijk van Nijmegen' },
  { rol: 'wsp', sleutel: 'demo-wsp-25-sleutel', regios: [25], naam: 'demo werkgeversservicepunt Rijk van Nijmegen' },
  { rol: 'beheer', sleutel: 'demo-beheer-sleutel', naam: 'demo beheer' },
];

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Finds the key's identity. Keys are compared as SHA-256 digests with timingSafeEqual over every configured key,
 * so neither the comparison nor an early exit tells an attacker how much of a guess was right.
 */
export function createSleutelControle(sleutels: readonly ApiSleutel[]): (aangeboden: string) => Identiteit | null {
  const bekend = sleutels.map((s, i) => ({ digest: digest(s.sleutel), identiteit: { id: s.id ?? standaardId(s.rol, i), rol: s.rol, regios: s.regios ?? null, naam: s.naam ?? standaardId(s.rol, i) } }));
  return (aangeboden) => {
    const d = digest(aangeboden);
    let gevonden: Identiteit | null = null;
    for (const k of bekend) if (timingSafeEqual(k.digest, d)) gevonden = k.identiteit;
    return gevonden;
  };
}
