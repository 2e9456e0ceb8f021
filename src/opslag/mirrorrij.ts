import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';

/** A mirror row as both adapters read it: the profile as JSON text, and its class. */
export const naarMirrorrij = <K extends string | null>(r: { data: string; klasse: K }): { profiel: Kandidaatprofiel; klasse: K } =>
  ({ profiel: JSON.parse(r.data) as Kandidaatprofiel, klasse: r.klasse });
