import type { Dekking, LandelijkOverzicht, Regiorapport } from './transparantie.schemas';

/*
 * CSV as Dutch Excel opens it with a double click: semicolons (the list separator of the Dutch locale), a UTF-8
 * BOM (without it Excel reads the file as Windows-1252), CRLF line ends. No "sep=;" line: with it Excel ignores
 * the BOM. The table comes first so sorting and filtering work; what describes it follows after an empty line.
 */

const BOM = '\uFEFF';

function cel(waarde: string | number | null): string {
  const tekst = waarde === null ? '' : String(waarde);
  return /[;"\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

const regel = (cellen: readonly (string | number | null)[]) => cellen.map(cel).join(';');

function toelichting(rapport: Regiorapport | LandelijkOverzicht): string[][] {
  const regels = [
    ['Periode', rapport.live ? `${rapport.periode} (live)` : rapport.periode],
    ['Peilmoment', rapport.peilmoment],
  ];
  if (rapport.melding) regels.push(['Melding', rapport.melding]);
  return regels;
}

const registerCellen = (d: Dekking | null) => [d?.aantal ?? null, d?.bekendInSonarPercentage ?? null];

/** The report as CSV text, BOM included. */
export function naarCsv(rapport: Regiorapport | LandelijkOverzicht): string {
  const regels: (string | number | null)[][] = [];
  if (rapport.soort === 'regio') {
    const d = rapport.doelgroepregister;
    regels.push(
      ['Gemeente', 'CBS-code', ...rapport.kolomlabels],
      ...rapport.rijen.map((r) => [r.gemeente, r.gemeenteCode, ...r.waarden]),
      [rapport.totaal.label, null, ...rapport.totaal.waarden],
      [],
      ['Arbeidsmarktregio', `${rapport.regio.nummer} ${rapport.regio.naam}`],
      ...toelichting(rapport),
      [d ? `Doelgroepregister (${d.periode})` : 'Doelgroepregister', d?.aantal ?? 'onbekend'],
      ['Bekend in Sonar (%)', d?.bekendInSonarPercentage ?? 'onbekend'],
    );
  } else {
    const d = rapport.doelgroepregister;
    regels.push(
      ['Regio', 'Naam', ...rapport.kolomlabels, 'Doelgroepregister', 'Bekend in Sonar (%)'],
      ...rapport.rijen.map((r) => [r.regio.nummer, r.regio.naam, ...r.waarden, ...registerCellen(r.doelgroepregister)]),
      [rapport.totaal.label, null, ...rapport.totaal.waarden, ...registerCellen(d)],
      [],
      ...toelichting(rapport),
    );
  }
  return BOM + regels.map(regel).join('\r\n') + '\r\n';
}

const slug = (tekst: string) => tekst.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** An ASCII file name that says what the file holds: `transparantie-regio-25-rijk-van-nijmegen-2020-Q2.csv`. */
export function csvBestandsnaam(rapport: Regiorapport | LandelijkOverzicht): string {
  const wat = rapport.soort === 'regio' ? `regio-${rapport.regio.nummer}-${slug(rapport.regio.naam)}` : 'landelijk';
  return `transparantie-${wat}-${rapport.periode}${rapport.live ? '-live' : ''}.csv`;
}
