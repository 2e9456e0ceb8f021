import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { loadSearchConfig } from '../src/config/search-config';
import { sonarRecordSchema, type Klantprofiel, type SonarRecord } from '../src/sonar/sonar-record.schema';
import { GEMEENTEN_MET_INWONERTAL, gemeentegewicht } from './gemeentegewichten';
import { genereerDemo, genereerDoelgroepregister, genereerNationaal, genereerRecord, maakFaker } from './generator';
import { AFFINITEITEN, COMPETENTIES, SECTOREN } from './vocabulaire';

const config = loadSearchConfig();

// Counted directly on the raw profile, independent of the generator's own notion of parts.
const DELEN = ['opleidingen', 'vaardigheden', 'competenties', 'beroepssectoren', 'taaksoorten'] as const;
type Klasse = 'geen' | 'beperkt' | 'redelijk' | 'volledig';
function klasse(vulling: number): Klasse {
  return vulling === 0 ? 'geen' : vulling <= 2 ? 'beperkt' : vulling <= 4 ? 'redelijk' : 'volledig';
}
function vulling(p: Klantprofiel | null, houd: (waarde: string) => boolean = () => true): number {
  if (!p) return 0;
  return DELEN.filter((d) => (d === 'opleidingen' ? p.opleidingen.length > 0 : p[d].some(houd))).length;
}

// Transparency table, UWV 2020-Q2, Rijk van Nijmegen: geen, beperkt, redelijk, volledig.
const REFERENTIE: Record<string, [number, number, number, number]> = {
  GM0209: [14, 30, 113, 57], GM1945: [26, 85, 188, 66], GM0225: [15, 41, 82, 37], GM0252: [11, 18, 68, 31],
  GM0944: [2, 15, 15, 7], GM0268: [209, 654, 1417, 386], GM0296: [33, 86, 177, 72],
};

function elfproef(bsn: string): boolean {
  const d = [...bsn].map(Number);
  return d.length === 9 && (d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - (d[8] ?? 0)) % 11 === 0;
}

const woordenVan = (s: string) => s.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);

type Soort = 'naam' | 'telefoon' | 'email' | 'bsn' | 'iban' | 'postcode';
/** What of the record's own data a value carries, found the way a screener would look for it. */
function persoonsgegevensIn(waarde: string, r: SonarRecord): Soort[] {
  const gevonden: Soort[] = [];
  const cijfers = waarde.replace(/\D/g, '');
  const naam = new Set(woordenVan(`${r.naam?.voornaam} ${r.naam?.tussenvoegsel ?? ''} ${r.naam?.achternaam} ${r.adres?.straat}`));
  if (woordenVan(waarde).some((w) => naam.has(w))) gevonden.push('naam');
  if (cijfers.includes((r.telefoon ?? '').replace(/\D/g, '').slice(1))) gevonden.push('telefoon');
  if (waarde.includes('@')) gevonden.push('email');
  if (cijfers.includes(r.bsn ?? 'x')) gevonden.push('bsn');
  const iban = /NL\d{2} ?[A-Z]{4}(?: ?\d){10}/.exec(waarde);
  if (iban && isValidIBAN(electronicFormatIBAN(iban[0]) ?? '')) gevonden.push('iban');
  if (waarde.replace(/\s/g, '').toUpperCase().includes((r.adres?.postcode ?? 'x').replace(/\s/g, ''))) gevonden.push('postcode');
  return gevonden;
}
function tekstwaarden(p: Klantprofiel): string[] {
  return [...p.vaardigheden, ...p.competenties, ...p.affiniteiten, ...p.beroepssectoren, ...p.taaksoorten,
    ...p.werkervaring.map((w) => w.beroep), ...p.opleidingen.flatMap((o) => (o.richting ? [o.richting] : []))];
}

const demo = genereerDemo();
const nationaal = [...genereerNationaal({ profielen: 2000, regios: 'alle', seed: 7 })];

describe('vocabulaire', () => {
  const alles = [...SECTOREN.flatMap((s) => [s.naam, ...s.taaksoorten, ...s.vaardigheden, ...s.beroepen, ...s.opleidingsrichtingen]), ...COMPETENTIES, ...AFFINITEITEN];

  it('has 15-20 sectors, about 25 competenties and 15 affiniteiten, without duplicates in a list', () => {
    expect(SECTOREN.length).toBeGreaterThanOrEqual(15);
    expect(SECTOREN.length).toBeLessThanOrEqual(20);
    expect(COMPETENTIES.length).toBeGreaterThanOrEqual(22);
    expect(AFFINITEITEN.length).toBeGreaterThanOrEqual(14);
    for (const lijst of [COMPETENTIES, AFFINITEITEN, SECTOREN.map((s) => s.naam), ...SECTOREN.flatMap((s) => [s.taaksoorten, s.vaardigheden, s.beroepen])]) {
      expect(new Set(lijst).size).toBe(lijst.length);
    }
  });

  it('holds the words the typo tests search for', () => {
    expect(alles).toEqual(expect.arrayContaining(['Schoonmaak', 'Schoonmaakwerk', 'Heftruck rijden', 'Transport en logistiek']));
  });

  it('holds nothing screening would remove: no digits, @ or tussenvoegsels', () => {
    const tussenvoegsels = new Set(['de', 'den', 'der', 'het', 'van', 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'von']);
    for (const waarde of alles) {
      expect(waarde).not.toMatch(/[\d@]/);
      expect(woordenVan(waarde).filter((w) => tussenvoegsels.has(w))).toEqual([]);
    }
  });
});

describe('genereerDemo', () => {
  it('produces records that all pass the Sonar schema', () => {
    for (const r of demo.records) expect(sonarRecordSchema.safeParse(r).error).toBeUndefined();
  });

  it('matches the 2020-Q2 Rijk van Nijmegen table per gemeente and class', () => {
    const telling: Record<string, number[]> = {};
    const volgorde: Klasse[] = ['geen', 'beperkt', 'redelijk', 'volledig'];
    for (const r of demo.records) {
      const rij = (telling[r.gemeenteCode] ??= [0, 0, 0, 0]);
      const i = volgorde.indexOf(klasse(vulling(r.klantprofiel)));
      rij[i] = (rij[i] ?? 0) + 1;
    }
    expect(telling).toEqual(REFERENTIE);
    expect(demo.records).toHaveLength(3955);
    expect(demo.periode).toBe('2020-Q2');
    expect(demo.doelgroepregister).toEqual([{ regio: 25, periode: '2020-Q2', aantal: 5594 }]);
  });

  it('spreads each class over its range and leaves 0-part people mostly without a profile', () => {
    const vullingen = new Set(demo.records.map((r) => vulling(r.klantprofiel)));
    expect([...vullingen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const leeg = demo.records.filter((r) => vulling(r.klantprofiel) === 0);
    const zonderProfiel = leeg.filter((r) => r.klantprofiel === null).length / leeg.length;
    expect(zonderProfiel).toBeGreaterThan(0.6);
    expect(zonderProfiel).toBeLessThan(0.8);
  });

  it('interleaves gemeenten and classes instead of sorting them', () => {
    let wissels = 0;
    demo.records.forEach((r, i) => {
      const vorige = demo.records[i - 1];
      if (vorige && (vorige.gemeenteCode !== r.gemeenteCode || klasse(vulling(vorige.klantprofiel)) !== klasse(vulling(r.klantprofiel)))) wissels++;
    });
    expect(wissels).toBeGreaterThan(2000);
  });

  it('dates every change in 2020-Q2 and everyone 18-66 in that quarter', () => {
    for (const r of demo.records) {
      expect(r.gewijzigdOp >= '2020-04-01T00:00:00Z' && r.gewijzigdOp <= '2020-06-30T23:59:59Z').toBe(true);
      expect(r.geboortedatum! <= '2002-04-01').toBe(true);
      expect(r.geboortedatum! > '1953-06-30').toBe(true);
    }
  });

  it('is the same on every run', () => {
    expect(JSON.stringify(genereerDemo())).toBe(JSON.stringify(demo));
  });
});

describe.each([['demo', demo.records], ['nationaal', nationaal]])('%s records', (_naam, records) => {
  it('pass the Sonar schema', () => {
    for (const r of records) expect(sonarRecordSchema.safeParse(r).error).toBeUndefined();
  });

  it('have unique klantnummers and unique BSNs that pass the 11-proef', () => {
    expect(new Set(records.map((r) => r.klantnummer)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.bsn)).size).toBe(records.length);
    for (const r of records) expect(elfproef(r.bsn!)).toBe(true);
  });

  it('have realistic contact data: valid Dutch phone numbers, example.* e-mail, postcode 1234 AB', () => {
    for (const r of records) {
      expect(isValidPhoneNumber(r.telefoon!, 'NL')).toBe(true);
      expect(r.email).toMatch(/^[a-z.]+\d{0,2}@example\.(nl|com|org)$/);
      expect(r.adres?.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    }
  });

  it('plant own personal data in about 10% of records, one value each, and never in a way that empties a part', () => {
    let geplant = 0;
    for (const r of records) {
      const p = r.klantprofiel;
      if (!p) continue;
      const vuil = tekstwaarden(p).filter((w) => persoonsgegevensIn(w, r).length > 0);
      expect(vuil.length).toBeLessThanOrEqual(1);
      if (vuil.length > 0) geplant++;
      // A screener that drops every value with personal data must leave the profielvulling as it is.
      expect(vulling(p, (w) => persoonsgegevensIn(w, r).length === 0)).toBe(vulling(p));
    }
    expect(geplant / records.length).toBeGreaterThan(0.06);
    expect(geplant / records.length).toBeLessThan(0.14);
  });

  it('give every profile a consultant note naming the person', () => {
    for (const r of records) if (r.klantprofiel) expect(r.klantprofiel.toelichting).toContain(r.naam!.voornaam!);
  });
});

it('the demo plants every kind of personal data, in the formats people type', () => {
  const soorten = new Set(demo.records.flatMap((r) => (r.klantprofiel ? tekstwaarden(r.klantprofiel).flatMap((w) => persoonsgegevensIn(w, r)) : [])));
  expect([...soorten].sort()).toEqual(['bsn', 'email', 'iban', 'naam', 'postcode', 'telefoon']);
});

describe('genereerRecord', () => {
  it.each([0, 1, 2, 3, 4, 5])('fills exactly %i counted parts', (gevraagd) => {
    const faker = maakFaker(gevraagd);
    for (let volgnummer = 0; volgnummer < 200; volgnummer++) {
      const r = genereerRecord({ faker, seed: 1, volgnummer, gemeenteCode: 'GM0268', profielvulling: gevraagd, periode: '2024-Q4' });
      expect(vulling(r.klantprofiel)).toBe(gevraagd);
      expect(r.gewijzigdOp.startsWith('2024-1')).toBe(true);
    }
  });

  it('refuses an unknown gemeente or an impossible profielvulling', () => {
    const faker = maakFaker(1);
    const basis = { faker, seed: 1, volgnummer: 0, gemeenteCode: 'GM0268', profielvulling: 3, periode: '2020-Q2' };
    expect(() => genereerRecord({ ...basis, gemeenteCode: 'GM9999' })).toThrow(RangeError);
    expect(() => genereerRecord({ ...basis, profielvulling: 6 })).toThrow(RangeError);
    expect(() => genereerRecord({ ...basis, periode: '2020-Q5' })).toThrow(RangeError);
  });
});

describe('genereerNationaal', () => {
  const regioVan = (code: string) => config.gemeenten.get(code)?.regio;

  it('spreads over all 35 regions, bigger gemeenten getting more', () => {
    expect(new Set(nationaal.map((r) => regioVan(r.gemeenteCode))).size).toBe(35);
    const aantal = (code: string) => nationaal.filter((r) => r.gemeenteCode === code).length;
    expect(aantal('GM0363')).toBeGreaterThan(aantal('GM0268'));
    expect(aantal('GM0268')).toBeGreaterThan(aantal('GM0944'));
  });

  it('has a class mix like the demo', () => {
    const mix: Record<Klasse, number> = { geen: 0.08, beperkt: 0.23, redelijk: 0.52, volledig: 0.17 };
    for (const k of Object.keys(mix) as Klasse[]) {
      const aandeel = nationaal.filter((r) => klasse(vulling(r.klantprofiel)) === k).length / nationaal.length;
      expect(Math.abs(aandeel - mix[k])).toBeLessThan(0.03);
    }
  });

  it('keeps to the chosen regions and gives exactly the requested number', () => {
    const records = [...genereerNationaal({ profielen: 500, regios: [25, 26], seed: 3 })];
    expect(records).toHaveLength(500);
    expect(new Set(records.map((r) => regioVan(r.gemeenteCode)))).toEqual(new Set([25, 26]));
  });

  it('is deterministic per seed', () => {
    const eens = JSON.stringify([...genereerNationaal({ profielen: 300, regios: 'alle', seed: 11 })]);
    expect(JSON.stringify([...genereerNationaal({ profielen: 300, regios: 'alle', seed: 11 })])).toBe(eens);
    expect(JSON.stringify([...genereerNationaal({ profielen: 300, regios: 'alle', seed: 12 })])).not.toBe(eens);
  });

  it('checks its options before the first record', () => {
    expect(() => genereerNationaal({ profielen: 10, regios: [99] })).toThrow(/regio 99 bestaat niet/);
    expect(() => genereerNationaal({ profielen: -1, regios: 'alle' })).toThrow(RangeError);
    expect(() => genereerNationaal({ profielen: 10, regios: [] })).toThrow(RangeError);
    expect(() => genereerNationaal({ profielen: 10, regios: 'alle', periode: 'Q2' })).toThrow(RangeError);
  });
});

describe('genereerDoelgroepregister', () => {
  it('gives each chosen region about its profiles / 0.7', () => {
    const opties = { profielen: 20000, regios: 'alle', seed: 5 } as const;
    const register = genereerDoelgroepregister(opties);
    expect(register.map((r) => r.regio)).toEqual(config.regios.map((r) => r.nummer));
    const perRegio = new Map<number, number>();
    for (const r of genereerNationaal(opties)) {
      const regio = config.gemeenten.get(r.gemeenteCode)!.regio;
      perRegio.set(regio, (perRegio.get(regio) ?? 0) + 1);
    }
    for (const { regio, periode, aantal } of register) {
      expect(periode).toBe('2020-Q2');
      const aandeel = (perRegio.get(regio) ?? 0) / aantal;
      expect(aandeel).toBeGreaterThan(0.63);
      expect(aandeel).toBeLessThan(0.77);
    }
  });
});

it('has a population figure only for gemeenten that exist in search-config', () => {
  for (const code of GEMEENTEN_MET_INWONERTAL) expect(config.gemeenten.has(code)).toBe(true);
  expect(gemeentegewicht('GM0363')).toBeGreaterThan(gemeentegewicht('GM0268'));
});
