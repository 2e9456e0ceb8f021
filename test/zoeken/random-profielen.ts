import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { OPLEIDINGSNIVEAUS } from '../../src/sonar/sonar-record.schema';
import { maakProfiel } from './fixtures';

// One seeded generator for tests and benchmarks.
export { prng } from '../../bench/willekeur';

export type Rng = () => number;

/** A uniformly chosen element. */
export function kies<T>(rng: Rng, lijst: readonly T[]): T {
  return lijst[Math.floor(rng() * lijst.length)]!;
}

/** Skewed towards the front of the list, so some values are common and others rare. */
export function kiesScheef<T>(rng: Rng, lijst: readonly T[]): T {
  return lijst[Math.floor(rng() * rng() * lijst.length)]!;
}

function enkele<T>(rng: Rng, lijst: readonly T[], max: number): T[] {
  const n = Math.floor(rng() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => kiesScheef(rng, lijst)))];
}

/**
 * Phrases with near neighbours on purpose: one typo apart (lassen/lossen, verpakken/verpakker), a different first
 * letter (lassen/wassen), shared prefixes, stems (schilder/schilderen/schilders), synonyms of the config,
 * diacritics, stop words, digits and characters that need escaping.
 */
export const FRASEN = [
  'Heftruck rijden', 'Vorkheftruck rijden', 'Reachtruck', 'Orderpicken', 'Orderpicker', 'Lassen', 'Lasser', 'Lossen',
  'Laden en lossen', 'Wassen', 'Ramen wassen', 'Schilder', 'Schilderen', 'Schilders', 'Schilderwerk', 'Verpakken',
  'Verpakker', 'Inpakken', 'Inpakker', 'Schoonmaak', 'Schoonmaken', 'Schoonmaakwerk', 'Reiniging', 'Hygiënisch werken',
  'Café', 'Cafe medewerker', 'Conciërge', 'Crème brûlée bakken', 'Kok', 'Koken', 'Kokken', 'Keuken', 'Catering',
  'Horeca', 'Magazijn', 'Magazijnmedewerker', 'Warehouse', 'Opslag', 'Zorg', 'Verzorging', 'Zorgverlening',
  'Persoonlijke verzorging', 'Groenvoorziening', 'Hovenier', 'Tuinonderhoud', 'Administratie', 'Administratief werk',
  'Kantoorwerk', 'ICT', 'IT-support', 'Automatisering', 'Klantcontact', 'Klantenservice', 'Callcenter',
  'Microsoft Excel', 'Word & Excel <basis>', 'R&D "lab"', "Rock 'n' roll", 'C++ programmeren', 'Programmeren',
  'Mbo-4 techniek', 'Techniek', 'Technieken', 'Metselen', 'Metselaar', 'Timmeren', 'Timmerman', 'Solderen',
  'Assembleren', 'Assemblage', 'Metaalbewerking', 'Machine bedienen', 'Machines bedienen', 'Bediening',
  'Medewerker', 'Productiemedewerker', 'Logistiek', 'Logistiek medewerker', 'Transport', 'Chauffeur',
  'Vrachtwagenchauffeur', 'Heftruckchauffeur', 'Bijrijder', 'Sorteren', 'Post sorteren', 'Archiveren',
  'Snoeien', 'Maaien', 'Bestraten', 'Straten maken', 'Stratenmaker', 'Werken met dieren', 'Dieren verzorgen',
  'Buiten werken', 'Werken in de zorg', 'Van alles', 'Øresund', 'Ærø', 'Straße', 'Ijsbaan', 'IJzer',
];

const GEMEENTEN = ['GM0268', 'GM0296', 'GM0202', 'GM0014', 'GM0363', 'GM0344', 'GM0599', 'GM0518', 'GM0855', 'GM0772'];
const RIJBEWIJZEN = ['B', 'C', 'BE', 'CE', 'D', 'T', 'AM', 'A'];

/** A random but valid profile over `FRASEN`; about one in ten has no klantprofiel at all. */
export function randomProfiel(rng: Rng, id: string, dagen: number): Kandidaatprofiel {
  const gemeenteCode = kiesScheef(rng, GEMEENTEN);
  const dag = new Date(Date.UTC(2025, 0, 1) + Math.floor(rng() * dagen) * 86_400_000).toISOString().slice(0, 10);
  if (rng() < 0.1) return maakProfiel(id, { gemeenteCode, heeftProfiel: false, bijgewerkt: dag });
  const getal = (max: number, kans: number) => (rng() < kans ? Math.round(rng() * max) : null);
  return maakProfiel(id, {
    gemeenteCode,
    bijgewerkt: dag,
    opleidingen: Array.from({ length: Math.floor(rng() * 3) }, () =>
      rng() < 0.5 ? kies(rng, OPLEIDINGSNIVEAUS) : [kies(rng, OPLEIDINGSNIVEAUS), kiesScheef(rng, FRASEN)]),
    vaardigheden: enkele(rng, FRASEN, 4),
    competenties: enkele(rng, FRASEN.slice(40), 3),
    affiniteiten: enkele(rng, FRASEN.slice(80), 2),
    beroepssectoren: enkele(rng, FRASEN.slice(20, 60), 2),
    taaksoorten: enkele(rng, FRASEN, 3),
    beroepen: enkele(rng, FRASEN.slice(10), 2),
    urenPerWeek: getal(80, 0.85),
    reisafstandKm: getal(120, 0.7),
    rijbewijs: enkele(rng, RIJBEWIJZEN, 3),
    eigenVervoer: rng() < 0.3 ? null : rng() < 0.6,
  });
}
