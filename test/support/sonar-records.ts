import type { Klantprofiel, SonarRecord } from '../../src/sonar/sonar-record.schema';

/** A complete klantprofiel (all five counted parts filled) whose consultant note names the person. */
export function maakKlantprofiel(overrides: Partial<Klantprofiel> = {}): Klantprofiel {
  return {
    opleidingen: [{ niveau: 'mbo-2', richting: 'Logistiek', diploma: true }],
    vaardigheden: ['Heftruck rijden', 'Orderpicken'],
    competenties: ['Nauwkeurig', 'Samenwerken'],
    affiniteiten: ['Werken met dieren'],
    beroepssectoren: ['Transport en logistiek'],
    taaksoorten: ['Inpakken', 'Sorteren'],
    werkervaring: [{ beroep: 'Orderpicker', jaren: 2 }],
    beschikbaarheid: { urenPerWeek: 24, dagdelen: ['ma-ochtend', 'di-ochtend'] },
    reisafstandKm: 15,
    vervoer: { rijbewijs: ['B'], eigenVervoer: true },
    toelichting: 'Jan de Vries is gemotiveerd, bel hem op 06-12345678.',
    ...overrides,
  };
}

/** A valid Sonar record with a full profile; `n` makes klantnummer (and so the pseudonym) unique. */
export function maakRecord(n: number, overrides: Partial<SonarRecord> = {}): SonarRecord {
  return {
    klantnummer: `S${String(n).padStart(10, '0')}`,
    bsn: '123456782',
    naam: { voornaam: 'Jan', tussenvoegsel: 'de', achternaam: 'Vries' },
    geboortedatum: '1994-03-12',
    adres: { straat: 'Molenstraat', huisnummer: '12a', postcode: '6511 AB', woonplaats: 'Nijmegen' },
    telefoon: '06-12345678',
    email: 'jan.devries@example.nl',
    gemeenteCode: 'GM0268',
    dienstverlener: 'UWV',
    doelgroepregister: { ingeschreven: true, grondslag: 'wajong' },
    klantprofiel: maakKlantprofiel(),
    gewijzigdOp: '2020-06-30T12:00:00Z',
    ...overrides,
  };
}

export const ndjson = (waarden: readonly unknown[]) => `${waarden.map((w) => (typeof w === 'string' ? w : JSON.stringify(w))).join('\n')}\n`;
