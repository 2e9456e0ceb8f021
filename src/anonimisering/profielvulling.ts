import type { TransparantieConfig } from '../config/search-config';
import type { Kandidaatprofiel, Transparantieklasse } from './kandidaatprofiel';

type Onderdeel = TransparantieConfig['onderdelen'][number];

/** The parts of an anonymised profile that decide its profielvulling. */
export type Profielonderdelen = Pick<Kandidaatprofiel, 'heeftProfiel' | Onderdeel>;

/**
 * Counts the configured onderdelen that are non-empty. Pass the anonymised (screened) profile: a skill that
 * screening removed entirely does not count. Without a klantprofiel the vulling is 0.
 */
export function bepaalProfielvulling(profiel: Profielonderdelen, transparantie: Pick<TransparantieConfig, 'onderdelen'>): number {
  if (!profiel.heeftProfiel) return 0;
  return transparantie.onderdelen.filter((onderdeel) => profiel[onderdeel].length > 0).length;
}

/**
 * The configured class whose min..max holds `vulling`. The config schema guarantees exactly one class for
 * 0..onderdelen.length, so a RangeError means a vulling that was not computed from that config.
 */
export function bepaalTransparantieklasse(vulling: number, transparantie: Pick<TransparantieConfig, 'klassen'>): Transparantieklasse {
  const klasse = transparantie.klassen.find((k) => k.min <= vulling && vulling <= k.max);
  if (klasse === undefined) throw new RangeError(`profielvulling ${vulling} valt in geen transparantieklasse`);
  return klasse.code;
}
