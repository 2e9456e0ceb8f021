import type { Publiek } from '../privacy/publiek';
import type { Opleidingsniveau } from '../sonar/sonar-record.schema';

export type Transparantieklasse = 'geen' | 'beperkt' | 'redelijk' | 'volledig';

/**
 * The anonymised profile: the only shape that is stored, indexed, answered or rendered. Every field is derived
 * from an allowlist; nothing identifying (name, BSN, birth date, address, contact data, klantnummer, register
 * grondslag, consultant notes) has a place here.
 */
export interface Kandidaatprofiel {
  /** Keyed pseudonym (HMAC-SHA-256 of klantnummer), stable across syncs. */
  id: string;
  gemeenteCode: string;
  gemeente: string;
  regio: number;
  regioNaam: string;
  dienstverlener: 'UWV' | 'gemeente';
  /** False when Sonar knows the person but holds no klantprofiel. */
  heeftProfiel: boolean;
  opleidingen: { niveau: Opleidingsniveau; richting: string | null; diploma: boolean | null }[];
  /** Highest level over `opleidingen`, in the configured order; null when unknown. */
  opleidingsniveau: Opleidingsniveau | null;
  vaardigheden: string[];
  competenties: string[];
  affiniteiten: string[];
  beroepssectoren: string[];
  taaksoorten: string[];
  werkervaring: { beroep: string; jaren: number }[];
  urenPerWeek: number | null;
  dagdelen: string[];
  reisafstandKm: number | null;
  rijbewijs: string[];
  eigenVervoer: boolean | null;
  /** How many of the five parts (opleiding, vaardigheden, competenties, beroepssectoren, taaksoorten) are filled. */
  profielvulling: number;
  transparantieklasse: Transparantieklasse;
  /** Day (not time) of the last change in Sonar: enough to sort on, too coarse to link records. */
  bijgewerkt: string;
  /**
   * What employers see of the quasi-identifiers, generalised so that every combination is shared by at least k
   * profiles in the mirror (`src/privacy/`). Set when the profile is written to the mirror; null before that.
   */
  publiek: Publiekeweergave | null;
}

/** The quasi-identifiers as employers see them (`Publiek`), and whether they see the profile at all. */
export interface Publiekeweergave extends Publiek {
  /** 'nee' for the few profiles (fewer than k in the whole mirror) that no generalisation can hide: not shown. */
  zichtbaar: 'ja' | 'nee';
}

/** Every top-level field of a Kandidaatprofiel, in a fixed order (the search register stores values in it). */
export const KANDIDAATPROFIEL_VELDEN = [
  'id', 'gemeenteCode', 'gemeente', 'regio', 'regioNaam', 'dienstverlener', 'heeftProfiel', 'opleidingen',
  'opleidingsniveau', 'vaardigheden', 'competenties', 'affiniteiten', 'beroepssectoren', 'taaksoorten',
  'werkervaring', 'urenPerWeek', 'dagdelen', 'reisafstandKm', 'rijbewijs', 'eigenVervoer', 'profielvulling',
  'transparantieklasse', 'bijgewerkt', 'publiek',
] as const satisfies readonly (keyof Kandidaatprofiel)[];
// A field added to Kandidaatprofiel but not to the list would silently be lost where the list is used: a type error.
const alleVelden: Exclude<keyof Kandidaatprofiel, (typeof KANDIDAATPROFIEL_VELDEN)[number]> extends never ? true : never = true;
void alleVelden;
