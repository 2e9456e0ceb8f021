import { leesPadParameter } from '../api/lees-parameters';
import { profielIdSchema } from '../api/kandidaten.routes';
import { NIET_GETOOND, type PubliekVeld } from '../privacy/publiek';
import type { Werkgeversprofiel } from '../zoeken/werkgeversweergave';
import { CONTACTVELDEN, contactformulierSchema, type Contactformulier } from '../contact/contactverzoek';
import type { ContactverzoekService, Ontvangstbevestiging } from '../contact/contactverzoek.service';
import type { ZoekService } from '../zoeken/zoek.service';
import { NietGevondenFout } from './fouten';
import { DAGDELEN, DAGVOLGORDE, type Labels } from './labels';
import type { Paginabasis, Paginaresultaat } from './paginabasis';
import { getal, hoofdletter, type Weergave } from './weergave';

type Contactvelden = Record<keyof Contactformulier, string>;

/** The form as the page shows it: what was typed, and per field the first thing to fix. */
export interface Formulierstaat {
  waarden: Contactvelden;
  fouten: Partial<Contactvelden>;
}

const LEEG_FORMULIER: Formulierstaat = { waarden: { organisatie: '', contactpersoon: '', email: '', telefoon: '', vacature: '', toelichting: '' }, fouten: {} };

const ONDERDELEN: { veld: 'vaardigheden' | 'competenties' | 'affiniteiten' | 'beroepssectoren' | 'taaksoorten'; kop: string }[] = [
  { veld: 'vaardigheden', kop: 'Vaardigheden' },
  { veld: 'competenties', kop: 'Competenties' },
  { veld: 'taaksoorten', kop: 'Taken die de kandidaat kan doen' },
  { veld: 'beroepssectoren', kop: 'Sectoren' },
  { veld: 'affiniteiten', kop: 'Affiniteiten' },
];

const jaren = (n: number) => (n < 1 ? 'minder dan een jaar' : `${getal(n)} jaar`);
const opsomming = (delen: string[]) => (delen.length < 2 ? delen.join('') : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`);

/** The candidate's page: the whole anonymised profile in plain Dutch and the "Ik heb interesse" form. */
export class Profielpagina {
  constructor(private readonly deps: { zoeken: ZoekService; contactverzoeken: ContactverzoekService; weergave: Weergave; labels: Labels }) {}

  async render(id: unknown, basis: Paginabasis, csrfToken: string, formulier: Formulierstaat = LEEG_FORMULIER): Promise<Paginaresultaat> {
    const profiel = await this.profiel(id);
    const foutenlijst = CONTACTVELDEN.flatMap((v) => (formulier.fouten[v] ? [{ veld: v, melding: formulier.fouten[v] }] : []));
    const model = this.model(profiel);
    return {
      status: foutenlijst.length > 0 ? 400 : 200,
      html: this.deps.weergave.render('profiel.njk', {
        ...basis, ...model, titel: `${foutenlijst.length > 0 ? 'Fout: ' : ''}${model.kop}`, formulier, foutenlijst, formulierCsrf: csrfToken,
      }),
    };
  }

  /**
   * Validates the form and stores the request. Returns the confirmation, or the page again with the errors
   * next to the fields, the values filled in and a summary on top; nothing is stored then.
   */
  async dienIn(id: unknown, body: unknown, basis: Paginabasis, csrfToken: string, afzender: string | null): Promise<{ profielId: string; bevestiging: Ontvangstbevestiging } | Paginaresultaat> {
    const profielId = leesPadParameter(profielIdSchema, id, 'id');
    const parsed = contactformulierSchema.safeParse(body);
    if (!parsed.success) {
      const fouten: Partial<Contactvelden> = {};
      for (const issue of parsed.error.issues) {
        const veld = issue.path[0] as keyof Contactformulier;
        fouten[veld] ??= issue.message;
      }
      return this.render(profielId, basis, csrfToken, { waarden: teruggezet(body), fouten });
    }
    const bevestiging = await this.deps.contactverzoeken.dienIn(profielId, parsed.data, afzender);
    if (!bevestiging) throw new NietGevondenFout('dit profiel bestaat niet (meer)');
    return { profielId, bevestiging };
  }

  renderBevestiging(bevestiging: Ontvangstbevestiging, profielId: string, basis: Paginabasis): Paginaresultaat {
    return { status: 200, html: this.deps.weergave.render('bevestiging.njk', { ...basis, titel: 'Uw interesse is doorgegeven', ...bevestiging, profielHref: `/kandidaten/${profielId}` }) };
  }

  /** The pages are for employers: the profile as they may see it. */
  private async profiel(id: unknown): Promise<Werkgeversprofiel> {
    const profiel = await this.deps.zoeken.profiel(leesPadParameter(profielIdSchema, id, 'id'), 'werkgever') as Werkgeversprofiel | null;
    if (!profiel) throw new NietGevondenFout('dit profiel bestaat niet (meer)');
    return profiel;
  }

  private model(p: Werkgeversprofiel) {
    const { labels } = this.deps;
    const { publiek } = p;
    const { gemeente, regio } = labels.woonplaats(publiek);
    const waar = gemeente !== null ? ` in ${gemeente}` : regio !== null ? ` in de regio ${regio}` : '';
    const kop = p.werkervaring[0] ? `${p.werkervaring[0].beroep}${waar}` : `Kandidaat${waar}`;
    const getoond = (veld: PubliekVeld, waarde: string) => (labels.isOnbekend(waarde) ? null : labels.publiek(veld, waarde));
    const perDag = new Map<string, string[]>();
    for (const code of p.dagdelen) {
      const [dag, deel] = code.split('-') as [string, string];
      perDag.set(dag, [...(perDag.get(dag) ?? []), deel]);
    }
    const vulling = `${p.profielvulling} van de 5 onderdelen ingevuld`;
    return {
      kop,
      id: p.id,
      heeftProfiel: p.heeftProfiel,
      woonplaats: regio === null ? null : gemeente === null ? `de arbeidsmarktregio ${regio}` : `${gemeente} (arbeidsmarktregio ${regio})`,
      regioNaam: regio,
      dienstverlener: p.dienstverlener === 'UWV' ? 'UWV' : 'de gemeente',
      opleidingen: p.opleidingen.map((o) => [
        labels.publiek('opleidingsniveau', o.niveau),
        o.richting ? `richting ${o.richting}` : null,
        o.diploma === true ? 'met diploma' : o.diploma === false ? 'zonder diploma' : null,
      ].filter((d) => d !== null).join(', ')),
      werkervaring: p.werkervaring.map((w) => `${w.beroep}: ${jaren(w.jaren)}`),
      onderdelen: ONDERDELEN.map((o) => ({ kop: o.kop, waarden: p[o.veld] })),
      uren: getoond('uren', publiek.uren),
      dagdelen: DAGVOLGORDE.filter((d) => perDag.has(d)).map((d) => ({
        dag: hoofdletter(labels.dag(d)),
        delen: opsomming(DAGDELEN.filter((deel) => perDag.get(d)!.includes(deel))),
      })),
      reisafstand: publiek.reisafstand === NIET_GETOOND ? labels.publiek('reisafstand', NIET_GETOOND)
        : labels.isOnbekend(publiek.reisafstand) ? null : `maximaal ${labels.publiek('reisafstand', publiek.reisafstand).toLowerCase()}`,
      rijbewijs: publiek.rijbewijs.length > 0 ? opsomming(publiek.rijbewijs.map((r) => labels.publiek('rijbewijs', r))) : null,
      eigenVervoer: getoond('eigenVervoer', publiek.eigenVervoer)?.toLowerCase() ?? null,
      vulling: `${vulling} (${labels.klasse(p.transparantieklasse).toLowerCase()})`,
      bijgewerkt: p.bijgewerkt,
    };
  }
}

/** Only the form's own fields, only as text: what goes back into the inputs. */
function teruggezet(body: unknown): Contactvelden {
  const bron = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const waarden = { ...LEEG_FORMULIER.waarden };
  for (const v of CONTACTVELDEN) {
    const w = bron[v];
    if (typeof w === 'string') waarden[v] = w;
  }
  return waarden;
}
