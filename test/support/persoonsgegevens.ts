import { composeIBAN } from 'ibantools';
import type { SonarRecord } from '../../src/sonar/sonar-record.schema';
import { maakRecord } from './sonar-records';

/** A 9-digit number passing the 11-proef, derived from n (so every record gets its own). */
export function geldigBsn(n: number): string {
  for (let k = 0; ; k++) {
    const digits = String(100000000 + ((n * 7919 + k * 104729) % 899999999)).slice(0, 8).split('').map(Number);
    const som = digits.reduce((s, d, i) => s + d * (9 - i), 0);
    const laatste = som % 11;
    if (laatste <= 9) return `${digits.join('')}${laatste}`;
  }
}

export interface Geplant { record: SonarRecord; markers: string[] }

/**
 * A record with a distinct marker in every personal field, plus the person's own name, phone, e-mail, BSN and IBAN
 * hidden inside the free-text fields that are mirrored, in the formats people type.
 */
export function plantPersoonsgegevens(n: number): Geplant {
  const voornaam = `Qvoornaam${n}x`;
  const achternaam = `Zachternaam${n}x`;
  const straat = `Kstraatnaam${n}x`;
  const woonplaats = `Wwoonplaats${n}x`;
  const bsn = geldigBsn(n);
  const telefoon = `06${String(10000000 + n * 37).slice(-8)}`;
  const email = `marker.${n}@voorbeeld.nl`;
  const iban = composeIBAN({ countryCode: 'NL', bban: `ABNA${String(417164300 + n).padStart(10, '0')}` })!;
  const grondslag = `Ggrondslag${n}x`;
  const toelichting = `Tnotitie${n}x`;
  const klantnummer = `S${String(7000000000 + n)}`;
  const postcode = `${6500 + (n % 400)} KX`;
  const basis = maakRecord(n);
  const record: SonarRecord = {
    ...basis,
    klantnummer,
    bsn,
    naam: { voornaam, tussenvoegsel: 'van', achternaam },
    geboortedatum: `19${60 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`,
    adres: { straat, huisnummer: `${n}Q`, postcode, woonplaats },
    telefoon: `${telefoon.slice(0, 2)}-${telefoon.slice(2)}`,
    email,
    doelgroepregister: { ingeschreven: true, grondslag },
    klantprofiel: {
      ...basis.klantprofiel!,
      opleidingen: [{ niveau: 'mbo-2', richting: `Logistiek bij ${achternaam}`, diploma: true }],
      vaardigheden: [`Heftruck rijden ${voornaam}`, `Orderpicken (bel ${telefoon})`, `Scanner ${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`],
      competenties: [`Nauwkeurig ${email}`, `Samenwerken ${iban.replace(/(.{4})/g, '$1 ').trim()}`],
      affiniteiten: [`Werken met dieren in de ${straat}`],
      beroepssectoren: ['Transport en logistiek'],
      taaksoorten: [`Inpakken +31 6 ${telefoon.slice(2, 6)} ${telefoon.slice(6)}`, `Sorteren ${postcode.replace(' ', '')}`],
      werkervaring: [{ beroep: `Orderpicker bij ${voornaam} ${achternaam} BSN ${bsn}`, jaren: 2 }],
      toelichting: `${toelichting}: ${voornaam} ${achternaam}, ${bsn}, ${telefoon}, ${email}, ${iban}`,
    },
  };
  return {
    record,
    markers: [voornaam, achternaam, straat, woonplaats, bsn, telefoon, telefoon.slice(2), email, iban, iban.slice(4), grondslag, toelichting, klantnummer, klantnummer.slice(1), record.geboortedatum!, `${n}Q`],
  };
}
