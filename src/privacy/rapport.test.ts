import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { loadSearchConfig } from '../config/search-config';
import { blad } from './publiek';
import { formatteerPrivacyrapport, maakPrivacyrapport } from './rapport';
import { testprofiel } from './testprofiel';

const config = loadSearchConfig();
const keer = (n: number, d: Partial<Kandidaatprofiel>) =>
  Array.from({ length: n }, () => blad(testprofiel({ opleidingsniveau: 'mbo-2', urenPerWeek: 32, rijbewijs: ['B'], eigenVervoer: true, ...d }), config));

// 5 the same (exact), 3 + 2 that share the band 24-32 (hours generalised), 1 alone elsewhere (not shown).
const bladen = [
  ...keer(5, {}),
  ...keer(3, { urenPerWeek: 30 }),
  ...keer(2, { urenPerWeek: 28 }),
  ...keer(1, { gemeenteCode: 'GM0003', opleidingsniveau: 'hbo', urenPerWeek: 40, rijbewijs: [], eigenVervoer: false }),
];

describe('maakPrivacyrapport', () => {
  const rapport = maakPrivacyrapport(bladen, config);

  it('telt de klassegrootten vóór en na generalisatie', () => {
    expect(rapport.profielen).toBe(11);
    expect(rapport.voor.perGrootte.map((g) => [g.grootte, g.profielen])).toEqual([['1', 1], ['2', 2], ['3', 3], ['4', 0], ['5-9', 5], ['10+', 0]]);
    expect(rapport.voor).toMatchObject({ klassen: 4, profielen: 11, kleinsteKlasse: 1 });
    expect(rapport.voor.perGrootte[0]!.procent).toBeCloseTo(100 / 11);
    expect(rapport.na.perGrootte.map((g) => [g.grootte, g.profielen])).toEqual([['1', 0], ['2', 0], ['3', 0], ['4', 0], ['5-9', 10], ['10+', 0]]);
    expect(rapport.na).toMatchObject({ klassen: 2, profielen: 10, kleinsteKlasse: 5 });
    expect(rapport.nietGetoond).toBe(1);
  });

  it('zegt per quasi-identificator en per niveau wat er getoond wordt', () => {
    expect(rapport.perNiveau).toEqual([5, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rapport.perQuasiIdentificator).toEqual([
      { qi: 'gemeente', exact: 10, gegeneraliseerd: 0, nietGetoond: 0 },
      { qi: 'opleidingsniveau', exact: 10, gegeneraliseerd: 0, nietGetoond: 0 },
      { qi: 'urenPerWeek', exact: 5, gegeneraliseerd: 5, nietGetoond: 0 },
      { qi: 'rijbewijs', exact: 10, gegeneraliseerd: 0, nietGetoond: 0 },
      { qi: 'eigenVervoer', exact: 10, gegeneraliseerd: 0, nietGetoond: 0 },
    ]);
  });

  it('is leeg zonder profielen', () => {
    const leeg = maakPrivacyrapport([], config);
    expect(leeg).toMatchObject({ profielen: 0, nietGetoond: 0, voor: { klassen: 0, kleinsteKlasse: null }, na: { klassen: 0, kleinsteKlasse: null } });
    expect(formatteerPrivacyrapport(leeg, config)).toContain('0 profielen');
  });

  it('toont als tekst alleen tellingen, geen waarden van profielen', () => {
    const tekst = formatteerPrivacyrapport(rapport, config);
    expect(tekst).toContain('11 profielen, k = 5');
    expect(tekst).toMatch(/5-9\s+10\s+90,9%/);
    expect(tekst).toMatch(/niet getoond\s+1\s+9,1%/);
    expect(tekst).toContain('kleinste 5');
    for (const waarde of ['GM0268', 'GM0003', 'mbo-2', 'hbo', '24-32', 'Nijmegen']) expect(tekst).not.toContain(waarde);
    expect(JSON.stringify(rapport)).not.toMatch(/GM\d{4}|mbo-2|24-32/);
  });
});
