import fc from 'fast-check';
import { loadSearchConfig, type SearchConfig } from '../config/search-config';
import { opleidingsniveauMinWaarden, urenFilterwaarden } from './filters';
import { blad, leesBlad, NIET_GETOOND, publiek, publiekeCombinatie, publiekLabel, publiekVanWaarden, OngeldigBladError } from './publiek';
import { aantalNiveaus, bandVan, regels, stadiumVan } from './regels';
import { testprofiel } from './testprofiel';

const config = loadSearchConfig();
const met = (privacy: Partial<SearchConfig['privacy']>): SearchConfig => ({ ...config, privacy: { ...config.privacy, ...privacy } });

const volledig = testprofiel({
  gemeenteCode: 'GM0268', opleidingsniveau: 'mbo-2', urenPerWeek: 32, rijbewijs: ['BE', 'B'], eigenVervoer: true, reisafstandKm: 12.6,
});

describe('niveaus', () => {
  it('heeft met de standaardconfig 10 niveaus: eerst elke ladder één trede omhoog in de volgorde, dan onderdrukken', () => {
    expect(aantalNiveaus(config)).toBe(10);
    expect(regels(config).stappen.map((s) => `${s.soort} ${s.qi}`)).toEqual([
      'generaliseer urenPerWeek', 'generaliseer rijbewijs', 'generaliseer opleidingsniveau', 'generaliseer gemeente',
      'onderdruk urenPerWeek', 'onderdruk rijbewijs', 'onderdruk opleidingsniveau', 'onderdruk eigenVervoer', 'onderdruk gemeente',
    ]);
  });

  it('is op het laatste niveau alles onderdrukt en elk niveau grover dan het vorige', () => {
    const r = regels(config);
    expect(r.stadia[9]).toEqual(r.qis.map(() => 2));
    for (let n = 1; n < r.stadia.length; n++) {
      expect(r.stadia[n]!.every((s, i) => s >= r.stadia[n - 1]![i]!)).toBe(true);
      expect(r.stadia[n]!.filter((s, i) => s !== r.stadia[n - 1]![i]).length).toBe(1);
    }
  });

  it('neemt reisafstand mee als die een quasi-identificator is, en slaat eigenVervoer over bij de treden', () => {
    const c = met({ quasiIdentificatoren: ['reisafstandKm', 'eigenVervoer'], volgorde: ['eigenVervoer', 'reisafstandKm'] });
    expect(regels(c).stappen).toEqual([
      { qi: 'reisafstandKm', soort: 'generaliseer' }, { qi: 'eigenVervoer', soort: 'onderdruk' }, { qi: 'reisafstandKm', soort: 'onderdruk' },
    ]);
    expect(stadiumVan(regels(c), 1, 'reisafstandKm')).toBe(1);
    expect(stadiumVan(regels(c), 3, 'gemeente')).toBe(0);
    expect(() => stadiumVan(regels(c), 4, 'eigenVervoer')).toThrow(RangeError);
  });
});

describe('bandVan', () => {
  it('gebruikt de grenzen als bovengrens, tot en met', () => {
    const g = [12, 24, 32];
    expect([0, 12, 12.01, 24, 24.5, 32, 32.5, 80].map((x) => bandVan(x, g))).toEqual(['0-12', '0-12', '12-24', '12-24', '24-32', '24-32', '32+', '32+']);
    expect(bandVan(7, [7.5, 20])).toBe('0-7.5');
    expect(bandVan(8, [7.5, 20])).toBe('7.5-20');
  });
});

describe('blad', () => {
  it('is kort en canoniek: de exacte waarden van de quasi-identificatoren, onbekend als leeg', () => {
    expect(blad(volledig, config)).toBe('GM0268|mbo-2|32|B,BE|j');
    expect(blad(testprofiel(), config)).toBe('GM0268||||');
    expect(blad(testprofiel({ eigenVervoer: false, urenPerWeek: 0 }), config)).toBe('GM0268||0||n');
  });

  it('laat zich teruglezen', () => {
    expect(leesBlad(blad(volledig, config), config)).toEqual({
      gemeente: 'GM0268', opleidingsniveau: 'mbo-2', urenPerWeek: 32, reisafstandKm: null, rijbewijs: ['B', 'BE'], eigenVervoer: true,
    });
    expect(() => leesBlad('GM0268|mbo-2', config)).toThrow(OngeldigBladError);
    expect(() => leesBlad('GM0268||x||', config)).toThrow(OngeldigBladError);
  });

  it('hangt af van welke quasi-identificatoren er zijn', () => {
    const c = met({ quasiIdentificatoren: ['reisafstandKm', 'gemeente'], volgorde: ['gemeente', 'reisafstandKm'] });
    expect(blad(volledig, c)).toBe('GM0268|12.6');
  });
});

describe('publiek', () => {
  it('toont op niveau 0 alles exact, uren en reisafstand afgerond', () => {
    expect(publiek({ ...volledig, urenPerWeek: 32.4 }, 0, config)).toEqual({
      regio: '25', gemeente: 'GM0268', opleidingsniveau: 'mbo-2', uren: '32', reisafstand: '13', rijbewijs: ['B', 'BE'], eigenVervoer: 'ja',
    });
    expect(publiek(testprofiel(), 0, config)).toEqual({
      regio: '25', gemeente: 'GM0268', opleidingsniveau: 'onbekend', uren: 'onbekend', reisafstand: 'onbekend', rijbewijs: [], eigenVervoer: 'onbekend',
    });
  });

  it('gaat per niveau één trede omhoog', () => {
    const per = Array.from({ length: 10 }, (_, n) => publiek(volledig, n, config));
    expect(per[1]).toMatchObject({ uren: '24-32', rijbewijs: ['B', 'BE'], opleidingsniveau: 'mbo-2', gemeente: 'GM0268' });
    expect(per[2]).toMatchObject({ uren: '24-32', rijbewijs: ['heeft-rijbewijs'], opleidingsniveau: 'mbo-2' });
    expect(per[3]).toMatchObject({ opleidingsniveau: 'mbo-2-3', gemeente: 'GM0268', regio: '25' });
    expect(per[4]).toMatchObject({ gemeente: NIET_GETOOND, regio: '25', eigenVervoer: 'ja' });
    expect(per[5]).toMatchObject({ uren: NIET_GETOOND, rijbewijs: ['heeft-rijbewijs'] });
    expect(per[6]).toMatchObject({ rijbewijs: [NIET_GETOOND], opleidingsniveau: 'mbo-2-3' });
    expect(per[7]).toMatchObject({ opleidingsniveau: NIET_GETOOND, eigenVervoer: 'ja' });
    expect(per[8]).toMatchObject({ eigenVervoer: NIET_GETOOND, regio: '25' });
    expect(per[9]).toEqual({
      regio: NIET_GETOOND, gemeente: NIET_GETOOND, opleidingsniveau: NIET_GETOOND, uren: NIET_GETOOND, reisafstand: '13',
      rijbewijs: [NIET_GETOOND], eigenVervoer: NIET_GETOOND,
    });
  });

  it('houdt onbekend onbekend en geen rijbewijs leeg zolang het veld getoond wordt', () => {
    const leeg = testprofiel();
    expect(publiek(leeg, 3, config)).toMatchObject({ uren: 'onbekend', rijbewijs: [], opleidingsniveau: 'onbekend' });
    expect(publiek(leeg, 6, config)).toMatchObject({ uren: NIET_GETOOND, rijbewijs: [NIET_GETOOND], opleidingsniveau: 'onbekend' });
  });

  it('gebruikt banden voor reisafstand als die een quasi-identificator is', () => {
    const c = met({ quasiIdentificatoren: ['reisafstandKm'], volgorde: ['reisafstandKm'] });
    expect([0, 1, 2].map((n) => publiek(volledig, n, c).reisafstand)).toEqual(['13', '10-25', NIET_GETOOND]);
    expect(publiek(volledig, 2, c).uren).toBe('32');
  });

  it('geeft dezelfde combinatie uit het blad als uit het profiel', () => {
    for (let n = 0; n < 10; n++) {
      const p = publiek(volledig, n, config);
      expect(publiekeCombinatie(blad(volledig, config), n, config))
        .toBe([[p.regio, p.gemeente], [p.opleidingsniveau], [p.uren], [p.rijbewijs], [p.eigenVervoer]].flat().map((x) => JSON.stringify(x)).join('|'));
    }
  });
});

describe('blad en publiek samen', () => {
  it('toont uit het blad op elk niveau hetzelfde als uit het profiel, voor elke waarde', () => {
    const c = met({ quasiIdentificatoren: ['gemeente', 'opleidingsniveau', 'urenPerWeek', 'rijbewijs', 'eigenVervoer', 'reisafstandKm'] });
    const gemeenten = [...config.gemeenten.keys()];
    fc.assert(fc.property(
      fc.record({
        gemeenteCode: fc.constantFrom(...gemeenten),
        opleidingsniveau: fc.option(fc.constantFrom(...config.opleidingsniveaus.map((n) => n.code)), { nil: null }),
        urenPerWeek: fc.option(fc.double({ min: 0, max: 80, noNaN: true }), { nil: null }),
        reisafstandKm: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
        rijbewijs: fc.uniqueArray(fc.constantFrom('AM', 'A', 'B', 'BE', 'C', 'CE', 'D'), { maxLength: 4 }),
        eigenVervoer: fc.option(fc.boolean(), { nil: null }),
      }),
      fc.boolean(),
      fc.integer({ min: 0, max: 11 }),
      (d, metReisafstand, n) => {
        const cfg = metReisafstand ? c : config;
        const niveau = Math.min(n, regels(cfg).stadia.length - 1);
        const p = testprofiel(d);
        const b = blad(p, cfg);
        // Short even for the longest doubles and four rijbewijzen; realistic keys are ~25 characters.
        expect(b.length).toBeLessThan(120);
        const uitBlad = publiekVanWaarden(leesBlad(b, cfg), niveau, cfg);
        const uitProfiel = publiek(p, niveau, cfg);
        if (!metReisafstand) delete (uitBlad as Partial<typeof uitBlad>).reisafstand, delete (uitProfiel as Partial<typeof uitProfiel>).reisafstand;
        expect(uitBlad).toEqual(uitProfiel);
      },
    ), { numRuns: 500 });
  });
});

describe('publiekLabel', () => {
  it('zegt banden, groepen en onderdrukte waarden in woorden', () => {
    expect(publiekLabel('uren', '0-12', config)).toBe('tot en met 12 uur');
    expect(publiekLabel('uren', '12-24', config)).toBe('meer dan 12 tot en met 24 uur');
    expect(publiekLabel('uren', '32+', config)).toBe('meer dan 32 uur');
    expect(publiekLabel('uren', '32', config)).toBe('32 uur');
    expect(publiekLabel('reisafstand', '10-25', config)).toBe('meer dan 10 tot en met 25 km');
    expect(publiekLabel('uren', '7.5-20', config)).toBe('meer dan 7,5 tot en met 20 uur');
    expect(publiekLabel('opleidingsniveau', 'mbo-2-3', config)).toBe('Mbo niveau 2 of 3');
    expect(publiekLabel('opleidingsniveau', 'hbo', config)).toBe('Hbo');
    expect(publiekLabel('rijbewijs', 'heeft-rijbewijs', config)).toBe('heeft een rijbewijs');
    expect(publiekLabel('rijbewijs', 'BE', config)).toBe('BE');
    expect(publiekLabel('gemeente', 'GM0268', config)).toBe('Nijmegen');
    expect(publiekLabel('regio', '25', config)).toBe('Rijk van Nijmegen');
    expect(publiekLabel('gemeente', NIET_GETOOND, config)).toBe('niet getoond');
    expect(publiekLabel('uren', 'onbekend', config)).toBe('onbekend');
  });
});

describe('filterhulpen', () => {
  const uren = (min?: number, max?: number) => urenFilterwaarden(min, max, config);

  it('geeft voor minimaal 32 uur de hele getallen vanaf 32 en de banden die erin kunnen vallen', () => {
    const w = uren(32, undefined);
    expect(w).toEqual([...Array.from({ length: 49 }, (_, i) => String(32 + i)), '24-32', '32+']);
  });

  it('geeft voor hoogstens 12 uur alleen de eerste band', () => {
    expect(uren(undefined, 12)).toEqual([...Array.from({ length: 13 }, (_, i) => String(i)), '0-12']);
    expect(uren(undefined, 12.5)).toContain('12-24');
  });

  it('ziet een afgerond getal als het halve uur eromheen', () => {
    expect(uren(12.2, 12.3)).toEqual(['12', '12-24']);
    expect(uren(11.9, 12)).toEqual(['12', '0-12']);
    expect(uren(13, 13)).toEqual(['13', '12-24']);
    expect(uren(undefined, undefined)).toHaveLength(81 + 4);
  });

  it('geeft voor een minimum opleidingsniveau de niveaus en de groepen met een lid vanaf dat niveau', () => {
    expect(opleidingsniveauMinWaarden('mbo-3', config)).toEqual(['mbo-3', 'mbo-4', 'havo', 'vwo', 'hbo', 'wo', 'mbo-2-3', 'mbo-4-havo-vwo', 'hbo-wo']);
    expect(opleidingsniveauMinWaarden('geen', config)).toHaveLength(13 + 4);
    expect(opleidingsniveauMinWaarden('wo', config)).toEqual(['wo', 'hbo-wo']);
    expect(() => opleidingsniveauMinWaarden('mbo-9', config)).toThrow(RangeError);
  });
});
