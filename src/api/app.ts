import express, { type Express, type Request } from 'express';
import type { Logger } from '../logging/logger';
import type { SearchConfig } from '../config/search-config';
import type { SyncService } from '../mirror/sync.service';
import type { ZoekService } from '../zoeken/zoek.service';
import type { Identiteit } from '../toegang/api-sleutels';
import { foutenMiddleware, stuurFout } from './fouten.middleware';
import { healthRoutes, type HealthBron } from './health.routes';
import { kandidatenRoutes } from './kandidaten.routes';
import { maakOpenApiDocument } from './openapi';
import { openApiRoutes } from './openapi.routes';
import { syncRoutes } from './sync.routes';
import { vereisRol } from './toegang.middleware';

export interface AppDeps {
  logger: Logger;
  sleutelControle: (sleutel: string) => Identiteit | null;
  sync: SyncService;
  zoeken: ZoekService;
  config: SearchConfig;
  health: HealthBron;
  maxJsonBody: string;
  versie: string;
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

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      deps.logger.info({ methode: req.method, route: routeNaam(req), status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }, 'verzoek');
    });
    next();
  });

  app.use('/health', healthRoutes(deps.health));
  app.use('/api', openApiRoutes(maakOpenApiDocument(deps.config, deps.versie)));
  app.use('/api/v1/sync', vereisRol(deps.sleutelControle, 'sonar-sync'), syncRoutes(deps.sync, { maxJsonBody: deps.maxJsonBody }));

  app.use(['/api/v1/kandidaten', '/api/v1/facetten'], vereisRol(deps.sleutelControle, 'werkgever', 'intermediair', 'beheer'));
  app.use('/api/v1', kandidatenRoutes(deps.zoeken, deps.config));

  app.use((_req, res) => stuurFout(res, 404, 'niet_gevonden', 'deze route bestaat niet'));
  app.use(foutenMiddleware(deps.logger));
  return app;
}
