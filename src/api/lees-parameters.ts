import type { z } from 'zod';
import { naarVeldfouten } from '../validatie/veldfouten';
import { VerzoekFout } from './fouten.middleware';

/**
 * Parses a query string with a strict schema; unknown or bad parameters give 400 naming them. `naSequentie` is
 * allowed on every read: the naSequentie middleware has handled it before any route runs.
 */
export function leesQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const { naSequentie: _, ...rest } = (query ?? {}) as Record<string, unknown>;
  const parsed = schema.safeParse(rest);
  if (!parsed.success) throw new VerzoekFout('ongeldige queryparameters', naarVeldfouten(parsed.error.issues, { wortel: '(query)', noemOnbekendeSleutels: true }));
  return parsed.data;
}

/** Parses one path parameter; a bad value gives 400 naming the parameter, never repeating the value. */
export function leesPadParameter<T extends z.ZodType>(schema: T, waarde: unknown, naam: string): z.infer<T> {
  const parsed = schema.safeParse(waarde);
  if (!parsed.success) throw new VerzoekFout(`ongeldige ${naam}`, parsed.error.issues.map((i) => ({ pad: naam, melding: i.message })));
  return parsed.data;
}

/** Parses a JSON body with a strict schema; problems give 400 with their paths. */
export function leesBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new VerzoekFout('ongeldige body', naarVeldfouten(parsed.error.issues, { wortel: '(body)', noemOnbekendeSleutels: true }));
  return parsed.data;
}
