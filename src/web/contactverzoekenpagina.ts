import { leesPadParameter, leesQuery } from '../api/lees-parameters';
import { referentieSchema, statusBodySchema, wspQuerySchema } from '../api/wsp.routes';
import { CONTACTVERZOEKSTATUSSEN, MAG_VANUIT, type Contactverzoekstatus } from '../contact/contactverzoek';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import type { Identiteit } from '../toegang/api-sleutels';
import { zonderLegeVelden } from './formulierquery';
import type { Paginabasis, Paginaresultaat } from './paginabasis';
import { hoofdletter, type Weergave } from './weergave';

/** The statuses a request can go to from `status`, in the order of the way a request goes. */
function volgende(status: Contactverzoekstatus): Contactverzoekstatus[] {
  return CONTACTVERZOEKSTATUSSEN.filter((s) => s !== 'nieuw' && MAG_VANUIT[s].includes(status));
}

/**
 * The werkgeversservicepunt's pages (its regions' contactverzoeken, status, the klantnummer on request) and the
 * employer's "Mijn contactverzoeken". Every form carries the session's CSRF token; nothing needs JavaScript.
 */
export class Contactverzoekenpagina {
  constructor(private readonly deps: { contactverzoeken: ContactverzoekService; weergave: Weergave }) {}

  /**
   * The list for the WSP, recorded in the audit log before it is rendered; `fout` shows a form's problem on top
   * (status 400) without storing anything.
   */
  async renderWsp(query: unknown, basis: Paginabasis, wie: Identiteit | undefined, csrfToken: string, fout?: { referentie: string; melding: string }): Promise<Paginaresultaat> {
    // The filter form sends an empty status for "all statuses".
    const { status } = leesQuery(wspQuerySchema, zonderLegeVelden(query));
    const lijst = await this.deps.contactverzoeken.lijstIngezien(wie, { regios: wie?.regios ?? null, status }, { status: status ?? null });
    return {
      status: fout ? 400 : 200,
      html: this.deps.weergave.render('wsp-contactverzoeken.njk', {
        ...basis, titel: `${fout ? 'Fout: ' : ''}Contactverzoeken`, formulierCsrf: csrfToken, fout,
        filter: CONTACTVERZOEKSTATUSSEN.map((s) => ({ waarde: s, gekozen: s === status })),
        verzoeken: lijst.map((v) => ({ ...v, open: v.status !== 'afgesloten', volgende: volgende(v.status) })),
      }),
    };
  }

  /** Changes a status from the form; the whole list again with the problem when the form is incomplete. */
  async zetStatus(id: unknown, body: unknown, basis: Paginabasis, wie: Identiteit | undefined, csrfToken: string): Promise<Paginaresultaat | null> {
    const referentie = leesPadParameter(referentieSchema, id, 'referentie');
    const velden = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    // A form always sends the reason field; empty means none.
    const reden = typeof velden.reden === 'string' && velden.reden.trim() !== '' ? velden.reden : undefined;
    const parsed = statusBodySchema.safeParse({ status: velden.status, ...(reden === undefined ? {} : { reden }) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const melding = issue.path[0] !== 'reden' ? 'Kies een nieuwe status'
        : reden === undefined ? 'Vul een reden in als u het verzoek afsluit' : hoofdletter(issue.message);
      return this.renderWsp({}, basis, wie, csrfToken, { referentie, melding });
    }
    await this.deps.contactverzoeken.zetStatus(wie, referentie, parsed.data.status, parsed.data.reden);
    return null;
  }

  /** The klantnummer, shown once on this answer (the page is not cached, the request is in the audit log). */
  async herleid(id: unknown, basis: Paginabasis, wie: Identiteit | undefined): Promise<Paginaresultaat> {
    const referentie = leesPadParameter(referentieSchema, id, 'referentie');
    const herleiding = await this.deps.contactverzoeken.herleid(wie, referentie);
    return { status: 200, html: this.deps.weergave.render('klantnummer.njk', { ...basis, titel: `Klantnummer bij ${referentie}`, ...herleiding }) };
  }

  /** The employer's own requests with their status. */
  async renderMijn(basis: Paginabasis, afzender: string | null): Promise<Paginaresultaat> {
    const verzoeken = await this.deps.contactverzoeken.mijn(afzender);
    return { status: 200, html: this.deps.weergave.render('mijn-contactverzoeken.njk', { ...basis, titel: 'Mijn contactverzoeken', verzoeken, zonderAanmelding: afzender === null }) };
  }
}
