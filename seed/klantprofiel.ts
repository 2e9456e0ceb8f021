import type { Faker } from '@faker-js/faker';
import type { TransparantieConfig } from '../src/config/search-config';
import type { Klantprofiel, Opleidingsniveau } from '../src/sonar/sonar-record.schema';
import { AFFINITEITEN, COMPETENTIES, SECTOREN, type Sector } from './vocabulaire';

export type Onderdeel = TransparantieConfig['onderdelen'][number];

/** The list-valued parts of a klantprofiel; which of them count for profielvulling is configuration. */
const ONDERDELEN: readonly Onderdeel[] = [
  'opleidingen', 'vaardigheden', 'competenties', 'affiniteiten', 'beroepssectoren', 'taaksoorten', 'werkervaring',
];

// How likely a counted part is among the filled ones when only some are: consultants fill sector and skills
// first, taaksoorten last.
const VULGEWICHT: Record<Onderdeel, number> = {
  beroepssectoren: 6, vaardigheden: 5, competenties: 4, opleidingen: 4, werkervaring: 3, taaksoorten: 2, affiniteiten: 2,
};

// Chance that an uncounted part is filled, for a real profile and for an almost empty one.
const KANS_ONGETELD = { profiel: 0.7, leeg: 0.35 };

// Levels of the doelgroep banenafspraak: mostly vso, praktijkonderwijs, vmbo and mbo-1/2.
const NIVEAUGEWICHTEN: { weight: number; value: Opleidingsniveau }[] = [
  { weight: 3, value: 'geen' }, { weight: 5, value: 'basisonderwijs' }, { weight: 16, value: 'vso' },
  { weight: 18, value: 'praktijkonderwijs' }, { weight: 14, value: 'vmbo' }, { weight: 14, value: 'mbo-1' },
  { weight: 14, value: 'mbo-2' }, { weight: 6, value: 'mbo-3' }, { weight: 4, value: 'mbo-4' },
  { weight: 2, value: 'havo' }, { weight: 1, value: 'vwo' }, { weight: 2, value: 'hbo' }, { weight: 1, value: 'wo' },
];

const DAGDELEN = ['ma', 'di', 'wo', 'do', 'vr'].flatMap((d) => [`${d}-ochtend`, `${d}-middag`]);
const EXTRA_DAGDELEN = ['ma-avond', 'di-avond', 'do-avond', 'za-ochtend', 'za-middag'];
const DAGVOLGORDE = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const DEELVOLGORDE = ['ochtend', 'middag', 'avond'];

const RIJBEWIJZEN: { weight: number; value: string[] }[] = [
  { weight: 50, value: [] }, { weight: 30, value: ['B'] }, { weight: 8, value: ['AM'] }, { weight: 6, value: ['AM', 'B'] },
  { weight: 3, value: ['B', 'BE'] }, { weight: 3, value: ['B', 'C', 'CE'] },
];

/** Every free-text value of a profile that the service mirrors after screening. */
export function tekstwaarden(profiel: Klantprofiel): string[] {
  return [
    ...profiel.opleidingen.flatMap((o) => (o.richting ? [o.richting] : [])),
    ...profiel.vaardigheden, ...profiel.competenties, ...profiel.affiniteiten, ...profiel.beroepssectoren,
    ...profiel.taaksoorten, ...profiel.werkervaring.map((w) => w.beroep),
  ];
}

function uniek(waarden: readonly string[]): string[] {
  return [...new Set(waarden)];
}

/** Weighted sample of `n` distinct items. */
function kiesGewogen<T>(faker: Faker, items: readonly T[], gewicht: (item: T) => number, n: number): T[] {
  const rest = [...items];
  const gekozen: T[] = [];
  while (gekozen.length < n && rest.length > 0) {
    const i = faker.helpers.weightedArrayElement(rest.map((item, index) => ({ weight: gewicht(item), value: index })));
    gekozen.push(...rest.splice(i, 1));
  }
  return gekozen;
}

function opleiding(faker: Faker, sectoren: readonly Sector[]): Klantprofiel['opleidingen'][number] {
  const niveau = faker.helpers.weightedArrayElement(NIVEAUGEWICHTEN);
  const richtingKans = niveau.startsWith('mbo') || niveau === 'hbo' || niveau === 'wo' ? 1
    : niveau === 'vmbo' ? 0.7 : niveau === 'vso' || niveau === 'praktijkonderwijs' ? 0.4 : 0;
  const richting = faker.datatype.boolean(richtingKans)
    ? faker.helpers.arrayElement(sectoren.flatMap((s) => s.opleidingsrichtingen)) : undefined;
  const diploma = niveau === 'geen' ? undefined
    : faker.helpers.weightedArrayElement([{ weight: 65, value: true }, { weight: 30, value: false }, { weight: 5, value: undefined }]);
  return {
    niveau,
    ...(richting !== undefined && { richting }),
    ...(diploma !== undefined && { diploma }),
  };
}

function beschikbaarheid(faker: Faker): Klantprofiel['beschikbaarheid'] {
  // Hours come in multiples of four (half days) mostly; a few are odd numbers agreed with an employer.
  const uren = faker.datatype.boolean(0.85) ? 4 * faker.number.int({ min: 2, max: 10 }) : faker.number.int({ min: 8, max: 40 });
  const dagdelen = faker.datatype.boolean(0.9)
    ? faker.helpers.arrayElements(DAGDELEN, Math.min(DAGDELEN.length, Math.ceil(uren / 4)))
    : [];
  if (dagdelen.length > 0 && faker.datatype.boolean(0.1)) dagdelen.push(faker.helpers.arrayElement(EXTRA_DAGDELEN));
  dagdelen.sort((a, b) => {
    const [da = '', pa = ''] = a.split('-');
    const [db = '', pb = ''] = b.split('-');
    return DAGVOLGORDE.indexOf(da) - DAGVOLGORDE.indexOf(db) || DEELVOLGORDE.indexOf(pa) - DEELVOLGORDE.indexOf(pb);
  });
  return faker.datatype.boolean(0.92) ? { urenPerWeek: uren, dagdelen } : { dagdelen };
}

/**
 * A coherent klantprofiel (1-2 sectors; skills, tasks and jobs from those sectors) with exactly
 * `profielvulling` of the `geteld` parts filled and the other counted parts empty. Profielvulling 0 gives null
 * in 70% of cases (registered without a profile), otherwise a profile with only uncounted parts.
 * `toelichting` is left to the caller, which knows the person.
 */
export function genereerKlantprofiel(faker: Faker, opts: { geteld: readonly Onderdeel[]; profielvulling: number; leeftijd: number }): Klantprofiel | null {
  const { geteld, profielvulling, leeftijd } = opts;
  if (profielvulling === 0 && faker.datatype.boolean(0.7)) return null;

  const sectoren = faker.helpers.arrayElements(SECTOREN, faker.helpers.weightedArrayElement([{ weight: 7, value: 1 }, { weight: 3, value: 2 }]));
  const gevuld = new Set(kiesGewogen(faker, geteld, (o) => VULGEWICHT[o], profielvulling));
  const kans = profielvulling > 0 ? KANS_ONGETELD.profiel : KANS_ONGETELD.leeg;
  for (const o of ONDERDELEN) if (!geteld.includes(o) && faker.datatype.boolean(kans)) gevuld.add(o);

  const als = <T>(o: Onderdeel, maak: () => T[]): T[] => (gevuld.has(o) ? maak() : []);
  const uit = (lijst: (s: Sector) => readonly string[], min: number, max: number) =>
    faker.helpers.arrayElements(uniek(sectoren.flatMap(lijst)), { min, max });

  const rijbewijs = faker.helpers.weightedArrayElement(RIJBEWIJZEN);
  return {
    opleidingen: als('opleidingen', () => Array.from({ length: faker.datatype.boolean(0.8) ? 1 : 2 }, () => opleiding(faker, sectoren))),
    vaardigheden: als('vaardigheden', () => uit((s) => s.vaardigheden, 1, 5)),
    competenties: als('competenties', () => faker.helpers.arrayElements(COMPETENTIES, { min: 1, max: 5 })),
    affiniteiten: als('affiniteiten', () => faker.helpers.arrayElements(AFFINITEITEN, { min: 1, max: 3 })),
    beroepssectoren: als('beroepssectoren', () => sectoren.map((s) => s.naam)),
    taaksoorten: als('taaksoorten', () => uit((s) => s.taaksoorten, 1, 4)),
    werkervaring: als('werkervaring', () => uit((s) => s.beroepen, 1, 3).map((beroep) => ({
      beroep,
      jaren: faker.number.int({ min: 0, max: Math.min(15, leeftijd - 16) }),
    }))),
    beschikbaarheid: beschikbaarheid(faker),
    ...(faker.datatype.boolean(0.9) && {
      reisafstandKm: faker.datatype.boolean(0.7) ? 5 * faker.number.int({ min: 1, max: 10 }) : faker.number.int({ min: 5, max: 50 }),
    }),
    ...(faker.datatype.boolean(0.95) && {
      vervoer: {
        rijbewijs: [...rijbewijs],
        eigenVervoer: faker.datatype.boolean(rijbewijs.includes('B') ? 0.75 : 0.4),
      },
    }),
  };
}
