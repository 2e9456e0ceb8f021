import { loadSearchConfig } from '../../config/search-config';
import { documentMaker } from './document';
import { maakProfiel } from './nep-meilisearch.testhulp';

const maakDocument = documentMaker(loadSearchConfig());

describe('documentMaker', () => {
  it('keeps the exact profile and flattens facets, rank, hours and date beside it', () => {
    const publiek = { zichtbaar: 'ja' as const, regio: '25', gemeente: 'niet getoond', opleidingsniveau: 'mbo-2-3', uren: '12-24', reisafstand: '15', rijbewijs: ['heeft-rijbewijs'], eigenVervoer: 'ja' };
    const profiel = maakProfiel({ opleidingsniveau: 'mbo-2', eigenVervoer: true, publiek });
    expect(maakDocument(profiel)).toEqual({
      id: profiel.id,
      profiel,
      regio: 25,
      gemeente: 'GM0268',
      opleidingsniveau: 'mbo-2',
      opleidingsniveauRang: 6,
      beroepssectoren: ['Transport en logistiek'],
      taaksoorten: ['Inpakken', 'Sorteren'],
      competenties: ['Nauwkeurig'],
      vaardigheden: ['Heftruck rijden', 'Orderpicken'],
      affiniteiten: ['Werken met dieren'],
      rijbewijs: ['B'],
      eigenVervoer: 'ja',
      transparantieklasse: 'volledig',
      urenPerWeek: 24,
      reisafstandKm: 15,
      bijgewerkt: '2026-11-01',
      publiekRegio: '25',
      publiekGemeente: 'niet getoond',
      publiekOpleidingsniveau: 'mbo-2-3',
      publiekUren: '12-24',
      publiekRijbewijs: ['heeft-rijbewijs'],
      publiekEigenVervoer: 'ja',
      publiekZichtbaar: 'ja',
    });
  });

  it('stores the onbekend marker where a part is empty, and null for missing numbers', () => {
    const profiel = maakProfiel({
      opleidingen: [], opleidingsniveau: null, vaardigheden: [], competenties: [], affiniteiten: [], beroepssectoren: [],
      taaksoorten: [], rijbewijs: [], eigenVervoer: null, urenPerWeek: null, reisafstandKm: null, transparantieklasse: 'geen',
    });
    const doc = maakDocument(profiel);
    expect(doc).toMatchObject({
      opleidingsniveau: 'onbekend',
      opleidingsniveauRang: null,
      beroepssectoren: ['onbekend'],
      taaksoorten: ['onbekend'],
      competenties: ['onbekend'],
      vaardigheden: ['onbekend'],
      affiniteiten: ['onbekend'],
      rijbewijs: ['onbekend'],
      eigenVervoer: 'onbekend',
      urenPerWeek: null,
      reisafstandKm: null,
    });
    expect(doc.profiel).toBe(profiel);
    expect(profiel.vaardigheden).toEqual([]);
  });

  it('writes eigenVervoer false as nee', () => {
    expect(maakDocument(maakProfiel({ eigenVervoer: false })).eigenVervoer).toBe('nee');
  });

  it('survives JSON unchanged, so the profile Meilisearch returns is the one we stored', () => {
    const profiel = maakProfiel({ opleidingen: [{ niveau: 'hbo', richting: null, diploma: null }] });
    expect(JSON.parse(JSON.stringify(maakDocument(profiel))).profiel).toEqual(profiel);
  });
});
