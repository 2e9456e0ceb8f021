import compression from 'compression';
import express, { type Express, type Request } from 'express';
import type { Logger } from '../logging/logger';
import type { SearchConfig } from '../config/search-config';
import type { SyncService } from '../mirror/sync.service';
import type { TransparantieService } from '../transparantie/transparantie.service';
import type { ContactverzoekService } from '../contact/contactverzoek.service';
import { webRoutes } from '../web/web.routes';
import type { AuditOpslag } from '../opslag/opslag.port';
import { auditRoutes } from './audit.routes';
import type { Auditspoor } from './auditspoor';
import { contactverzoekenRoutes } from './contactverzoeken.routes';
import { mijnRoutes, wspRoutes } from './wsp.routes';
import type { ZoekService } from '../zoeken/zoek.service';
import type { Identiteit } from '../toegang/api-sleutels';
import { foutenMiddleware, stuurFout } from './fouten.middleware';
import { doelgroepregisterRoutes } from './doelgroepregister.routes';
import { healthRoutes, type HealthBron } from './health.routes';
import { kandidatenRoutes } from './kandidaten.routes';
import { maakOpenApiDocument } from './openapi';
import { naSequentie, type Volgpunt } from './na-sequentie.middleware';
import { openApiRoutes } from './openapi.routes';
import { syncRoutes } from './sync.routes';
import { vereisRol } from './toegang.middleware';
import { transparantieRoutes } from './transparantie.routes';
import { beveiligingsheaders } from '../beveiliging/beveiligingsheaders.middleware';
import { geldigeUrl } from '../beveiliging/geldige-url.middleware';
import { rateLimieten, type RateLimietOpties, type RateLimietStoreFactory } from '../beveiliging/rate-limiet.middleware';
import { toegangsbeleid } from '../beveiliging/toegangsbeleid.middleware';
import { ZOEKPADEN } from '../beveiliging/verzoeksoort';

export interface AppDeps {
  logger: Logger;
  sleutelControle: (sleutel: string) => Identiteit | null;
  sync: SyncService;
  zoeken: ZoekService;
  transparantie: TransparantieService;
  contactverzoeken: ContactverzoekService;
  /** Every look at people's data is recorded here before it is answered. */
  auditspoor: Auditspoor;
  /** The audit log, read by beheer. */
  audit: AuditOpslag;
  /** The pages: in production they need a sign-in; the secret signs their session cookie. */
  paginas: { productie: boolean; sessieGeheim: string };
  config: SearchConfig;
  health: HealthBron;
  maxJsonBody: string;
  /** Development: the API documentation opens without a key (the rest of the API always needs one). */
  apiDocsOpenbaar: boolean;
  rateLimiet: RateLimietOpties;
  /** With PostgreSQL: the store all instances count in (PostgresRateLimitStore); without, each counts in memory. */
  maakRateLimietStore?: RateLimietStoreFactory;
  /** Number of reverse proxies whose X-Forwarded-For is trusted for the client IP (0: none). */
  trustProxy: number;
  versie: string;
  /** Reads with `?naSequentie=N` wait (at most maxMs) until this instance's index has applied change N. */
  naSequentie: { volger: Volgpunt; maxMs: number };
}

/** The route pattern, never the URL itself: a URL can hold a klantnummer. */
function routeNaam(req: Request): string {
  return req.route ? `${req.baseUrl}${String(req.route.path)}` : '(geen route)';
}

/** Builds the Express app; all wiring of services happens in bootstrap, not here. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy > 0) app.set('trust proxy', deps.trustProxy);
  app.use(beveiligingsheaders(), geldigeUrl());
  // gzip or brotli for JSON, HTML, CSS and JS when the client accepts it: a search answer of ~26 KB becomes ~6 KB.
  app.use(compression());

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      deps.logger.info({ methode: req.method, route: routeNaam(req), status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }, 'verzoek');
    });
    next();
  });

  app.use('/health', healthRoutes(deps.health));
  const limieten = rateLimieten(deps.rateLimiet, deps.logger, deps.maakRateLimietStore);
  app.use(limieten.perIp, toegangsbeleid({ sleutelControle: deps.sleutelControle, apiDocsOpenbaar: deps.apiDocsOpenbaar }), limieten.perSleutel);
  app.use(naSequentie(deps.naSequentie.volger, deps.naSequentie.maxMs));
  app.use('/api', openApiRoutes(maakOpenApiDocument(deps.config, deps.versie)));
  app.use('/api/v1/sync', vereisRol(deps.sleutelControle, 'sonar-sync'), syncRoutes(deps.sync, { maxJsonBody: deps.maxJsonBody }));

  app.use([...ZOEKPADEN], vereisRol(deps.sleutelControle, 'werkgever', 'intermediair', 'beheer'));
  app.use('/api/v1', kandidatenRoutes(deps.zoeken, deps.config, deps.auditspoor));
  const cijfers = vereisRol(deps.sleutelControle, 'regiomanager', 'beheer');
  app.use('/api/v1/transparantie', cijfers, transparantieRoutes(deps.transparantie, deps.config.regios, deps.sleutelControle, deps.auditspoor));
  app.use('/api/v1/doelgroepregister', cijfers, doelgroepregisterRoutes(deps.transparantie, deps.config.regios, deps.sleutelControle));
  app.use('/api/v1/contactverzoeken', vereisRol(deps.sleutelControle, 'beheer'), contactverzoekenRoutes(deps.contactverzoeken, deps.config));
  app.use('/api/v1/audit', vereisRol(deps.sleutelControle, 'beheer'), auditRoutes(deps.audit, deps.auditspoor));
  app.use('/api/v1/wsp', vereisRol(deps.sleutelControle, 'wsp'), wspRoutes(deps.contactverzoeken));
  app.use('/api/v1/mijn', vereisRol(deps.sleutelControle, 'werkgever', 'intermediair'), mijnRoutes(deps.contactverzoeken));
  app.use(webRoutes({
    ...deps.paginas, zoeken: deps.zoeken, transparantie: deps.transparantie, contactverzoeken: deps.contactverzoeken, config: deps.config, auditspoor: deps.auditspoor,
    sleutelControle: deps.sleutelControle, logger: deps.logger, naIdentiteit: limieten.perSleutel,
  }));

  app.use((_req, res) => stuurFout(res, 404, 'niet_gevonden', 'deze route bestaat niet'));
  app.use(foutenMiddleware(deps.logger));
  return app;
}
