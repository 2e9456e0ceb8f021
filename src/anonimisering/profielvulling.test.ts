import { loadSearchConfig } from '../config/search-config';
import { bepaalProfielvulling, bepaalTransparantieklasse, type Profielonderdelen } from './profielvulling';

const { transparantie } = loadSearchConfig();

const gevuld: Profielonderdelen = {
  heeftProfiel: true,
  opleidingen: [{ niveau: 'mbo-2', richting: 'Logistiek', diploma: true }],
  vaardigheden: ['Heftruck rijden'],
  competenties: ['Nauwkeurig'],
  affiniteiten: ['Werken met dieren'],
  beroepssectoren: ['Transport en logistiek'],
  taaksoorten: ['Inpakken'],
  werkervaring: [{ beroep: 'Orderpicker', jaren: 2 }],
};

/** The first `n` parts the real config counts filled, its other parts empty; the uncounted parts stay filled. */
function metGevuld(n: number): Profielonderdelen {
  const profiel = { ...gevuld };
  for (const onderdeel of transparantie.onderdelen.slice(n)) profiel[onderdeel] = [];
  return profiel;
}

describe('the real transparantie config', () => {
  it('counts the five parts named in the profile type', () => {
    expect(transparantie.onderdelen).toEqual(['opleidingen', 'vaardigheden', 'competenties', 'beroepssectoren', 'taaksoorten']);
  });
});

describe('bepaalProfielvulling', () => {
  it.each([0, 1, 2, 3, 4, 5])('counts %i filled parts, ignoring parts the config does not name', (n) => {
    expect(bepaalProfielvulling(metGevuld(n), transparantie)).toBe(n);
  });

  it('is 0 without a klantprofiel', () => {
    expect(bepaalProfielvulling({ ...metGevuld(5), heeftProfiel: false }, transparantie)).toBe(0);
  });

  it('follows the configured onderdelen', () => {
    expect(bepaalProfielvulling(metGevuld(0), { onderdelen: ['affiniteiten', 'werkervaring', 'vaardigheden'] })).toBe(2);
  });
});

describe('bepaalTransparantieklasse', () => {
  it.each([
    [0, 'geen'],
    [1, 'beperkt'],
    [2, 'beperkt'],
    [3, 'redelijk'],
    [4, 'redelijk'],
    [5, 'volledig'],
  ] as const)('puts vulling %i in class %s', (vulling, klasse) => {
    expect(bepaalTransparantieklasse(vulling, transparantie)).toBe(klasse);
  });

  it('throws a RangeError for a vulling outside every class', () => {
    expect(() => bepaalTransparantieklasse(6, transparantie)).toThrow(RangeError);
  });
});
