import type { Express } from 'express';
import { createPseudonimiseerder } from './anonimisering/pseudoniem';
import { createApp } from './api/app';
import type { HealthStatus } from './api/health.routes';
import type { Env } from './config/env';
import { loadSearchConfig, type SearchConfig } from './config/search-config';
import type { Logger } from './logging/logger';
import { leesArray } from './mirror/sync-bron';
import { MirrorRepository } from './mirror/mirror.repository';
import { SyncService } from './mirror/sync.service';
import { createSleutelControle } from './toegang/api-sleutels';
import { createSearchEngine } from './zoeken/create-search-engine';
import type { SearchEngine } from './zoeken/search-engine.port';
import { ZoekService } from './zoeken/zoek.service';
import { genereerDemo } from '../seed/generator';
import packageJson from '../package.json';

export interface Service {
  app: Express;
  config: SearchConfig;
  repository: MirrorRepository;
  engine: SearchEngine;
  sync: SyncService;
  health(): Promise<HealthStatus>;
  close(): Promise<void>;
}

const META_DEMO = 'demo';

/**
 * Wires the service: config, mirror, engine, sync, HTTP. On an empty mirror it loads the synthetic demo data
 * (unless disabled), then builds the search index from the mirror so both agree before the first request.
 */
export async function startService(env: Env, logger: Logger): Promise<Service> {
  const config = loadSearchConfig();
  const repository = new MirrorRepository(env.dataDir);
  const engine = createSearchEngine(env, config);
  await engine.init();
  const pseudoniem = createPseudonimiseerder(env.pseudonymSecret);
  const sync = new SyncService({ repository, engine, config, pseudoniem, maxVerwijderaandeel: env.maxVerwijderaandeel, logger });

  if (repository.aantal() === 0 && env.seedDemo && repository.getMeta(META_DEMO) === null) {
    const demo = genereerDemo();
    const r = await sync.sync(leesArray(demo.records), { volledig: true, positie: 'index' });
    for (const t of demo.doelgroepregister) repository.zetDoelgroepregister(t);
    repository.setMeta(META_DEMO, 'true');
    logger.info({ toegevoegd: r.toegevoegd, geweigerd: r.geweigerd }, 'lege mirror: synthetische demodata geladen');
  } else {
    await sync.herbouwIndex();
  }

  const health = async (): Promise<HealthStatus> => {
    const engineStatus = await engine.health();
    const details: string[] = [];
    if (!engineStatus.ok) details.push(`zoekmachine: ${engineStatus.detail ?? 'niet bereikbaar'}`);
    if (sync.heeftIndexAchterstand) details.push('zoekindex loopt achter op de mirror');
    return {
      status: details.length === 0 ? 'ok' : 'degraded',
      engine: engine.naam,
      profielen: repository.aantal(),
      demo: repository.getMeta(META_DEMO) === 'true',
      versie: packageJson.version,
      ...(details.length > 0 ? { details } : {}),
    };
  };

  const zoeken = new ZoekService(engine, config);
  const app = createApp({ logger, sleutelControle: createSleutelControle(env.apiSleutels), sync, zoeken, config, health, maxJsonBody: env.maxJsonBody, versie: packageJson.version });
  return {
    app, config, repository, engine, sync, health,
    close: async () => {
      await engine.close();
      repository.close();
    },
  };
}
