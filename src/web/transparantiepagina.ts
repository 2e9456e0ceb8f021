import { leesQuery } from '../api/lees-parameters';
import { rapportQuerySchema } from '../api/transparantie.routes';
import type { SearchConfig } from '../config/search-config';
import { csvBestandsnaam, naarCsv } from '../transparantie/csv';
import type { TransparantieService } from '../transparantie/transparantie.service';
import type { Dekking, LandelijkOverzicht, Regiorapport } from '../transparantie/transparantie.schemas';
import { GeenToegangFout } from './fouten';
import { zonderLegeVelden } from './formulierquery';
import type { Paginabasis, Paginaresultaat } from './paginabasis';
import { maakStaafdiagram } from './staafdiagram';
import { getal, hoofdletter, type Weergave } from './weergave';

const KWARTALEN = ['eerste', 'tweede', 'derde', 'vierde'];

/** "2020-Q2" → "tweede kwartaal 2020", as the publication names its quarter. */
export function kwartaalTekst(periode: string): string {
  const [jaar, q] = periode.split('-Q');
  return `${KWARTALEN[Number(q) - 1] ?? q} kwartaal ${jaar}`;
}

export interface Csvbestand { csv: string; bestandsnaam: string }

/** Which figures the visitor was shown, for the audit record. */
export interface Getoond { gezien: { regio: number | null; periode: string } }

/**
 * The transparency dashboard of a regional manager: the publication's table of one region and quarter, a stacked
 * bar chart per gemeente, the coverage against the doelgroepregister, the trend over the frozen quarters and the
 * CSV of the API. All figures come from TransparantieService as it is; this class only arranges them.
 */
export class Transparantiepagina {
  private readonly schema: ReturnType<typeof rapportQuerySchema>;

  constructor(private readonly deps: { transparantie: TransparantieService; config: SearchConfig; weergave: Weergave }) {
    this.schema = rapportQuerySchema(deps.config.regios);
  }

  /**
   * `toegestaan`: the regions this visitor may see, null for all. Without a region in the query, the first allowed
   * one, or the national overview for whom may see all. Without a quarter, the newest frozen one.
   */
  async render(query: unknown, basis: Paginabasis, toegestaan: readonly number[] | null): Promise<(Paginaresultaat | Csvbestand) & Getoond> {
    const { regio: gevraagd, periode: gevraagdePeriode, formaat } = leesQuery(this.schema, zonderLegeVelden(query));
    const regio = gevraagd ?? toegestaan?.[0];
    if (regio !== undefined && toegestaan !== null && !toegestaan.includes(regio)) {
      throw new GeenToegangFout(`deze aanmelding geeft geen toegang tot regio ${regio}`);
    }
    const { huidig, snapshots } = await this.deps.transparantie.periodes();
    const bevroren = snapshots.map((s) => s.periode).sort().reverse();
    const periode = gevraagdePeriode ?? bevroren[0] ?? huidig;
    const rapport = regio === undefined
      ? await this.deps.transparantie.rapport({ periode })
      : await this.deps.transparantie.rapport({ regio, periode });
    const gezien = { regio: regio ?? null, periode: rapport.periode };
    if (formaat === 'csv') return { csv: naarCsv(rapport), bestandsnaam: csvBestandsnaam(rapport), gezien };

    const periodes = bevroren.includes(huidig) ? bevroren : [huidig, ...bevroren];
    const keuze = {
      regios: this.deps.config.regios.filter((r) => toegestaan === null || toegestaan.includes(r.nummer))
        .map((r) => ({ waarde: String(r.nummer), label: `${r.nummer} ${r.naam}`, gekozen: r.nummer === regio })),
      landelijk: toegestaan === null,
      periodes: periodes.map((p) => ({ waarde: p, label: `${kwartaalTekst(p)}${p === huidig && !bevroren.includes(p) ? ' (nu, live)' : ''}`, gekozen: p === rapport.periode })),
    };
    const csvHref = `/transparantie?${new URLSearchParams({ ...(regio === undefined ? {} : { regio: String(regio) }), periode: rapport.periode, formaat: 'csv' })}`;
    const model = rapport.soort === 'regio' ? await this.regiomodel(rapport) : this.landelijkModel(rapport);
    return {
      gezien,
      status: 200,
      html: this.deps.weergave.render('transparantie.njk', {
        ...basis, ...model, keuze, csvHref,
        titel: `Transparantie van klantprofielen, ${model.wat}, ${kwartaalTekst(rapport.periode)}`,
        kwartaal: kwartaalTekst(rapport.periode), live: rapport.live, peilmoment: rapport.peilmoment, melding: rapport.melding,
        kolomlabels: rapport.kolomlabels,
      }),
    };
  }

  private async regiomodel(rapport: Regiorapport) {
    const { regio } = rapport;
    const klassen = rapport.kolomlabels.slice(0, -1);
    const trend = await this.deps.transparantie.trend(regio.nummer);
    return {
      wat: `${regio.nummer} ${regio.naam}`,
      soort: 'regio',
      rijkop: 'Gemeente',
      rijen: rapport.rijen.map((r) => ({ kop: r.gemeente, waarden: r.waarden })),
      totaal: rapport.totaal,
      dekking: dekkingstekst(rapport.doelgroepregister, regio.naam, rapport.totaal.waarden.at(-1)!),
      diagram: maakStaafdiagram('gemeenten', klassen, rapport.rijen.map((r) => ({ label: r.gemeente, waarden: r.waarden.slice(0, -1) }))),
      trend: trend.kwartalen.length === 0 ? null : {
        rijen: trend.kwartalen.map((k) => ({ kop: kwartaalTekst(k.periode), waarden: k.waarden, register: registercellen(k.doelgroepregister) })),
        diagram: maakStaafdiagram('kwartalen', klassen, trend.kwartalen.map((k) => ({ label: hoofdletter(kwartaalTekst(k.periode)), waarden: k.waarden.slice(0, -1) }))),
      },
    };
  }

  private landelijkModel(rapport: LandelijkOverzicht) {
    const klassen = rapport.kolomlabels.slice(0, -1);
    return {
      wat: 'alle arbeidsmarktregio\'s',
      soort: 'landelijk',
      rijkop: 'Arbeidsmarktregio',
      rijen: rapport.rijen.map((r) => ({
        kop: `${r.regio.nummer} ${r.regio.naam}`, href: `/transparantie?${new URLSearchParams({ regio: String(r.regio.nummer), periode: rapport.periode })}`,
        waarden: r.waarden, register: registercellen(r.doelgroepregister),
      })),
      totaal: rapport.totaal,
      dekking: dekkingstekst(rapport.doelgroepregister, null, rapport.totaal.waarden.at(-1)!),
      totaalRegister: registercellen(rapport.doelgroepregister),
      diagram: maakStaafdiagram('regios', klassen, rapport.rijen.filter((r) => r.waarden.at(-1)! > 0)
        .map((r) => ({ label: `${r.regio.nummer} ${r.regio.naam}`, waarden: r.waarden.slice(0, -1) }))),
      trend: null,
    };
  }
}

/** The publication's sentence on coverage, with the width of its bar; null when there is no percentage. */
function dekkingstekst(d: Dekking | null, regioNaam: string | null, inSonar: number) {
  if (d === null || d.bekendInSonarPercentage === null) return null;
  return {
    aantal: d.aantal,
    inSonar,
    percentage: d.bekendInSonarPercentage,
    balk: Math.min(d.bekendInSonarPercentage, 100) / 100,
    periode: kwartaalTekst(d.periode),
    waar: regioNaam ? `in de arbeidsmarktregio ${regioNaam}` : 'in heel Nederland',
  };
}

/** The register columns of a table row, as printed. */
function registercellen(d: Dekking | null): { aantal: string; percentage: string } {
  return {
    aantal: d ? getal(d.aantal) : 'onbekend',
    percentage: d?.bekendInSonarPercentage == null ? 'onbekend' : `${d.bekendInSonarPercentage}%`,
  };
}
