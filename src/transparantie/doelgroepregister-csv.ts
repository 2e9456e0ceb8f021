import type { RegioConfig } from '../config/search-config';
import type { DoelgroepregisterTelling } from '../opslag/opslag.port';
import { isPeriode, PERIODE_MELDING } from './periode';
import { REGIO_MELDING, vindRegio } from '../config/gebied';

/** A sanity bound on one region's register count: the whole Dutch register holds a few hundred thousand people. */
export const MAX_REGISTERAANTAL = 1_000_000;

export interface Registerregel extends DoelgroepregisterTelling {
  /** 1-based line number in the file. */
  regel: number;
}
export interface Regelfout { regel: number; melding: string }

const KOP = 'regio;periode;aantal';

/**
 * Reads `regio;periode;aantal` lines (region by number or name), with an optional header line, a BOM, CRLF and
 * empty lines allowed. Every line is checked; the result names each bad line, so nothing is sent half.
 */
export function leesRegisterCsv(tekst: string, regios: readonly RegioConfig[], huidigePeriode: string): { regels: Registerregel[]; fouten: Regelfout[] } {
  const regels: Registerregel[] = [];
  const fouten: Regelfout[] = [];
  const gezien = new Map<string, number>();
  const inhoud = tekst.replace(/^\uFEFF/, '').split(/\r?\n/);
  const eersteGevuld = inhoud.findIndex((r) => r.trim() !== '');
  for (const [i, tekstregel] of inhoud.entries()) {
    const regel = i + 1;
    const velden = tekstregel.split(';').map((v) => v.trim());
    if (tekstregel.trim() === '' || (i === eersteGevuld && velden.join(';').toLowerCase() === KOP)) continue;
    const melding = (m: string) => fouten.push({ regel, melding: m });
    if (velden.length !== 3) {
      melding(`verwacht 3 velden gescheiden door puntkomma's (${KOP}), niet ${velden.length}`);
      continue;
    }
    const [regioTekst, periode, aantalTekst] = velden as [string, string, string];
    const foutenVooraf = fouten.length;
    const regio = vindRegio(regios, regioTekst);
    if (!regio) melding(REGIO_MELDING);
    if (!isPeriode(periode)) melding(`periode: ${PERIODE_MELDING}`);
    else if (periode > huidigePeriode) melding(`periode ${periode} ligt in de toekomst`);
    const aantal = /^\d+$/.test(aantalTekst) ? Number(aantalTekst) : NaN;
    if (!(aantal <= MAX_REGISTERAANTAL)) melding(`aantal: verwacht een geheel getal van 0 tot en met ${MAX_REGISTERAANTAL}, zonder punten`);
    if (!regio || fouten.length > foutenVooraf) continue;
    const eerder = gezien.get(`${regio.nummer};${periode}`);
    if (eerder !== undefined) {
      melding(`regio ${regio.nummer} en ${periode} staan al op regel ${eerder}`);
      continue;
    }
    gezien.set(`${regio.nummer};${periode}`, regel);
    regels.push({ regel, regio: regio.nummer, periode, aantal });
  }
  return { regels, fouten };
}
