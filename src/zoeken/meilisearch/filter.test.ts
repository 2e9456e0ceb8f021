import { loadSearchConfig } from '../../config/search-config';
import { bouwFilter, filterLiteral } from './filter';

const config = loadSearchConfig();

/**
 * Reads an expression the way Meilisearch's filter parser reads double-quoted values (crates/filter-parser
 * value.rs): a backslash takes the next character along and the value ends at the first quote not taken that way;
 * if a quote was escaped, `\"` becomes `"`; then the `unescaper` crate turns `\\` into `\` (and would fail on
 * an escape we never write). Returns the expression with every literal replaced by `$`, and the literal values.
 */
function leesZoalsMeilisearch(expressie: string): { skelet: string; literalen: string[] } {
  let skelet = '';
  const literalen: string[] = [];
  for (let i = 0; i < expressie.length; i++) {
    if (expressie[i] !== '"') {
      skelet += expressie[i];
      continue;
    }
    let ruw = '';
    let quoteGeescaped = false;
    for (i++; expressie[i] !== '"'; i++) {
      if (i >= expressie.length) throw new Error('literal niet afgesloten');
      if (expressie[i] === '\\') {
        ruw += expressie[i++];
        quoteGeescaped ||= expressie[i] === '"';
      }
      ruw += expressie[i];
    }
    const stap1 = quoteGeescaped ? ruw.replaceAll('\\"', '"') : ruw;
    literalen.push(stap1.replace(/\\(.)/gs, (_, c: string) => {
      if (c !== '"' && c !== '\\') throw new Error(`onverwachte escape \\${c}`);
      return c;
    }));
    skelet += '$';
  }
  return { skelet, literalen };
}

describe('filterLiteral', () => {
  it('(the reader above does catch an unescaped injection)', () => {
    const naief = `vaardigheden = "${'Zorg" OR gemeente = "x'}"`;
    expect(leesZoalsMeilisearch(naief)).toEqual({ skelet: 'vaardigheden = $ OR gemeente = $', literalen: ['Zorg', 'x'] });
  });

  it('quotes a plain value', () => {
    expect(filterLiteral('Zorg')).toBe('"Zorg"');
  });

  it('escapes double quotes and backslashes', () => {
    expect(filterLiteral('Zorg "extra"')).toBe('"Zorg \\"extra\\""');
    expect(filterLiteral('a\\b')).toBe('"a\\\\b"');
    expect(filterLiteral('eind\\')).toBe('"eind\\\\"');
    expect(filterLiteral('\\"')).toBe('"\\\\\\""');
  });

  it.each([
    ['Zorg" OR gemeente = "x'],
    ['x" OR regio = 1 OR vaardigheden = "y'],
    ['eind met backslash\\'],
    ['\\" OR 1 = 1 OR "'],
    ["enkel ' quote"],
    ['(haakjes) AND OR NOT = != >= TO EXISTS'],
    ['regel\nnieuw\tmet tab'],
    [''],
    ['\\\\\\"\\\\"'],
  ])('reads back as exactly the one value %j', (waarde) => {
    expect(leesZoalsMeilisearch(`vaardigheden = ${filterLiteral(waarde)}`)).toEqual({ skelet: 'vaardigheden = $', literalen: [waarde] });
  });

  it('keeps random mixes of quotes, backslashes and operators one literal', () => {
    const tekens = ['"', '\\', "'", ' ', 'OR', 'AND', '(', ')', '=', 'a', 'é'];
    for (let n = 0; n < 500; n++) {
      const waarde = Array.from({ length: 1 + (n % 12) }, (_, i) => tekens[(n * 7 + i * 13 + i * i) % tekens.length]).join('');
      expect(leesZoalsMeilisearch(filterLiteral(waarde))).toEqual({ skelet: '$', literalen: [waarde] });
    }
  });
});

describe('bouwFilter', () => {
  it('returns undefined when nothing is filtered', () => {
    expect(bouwFilter({}, config)).toBeUndefined();
    expect(bouwFilter({ filters: { regio: [], sector: [] } }, config)).toBeUndefined();
  });

  it('writes one value without parentheses', () => {
    expect(bouwFilter({ filters: { regio: ['25'] } }, config)).toBe('regio = "25"');
  });

  it('ORs the values of one facet and ANDs facets, on the configured fields', () => {
    expect(bouwFilter({ filters: { sector: ['Zorg', 'Bouw'], regio: ['25'] } }, config)).toBe(
      'regio = "25" AND (beroepssectoren = "Zorg" OR beroepssectoren = "Bouw")',
    );
  });

  it('maps every facet to its field', () => {
    const filter = bouwFilter({
      filters: {
        regio: ['1'], gemeente: ['GM0268'], opleidingsniveau: ['mbo-2'], sector: ['s'], taaksoort: ['t'], competentie: ['c'],
        vaardigheid: ['v'], affiniteit: ['a'], rijbewijs: ['B'], eigenVervoer: ['ja'], transparantieklasse: ['volledig'],
      },
    }, config);
    expect(filter).toBe([
      'regio = "1"', 'gemeente = "GM0268"', 'opleidingsniveau = "mbo-2"', 'beroepssectoren = "s"', 'taaksoorten = "t"',
      'competenties = "c"', 'vaardigheden = "v"', 'affiniteiten = "a"', 'rijbewijs = "B"', 'eigenVervoer = "ja"',
      'transparantieklasse = "volledig"',
    ].join(' AND '));
  });

  it('drops duplicate values', () => {
    expect(bouwFilter({ filters: { rijbewijs: ['B', 'B'] } }, config)).toBe('rijbewijs = "B"');
  });

  it('passes the onbekend marker as an ordinary value', () => {
    expect(bouwFilter({ filters: { vaardigheid: ['onbekend', 'Lassen'] } }, config)).toBe(
      '(vaardigheden = "onbekend" OR vaardigheden = "Lassen")',
    );
  });

  it('keeps an injection attempt a single quoted literal', () => {
    const filter = bouwFilter({ filters: { sector: ['Zorg" OR gemeente = "x'], regio: ['25'] } }, config)!;
    expect(filter).toBe('regio = "25" AND beroepssectoren = "Zorg\\" OR gemeente = \\"x"');
    expect(leesZoalsMeilisearch(filter)).toEqual({
      skelet: 'regio = $ AND beroepssectoren = $',
      literalen: ['25', 'Zorg" OR gemeente = "x'],
    });
  });

  it('quotes regio values too, so a non-number cannot become syntax', () => {
    const filter = bouwFilter({ filters: { regio: ['1 OR regio > 0'] } }, config)!;
    expect(leesZoalsMeilisearch(filter)).toEqual({ skelet: 'regio = $', literalen: ['1 OR regio > 0'] });
  });

  it('turns opleidingsniveauMin into a rank comparison in the configured order', () => {
    expect(bouwFilter({ opleidingsniveauMin: 'mbo-2' }, config)).toBe('opleidingsniveauRang >= 6');
    expect(bouwFilter({ opleidingsniveauMin: 'geen' }, config)).toBe('opleidingsniveauRang >= 0');
    expect(bouwFilter({ opleidingsniveauMin: 'wo' }, config)).toBe('opleidingsniveauRang >= 12');
  });

  it('writes uren as a closed range, each bound on its own', () => {
    expect(bouwFilter({ urenMin: 16, urenMax: 32 }, config)).toBe('urenPerWeek >= 16 AND urenPerWeek <= 32');
    expect(bouwFilter({ urenMin: 0 }, config)).toBe('urenPerWeek >= 0');
    expect(bouwFilter({ urenMax: 12.5 }, config)).toBe('urenPerWeek <= 12.5');
  });

  it('refuses numbers that are not finite', () => {
    expect(() => bouwFilter({ urenMin: Number.NaN }, config)).toThrow(RangeError);
    expect(() => bouwFilter({ urenMax: Number.POSITIVE_INFINITY }, config)).toThrow(RangeError);
  });

  it('combines facets, level and hours', () => {
    expect(bouwFilter({ filters: { eigenVervoer: ['ja'] }, opleidingsniveauMin: 'mbo-4', urenMin: 20 }, config)).toBe(
      'eigenVervoer = "ja" AND opleidingsniveauRang >= 8 AND urenPerWeek >= 20',
    );
  });

  it('leaves out only the facet named in zonderFacet', () => {
    const vraag = { filters: { regio: ['25'], sector: ['Zorg'] }, urenMin: 10 };
    expect(bouwFilter(vraag, config, { zonderFacet: 'regio' })).toBe('beroepssectoren = "Zorg" AND urenPerWeek >= 10');
    expect(bouwFilter(vraag, config, { zonderFacet: 'sector' })).toBe('regio = "25" AND urenPerWeek >= 10');
    expect(bouwFilter({ filters: { regio: ['25'] } }, config, { zonderFacet: 'regio' })).toBeUndefined();
  });
});
