import type { Faker } from '@faker-js/faker';
import type { Klantprofiel } from '../src/sonar/sonar-record.schema';
import type { Periode } from './periode';
import type { Persoon } from './persoon';

/**
 * What consultants type into a profile besides the vocabulary: a note about the person, and now and then the
 * person's own data inside a skill or job, so the anonymisation always has something to remove.
 */
const PLANTSOORTEN = ['naam', 'telefoon', 'email', 'bsn', 'iban', 'postcode'] as const;
type Plantsoort = (typeof PLANTSOORTEN)[number];

type Plantdoel = 'vaardigheden' | 'taaksoorten' | 'competenties' | 'affiniteiten' | 'werkervaring';
// Sectors and opleidingsrichtingen come from Sonar's pick lists in reality, so nothing is typed into them.
const PLANTDOELEN: readonly Plantdoel[] = ['vaardigheden', 'taaksoorten', 'competenties', 'affiniteiten', 'werkervaring'];

function volledigeNaam(p: Persoon): string {
  return [p.naam.voornaam, p.naam.tussenvoegsel, p.naam.achternaam].filter(Boolean).join(' ');
}

/** "Van der Meer" when the last name stands without a first name, as Dutch writes it. */
function achternaamZonderVoornaam(p: Persoon): string {
  const tv = p.naam.tussenvoegsel;
  return tv ? `${tv.charAt(0).toUpperCase()}${tv.slice(1)} ${p.naam.achternaam}` : p.naam.achternaam;
}

/** The ways people type one phone number: `0612345678`, `06-12345678`, `+31 6 1234 5678`. */
function telefoonvarianten(telefoon: string): string[] {
  const [net = '', abonnee = ''] = telefoon.split('-');
  const groepen = abonnee.length === 8 ? `${abonnee.slice(0, 4)} ${abonnee.slice(4)}` : `${abonnee.slice(0, 3)} ${abonnee.slice(3)}`;
  return [`${net}${abonnee}`, telefoon, `+31 ${net.slice(1)} ${groepen}`];
}

/** The ways people type one BSN: `123456782`, `1234.56.782`, `123 45 6782`. */
function bsnvarianten(bsn: string): string[] {
  return [bsn, `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`, `${bsn.slice(0, 3)} ${bsn.slice(3, 5)} ${bsn.slice(5)}`];
}

function postcodevariant(faker: Faker, postcode: string): string {
  return faker.helpers.arrayElement([postcode, postcode.replace(' ', ''), postcode.toLowerCase()]);
}

function geplant(faker: Faker, soort: Plantsoort, waarde: string, isBeroep: boolean, p: Persoon, bsn: string): string {
  switch (soort) {
    case 'naam':
      return isBeroep ? `${waarde} bij ${achternaamZonderVoornaam(p)}` : `${waarde} (${volledigeNaam(p)})`;
    case 'telefoon':
    {
      const nummer = faker.helpers.arrayElement(telefoonvarianten(p.telefoon));
      return faker.datatype.boolean() ? `${waarde} (tel. ${nummer})` : `${waarde}, bel ${nummer}`;
    }
    case 'email':
      return `${waarde} - mail ${p.email}`;
    case 'bsn':
      return `${waarde} BSN ${faker.helpers.arrayElement(bsnvarianten(bsn))}`;
    case 'iban':
      return `${waarde} (rek. ${faker.finance.iban({ countryCode: 'NL', formatted: faker.datatype.boolean() })})`;
    case 'postcode':
      return `${waarde} (woont ${postcodevariant(faker, p.adres.postcode)} ${p.adres.huisnummer})`;
  }
}

/**
 * Appends one piece of the person's own data to one value of a part that holds at least two values, so the
 * part stays filled whether screening cuts out the planted bits or drops the whole value. Does nothing when no
 * part has two values.
 */
export function plantPersoonsgegevens(faker: Faker, profiel: Klantprofiel, persoon: Persoon, bsn: string): void {
  const doelen = PLANTDOELEN.filter((d) => profiel[d].length >= 2);
  if (doelen.length === 0) return;
  const doel = faker.helpers.arrayElement(doelen);
  // Names fit a job ("Orderpicker bij Jansen") best, so a name is planted more often where there is a job.
  const soort = doel === 'werkervaring' && faker.datatype.boolean(0.5) ? 'naam' : faker.helpers.arrayElement(PLANTSOORTEN);
  if (doel === 'werkervaring') {
    const ervaring = faker.helpers.arrayElement(profiel.werkervaring);
    ervaring.beroep = geplant(faker, soort, ervaring.beroep, true, persoon, bsn);
  } else {
    const lijst = profiel[doel];
    const i = faker.number.int(lijst.length - 1);
    lijst[i] = geplant(faker, soort, lijst[i] ?? '', false, persoon, bsn);
  }
}

function datumIn(faker: Faker, periode: Periode): string {
  const d = new Date(faker.number.int({ min: periode.van, max: periode.tot }));
  return `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
}

/** A consultant's note that names the person and often gives a phone number, as real notes do. */
export function genereerToelichting(faker: Faker, profiel: Klantprofiel, persoon: Persoon, periode: Periode): string {
  const naam = volledigeNaam(persoon);
  const { voornaam } = persoon.naam;
  const beroep = profiel.werkervaring[0]?.beroep;
  const sector = profiel.beroepssectoren[0];
  const wens = beroep ? `werk als ${beroep.toLowerCase()}` : sector ? `werk in de sector ${sector}` : 'passend werk';
  const uren = profiel.beschikbaarheid?.urenPerWeek;
  const zinnen = [
    () => `Intakegesprek met ${naam} op ${datumIn(faker, periode)}. Gemotiveerd, zoekt ${wens}.`,
    () => `${voornaam} wil graag ${uren ?? 'enkele'} uur per week werken, het liefst dicht bij huis in ${persoon.adres.woonplaats}.`,
    () => `Dossier ${naam} overgenomen van collega ${faker.person.fullName()}. Jobcoach gewenst bij plaatsing; zoekt ${wens}.`,
    () => `Afspraak met ${naam} verzet naar ${datumIn(faker, periode)}. Heeft baat bij vaste structuur en duidelijke instructies.`,
    () => `Telefonisch contact met ${naam} (${datumIn(faker, periode)}): proefplaatsing besproken, zoekt ${wens}.`,
  ];
  let toelichting = faker.helpers.arrayElement(zinnen)();
  if (faker.datatype.boolean(0.6)) toelichting += ` Bereikbaar op ${persoon.telefoon}.`;
  if (faker.datatype.boolean(0.15)) toelichting += ` Mail: ${persoon.email}.`;
  return toelichting;
}
