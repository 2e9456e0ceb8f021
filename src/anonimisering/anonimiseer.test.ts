import { composeIBAN } from 'ibantools';
import { loadSearchConfig, type SearchConfig } from '../config/search-config';
import { maakKlantprofiel, maakRecord } from '../../test/support/sonar-records';
import type { Klantprofiel, SonarRecord } from '../sonar/sonar-record.schema';
import { anonimiseer, isDoelgroeper, type AnonimiseerResultaat } from './anonimiseer';
import type { Kandidaatprofiel } from './kandidaatprofiel';
import { createPseudonimiseerder } from './pseudoniem';
import { voldoetAanElfproef } from './screening';

const config = loadSearchConfig();
const pseudoniem = createPseudonimiseerder('sleutel-voor-de-anonimiseertest-0123456789');
const deps = { config, pseudoniem };

const klantprofiel = maakKlantprofiel;
const record = (overrides: Partial<SonarRecord> = {}): SonarRecord => maakRecord(1234567, overrides);

function profielVan(resultaat: AnonimiseerResultaat): Kandidaatprofiel {
  if (!resultaat.ok) throw new Error(`verwacht ok, kreeg ${JSON.stringify(resultaat.fouten)}`);
  return resultaat.profiel;
}

const KANDIDAATPROFIEL_VELDEN = [
  'id', 'gemeenteCode', 'gemeente', 'regio', 'regioNaam', 'dienstverlener', 'heeftProfiel', 'opleidingen',
  'opleidingsniveau', 'vaardigheden', 'competenties', 'affiniteiten', 'beroepssectoren', 'taaksoorten', 'werkervaring',
  'urenPerWeek', 'dagdelen', 'reisafstandKm', 'rijbewijs', 'eigenVervoer', 'profielvulling', 'transparantieklasse',
  'bijgewerkt', 'publiek',
].sort();

describe('anonimiseer', () => {
  it('maps the contract example to the anonymised profile', () => {
    expect(profielVan(anonimiseer(record(), deps))).toEqual({
      id: pseudoniem('S0001234567'),
      gemeenteCode: 'GM0268',
      gemeente: 'Nijmegen',
      regio: 25,
      regioNaam: 'Rijk van Nijmegen',
      dienstverlener: 'UWV',
      heeftProfiel: true,
      opleidingen: [{ niveau: 'mbo-2', richting: 'Logistiek', diploma: true }],
      opleidingsniveau: 'mbo-2',
      vaardigheden: ['Heftruck rijden', 'Orderpicken'],
      competenties: ['Nauwkeurig', 'Samenwerken'],
      affiniteiten: ['Werken met dieren'],
      beroepssectoren: ['Transport en logistiek'],
      taaksoorten: ['Inpakken', 'Sorteren'],
      werkervaring: [{ beroep: 'Orderpicker', jaren: 2 }],
      urenPerWeek: 24,
      dagdelen: ['ma-ochtend', 'di-ochtend'],
      reisafstandKm: 15,
      rijbewijs: ['B'],
      eigenVervoer: true,
      profielvulling: 5,
      transparantieklasse: 'volledig',
      bijgewerkt: '2020-06-30',
      // What employers see is decided where the profile is stored, among the others (src/mirror/publicatie.ts).
      publiek: null,
    });
  });

  it('gives a person without klantprofiel an empty profile with vulling 0', () => {
    const profiel = profielVan(anonimiseer(record({ klantprofiel: null, dienstverlener: 'gemeente' }), deps));
    expect(profiel).toMatchObject({
      dienstverlener: 'gemeente',
      heeftProfiel: false,
      opleidingen: [],
      opleidingsniveau: null,
      vaardigheden: [],
      werkervaring: [],
      urenPerWeek: null,
      dagdelen: [],
      reisafstandKm: null,
      rijbewijs: [],
      eigenVervoer: null,
      profielvulling: 0,
      transparantieklasse: 'geen',
    });
  });

  it('refuses an unknown gemeentecode by path, without echoing it', () => {
    const resultaat = anonimiseer(record({ gemeenteCode: 'GM9999' }), deps);
    expect(resultaat).toEqual({ ok: false, fouten: [{ pad: 'gemeenteCode', melding: expect.any(String) }] });
    expect(JSON.stringify(resultaat)).not.toContain('9999');
  });

  it('takes the id from the keyed pseudonym of the klantnummer', () => {
    const a = profielVan(anonimiseer(record(), deps));
    const b = profielVan(anonimiseer(record({ klantnummer: 'S0001234568' }), deps));
    const anderGeheim = createPseudonimiseerder('een-ander-geheim-voor-dezelfde-test-98765');
    const c = profielVan(anonimiseer(record(), { config, pseudoniem: anderGeheim }));
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(b.id).not.toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(profielVan(anonimiseer(record(), deps)).id).toBe(a.id);
  });

  describe('opleidingsniveau', () => {
    const niveauVan = (niveaus: Klantprofiel['opleidingen'][number]['niveau'][], cfg: typeof config = config) =>
      profielVan(anonimiseer(record({ klantprofiel: klantprofiel({ opleidingen: niveaus.map((niveau) => ({ niveau })) }) }), { config: cfg, pseudoniem })).opleidingsniveau;

    it('is the highest level in the configured order', () => {
      expect(niveauVan(['mbo-4', 'havo', 'mbo-2'])).toBe('havo');
      expect(niveauVan(['vmbo', 'praktijkonderwijs'])).toBe('vmbo');
      expect(niveauVan(['wo', 'hbo'])).toBe('wo');
      expect(niveauVan(['geen'])).toBe('geen');
    });

    it('is null without opleidingen', () => {
      expect(niveauVan([])).toBeNull();
    });

    it('follows the config, not a built-in order', () => {
      const omgekeerd: SearchConfig = { ...config, opleidingsniveaus: [...config.opleidingsniveaus].reverse() };
      expect(niveauVan(['mbo-4', 'havo', 'mbo-2'], omgekeerd)).toBe('mbo-2');
    });

    it('keeps a missing richting and diploma as null', () => {
      const profiel = profielVan(anonimiseer(record({ klantprofiel: klantprofiel({ opleidingen: [{ niveau: 'hbo' }] }) }), deps));
      expect(profiel.opleidingen).toEqual([{ niveau: 'hbo', richting: null, diploma: null }]);
    });
  });

  describe('free-text lists', () => {
    it('screens, trims, collapses whitespace, drops empties and case-insensitive duplicates, keeps order', () => {
      const profiel = profielVan(anonimiseer(record({
        klantprofiel: klantprofiel({
          vaardigheden: ['  Heftruck   rijden ', 'Orderpicken', 'heftruck rijden', '06-12345678', 'ORDERPICKEN', 'Lassen'],
          competenties: ['Nauwkeurig', 'Nauwkeurig (Jan)', 'nauwkeurig'],
        }),
      }), deps));
      expect(profiel.vaardigheden).toEqual(['Heftruck rijden', 'Orderpicken', 'Lassen']);
      expect(profiel.competenties).toEqual(['Nauwkeurig']);
    });

    it('drops werkervaring whose beroep vanishes and keeps the years of the rest', () => {
      const profiel = profielVan(anonimiseer(record({
        klantprofiel: klantprofiel({ werkervaring: [{ beroep: 'jan.devries@example.nl', jaren: 3 }, { beroep: 'Lasser bij Jan', jaren: 4 }] }),
      }), deps));
      expect(profiel.werkervaring).toEqual([{ beroep: 'Lasser', jaren: 4 }]);
    });

    it('sets an opleidingsrichting that vanishes to null, keeping the level', () => {
      const profiel = profielVan(anonimiseer(record({
        klantprofiel: klantprofiel({ opleidingen: [{ niveau: 'mbo-3', richting: 'Molenstraat 12', diploma: false }] }),
      }), deps));
      expect(profiel.opleidingen).toEqual([{ niveau: 'mbo-3', richting: null, diploma: false }]);
      expect(profiel.opleidingsniveau).toBe('mbo-3');
    });

    it('keeps the woonplaats: it is usually the gemeente, not a name', () => {
      const profiel = profielVan(anonimiseer(record({ klantprofiel: klantprofiel({ affiniteiten: ['Werken in Nijmegen'] }) }), deps));
      expect(profiel.affiniteiten).toEqual(['Werken in Nijmegen']);
    });
  });

  describe('profielvulling after screening', () => {
    it.each([0, 1, 2, 3, 4, 5])('counts %i parts', (n) => {
      const gevuld = {
        opleidingen: [{ niveau: 'mbo-2' as const }],
        vaardigheden: ['Heftruck rijden'],
        competenties: ['Nauwkeurig'],
        beroepssectoren: ['Transport en logistiek'],
        taaksoorten: ['Inpakken'],
      };
      const delen = Object.fromEntries(Object.entries(gevuld).slice(0, n));
      const profiel = profielVan(anonimiseer(record({
        klantprofiel: klantprofiel({ opleidingen: [], vaardigheden: [], competenties: [], beroepssectoren: [], taaksoorten: [], ...delen }),
      }), deps));
      expect(profiel.profielvulling).toBe(n);
      expect(profiel.transparantieklasse).toBe(['geen', 'beperkt', 'beperkt', 'redelijk', 'redelijk', 'volledig'][n]);
    });

    it('does not count a part that screening emptied', () => {
      const profiel = profielVan(anonimiseer(record({
        klantprofiel: klantprofiel({ vaardigheden: ['06-12345678', 'Jan de Vries'], taaksoorten: ['jan.devries@example.nl'] }),
      }), deps));
      expect(profiel.vaardigheden).toEqual([]);
      expect(profiel.taaksoorten).toEqual([]);
      expect(profiel.profielvulling).toBe(3);
      expect(profiel.transparantieklasse).toBe('redelijk');
    });
  });

  describe('other fields', () => {
    it('sorts rijbewijs and removes duplicates; eigenVervoer is null when unknown', () => {
      const profiel = profielVan(anonimiseer(record({ klantprofiel: klantprofiel({ vervoer: { rijbewijs: ['C', 'B', 'AM', 'B'] } }) }), deps));
      expect(profiel.rijbewijs).toEqual(['AM', 'B', 'C']);
      expect(profiel.eigenVervoer).toBeNull();
    });

    it('keeps eigenVervoer false as false', () => {
      const profiel = profielVan(anonimiseer(record({ klantprofiel: klantprofiel({ vervoer: { rijbewijs: [], eigenVervoer: false } }) }), deps));
      expect(profiel.eigenVervoer).toBe(false);
    });

    it('takes bijgewerkt as the UTC date of gewijzigdOp', () => {
      expect(profielVan(anonimiseer(record({ gewijzigdOp: '2020-06-30T23:30:00-02:00' }), deps)).bijgewerkt).toBe('2020-07-01');
      expect(profielVan(anonimiseer(record({ gewijzigdOp: '2021-01-01T00:30:00+01:00' }), deps)).bijgewerkt).toBe('2020-12-31');
    });
  });
});

describe('isDoelgroeper', () => {
  it('follows doelgroepregister.ingeschreven', () => {
    expect(isDoelgroeper(record())).toBe(true);
    expect(isDoelgroeper(record({ doelgroepregister: { ingeschreven: false } }))).toBe(false);
  });
});

describe('allowlist: nothing identifying reaches the profile', () => {
  const BSN = '123456782';
  const TELEFOON = '+31 6 1234 5678';
  const EMAIL = 'iemand@voorbeeld.nl';
  const IBAN = 'NL91 ABNA 0417 1643 00';
  const geplant = [BSN, TELEFOON, EMAIL, IBAN];

  const markerRecord: SonarRecord = {
    klantnummer: 'MARKER_klantnummer',
    bsn: 'MARKER_bsn',
    naam: { voornaam: 'MARKER_voornaam', tussenvoegsel: 'MARKER_tussenvoegsel', achternaam: 'MARKER_achternaam' },
    geboortedatum: 'MARKER_geboortedatum',
    adres: { straat: 'MARKER_straat', huisnummer: 'MARKER_huisnummer', postcode: 'MARKER_postcode', woonplaats: 'MARKER_woonplaats' },
    telefoon: 'MARKER_telefoon',
    email: 'MARKER_email',
    gemeenteCode: 'GM0268',
    dienstverlener: 'gemeente',
    doelgroepregister: { ingeschreven: true, grondslag: 'MARKER_grondslag' },
    klantprofiel: klantprofiel({
      opleidingen: [{ niveau: 'mbo-4', richting: `Zorg MARKER_achternaam ${BSN}`, diploma: true }],
      vaardigheden: ['Heftruck rijden MARKER_voornaam', `Orderpicken ${BSN}`, `Bellen ${TELEFOON}`, `Klantcontact ${EMAIL}`, `Betalen ${IBAN}`],
      competenties: ['MARKER_tussenvoegsel MARKER_achternaam: nauwkeurig'],
      affiniteiten: ['Wonen aan de MARKER_straat 12'],
      beroepssectoren: [`Zorg (${TELEFOON})`],
      taaksoorten: [`Sorteren, ${EMAIL}`],
      werkervaring: [
        { beroep: `Orderpicker ${BSN}`, jaren: 2 },
        { beroep: `Chauffeur ${TELEFOON}`, jaren: 3 },
        { beroep: `Kok ${EMAIL}`, jaren: 1 },
        { beroep: `Schoonmaker ${IBAN}`, jaren: 4 },
      ],
      toelichting: `MARKER_toelichting ${BSN} ${TELEFOON} ${EMAIL} ${IBAN}`,
    }),
    gewijzigdOp: '2020-06-30T12:00:00Z',
  };

  const profiel = profielVan(anonimiseer(markerRecord, deps));
  const json = JSON.stringify(profiel);

  it('contains no marker and no planted value', () => {
    expect(json).not.toMatch(/marker/i);
    for (const waarde of geplant) expect(alleTeksten(profiel).map(cijfersEnLetters).join('|')).not.toContain(cijfersEnLetters(waarde));
  });

  it('keeps what is not identifying around the planted values', () => {
    expect(profiel.vaardigheden).toEqual(['Heftruck rijden', 'Orderpicken', 'Bellen', 'Klantcontact', 'Betalen']);
    expect(profiel.werkervaring.map((w) => w.beroep)).toEqual(['Orderpicker', 'Chauffeur', 'Kok', 'Schoonmaker']);
    expect(profiel.competenties).toEqual(['nauwkeurig']);
    expect(profiel.opleidingen[0]?.richting).toBe('Zorg');
  });

  it('has exactly the fields of Kandidaatprofiel, none for age or birth date', () => {
    expect(Object.keys(profiel).sort()).toEqual(KANDIDAATPROFIEL_VELDEN);
  });
});

describe('property: planted identifiers never survive, ordinary values do', () => {
  const rnd = mulberry32(20240611);
  const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(rnd() * lijst.length)] as T;
  const cijfers = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

  const GEWONE_WAARDEN = [
    'Heftruck rijden', 'Mbo-2 Logistiek', 'Rijbewijs B', 'EHBO', '24 uur', 'Nauwkeurig', 'VCA', '2 jaar ervaring',
    'Microsoft Office 365',
  ];
  const VOORNAMEN = ['José', 'Zoë', 'Anouk', 'Mehmet', 'Søren', 'Anaïs'];
  const ACHTERNAMEN = ['Vries', 'Çelik', 'Jansen', 'Brouwer-Müller', 'Smit'];
  const TUSSENVOEGSELS = ['de', 'van der', undefined];
  const STRATEN = ['Molenstraat', 'Van Welderenstraat', 'Sint Annastraat'];

  function bsn(): string {
    for (;;) {
      const kandidaat = cijfers(9);
      if (voldoetAanElfproef(kandidaat)) return kies([
        kandidaat,
        `${kandidaat.slice(0, 4)}.${kandidaat.slice(4, 6)}.${kandidaat.slice(6)}`,
        `${kandidaat.slice(0, 3)} ${kandidaat.slice(3, 5)} ${kandidaat.slice(5)}`,
        `${kandidaat.slice(0, 4)}-${kandidaat.slice(4, 6)}-${kandidaat.slice(6)}`,
      ]);
    }
  }
  function mobiel(): string {
    const n = cijfers(8);
    return kies([
      `06${n}`, `06-${n}`, `06 ${n.slice(0, 4)} ${n.slice(4)}`, `+31 6 ${n.slice(0, 4)} ${n.slice(4)}`, `+31(0)6-${n}`, `00316${n}`,
    ]);
  }
  function vast(): string {
    const netnummer = kies(['010', '020', '024', '030', '040', '050', '070', '0475']);
    const n = cijfers(10 - netnummer.length);
    return kies([`${netnummer}-${n}`, `${netnummer} ${n}`, `(${netnummer}) ${n}`, `+31 ${netnummer.slice(1)} ${n}`]);
  }
  function iban(): string {
    const elektronisch = composeIBAN({ countryCode: 'NL', bban: `${kies(['ABNA', 'INGB', 'RABO'])}${cijfers(10)}` }) ?? '';
    const metSpaties = elektronisch.replace(/(.{4})/g, '$1 ').trim();
    return kies([elektronisch, metSpaties, elektronisch.toLowerCase(), metSpaties.toLowerCase()]);
  }
  function email(): string {
    return `${kies(['jan', 'a.b', 'info', 'x_y'])}${cijfers(2)}@${kies(['example.nl', 'mail.voorbeeld.com', 'gemeente.nl'])}`;
  }
  function postcode(): string {
    // Upper case or without a space: "2010 en" in lower case with a space is deliberately read as words.
    const letters = kies(['AB', 'KL', 'RT', 'ZX']);
    const vier = `${1 + Math.floor(rnd() * 9)}${cijfers(3)}`;
    return kies([`${vier} ${letters}`, `${vier}${letters}`, `${vier}${letters.toLowerCase()}`, `${vier} ${letters} ${1 + Math.floor(rnd() * 200)}`]);
  }
  function naamVariant(naam: string): string {
    return kies([naam, naam.toUpperCase(), naam.normalize('NFD').replace(/\p{M}/gu, '')]);
  }

  const RONDES = 1000;

  it(`holds for ${RONDES} generated records`, () => {
    for (let ronde = 0; ronde < RONDES; ronde++) {
      const voornaam = kies(VOORNAMEN);
      const achternaam = kies(ACHTERNAMEN);
      const tussenvoegsel = kies(TUSSENVOEGSELS);
      const straat = kies(STRATEN);
      const maakGevoelig = kies([
        bsn, mobiel, vast, iban, email, postcode,
        () => `S${cijfers(10)}`,
        () => naamVariant(voornaam),
        () => naamVariant(tussenvoegsel ? `${tussenvoegsel} ${achternaam}` : achternaam),
        () => `${naamVariant(straat)} ${1 + Math.floor(rnd() * 300)}`,
      ]);
      const gevoelig = maakGevoelig();
      const gewoon = kies(GEWONE_WAARDEN);
      const tekst = kies([
        `${gewoon} ${gevoelig}`, `${gewoon} (${gevoelig})`, `${gewoon}: ${gevoelig}`, `${gevoelig}, ${gewoon}`, `${gewoon} - ${gevoelig}`,
        // "6511 AB 24 uur" or "0707.14.824 24 uur" cannot tell where the number ends; removing too much is no leak.
        ...((/\d$/.test(gevoelig) || maakGevoelig === postcode) && /^\d/.test(gewoon) ? [] : [`${gevoelig} ${gewoon}`]),
      ]);
      const veld = kies(['vaardigheden', 'competenties', 'affiniteiten', 'beroepssectoren', 'taaksoorten', 'beroep', 'richting'] as const);
      const kp = klantprofiel({ opleidingen: [], vaardigheden: [], competenties: [], affiniteiten: [], beroepssectoren: [], taaksoorten: [], werkervaring: [] });
      if (veld === 'beroep') kp.werkervaring = [{ beroep: tekst, jaren: 1 }];
      else if (veld === 'richting') kp.opleidingen = [{ niveau: 'mbo-2', richting: tekst }];
      else kp[veld] = [tekst];

      const profiel = profielVan(anonimiseer(record({
        naam: { voornaam, tussenvoegsel, achternaam },
        adres: { straat, huisnummer: '1', postcode: '6511 AB', woonplaats: 'Nijmegen' },
        klantprofiel: kp,
      }), deps));

      const uitvoer = veld === 'beroep' ? profiel.werkervaring[0]?.beroep : veld === 'richting' ? profiel.opleidingen[0]?.richting : profiel[veld][0];
      const gelekt = alleTeksten({ ...profiel, id: '' }).some((t) => cijfersEnLetters(t).includes(cijfersEnLetters(gevoelig)));
      // One object per round, so a failure names the generated text.
      expect({ tekst, uitvoer, gelekt }).toEqual({ tekst, uitvoer: gewoon, gelekt: false });
    }
  });
});

/** Every string value in the profile, at any depth. */
function alleTeksten(waarde: unknown): string[] {
  if (typeof waarde === 'string') return [waarde];
  if (Array.isArray(waarde)) return waarde.flatMap(alleTeksten);
  if (waarde !== null && typeof waarde === 'object') return Object.values(waarde).flatMap(alleTeksten);
  return [];
}

/** Lower-case letters and digits only, without diacritics: how a planted value is recognised in any format. */
function cijfersEnLetters(tekst: string): string {
  return tekst.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A small seeded PRNG, so a failing round can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
