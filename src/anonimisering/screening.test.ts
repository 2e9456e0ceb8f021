import { screenTekst, voldoetAanElfproef, type ScreeningContext } from './screening';

const leeg: ScreeningContext = { namen: [], straten: [] };
const screen = (tekst: string, context: ScreeningContext = leeg) => screenTekst(tekst, context);

describe('voldoetAanElfproef', () => {
  it('accepts BSNs that pass and rejects those that do not', () => {
    expect(voldoetAanElfproef('123456782')).toBe(true);
    expect(voldoetAanElfproef('111222333')).toBe(true);
    expect(voldoetAanElfproef('123456789')).toBe(false);
    expect(voldoetAanElfproef('123456781')).toBe(false);
  });

  it('takes exactly nine digits', () => {
    expect(voldoetAanElfproef('12345678')).toBe(false);
    expect(voldoetAanElfproef('1234567820')).toBe(false);
    expect(voldoetAanElfproef('1234.56.782')).toBe(false);
  });
});

describe('screenTekst', () => {
  describe('leaves ordinary values alone', () => {
    it.each([
      'Heftruck rijden', 'Mbo-2 Logistiek', 'Rijbewijs B', 'EHBO', '24 uur', 'Nauwkeurig', 'VCA', '2 jaar ervaring',
      'Microsoft Office 365', 'ISO 9001:2015', 'Excel 2016', 'Code 95', 'Werkervaring 2010 en 2015', 'Heftruck tot 2500 kg',
      'Orderpicker (magazijn)', 'Schoonmaak/facilitair', 'C#', '1995-2004 ervaring', 'Certificaat geldig tot 01-01-2025',
      'Van Gogh museum', 'De Bakkerij',
    ])('%s', (waarde) => {
      expect(screen(waarde)).toBe(waarde);
    });

    it('keeps a nine-digit order number that fails the 11-proef', () => {
      expect(voldoetAanElfproef('123456789')).toBe(false);
      expect(screen('Ordernummer 123456789')).toBe('Ordernummer 123456789');
      expect(screen('Ordernummer 1234.56.789')).toBe('Ordernummer 1234.56.789');
    });
  });

  describe('e-mail addresses', () => {
    it.each([
      ['Orderpicken jan.devries@example.nl', 'Orderpicken'],
      ['Contact: j_de-vries+werk@sub.example.co.uk, heftruck', 'Contact: heftruck'],
      ['Heftruck (JAN@EXAMPLE.NL)', 'Heftruck'],
    ])('%s', (invoer, verwacht) => {
      expect(screen(invoer)).toBe(verwacht);
    });
  });

  describe('Dutch phone numbers in every typed format', () => {
    it.each([
      '0612345678', '06-12345678', '06 1234 5678', '06 12 34 56 78', '(06) 12345678', '+31 6 1234 5678',
      '+31612345678', '+31(0)6-12345678', '+31 (0)6 12345678', '0031612345678', '0031 (0)6 1234 5678', '024-3601234',
      '024 360 12 34', '(024) 360 12 34', '020 - 123 45 67', '0800-1234', '06-00000000', '+49 30 12345678',
    ])('%s', (nummer) => {
      expect(screen(`Heftruck ${nummer} rijden`)).toBe('Heftruck rijden');
      expect(screen(`Bellen: ${nummer}`)).toBe('Bellen');
    });

    it('removes a number glued to words and several numbers in one value', () => {
      expect(screen('Heftruck06-12345678rijden')).toBe('Heftruck rijden');
      expect(screen('Vakkenvuller 0612345678/024-3601234')).toBe('Vakkenvuller');
    });

    it('finds the number behind another number and leaves the numbers around it', () => {
      expect(screen('Microsoft Office 365 06 2532 0210')).toBe('Microsoft Office 365');
      expect(screen('+31 24 1259586 2 jaar ervaring')).toBe('2 jaar ervaring');
      expect(screen('024 9836366, 2 jaar ervaring')).toBe('2 jaar ervaring');
      expect(screen('Beschikbaar 08:00-17:00 0612345678')).toBe('Beschikbaar 08:00-17:00');
    });

    it('removes a Dutch number typed with its country code but without "+"', () => {
      expect(screen('Heftruck 31612345678')).toBe('Heftruck');
    });
  });

  describe('BSNs passing the 11-proef', () => {
    it.each(['123456782', '1234.56.782', '123 45 6782', '1234-56-782'])('%s', (bsn) => {
      expect(screen(`Heftruck ${bsn} rijden`)).toBe('Heftruck rijden');
    });

    it('finds a BSN next to an unrelated number', () => {
      expect(screen('Team 12 123456782')).toBe('Team 12');
    });

    it('finds a BSN right behind a run of digits that fails the 11-proef', () => {
      expect(voldoetAanElfproef('201549286')).toBe(false);
      expect(voldoetAanElfproef('492864998')).toBe(true);
      expect(screen('ISO 9001:2015 492 86 4998')).toBe('ISO 9001:2015');
    });

    it('does not take nine digits out of a longer number', () => {
      expect(screen('Artikel 1234567821')).toBe('Artikel 1234567821');
      expect(screen('Artikel 1.123456782')).toBe('Artikel 1.123456782');
    });
  });

  describe('IBANs', () => {
    it.each([
      'NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00', 'nl91abna0417164300', 'nl91 abna 0417 1643 00',
      'DE89 3704 0044 0532 0130 00', 'BE68539007547034',
    ])('%s', (iban) => {
      expect(screen(`Betalen ${iban} en verder`)).toBe('Betalen en verder');
    });

    it('keeps an IBAN-like string with a wrong checksum', () => {
      expect(screen('Code NL92ABNA0417164300')).not.toBeNull();
      expect(screen('Code NL92ABNA0417164300')).toContain('NL92ABNA');
    });
  });

  describe('postcodes', () => {
    it.each([
      '6511 AB 12', '6511 AB 12a', '6511AB', '6511ab', '6511 ab', '6511 AB', '6511AB12',
    ])('%s', (postcode) => {
      expect(screen(`Verhuizen ${postcode} gepland`)).toBe('Verhuizen gepland');
    });

    it('leaves the letter combinations SA, SD and SS that no postcode uses', () => {
      expect(screen('Serie 1234 SS')).toBe('Serie 1234 SS');
      expect(screen('Type 1234SA')).toBe('Type 1234SA');
      expect(screen('Type 1234 sd')).toBe('Type 1234 sd');
    });

    it('reads a lower-case word after a number as a word, unless a house number follows', () => {
      expect(screen('Verhuizen 3259 nr 24')).toBe('Verhuizen');
      expect(screen('Verhuizen 7319 de 19')).toBe('Verhuizen');
      expect(screen('Heftruck tot 2500 kg')).toBe('Heftruck tot 2500 kg');
      expect(screen('Werkervaring 2010 en 2015')).toBe('Werkervaring 2010 en 2015');
    });

    it('finds a postcode right behind a number with a unit', () => {
      expect(screen('Heftruck tot 2500 kg 4771 KL')).toBe('Heftruck tot 2500 kg');
    });

    it('leaves a number that starts with 0 or is followed by a longer word', () => {
      expect(screen('0123 AB')).toBe('0123 AB');
      expect(screen('1000 uur ervaring')).toBe('1000 uur ervaring');
    });
  });

  describe('klantnummers', () => {
    it('removes Sonar client numbers', () => {
      expect(screen('Dossier S0001234567 heftruck')).toBe('Dossier heftruck');
    });
  });

  describe('the record’s own names and street', () => {
    const context: ScreeningContext = { namen: ['José', 'Vries', 'de Vries'], straten: ['Molenstraat'] };

    it('removes names case- and diacritics-insensitively, in both directions', () => {
      expect(screen('Heftruck, Jose', context)).toBe('Heftruck');
      expect(screen('Heftruck, JOSÉ', context)).toBe('Heftruck');
      expect(screen('Koken, José', { namen: ['Jose'], straten: [] })).toBe('Koken');
    });

    it('removes the tussenvoegsel with the surname but not on its own', () => {
      expect(screen('Orderpicker de Vries', context)).toBe('Orderpicker');
      expect(screen('Vries: lassen', context)).toBe('lassen');
      expect(screen('Werken in de bouw', context)).toBe('Werken in de bouw');
      expect(screen('Van Gogh', { namen: ['van Dijk'], straten: [] })).toBe('Van Gogh');
    });

    it('matches whole words only', () => {
      expect(screen('Vriesland, Josefine', context)).toBe('Vriesland, Josefine');
      expect(screen('Jan-Willem', { namen: ['Jan'], straten: [] })).toBe('Willem');
    });

    it('ignores single letters, such as initials', () => {
      expect(screen('Rijbewijs B', { namen: ['B.'], straten: [] })).toBe('Rijbewijs B');
    });

    it('removes the street with its house number, not the street’s words alone', () => {
      expect(screen('Molenstraat 12a, heftruck', context)).toBe('heftruck');
      expect(screen('MOLENSTRAAT', context)).toBeNull();
      expect(screen('Hoge weg', { namen: [], straten: ['Hoge Weg'] })).toBeNull();
      expect(screen('Hoge druk', { namen: [], straten: ['Hoge Weg'] })).toBe('Hoge druk');
      expect(screen('SINT ANNASTRAAT 107 C++', { namen: [], straten: ['Sint Annastraat'] })).toBe('C++');
    });

    it('leaves woonplaats-like words alone when they are not in the context', () => {
      expect(screen('Werken in Nijmegen', context)).toBe('Werken in Nijmegen');
    });
  });

  describe('tidying and null', () => {
    it('collapses whitespace and strips dangling punctuation and empty brackets', () => {
      expect(screen('  Heftruck    rijden  ')).toBe('Heftruck rijden');
      expect(screen('Bellen (06-12345678)')).toBe('Bellen');
      expect(screen('Bellen [ 06-12345678 ] -')).toBe('Bellen');
      expect(screen('Heftruck, 06-12345678, rijden')).toBe('Heftruck, rijden');
      expect(screen('Contact: jan@example.nl.')).toBe('Contact');
      expect(screen('- 0612345678 - orderpicken')).toBe('orderpicken');
      expect(screen('C++ (+31(0)6-12345678)')).toBe('C++');
      expect(screen('Orderpicken, tel. 06-12345678.')).toBe('Orderpicken');
    });

    it('removes the word that announced what was removed', () => {
      expect(screen('Kassa bedienen, bel 06-12345678')).toBe('Kassa bedienen');
      expect(screen('Hygiënisch werken BSN: 123456782')).toBe('Hygiënisch werken');
      expect(screen('Stressbestendig (tel. +31 6 1234 5678)')).toBe('Stressbestendig');
      expect(screen('Auto en motor (rek. NL91ABNA0417164300)')).toBe('Auto en motor');
      expect(screen('Muziek - mail jan@example.nl')).toBe('Muziek');
      expect(screen('Zelfstandig (woont 6511 AB 12)')).toBe('Zelfstandig');
      expect(screen('Orderpicker bij Van der Meer', { namen: ['Meer', 'van der Meer'], straten: [] })).toBe('Orderpicker');
    });

    it('keeps such words where nothing was removed', () => {
      expect(screen('Bellen met klanten')).toBe('Bellen met klanten');
      expect(screen('Werken met dieren, bel')).toBe('Werken met dieren, bel');
    });

    it('leaves punctuation and brackets as typed where nothing was removed', () => {
      expect(screen('Inpakken... Jan', { namen: ['Jan'], straten: [] })).toBe('Inpakken...');
      expect(screen('Stap 1) 06-12345678')).toBe('Stap 1)');
      expect(screen('Stap 1)')).toBe('Stap 1)');
    });

    it('returns null when no letter remains', () => {
      expect(screen('06-12345678')).toBeNull();
      expect(screen('123456782')).toBeNull();
      expect(screen('(jan@example.nl)')).toBeNull();
      expect(screen('José de Vries', { namen: ['José', 'Vries', 'de Vries'], straten: [] })).toBeNull();
      expect(screen('   ')).toBeNull();
      expect(screen('12345')).toBeNull();
    });
  });
});
