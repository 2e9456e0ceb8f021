import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
// The full metadata: its validity check knows the real number ranges, so "01 2421" is not mistaken for a number.
import { findPhoneNumbersInText, parsePhoneNumberFromString, type NumberFound, type PhoneNumber } from 'libphonenumber-js/max';

/** What of the record itself must not survive in its free text. */
export interface ScreeningContext {
  /** Voornaam, achternaam and "tussenvoegsel achternaam"; each is matched whole and word by word. */
  namen: string[];
  /** Street names, matched whole together with a following house number. */
  straten: string[];
}

type Bereik = readonly [start: number, eind: number];

const VOOR = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Sonar klantnummers: anyone's, not only the record's own, identify a person. */
const KLANTNUMMER = new RegExp(`${VOOR}S\\d{10}(?!\\p{N})`, 'giu');
/** Anything that starts like an IBAN; the exact extent is settled by ibantools' checksum. */
const IBAN_KANDIDAAT = new RegExp(`${VOOR}[a-z]{2}\\d{2}(?:[ -]?[a-z0-9]){11,30}`, 'giu');
const KORTSTE_IBAN = 15;
/** The lenient search ("extended"), with numbers without country code read as Dutch. */
const TELEFOON_OPTIES = { defaultCountry: 'NL', extended: true } as const;
/** Where a number typed with "+", "00" or a trunk 0 can begin: not inside a word or a number. */
const TELEFOON_BEGIN = /(?<![\p{L}\p{N}+])\(?[+0]/gu;
/** Text ending in a digit and a colon: what follows is the minutes of a time ("17:00"). */
const IN_TIJD = /\p{N}:$/u;
/**
 * Nine digits with at most one separator between any two. A neighbouring digit joined by '.' or '-' means the
 * run is part of a longer number; one joined by a space does not, so "12 123456782" still finds the BSN.
 */
const NEGEN_CIJFERS = /(?<!\d[.-]?)\d(?:[ .-]?\d){8}(?![.-]?\d)/g;
/** A following postcode is no house number: "2500 kg 4771 KL". */
const POSTCODE_KERN = `[1-9]\\d{3}\\s?[a-z]{2}${NA}`;
/** Postcode (never SA, SD or SS) with an optional house number and addition behind it. */
const POSTCODE = new RegExp(
  `${VOOR}(?<cijfers>[1-9]\\d{3})(?<spatie>\\s?)(?!sa|sd|ss)(?<letters>[a-z]{2})(?!\\p{L})(?:\\s*(?!${POSTCODE_KERN})(?<huisnummer>\\d{1,5})[a-z]?${NA})?`,
  'giu',
);
/**
 * "tot 2500 kg", "2010 en 2015": lower-case words after a number that look like postcode letters. Such a
 * combination is only a postcode when a house number follows ("3259 nr 24"), and not when both numbers are years.
 */
const GEWONE_WOORDEN = new Set([
  'al', 'bv', 'ca', 'cc', 'cm', 'de', 'di', 'do', 'en', 'er', 'gb', 'in', 'is', 'je', 'kb', 'kg', 'km', 'kw', 'ma', 'mb',
  'ml', 'mm', 'na', 'nr', 'nu', 'of', 'om', 'op', 'pk', 'st', 'tb', 'te', 'tm', 'uw', 'vr', 'we', 'wo', 'za', 'ze', 'zo',
]);
/** Tussenvoegsels are removed as part of a full name, never on their own: "de" or "van" alone is no name. */
const TUSSENVOEGSELS = new Set([
  'da', 'dal', 'das', 'de', 'del', 'den', 'der', 'des', 'di', 'do', 'dos', 'du', 'el', 'het', 'in', 'la', 'le', 'op', 'te',
  'ten', 'ter', 'van', 'vd', 'von', 'zu',
]);
const WOORD = /[\p{L}\p{N}]+/gu;
/** Words that announce what follows them; see metLabel. */
const LABEL_ERVOOR = new RegExp(
  `${VOOR}(?:bel|tel|telefoon|telefoonnummer|mobiel|mail|e-mail|email|bsn|iban|rek|rekening|rekeningnummer|woont|adres|postcode|klantnummer|bij|via|voor|met|van|aan)\\.?\\s*:?\\s*$`,
  'iu',
);

/**
 * The eleven-test (11-proef) of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11.
 * Takes exactly nine digits; anything else fails.
 */
export function voldoetAanElfproef(cijfers: string): boolean {
  if (!/^\d{9}$/.test(cijfers)) return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (cijfers.charCodeAt(i) - 48) * (9 - i);
  som -= cijfers.charCodeAt(8) - 48;
  return som % 11 === 0;
}

/**
 * Removes from a short free-text value what could identify its person: e-mail addresses, phone numbers, BSNs
 * (11-proef), IBANs, Sonar klantnummers, postcodes with house number, and the record's own names and street
 * (case- and diacritics-insensitive, whole words), each with the word that announced it ("bel", "BSN:", "bij").
 * Tidies what is left (whitespace, empty brackets, dangling punctuation). Returns null when no letter remains.
 */
export function screenTekst(tekst: string, context: ScreeningContext): string | null {
  return maakScreener(context)(tekst);
}

/**
 * `screenTekst` for one record: the name and street searchers are prepared once for all of its values, and the
 * number searchers only run on values with a digit (e-mail on values with an "@"): most values are plain words
 * such as "Heftruck rijden", and a national export screens millions of them.
 */
export function maakScreener(context: ScreeningContext): (tekst: string) => string | null {
  const namen = [
    naamZoeker(context.straten, { perWoord: false, huisnummer: true }),
    naamZoeker(context.namen, { perWoord: true, huisnummer: false }),
  ];
  const metCijfers = [
    (t: string) => treffers(t, KLANTNUMMER),
    ibans,
    // After IBANs, whose account digits look like a phone number.
    telefoonnummersEnBsns,
    postcodes,
  ];
  const email = (t: string) => treffers(t, EMAIL);
  return (tekst) => {
    const zoekers = [...(tekst.includes('@') ? [email] : []), ...(/\p{N}/u.test(tekst) ? metCijfers : []), ...namen];
    let rest = tekst;
    for (const zoek of zoekers) {
      const voor = rest;
      rest = knip(voor, zoek(voor).map((bereik) => metLabel(voor, bereik)));
    }
    // Values where nothing was found only get their whitespace normalised: "Stap 1)" or "..." stay as typed.
    const netjes = rest === tekst ? tekst.replace(/\s+/g, ' ').trim() : ruimOp(rest);
    return /\p{L}/u.test(netjes) ? netjes : null;
  };
}

function treffers(tekst: string, patroon: RegExp, accepteer: (m: RegExpExecArray) => boolean = () => true): Bereik[] {
  const bereiken: Bereik[] = [];
  const zoeker = new RegExp(patroon);
  for (let m = zoeker.exec(tekst); m !== null; m = zoeker.exec(tekst)) {
    if (accepteer(m)) {
      bereiken.push([m.index, m.index + m[0].length]);
    } else {
      // A refused match may hide one that starts inside it: "2015 492 86 4998", "2500 kg 4771 KL".
      zoeker.lastIndex = m.index + 1;
    }
  }
  return bereiken;
}

/**
 * Widens a range over the word that announces it ("bel 06-…", "BSN: …", "Orderpicker bij Jansen"): without what
 * it announced, the word only turns a value into a variant of itself ("Kassa bedienen, bel") in search facets.
 */
function metLabel(tekst: string, [start, eind]: Bereik): Bereik {
  const label = LABEL_ERVOOR.exec(tekst.slice(0, start));
  return [label === null ? start : label.index, eind];
}

/** Replaces each range by a space, so the words around it stay apart. */
function knip(tekst: string, bereiken: Bereik[]): string {
  let uit = '';
  let vanaf = 0;
  for (const [start, eind] of [...bereiken].sort((a, b) => a[0] - b[0])) {
    if (eind <= vanaf) continue;
    uit += tekst.slice(vanaf, Math.max(start, vanaf)) + ' ';
    vanaf = eind;
  }
  return uit + tekst.slice(vanaf);
}

/** The longest piece of each candidate that ends on a word boundary and passes the IBAN checksum. */
function ibans(tekst: string): Bereik[] {
  const bereiken: Bereik[] = [];
  const patroon = new RegExp(IBAN_KANDIDAAT);
  for (let m = patroon.exec(tekst); m !== null; m = patroon.exec(tekst)) {
    const lengte = geldigeIbanLengte(tekst, m.index, m[0]);
    if (lengte > 0) {
      bereiken.push([m.index, m.index + lengte]);
      patroon.lastIndex = m.index + lengte;
    } else {
      patroon.lastIndex = m.index + 1;
    }
  }
  return bereiken;
}

function geldigeIbanLengte(tekst: string, start: number, kandidaat: string): number {
  for (let lengte = kandidaat.length; lengte >= KORTSTE_IBAN; lengte--) {
    if (/[\p{L}\p{N}]/u.test(tekst.charAt(start + lengte))) continue;
    const elektronisch = electronicFormatIBAN(kandidaat.slice(0, lengte));
    if (elektronisch !== null && isValidIBAN(elektronisch)) return lengte;
  }
  return 0;
}

/**
 * libphonenumber-js in its lenient mode finds every way people type numbers, also well-formed but unassigned
 * ones such as 06-00000000. Kept are the numbers typed with a trunk prefix, "+", "00" or a Dutch 31, that are
 * either valid or long enough to be a full subscriber number. A bare run of digits (an order number, a BSN for
 * the 11-proef) or a date such as 01-01-2020 is not a phone number.
 */
function telefoonnummers(tekst: string): Bereik[] {
  const bereiken: Bereik[] = [];
  const neem = (gevonden: NumberFound, offset: number) => {
    const start = offset + gevonden.startsAt;
    // The "00" of "17:00 0612345678" is no international prefix; the number itself is found from its own 0.
    if (IN_TIJD.test(tekst.slice(0, start))) return;
    const bereik = telefoonnummerBereik(tekst.slice(start, offset + gevonden.endsAt), gevonden.number);
    if (bereik !== null) bereiken.push([start + bereik[0], start + bereik[1]]);
  };
  for (const gevonden of findPhoneNumbersInText(tekst, TELEFOON_OPTIES)) neem(gevonden, 0);
  // The library reads a run of digit groups as one candidate, so in "Office 365 06 2532 0210" it finds nothing;
  // searching again from every place where a typed number can begin finds the number behind the "365".
  for (const begin of tekst.matchAll(TELEFOON_BEGIN)) {
    const [eerste] = findPhoneNumbersInText(tekst.slice(begin.index), TELEFOON_OPTIES);
    if (eerste !== undefined && eerste.startsAt < begin[0].length) neem(eerste, begin.index);
  }
  return bereiken;
}

/** The part of a match that is a phone number by the rules above; null when it is none. */
function telefoonnummerBereik(gevonden: string, number: PhoneNumber): Bereik | null {
  const volledig = { lengte: gevonden.length, nummer: number };
  const { lengte, nummer } = number.isValid() ? volledig : geldigBegin(gevonden) ?? volledig;
  const getypt = totLaatsteCijfer(gevonden.slice(0, lengte), nummer.nationalNumber);
  const cijfers = getypt.replace(/\D/g, '');
  const metPrefix = /^[^\d+]*[+0]/.test(getypt) || (nummer.countryCallingCode === '31' && cijfers === `31${nummer.nationalNumber}`);
  if (!metPrefix || !(nummer.isValid() || nummer.nationalNumber.length >= 9)) return null;
  // "(024) 360 12 34" goes whole; of "(06-12345678)" the library takes the "(" but not the ")", which would dangle.
  const open = getypt.replace(/[^([{]/g, '').length;
  const dicht = getypt.replace(/[^)\]}]/g, '').length;
  const begin = open > dicht ? getypt.search(/[+\d]/) : 0;
  return [begin, getypt.length];
}

/** "024 9836366, 2 jaar" parses as a number with extension 2; the match ends with the number's last digit. */
function totLaatsteCijfer(getypt: string, nationaalNummer: string): string {
  let cijfers = '';
  for (let i = 0; i < getypt.length; i++) {
    const teken = getypt.charAt(i);
    if (teken < '0' || teken > '9') continue;
    cijfers += teken;
    if (cijfers.endsWith(nationaalNummer)) return getypt.slice(0, i + 1);
  }
  return getypt;
}

/**
 * The lenient search takes a following number along ("+31 24 1259586 2 jaar"); the longest valid number that
 * ends before a space within the match gives that number back.
 */
function geldigBegin(gevonden: string): { lengte: number; nummer: PhoneNumber } | undefined {
  for (let eind = gevonden.lastIndexOf(' '); eind > 0; eind = gevonden.lastIndexOf(' ', eind - 1)) {
    const deel = gevonden.slice(0, eind).trimEnd();
    const nummer = parsePhoneNumberFromString(deel, 'NL');
    if (nummer?.isValid()) return { lengte: deel.length, nummer };
  }
  return undefined;
}

/**
 * Sought in the same text, because removing either first could break up the other: "024 360 12 34" holds a
 * nine-digit run that may pass the 11-proef. A BSN within a phone number, or one around it, goes with it; one
 * that only shares some digits with a phone number ("365 06 5110 7203") borrowed them and is not a BSN.
 */
function telefoonnummersEnBsns(tekst: string): Bereik[] {
  const telefoons = telefoonnummers(tekst);
  const bsns = treffers(tekst, NEGEN_CIJFERS, (m) => voldoetAanElfproef(m[0].replace(/\D/g, '')));
  const leentCijfers = ([s, e]: Bereik) =>
    telefoons.some(([ts, te]) => s < te && ts < e && !(ts <= s && e <= te) && !(s <= ts && te <= e));
  return [...telefoons, ...bsns.filter((b) => !leentCijfers(b))];
}

function postcodes(tekst: string): Bereik[] {
  const jaartal = /^(?:19|20)\d\d$/;
  return treffers(tekst, POSTCODE, (m) => {
    const { cijfers = '', spatie = '', letters = '', huisnummer } = m.groups ?? {};
    const leestAlsWoord = spatie !== '' && letters !== letters.toUpperCase() && GEWONE_WOORDEN.has(letters.toLowerCase());
    if (!leestAlsWoord) return true;
    return huisnummer !== undefined && !(jaartal.test(cijfers) && jaartal.test(huisnummer));
  });
}

/**
 * Finds names word by word in text folded to lower case without diacritics, so "Jose" finds "José" and the
 * other way round. A whole name is tried before its words; single letters and lone tussenvoegsels are not
 * looked for. Words are compared, not matched with a regular expression built from the name: compiling one per
 * record costs more than all other screening together.
 */
function naamZoeker(namen: string[], opties: { perWoord: boolean; huisnummer: boolean }): (t: string) => Bereik[] {
  const vormen = new Map<string, string[]>();
  const voegToe = (woorden: string[]) => vormen.set(woorden.join(' '), woorden);
  for (const naam of namen) {
    const woorden = woordenIn(vouw(naam).gevouwen).map((w) => w.woord);
    if (woorden.length === 0) continue;
    if (woorden.length > 1 || !opties.perWoord) voegToe(woorden);
    if (opties.perWoord) {
      for (const w of woorden) if (w.length >= 2 && !(w.length <= 3 && TUSSENVOEGSELS.has(w))) voegToe([w]);
    }
  }
  const opLengte = [...vormen.values()].sort((a, b) => b.length - a.length);
  if (opLengte.length === 0) return () => [];
  return (tekst) => {
    const { gevouwen, herkomst } = vouw(tekst);
    const woorden = woordenIn(gevouwen);
    const bereiken: Bereik[] = [];
    for (let i = 0; i < woorden.length; ) {
      const vorm = opLengte.find((v) => v.every((w, k) => woorden[i + k]?.woord === w));
      if (vorm === undefined) {
        i++;
        continue;
      }
      const eerste = woorden[i];
      let laatste = woorden[i + vorm.length - 1];
      i += vorm.length;
      const volgend = woorden[i];
      if (opties.huisnummer && laatste && volgend && /^\d{1,5}[a-z]?$/.test(volgend.woord) && gevouwen.slice(laatste.eind, volgend.start).trim() === '') {
        laatste = volgend;
        i++;
      }
      if (eerste && laatste) bereiken.push([herkomst[eerste.start] ?? tekst.length, herkomst[laatste.eind] ?? tekst.length]);
    }
    return bereiken;
  };
}

function woordenIn(tekst: string): { woord: string; start: number; eind: number }[] {
  return [...tekst.matchAll(WOORD)].map((m) => ({ woord: m[0], start: m.index, eind: m.index + m[0].length }));
}

/** Lower case without combining marks, with for every folded position the index of its source character. */
function vouw(tekst: string): { gevouwen: string; herkomst: number[] } {
  // Plain ASCII folds to lower case one to one; only other text needs the per-character decomposition.
  if (/^[\x00-\x7f]*$/.test(tekst)) return { gevouwen: tekst.toLowerCase(), herkomst: Array.from({ length: tekst.length + 1 }, (_, k) => k) };
  let gevouwen = '';
  const herkomst: number[] = [];
  let i = 0;
  for (const teken of tekst) {
    const v = teken.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '');
    for (let k = 0; k < v.length; k++) herkomst.push(i);
    gevouwen += v;
    i += teken.length;
  }
  herkomst.push(tekst.length);
  return { gevouwen, herkomst };
}

/** Leaves no traces of a removal: "Bellen (…)" becomes "Bellen", "Contact: …" becomes "Contact". */
function ruimOp(tekst: string): string {
  let t = tekst.replace(/\s+/g, ' ');
  for (let vorige = ''; vorige !== t; ) {
    vorige = t;
    t = t.replace(/[([{][\s,.:;/|–—-]*[)\]}]/g, ' ');
  }
  // Punctuation that a removal left apart ("Tel. ." or ", ,") collapses; as typed ("...") it stays.
  return t
    .replace(/([,;:.])(?:\s+[,;:.])+/g, '$1')
    .replace(/\s+([,;:.!?)\]}])/g, '$1')
    .replace(/([([{])\s+/g, '$1')
    .replace(/^[\s,;:.|/–—)\]}-]+/, '')
    .replace(/[\s,;:|/–—([{-]+\.?$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
