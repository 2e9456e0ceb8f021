import type { Faker } from '@faker-js/faker';
import { hash01 } from './hash01';
import type { Periode } from './periode';

/** The identifying half of a Sonar record (besides klantnummer and BSN): realistic and fake. */
export interface Persoon {
  naam: { voornaam: string; tussenvoegsel?: string; achternaam: string };
  adres: { straat: string; huisnummer: string; postcode: string; woonplaats: string };
  telefoon: string;
  email: string;
}

/** Upper bound of records per run: the BSN permutation below has 9,000,000 distinct 7-digit prefixes. */
export const MAX_PERSONEN = 9_000_000;

// Affine permutations (a·i + b mod M, a coprime to M) give unique, random-looking numbers per volgnummer
// without keeping a set of the numbers already handed out.
const KLANTNUMMER_M = 10_000_000_000n;
const KLANTNUMMER_A = 6_364_136_223n;
const BSN_PREFIX_M = 9_000_000;
const BSN_PREFIX_A = 7_368_787;

/** `S` + 10 digits, unique per (seed, volgnummer) within a run. */
export function klantnummerVoor(seed: number, volgnummer: number): string {
  const b = BigInt(Math.floor(hash01(`klantnummer:${seed}`) * 1e10));
  return `S${((KLANTNUMMER_A * BigInt(volgnummer) + b) % KLANTNUMMER_M).toString().padStart(10, '0')}`;
}

/**
 * A BSN passing the 11-proef, unique per (seed, volgnummer): the first 7 digits come from a permutation, the
 * 8th is random and the 9th is the check digit. 2 is invertible mod 11, so at most one choice of the 8th digit
 * yields check value 10; the next digit then works.
 */
export function bsnVoor(faker: Faker, seed: number, volgnummer: number): string {
  const b = Math.floor(hash01(`bsn:${seed}`) * BSN_PREFIX_M);
  const prefix = String(1_000_000 + ((BSN_PREFIX_A * volgnummer + b) % BSN_PREFIX_M));
  let som = 0;
  for (let i = 0; i < 7; i++) som += Number(prefix[i]) * (9 - i);
  let achtste = faker.number.int(9);
  if ((som + 2 * achtste) % 11 === 10) achtste = (achtste + 1) % 10;
  return `${prefix}${achtste}${(som + 2 * achtste) % 11}`;
}

/** Birth date such that the person is `min`..`max` years old during the whole period; age at its end. */
export function genereerGeboortedatum(faker: Faker, periode: Periode, leeftijd: { min: number; max: number }): { datum: string; leeftijd: number } {
  const begin = new Date(periode.van);
  const einde = new Date(periode.tot);
  const dag = 86_400_000;
  const vroegst = Date.UTC(einde.getUTCFullYear() - leeftijd.max - 1, einde.getUTCMonth(), einde.getUTCDate() + 1) / dag;
  const laatst = Date.UTC(begin.getUTCFullYear() - leeftijd.min, begin.getUTCMonth(), begin.getUTCDate()) / dag;
  const geboren = new Date(faker.number.int({ min: vroegst, max: laatst }) * dag);
  let jaren = einde.getUTCFullYear() - geboren.getUTCFullYear();
  if (einde.getUTCMonth() < geboren.getUTCMonth() || (einde.getUTCMonth() === geboren.getUTCMonth() && einde.getUTCDate() < geboren.getUTCDate())) jaren--;
  return { datum: geboren.toISOString().slice(0, 10), leeftijd: jaren };
}

/** Lower-case letter words of a text: the unit in which screening matches names and streets. */
export function woorden(tekst: string): string[] {
  return tekst.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 0);
}

const NETNUMMERS = ['010', '013', '015', '020', '023', '024', '026', '030', '033', '035', '036', '038', '040', '043', '045', '046', '050', '053', '055', '058', '070', '071', '072', '073', '074', '075', '076', '077', '078', '079'];
// 1-5 after 06 only: the 066 (pager) and 067 (data) ranges are not mobile numbers for libphonenumber.
function telefoonnummer(faker: Faker): string {
  if (faker.datatype.boolean(0.8)) return `06-${faker.number.int({ min: 1, max: 5 })}${faker.string.numeric(7)}`;
  return `${faker.helpers.arrayElement(NETNUMMERS)}-${faker.number.int({ min: 2, max: 9 })}${faker.string.numeric(6)}`;
}

// Postcode letter pairs SA, SD and SS are not issued.
const POSTCODELETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
function postcode(faker: Faker): string {
  let letters: string;
  do letters = faker.string.fromCharacters(POSTCODELETTERS, 2);
  while (letters === 'SA' || letters === 'SD' || letters === 'SS');
  return `${faker.number.int({ min: 1000, max: 9999 })} ${letters}`;
}

function huisnummer(faker: Faker): string {
  const nummer = faker.number.int({ min: 1, max: 180 });
  const toevoeging = faker.helpers.weightedArrayElement([
    { weight: 86, value: '' }, { weight: 8, value: faker.helpers.arrayElement(['a', 'b', 'c']) },
    { weight: 6, value: `-${faker.number.int({ min: 1, max: 3 })}` },
  ]);
  return `${nummer}${toevoeging}`;
}

function emailadres(faker: Faker, voornaam: string, tussenvoegsel: string | undefined, achternaam: string, geboortejaar: string): string {
  const schoon = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const vn = schoon(voornaam);
  const an = schoon(`${tussenvoegsel ?? ''}${achternaam}`);
  const lokaal = faker.helpers.arrayElement([`${vn}.${an}`, `${vn.slice(0, 1)}.${an}`, `${vn}${an}${geboortejaar.slice(2)}`]);
  // Reserved example domains (RFC 2606): realistic shape, never a real mailbox.
  return `${lokaal}@${faker.helpers.weightedArrayElement([{ weight: 6, value: 'example.nl' }, { weight: 3, value: 'example.com' }, { weight: 1, value: 'example.org' }])}`;
}

/**
 * A person with a fakerNL name and address. Names and streets that share a word with `vermijd` (the words
 * of the profile's mirrored values) are drawn again: screening removes the person's own name and street, and
 * must not thereby empty a profile part.
 */
export function genereerPersoon(faker: Faker, opts: { woonplaats: string; geboortedatum: string; vermijd: ReadonlySet<string> }): Persoon {
  let voornaam: string;
  let tussenvoegsel: string | undefined;
  let achternaam: string;
  let straat: string;
  let pogingen = 0;
  do {
    if (++pogingen > 100) throw new Error('geen naam en straat gevonden zonder overlap met de woorden van het profiel');
    voornaam = faker.person.firstName(faker.person.sexType());
    // fakerNL writes tussenvoegsels inside the last name ("van der Meer"); Sonar keeps them apart.
    const volledig = faker.person.lastName();
    const m = /^((?:[a-z']+ )+)(.+)$/.exec(volledig);
    tussenvoegsel = m?.[1]?.trim();
    achternaam = m?.[2] ?? volledig;
    const s = faker.location.street();
    straat = s.charAt(0).toUpperCase() + s.slice(1);
  } while (woorden(`${voornaam} ${tussenvoegsel ?? ''} ${achternaam} ${straat}`).some((w) => opts.vermijd.has(w)));
  return {
    naam: tussenvoegsel ? { voornaam, tussenvoegsel, achternaam } : { voornaam, achternaam },
    adres: { straat, huisnummer: huisnummer(faker), postcode: postcode(faker), woonplaats: opts.woonplaats },
    telefoon: telefoonnummer(faker),
    email: emailadres(faker, voornaam, tussenvoegsel, achternaam, opts.geboortedatum.slice(0, 4)),
  };
}
