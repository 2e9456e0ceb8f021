import path from 'node:path';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { isZoekmachineOnbereikbaar, RETRY_AFTER_S, VerzoekFout } from '../api/fouten.middleware';
import type { Auditspoor } from '../api/auditspoor';
import { leesPadParameter, leesQuery } from '../api/lees-parameters';
import { profielIdSchema } from '../api/kandidaten.routes';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import type { SearchConfig } from '../config/search-config';
import type { Logger } from '../logging/logger';
import { OpslagFout } from '../opslag/opslag-fout';
import type { Identiteit } from '../toegang/api-sleutels';
import { GeenSnapshotFout, OngeldigeKeuzeFout } from '../transparantie/transparantie.errors';
import type { TransparantieService } from '../transparantie/transparantie.service';
import type { ZoekService } from '../zoeken/zoek.service';
import { aanmeldQuerySchema, meldAan } from './aanmelden';
import { GeenToegangFout, NietGevondenFout } from './fouten';
import { Labels } from './labels';
import type { Paginabasis, Paginaresultaat } from './paginabasis';
import { Profielpagina } from './profielpagina';
import { createSessie, nieuweSessie, SESSIEDUUR_MS, sessieVan } from './sessie';
import { createToegang, TRANSPARANTIEROLLEN, WSPROLLEN, ZOEKROLLEN } from './toegang';
import { Contactverzoekenpagina } from './contactverzoekenpagina';
import { OngeldigeOvergangFout } from '../contact/contactverzoek';
import { AuditNietBeschikbaarFout, ContactverzoekAfgeslotenFout, ContactverzoekNietGevondenFout, ProfielVerdwenenFout } from '../contact/contactverzoek.errors';
import { Transparantiepagina } from './transparantiepagina';
import { createWeergave, hoofdletter, type Weergave } from './weergave';
import { Zoekpagina } from './zoekpagina';

export interface WebDeps {
  zoeken: ZoekService;
  transparantie: TransparantieService;
  contactverzoeken: ContactverzoekService;
  config: SearchConfig;
  /** Every page that shows people's data or figures records it before it is sent. */
  auditspoor: Auditspoor;
  sleutelControle: (sleutel: string) => Identiteit | null;
  logger: Logger;
  /** Production: sign-in required, session cookie Secure and HTTPS only. Otherwise the pages are open. */
  productie: boolean;
  sessieGeheim: string;
  /** Runs once the visitor's identity is known (the per-key rate limit). */
  naIdentiteit?: RequestHandler;
}

const pakketmap = (pakket: string) => path.dirname(require.resolve(`${pakket}/package.json`));
const isApi = (pad: string) => /^\/api(?:\/|$)/i.test(pad);

/**
 * The pages, in one router mounted at '/': they sign in with a session cookie, not a bearer key, so the app's key
 * policy lets them through and this router guards every page itself (deny by default). It never handles /api.
 * Handlers only translate HTTP; the page classes do the work.
 */
export function webRoutes(deps: WebDeps): Router {
  const router = Router();
  const weergave = createWeergave();
  const labels = new Labels(deps.config);
  const zoekpagina = new Zoekpagina({ zoeken: deps.zoeken, config: deps.config, weergave, labels });
  const profielpagina = new Profielpagina({ zoeken: deps.zoeken, contactverzoeken: deps.contactverzoeken, weergave, labels });
  const contactverzoekenpagina = new Contactverzoekenpagina({ contactverzoeken: deps.contactverzoeken, weergave });
  const transparantiepagina = new Transparantiepagina({ transparantie: deps.transparantie, config: deps.config, weergave });
  const sessie = createSessie({ geheim: deps.sessieGeheim, productie: deps.productie, logger: deps.logger });
  const toegang = createToegang(deps.productie);
  const formulier = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });
  const zoekrollen = toegang.vereis(...ZOEKROLLEN);

  router.use((req, _res, next) => next(isApi(req.path) ? 'router' : undefined));
  // NL Design System CSS straight from the npm packages: versioned by package-lock, so it may be cached.
  router.use('/static/utrecht/component-library-css', express.static(path.join(pakketmap('@utrecht/component-library-css'), 'dist'), { index: false, maxAge: '1d' }));
  router.use('/static/utrecht/design-tokens', express.static(path.join(pakketmap('@utrecht/design-tokens'), 'dist'), { index: false, maxAge: '1d' }));
  router.use('/static/kv', express.static(path.join(__dirname, 'static'), { index: false }));

  router.use(sessie.middleware, toegang.identiteit);
  if (deps.naIdentiteit) router.use(deps.naIdentiteit);

  const basis = (req: Request): Paginabasis => ({
    navigatie: toegang.menu(req),
    gebruiker: req.identiteit ? { naam: req.identiteit.naam, rol: req.identiteit.rol } : null,
    ontwikkeling: !deps.productie && !req.identiteit,
    csrfToken: req.identiteit ? sessie.csrfToken(req) : null,
    huidigPad: req.path,
  });
  // Pages can hold a CSRF token or what someone typed: no shared cache may keep them.
  const stuur = (res: Response, pagina: Paginaresultaat) => { res.status(pagina.status).set('Cache-Control', 'no-store').type('html').send(pagina.html); };

  router.get('/aanmelden', (req, res) => {
    const { terug } = leesQuery(aanmeldQuerySchema, req.query);
    stuur(res, { status: 200, html: weergave.render('aanmelden.njk', { ...basis(req), titel: 'Aanmelden', terug, formulierCsrf: sessie.csrfToken(req) }) });
  });
  router.post('/aanmelden', formulier, sessie.csrfBescherming, (req, res) => {
    const uitkomst = meldAan(req.body, deps.sleutelControle);
    if (!uitkomst.ok) {
      return stuur(res, { status: uitkomst.status, html: weergave.render('aanmelden.njk', { ...basis(req), titel: 'Fout: Aanmelden', terug: uitkomst.terug, fout: uitkomst.fout, formulierCsrf: sessie.csrfToken(req) }) });
    }
    // A new session on sign-in: nothing from before (a planted session, its CSRF token) carries over.
    nieuweSessie(req, { identiteit: uitkomst.identiteit, verloopt: Date.now() + SESSIEDUUR_MS });
    res.redirect(303, uitkomst.naar);
  });
  router.post('/afmelden', formulier, sessie.csrfBescherming, (req, res) => {
    nieuweSessie(req, null);
    res.redirect(303, '/aanmelden');
  });

  router.use(toegang.aangemeld);

  const { auditspoor: spoor } = deps;
  const zoek = (alleenResultaten: boolean) => async (req: Request, res: Response) => {
    const pagina = await zoekpagina.render(req.query, basis(req), alleenResultaten);
    const { vraag, totalHits, ids } = pagina.gezien;
    await spoor.leg(req, { actie: 'zoeken', pseudoniemen: ids, aantal: totalHits, details: spoor.zoekdetails(vraag) });
    stuur(res, pagina);
  };
  router.get('/', zoekrollen, zoek(false));
  router.get('/zoeken/resultaten', zoekrollen, zoek(true));
  router.get('/kandidaten/:id', zoekrollen, async (req, res) => {
    const pagina = await profielpagina.render(req.params.id, basis(req), sessie.csrfToken(req));
    // render validated the id, or threw.
    await spoor.leg(req, { actie: 'profiel', pseudoniemen: [req.params.id as string] });
    stuur(res, pagina);
  });
  router.post('/kandidaten/:id/interesse', zoekrollen, formulier, sessie.csrfBescherming, async (req, res) => {
    // The sender's key id, so the employer finds its requests back; null for a development visit without sign-in.
    const uitkomst = await profielpagina.dienIn(req.params.id, req.body, basis(req), sessie.csrfToken(req), req.identiteit?.id ?? null);
    if ('html' in uitkomst) return stuur(res, uitkomst);
    await spoor.leg(req, { actie: 'contactverzoek', pseudoniemen: [uitkomst.profielId], details: { referentie: uitkomst.bevestiging.referentie } });
    // Post/redirect/get: reloading the confirmation does not send the request twice.
    sessieVan(req).verzonden = { ...uitkomst.bevestiging, profielId: uitkomst.profielId };
    res.redirect(303, `/kandidaten/${uitkomst.profielId}/interesse/verzonden`);
  });
  router.get('/kandidaten/:id/interesse/verzonden', zoekrollen, (req, res) => {
    const id = leesPadParameter(profielIdSchema, req.params.id, 'id');
    const verzonden = sessieVan(req).verzonden;
    if (verzonden?.profielId !== id) return res.redirect(303, `/kandidaten/${id}`);
    stuur(res, profielpagina.renderBevestiging(verzonden, id, basis(req)));
  });

  router.get('/contactverzoeken', zoekrollen, async (req, res) => stuur(res, await contactverzoekenpagina.renderMijn(basis(req), req.identiteit?.id ?? null)));

  const wsp = toegang.vereis(...WSPROLLEN);
  router.get('/wsp/contactverzoeken', wsp, async (req, res) => {
    // The list is in the audit log before the page is rendered (ContactverzoekService.lijstIngezien).
    stuur(res, await contactverzoekenpagina.renderWsp(req.query, basis(req), req.identiteit, sessie.csrfToken(req)));
  });
  router.post('/wsp/contactverzoeken/:referentie/status', wsp, formulier, sessie.csrfBescherming, async (req, res) => {
    const pagina = await contactverzoekenpagina.zetStatus(req.params.referentie, req.body, basis(req), req.identiteit, sessie.csrfToken(req));
    if (pagina) return stuur(res, pagina);
    res.redirect(303, '/wsp/contactverzoeken');
  });
  // Shown once on this answer, never cached: the page itself is the only place the number appears.
  router.post('/wsp/contactverzoeken/:referentie/klantnummer', wsp, formulier, sessie.csrfBescherming, async (req, res) => {
    stuur(res, await contactverzoekenpagina.herleid(req.params.referentie, basis(req), req.identiteit));
  });

  router.get('/transparantie', toegang.vereis(...TRANSPARANTIEROLLEN), async (req, res) => {
    const uitkomst = await transparantiepagina.render(req.query, basis(req), toegang.regios(req));
    const csv = !('html' in uitkomst);
    await spoor.leg(req, { actie: csv ? 'export' : 'transparantie', pseudoniemen: [], details: { ...uitkomst.gezien, formaat: csv ? 'csv' : 'html' } });
    if ('html' in uitkomst) return stuur(res, uitkomst);
    res.attachment(uitkomst.bestandsnaam).set('Cache-Control', 'no-store').type('text/csv; charset=utf-8').send(uitkomst.csv);
  });

  // Browsers get an HTML page for an unknown address; other clients the app's JSON 404.
  router.use((req, _res, next) => {
    const browser = (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['json', 'html']) === 'html';
    next(browser ? new NietGevondenFout('deze pagina bestaat niet') : undefined);
  });
  router.use(webFouten(weergave, deps.logger, basis, sessie.csrfFout));
  return router;
}

interface Foutpagina { status: number; kop: string; uitleg: string; velden?: VerzoekFout['velden'] }

/** Maps the errors of the pages to a status and a text for people; null for an unexpected error. */
function foutpagina(e: Error & { type?: string }, csrfFout: Error): Foutpagina | null {
  if (e instanceof VerzoekFout) {
    return { status: e.status, kop: 'Dit adres klopt niet', uitleg: 'Een of meer onderdelen van het adres van deze pagina kunnen wij niet lezen. Begin opnieuw via het menu, of pas het adres aan.', velden: e.velden };
  }
  if (e instanceof OngeldigeKeuzeFout) {
    return { status: 400, kop: 'Deze keuze bestaat niet', uitleg: 'Kies een arbeidsmarktregio en een kwartaal uit de lijsten.', velden: [{ pad: e.veld, melding: e.message }] };
  }
  if (e instanceof NietGevondenFout) {
    return { status: 404, kop: 'Pagina niet gevonden', uitleg: 'Deze pagina bestaat niet (meer). Een profiel verdwijnt bijvoorbeeld als de kandidaat werk heeft gevonden.' };
  }
  if (e instanceof ContactverzoekNietGevondenFout) {
    return { status: 404, kop: 'Contactverzoek niet gevonden', uitleg: 'Er is geen contactverzoek met deze referentie in uw regio\'s. Kies een verzoek uit de lijst.' };
  }
  if (e instanceof OngeldigeOvergangFout || e instanceof ContactverzoekAfgeslotenFout) {
    return { status: 409, kop: 'Dit kan niet meer', uitleg: `${hoofdletter(e.message)}. Vernieuw de lijst om de huidige status te zien.` };
  }
  if (e instanceof ProfielVerdwenenFout) {
    return { status: 410, kop: 'Profiel verwijderd', uitleg: 'Het profiel van deze kandidaat bestaat niet meer, dus het klantnummer is niet beschikbaar.' };
  }
  if (e instanceof AuditNietBeschikbaarFout) {
    return { status: 503, kop: 'Tijdelijk niet beschikbaar', uitleg: 'Het auditlog is nu niet bereikbaar; er is niets gedaan. Probeer het over enkele minuten opnieuw.' };
  }
  if (e instanceof GeenSnapshotFout) {
    return { status: 404, kop: 'Geen cijfers van dit kwartaal', uitleg: `Van ${e.periode} zijn geen cijfers bewaard. Kies een kwartaal uit de lijst.` };
  }
  if (e instanceof GeenToegangFout) {
    return { status: 403, kop: 'Geen toegang', uitleg: 'U bent aangemeld met een sleutel die deze pagina of deze regio niet mag zien. Meld u af en meld u aan met een andere sleutel.' };
  }
  if (e === csrfFout) {
    return { status: 403, kop: 'Het formulier is verlopen', uitleg: 'Uit veiligheid accepteren wij dit formulier niet meer. Ga terug, vernieuw de pagina en verstuur het opnieuw. Er is niets opgeslagen.' };
  }
  if (e.type === 'entity.too.large' || e.type === 'parameters.too.many') {
    return { status: 413, kop: 'Het formulier is te groot', uitleg: 'Maak de teksten korter en verstuur het opnieuw. Er is niets opgeslagen.' };
  }
  if (e.type?.startsWith('entity.') || e.type?.endsWith('.unsupported')) {
    return { status: 400, kop: 'Het formulier kon niet worden gelezen', uitleg: 'Verstuur het formulier opnieuw. Er is niets opgeslagen.' };
  }
  if (e instanceof OpslagFout) {
    return { status: 503, kop: 'Tijdelijk niet beschikbaar', uitleg: 'Wij konden uw gegevens nu niet opslaan; er is niets bewaard. Probeer het over enkele minuten opnieuw.' };
  }
  if (isZoekmachineOnbereikbaar(e)) {
    return { status: 503, kop: 'Tijdelijk niet beschikbaar', uitleg: 'Zoeken lukt op dit moment niet. Probeer het over enkele minuten opnieuw.' };
  }
  return null;
}

/** Errors of the pages as a page in the same layout; like the API's answers, nothing of the input or internals shows. */
function webFouten(weergave: Weergave, logger: Logger, basis: (req: Request) => Paginabasis, csrfFout: Error): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    const e = err as Error & { type?: string };
    if (e instanceof OpslagFout) logger.error({ fout: e.name, oorzaak: (e.cause as Error | undefined)?.message }, e.message);
    const pagina = foutpagina(e, csrfFout);
    if (!pagina) logger.error({ fout: e?.name ?? 'onbekend' }, 'onverwachte fout op een pagina');
    const { status, ...tekst } = pagina ?? { status: 500, kop: 'Er ging iets mis', uitleg: 'Er ging aan onze kant iets mis. Probeer het later opnieuw.' };
    if (status === 503) res.setHeader('Retry-After', RETRY_AFTER_S);
    res.status(status).set('Cache-Control', 'no-store').type('html').send(weergave.render('fout.njk', { ...basis(req), titel: tekst.kop, ...tekst }));
  };
}
