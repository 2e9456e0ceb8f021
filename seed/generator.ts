import { Faker, base, en, nl } from '@faker-js/faker';
import { loadSearchConfig, type SearchConfig, type TransparantieConfig } from '../src/config/search-config';
import type { SonarRecord } from '../src/sonar/sonar-record.schema';
import { genereerToelichting, plantPersoonsgegevens } from './consulent';
import { leesDemoTabel } from './demo-tabel';
import { gemeentegewicht } from './gemeentegewichten';
import { hash01 } from './hash01';
import { genereerKlantprofiel, tekstwaarden } from './klantprofiel';
import { leesPeriode } from './periode';
import { bsnVoor, genereerGeboortedatum, genereerPersoon, klantnummerVoor, MAX_PERSONEN, woorden } from './persoon';

type Klasse = TransparantieConfig['klassen'][number];
type Klassecode = Klasse['code'];

export interface DoelgroepregisterAantal { regio: number; periode: string; aantal: number }

export interface DemoExport {
  records: SonarRecord[];
  doelgroepregister: DoelgroepregisterAantal[];
  periode: '2020-Q2';
}

export interface RecordOpties {
  /** The run's generator from `maakFaker`: one seeded stream per run keeps output reproducible and fast. */
  faker: Faker;
  /** Seed of the run; with `volgnummer` it fixes klantnummer and BSN. */
  seed: number;
  /** 0-based position in the run; klantnummer and BSN are unique per volgnummer. */
  volgnummer: number;
  /** CBS code of a gemeente in search-config/regios.json. */
  gemeenteCode: string;
  /** Exactly this many of the parts counted by search-config/transparantie.json are filled. */
  profielvulling: number;
  /** Quarter such as '2020-Q2': gewijzigdOp falls inside it and everyone is 18-66 throughout. */
  periode: string;
}

export interface NationaalOpties {
  profielen: number;
  regios: readonly number[] | 'alle';
  /** Default 42. */
  seed?: number;
  /** Quarter such as '2024-Q4'; default '2020-Q2'. */
  periode?: string;
}

const DEMO_SEED = 2020;
const STANDAARD_SEED = 42;
const STANDAARD_PERIODE = '2020-Q2';
/** Share of records with a profile that get personal data planted in a value (~10% of all records). */
const PLANTKANS = 0.11;
/** Class mix of the 2020-Q2 Rijk van Nijmegen table, rounded. */
const NATIONALE_MIX: Record<Klassecode, number> = { geen: 0.08, beperkt: 0.23, redelijk: 0.52, volledig: 0.17 };
/** Share of the doelgroepregister known in Sonar (71% in Rijk van Nijmegen); varies a little per region. */
const SONARAANDEEL = { min: 0.64, spreiding: 0.12 };

const GRONDSLAGEN = [
  { weight: 34, value: 'wajong' }, { weight: 30, value: 'participatiewet' }, { weight: 12, value: 'wsw' },
  { weight: 14, value: 'vso-pro' }, { weight: 4, value: 'wiw-id' }, { weight: 3, value: 'indicatie-banenafspraak' },
  { weight: 3, value: 'wia-iva' },
];

let configCache: SearchConfig | undefined;
function config(): SearchConfig {
  configCache ??= loadSearchConfig();
  return configCache;
}

/** A Faker with Dutch data first, seeded locally so runs never disturb each other or the global instance. */
export function maakFaker(seed: number): Faker {
  const faker = new Faker({ locale: [nl, en, base] });
  faker.seed(seed);
  return faker;
}

/** One valid SonarRecord. Throws a RangeError for an unknown gemeente, period or impossible profielvulling. */
export function genereerRecord(opts: RecordOpties): SonarRecord {
  const { faker, profielvulling } = opts;
  const cfg = config();
  const gemeente = cfg.gemeenten.get(opts.gemeenteCode);
  if (!gemeente) throw new RangeError(`gemeenteCode ${opts.gemeenteCode} staat niet in search-config/regios.json`);
  const geteld = cfg.transparantie.onderdelen;
  if (!Number.isInteger(profielvulling) || profielvulling < 0 || profielvulling > geteld.length) {
    throw new RangeError(`profielvulling ${profielvulling} ligt niet tussen 0 en ${geteld.length}`);
  }
  if (!Number.isInteger(opts.volgnummer) || opts.volgnummer < 0 || opts.volgnummer >= MAX_PERSONEN) {
    throw new RangeError(`volgnummer ${opts.volgnummer} ligt niet tussen 0 en ${MAX_PERSONEN - 1}`);
  }
  const periode = leesPeriode(opts.periode);

  const grondslag = faker.helpers.weightedArrayElement(GRONDSLAGEN);
  // Pupils of vso and praktijkonderwijs enter the register young.
  const geboorte = genereerGeboortedatum(faker, periode, { min: 18, max: grondslag === 'vso-pro' ? 27 : 66 });
  const klantprofiel = genereerKlantprofiel(faker, { geteld, profielvulling, leeftijd: geboorte.leeftijd });
  const vermijd = new Set(klantprofiel ? tekstwaarden(klantprofiel).flatMap(woorden) : []);
  const persoon = genereerPersoon(faker, { woonplaats: gemeente.naam, geboortedatum: geboorte.datum, vermijd });
  const bsn = bsnVoor(faker, opts.seed, opts.volgnummer);
  if (klantprofiel) {
    if (faker.datatype.boolean(PLANTKANS)) plantPersoonsgegevens(faker, klantprofiel, persoon, bsn);
    klantprofiel.toelichting = genereerToelichting(faker, klantprofiel, persoon, periode);
  }
  const gewijzigdOp = new Date(1000 * faker.number.int({ min: periode.van / 1000, max: periode.tot / 1000 }));
  return {
    klantnummer: klantnummerVoor(opts.seed, opts.volgnummer),
    bsn,
    naam: persoon.naam,
    geboortedatum: geboorte.datum,
    adres: persoon.adres,
    telefoon: persoon.telefoon,
    email: persoon.email,
    gemeenteCode: opts.gemeenteCode,
    dienstverlener: faker.datatype.boolean(0.7) ? 'UWV' : 'gemeente',
    doelgroepregister: { ingeschreven: true, grondslag },
    klantprofiel,
    gewijzigdOp: `${gewijzigdOp.toISOString().slice(0, 19)}Z`,
  };
}

/** How many records of one class one gemeente gets. */
interface Cel { gemeenteCode: string; regio: number; klasse: Klasse; aantal: number }

/**
 * Records for the cells, in random order across gemeenten and classes: each next record comes from a cell
 * drawn with probability proportional to what that cell still has to give, so totals per cell are exact.
 */
function* genereerUitCellen(cellen: readonly Cel[], seed: number, periode: string): Generator<SonarRecord, void, undefined> {
  const faker = maakFaker(seed);
  const rest = cellen.map((c) => c.aantal);
  let totaal = rest.reduce((a, b) => a + b, 0);
  for (let volgnummer = 0; totaal > 0; volgnummer++, totaal--) {
    let r = faker.number.int(totaal - 1);
    let i = 0;
    while (r >= (rest[i] ?? 0)) r -= rest[i++] ?? 0;
    rest[i] = (rest[i] ?? 0) - 1;
    const cel = cellen[i];
    if (!cel) throw new Error('celtrekking buiten de tabel');
    const profielvulling = faker.number.int({ min: cel.klasse.min, max: cel.klasse.max });
    yield genereerRecord({ faker, seed, volgnummer, gemeenteCode: cel.gemeenteCode, profielvulling, periode });
  }
}

/**
 * Whole numbers for fractional quotas by rounding their running sum: every count is its quota rounded up or
 * down, the total is exact, and small quotas are not starved the way per-group largest-remainder starves them.
 */
function rondCumulatief(quota: readonly number[]): number[] {
  let som = 0;
  let vorige = 0;
  return quota.map((q) => {
    som += q;
    const afgerond = Math.floor(som + 0.5);
    const aantal = afgerond - vorige;
    vorige = afgerond;
    return aantal;
  });
}

/**
 * The 2020-Q2 Rijk van Nijmegen export: per gemeente and class exactly as many records as the published table
 * (seed/demo-2020Q2.json), 3,955 in all, plus the register count of 5,594. Always the same output.
 */
export function genereerDemo(): DemoExport {
  const tabel = leesDemoTabel();
  const cellen = tabel.rijen.flatMap((rij) => config().transparantie.klassen.map((klasse) => ({
    gemeenteCode: rij.gemeenteCode, regio: tabel.regio.nummer, klasse, aantal: rij[klasse.code],
  })));
  const { regio, periode, aantal } = tabel.doelgroepregister;
  return {
    records: [...genereerUitCellen(cellen, DEMO_SEED, tabel.periode)],
    doelgroepregister: [{ regio, periode, aantal }],
    periode: tabel.periode,
  };
}

function nationaleCellen(opts: NationaalOpties): { cellen: Cel[]; regios: number[]; seed: number; periode: string } {
  const cfg = config();
  if (!Number.isInteger(opts.profielen) || opts.profielen < 0 || opts.profielen > MAX_PERSONEN) {
    throw new RangeError(`profielen moet een geheel getal van 0 tot en met ${MAX_PERSONEN} zijn, niet ${opts.profielen}`);
  }
  const seed = opts.seed ?? STANDAARD_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed moet een geheel getal zijn, niet ${seed}`);
  const periode = opts.periode ?? STANDAARD_PERIODE;
  leesPeriode(periode);
  const regios = opts.regios === 'alle' ? cfg.regios : [...new Set(opts.regios)].map((nummer) => {
    const regio = cfg.regios.find((r) => r.nummer === nummer);
    if (!regio) throw new RangeError(`regio ${nummer} bestaat niet; kies uit 1 tot en met ${Math.max(...cfg.regios.map((r) => r.nummer))}`);
    return regio;
  });
  if (regios.length === 0) throw new RangeError('kies minstens één regio');
  const gemeenten = regios.flatMap((r) => r.gemeenten.map((g) => ({ code: g.code, regio: r.nummer, gewicht: gemeentegewicht(g.code) })));
  const totaalGewicht = gemeenten.reduce((a, g) => a + g.gewicht, 0);
  const klassen = cfg.transparantie.klassen;
  const quota = gemeenten.flatMap((g) => {
    // Each gemeente deviates a little from the national mix, as the demo table's rows do.
    const mix = klassen.map((k) => NATIONALE_MIX[k.code] * (0.75 + 0.5 * hash01(`mix:${g.code}:${k.code}`)));
    const mixSom = mix.reduce((a, b) => a + b, 0);
    return mix.map((m) => (opts.profielen * g.gewicht * m) / (totaalGewicht * mixSom));
  });
  const aantallen = rondCumulatief(quota);
  const cellen = gemeenten.flatMap((g, i) => klassen.map((klasse, j) => ({
    gemeenteCode: g.code, regio: g.regio, klasse, aantal: aantallen[i * klassen.length + j] ?? 0,
  })));
  return { cellen, regios: regios.map((r) => r.nummer), seed, periode };
}

/**
 * `profielen` records spread over the gemeenten of the chosen regions by size, with a class mix like the demo
 * (8% geen, 23% beperkt, 52% redelijk, 17% volledig). Streams: memory stays flat for any number of records.
 * Options are checked at once (RangeError), not at the first iteration.
 */
export function genereerNationaal(opts: NationaalOpties): Generator<SonarRecord, void, undefined> {
  const { cellen, seed, periode } = nationaleCellen(opts);
  return genereerUitCellen(cellen, seed, periode);
}

/** Doelgroepregister per chosen region for the same options: about the region's profiles / 0.7. */
export function genereerDoelgroepregister(opts: NationaalOpties): DoelgroepregisterAantal[] {
  const { cellen, regios, periode } = nationaleCellen(opts);
  return regios.map((regio) => {
    const inSonar = cellen.filter((c) => c.regio === regio).reduce((a, c) => a + c.aantal, 0);
    const aandeel = SONARAANDEEL.min + SONARAANDEEL.spreiding * hash01(`sonaraandeel:${regio}`);
    return { regio, periode, aantal: Math.round(inSonar / aandeel) };
  });
}
