import type { Express } from 'express';
import { createKlantnummerVersleuteling } from './anonimisering/klantnummer-versleuteling';
import { createPseudonimiseerder } from './anonimisering/pseudoniem';
import { createApp } from './api/app';
import { createAuditspoor } from './api/auditspoor';
import { AuditService } from './audit/audit.service';
import type { AuditVastlegging } from './audit/auditregel';
import { auditlogOnderdeel, Opschoning } from './audit/opschoning';
import { createZoektekstHasher } from './audit/zoektekst';
import { contactverzoekenOnderdeel, ContactverzoekService } from './contact/contactverzoek.service';
import type { HealthStatus } from './api/health.routes';
import type { Env } from './config/env';
import { loadSearchConfig, type SearchConfig } from './config/search-config';
import type { Logger } from './logging/logger';
import { IndexVolger } from './mirror/index-volger';
import { leesArray } from './mirror/sync-bron';
import { SyncService } from './mirror/sync.service';
import { createOpslag } from './opslag/create-opslag';
import type { Opslag } from './opslag/opslag.port';
import { createSleutelControle } from './toegang/api-sleutels';
import { SnapshotBestaatFout } from './transparantie/transparantie.errors';
import { TransparantieService } from './transparantie/transparantie.service';
import { createSearchEngine } from './zoeken/create-search-engine';
import type { SearchEngine } from './zoeken/search-engine.port';
import { ZoekmachineOnbereikbaarError } from './zoeken/zoekmachine-fouten';
import { ZoekService } from './zoeken/zoek.service';
import { genereerDemo } from '../seed/generator';
import packageJson from '../package.json';

export interface Service {
  app: Express;
  config: SearchConfig;
  opslag: Opslag;
  engine: SearchEngine;
  volger: IndexVolger;
  sync: SyncService;
  transparantie: TransparantieService;
  contactverzoeken: ContactverzoekService;
  /** Records every look (group commits); `leeg()` waits until everything queued is written. */
  audit: AuditService;
  /** Retention: daily in the service, or once with `voerUit()`. */
  opschoning: Opschoning;
  health(): Promise<HealthStatus>;
  close(): Promise<void>;
}

const META_DEMO = 'demo';

/**
 * Wires the service: config, store, engine, the index follower, sync, HTTP. The index is built from the mirror
 * before the first request; on an empty mirror the synthetic demo data is loaded first (unless disabled).
 */
export interface StartOpties {
  /**
   * Wraps the audit recording the routes use; for the benchmark, which measures search with and without it in
   * one process. Nothing in the service sets it.
   */
  auditVastlegging?: (echt: AuditVastlegging) => AuditVastlegging;
}

export async function startService(env: Env, logger: Logger, opties: StartOpties = {}): Promise<Service> {
  const config = loadSearchConfig();
  const opslag = await createOpslag(env, logger);
  const engine = createSearchEngine(env, config, logger);
  const volger = new IndexVolger({ wijzigingen: opslag.wijzigingen, engine, gedeeldeIndex: opslag.gedeeldeIndex, logger, intervalMs: env.volgIntervalMs });
  const pseudoniem = createPseudonimiseerder(env.pseudonymSecret);
  const klantnummers = createKlantnummerVersleuteling(env.klantnummerSleutel);
  const audit = new AuditService(opslag.audit);
  const vastlegging = opties.auditVastlegging?.(audit) ?? audit;
  const zoeken = new ZoekService(engine, config);
  const contactverzoeken = new ContactverzoekService({
    opslag: opslag.contactverzoeken, mirror: opslag.mirror, ontsleutel: klantnummers.ontsleutel, audit: vastlegging, zoeken, config,
  });
  const transparantie = new TransparantieService({
    engine, config, snapshots: opslag.snapshots, mirror: opslag.mirror, logger,
    // A quarter is frozen from the index as the mirror has it, never from an index that could not follow.
    indexBij: async () => {
      await volger.haalBij();
      if (volger.status().fout) throw new ZoekmachineOnbereikbaarError('de zoekindex loopt achter op de mirror');
    },
  });
  const sync = new SyncService({
    mirror: opslag.mirror, volger, config, pseudoniem, versleutel: klantnummers.versleutel, maxVerwijderaandeel: env.maxVerwijderaandeel, logger,
    // A deleted profile's open requests are closed at once; sluitVerweesde at start catches what a crash lost.
    naVerwijdering: async (ids) => { await contactverzoeken.sluitVoorProfielen(ids); },
    voorSync: async () => { await transparantie.bevriesVorigKwartaal(); },
  });

  // An engine that does not answer (Meilisearch down or hanging) must not keep the service from starting: it then
  // serves /health (degraded) and 503 on search, and the follower builds the index once the engine answers.
  await volger.start();
  // What employers see must be k-anonymous under the rules of this version, before anyone searches.
  await sync.werkPublicatieBij();
  if (env.seedDemo && await opslag.mirror.aantal() === 0 && await opslag.mirror.getMeta(META_DEMO) === null) {
    const demo = genereerDemo();
    const r = await sync.sync(leesArray(demo.records), { volledig: true, positie: 'index' });
    for (const t of demo.doelgroepregister) await opslag.mirror.zetDoelgroepregister(t);
    // Instances that start together on an empty database both load the demo; the second finds it frozen.
    await transparantie.maakSnapshot(demo.periode, 'demo').catch((err: unknown) => {
      if (!(err instanceof SnapshotBestaatFout)) throw err;
    });
    await opslag.mirror.setMeta(META_DEMO, 'true');
    logger.info({ toegevoegd: r.toegevoegd, geweigerd: r.geweigerd }, 'lege mirror: synthetische demodata geladen');
  }

  const health = async (): Promise<HealthStatus> => {
    const engineStatus = await engine.health();
    const volg = volger.status();
    const details: string[] = [];
    if (!engineStatus.ok) details.push(`zoekmachine: ${engineStatus.detail ?? 'niet bereikbaar'}`);
    if (volg.fout) details.push('zoekindex loopt achter op de mirror');
    if (volg.toegepast === null) details.push('zoekindex is nog niet opgebouwd');
    let mirror: { profielen: number; demo: boolean } | null = null;
    try {
      mirror = { profielen: await opslag.mirror.aantal(), demo: await opslag.mirror.getMeta(META_DEMO) === 'true' };
    } catch {
      details.push('opslag niet bereikbaar: zoeken en schrijven geven 503 (elke blik moet eerst in het auditlog)');
    }
    return {
      status: details.length === 0 ? 'ok' : 'degraded',
      engine: engine.naam,
      opslag: opslag.soort,
      profielen: mirror?.profielen ?? await engine.count().catch(() => 0),
      demo: mirror?.demo ?? false,
      versie: packageJson.version,
      volgnummer: volg.toegepast,
      achterstand: { volgnummers: volg.achterstand, ms: volg.achterstandMs },
      ...(volg.schrijver === undefined ? {} : { indexschrijver: volg.schrijver }),
      ...(details.length > 0 ? { details } : {}),
    };
  };

  // Requests whose profile went while the closing after a sync did not happen (a crash in between).
  await contactverzoeken.sluitVerweesde().then((n) => {
    if (n > 0) logger.info({ gesloten: n }, 'contactverzoeken van verwijderde profielen gesloten');
  }, (err: unknown) => logger.error({ fout: (err as Error)?.name ?? 'onbekend' }, 'contactverzoeken van verwijderde profielen niet gesloten; volgt bij de volgende start'));
  const opschoning = maakOpschoning(opslag, audit, config, logger);
  opschoning.start();
  const auditspoor = createAuditspoor(vastlegging, createZoektekstHasher(env.pseudonymSecret));
  const app = createApp({ logger, sleutelControle: createSleutelControle(env.apiSleutels), sync, zoeken, transparantie, contactverzoeken, config,
    auditspoor, audit: opslag.audit,
    paginas: { productie: env.nodeEnv === 'production', sessieGeheim: env.sessieGeheim }, health, maxJsonBody: env.maxJsonBody, versie: packageJson.version,
    apiDocsOpenbaar: env.nodeEnv !== 'production', rateLimiet: env.rateLimiet, trustProxy: env.trustProxy,
    naSequentie: { volger, maxMs: env.naSequentieMaxMs },
    ...(opslag.rateLimietStore ? { maakRateLimietStore: opslag.rateLimietStore.bind(opslag) } : {}) });
  return {
    app, config, opslag, engine, volger, sync, transparantie, contactverzoeken, audit, opschoning, health,
    close: async () => {
      await opschoning.stop();
      await audit.leeg();
      await volger.stop();
      await engine.close();
      await opslag.close();
    },
  };
}

/**
 * Retention of everything with a term in privacy.json: now the audit trail; more parts (contactverzoeken) are
 * added to the list.
 */
export function maakOpschoning(opslag: Opslag, vastlegging: AuditVastlegging, config: SearchConfig, logger: Logger): Opschoning {
  const termijnen = config.privacy.bewaartermijnen;
  return new Opschoning({
    onderdelen: [auditlogOnderdeel(opslag.audit, termijnen.auditlogMaanden), contactverzoekenOnderdeel(opslag, termijnen.contactverzoekenMaanden)],
    audit: opslag.audit, vastlegging, logger,
  });
}
