import type { Express } from 'express';
import { createPseudonimiseerder } from './anonimisering/pseudoniem';
import { createApp } from './api/app';
import { ContactverzoekRepository } from './contact/contactverzoek.repository';
import { ContactverzoekService } from './contact/contactverzoek.service';
import type { HealthStatus } from './api/health.routes';
import type { Env } from './config/env';
import { loadSearchConfig, type SearchConfig } from './config/search-config';
import type { Logger } from './logging/logger';
import { leesArray } from './mirror/sync-bron';
import { MirrorRepository } from './mirror/mirror.repository';
import { SyncService } from './mirror/sync.service';
import { createSleutelControle } from './toegang/api-sleutels';
import { SnapshotRepository } from './transparantie/snapshot.repository';
import { TransparantieService } from './transparantie/transparantie.service';
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
  transparantie: TransparantieService;
  contactverzoeken: ContactverzoekService;
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
  const engine = createSearchEngine(env, config, logger);
  // An engine that does not answer (Meilisearch down or hanging) must not keep the service from starting: it then
  // serves /health (degraded) and 503 on search, and the recovery below prepares the index once the engine answers.
  const engineBereikbaar = (await engine.health()).ok;
  if (engineBereikbaar) await engine.init();
  const pseudoniem = createPseudonimiseerder(env.pseudonymSecret);
  const snapshots = new SnapshotRepository(env.dataDir);
  const transparantie = new TransparantieService({ engine, config, snapshots, mirror: repository, logger });
  const sync = new SyncService({
    repository, engine, config, pseudoniem, maxVerwijderaandeel: env.maxVerwijderaandeel, logger,
    voorSync: async () => { await transparantie.bevriesVorigKwartaal(); },
  });

  if (repository.aantal() === 0 && env.seedDemo && repository.getMeta(META_DEMO) === null) {
    const demo = genereerDemo();
    const r = await sync.sync(leesArray(demo.records), { volledig: true, positie: 'index' });
    for (const t of demo.doelgroepregister) repository.zetDoelgroepregister(t);
    await transparantie.maakSnapshot(demo.periode, 'demo');
    repository.setMeta(META_DEMO, 'true');
    logger.info({ toegevoegd: r.toegevoegd, geweigerd: r.geweigerd }, 'lege mirror: synthetische demodata geladen');
  } else if (engineBereikbaar) {
    await sync.herbouwIndex();
  }

  // Rebuilds the index from the mirror once the engine answers again (after a failed start or a sync it missed).
  let indexOpgebouwd = engineBereikbaar;
  let herstelBezig = false;
  const herstel = setInterval(() => {
    if (herstelBezig || (indexOpgebouwd && !sync.heeftIndexAchterstand)) return;
    herstelBezig = true;
    void (async () => {
      if (!(await engine.health()).ok) return;
      await engine.init();
      await sync.herbouwIndex();
      indexOpgebouwd = !sync.heeftIndexAchterstand;
      if (indexOpgebouwd) logger.info('zoekmachine bereikbaar: zoekindex opnieuw opgebouwd uit de mirror');
    })().catch((err: unknown) => logger.warn({ fout: (err as Error).name }, 'zoekmachine nog niet te herstellen'))
      .finally(() => { herstelBezig = false; });
  }, env.herstelIntervalMs);
  herstel.unref();

  const health = async (): Promise<HealthStatus> => {
    const engineStatus = await engine.health();
    const details: string[] = [];
    if (!engineStatus.ok) details.push(`zoekmachine: ${engineStatus.detail ?? 'niet bereikbaar'}`);
    if (sync.heeftIndexAchterstand) details.push('zoekindex loopt achter op de mirror');
    if (!indexOpgebouwd) details.push('zoekindex is nog niet opgebouwd');
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
  const contactRepository = new ContactverzoekRepository(env.dataDir);
  const contactverzoeken = new ContactverzoekService({ repository: contactRepository, zoeken, config });
  const app = createApp({ logger, sleutelControle: createSleutelControle(env.apiSleutels), sync, zoeken, transparantie, contactverzoeken, config,
    paginas: { productie: env.nodeEnv === 'production', sessieGeheim: env.sessieGeheim }, health, maxJsonBody: env.maxJsonBody, versie: packageJson.version,
    apiDocsOpenbaar: env.nodeEnv !== 'production', rateLimiet: env.rateLimiet, trustProxy: env.trustProxy });
  return {
    app, config, repository, engine, sync, transparantie, contactverzoeken, health,
    close: async () => {
      clearInterval(herstel);
      await engine.close();
      repository.close();
      snapshots.close();
      contactRepository.close();
    },
  };
}
