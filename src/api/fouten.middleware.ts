import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from '../logging/logger';
import { TeVeelVerwijderdFout } from '../mirror/mirror.errors';
import { OpslagFout } from '../opslag/opslag-fout';
import { RegelTeLangFout } from '../mirror/sync-bron';
import { GeenSnapshotFout, OngeldigeKeuzeFout, SnapshotBestaatFout } from '../transparantie/transparantie.errors';
import type { Veldfout } from '../validatie/veldfouten';
import { OngeldigeOvergangFout } from '../contact/contactverzoek';
import { AuditNietBeschikbaarFout, ContactverzoekAfgeslotenFout, ContactverzoekNietGevondenFout, ProfielVerdwenenFout } from '../contact/contactverzoek.errors';

/** A request that does not meet the API's contract; answered 400 with the field paths. */
export class VerzoekFout extends Error {
  override readonly name = 'VerzoekFout';
  constructor(message: string, readonly velden: Veldfout[] = [], readonly status = 400) {
    super(message);
  }
}

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_S = '5';

export interface FoutAntwoord { fout: { code: string; melding: string; velden?: Veldfout[] } }

export function stuurFout(res: Response, status: number, code: string, melding: string, velden?: Veldfout[]): void {
  const body: FoutAntwoord = { fout: { code, melding, ...(velden && velden.length > 0 ? { velden } : {}) } };
  res.status(status).json(body);
}

/**
 * The engine adapters throw this error when the engine cannot be reached (503, for the API and the pages alike).
 * Recognised by name, so the HTTP layer does not depend on one adapter.
 */
export function isZoekmachineOnbereikbaar(err: unknown): boolean {
  return err instanceof Error && err.name === 'ZoekmachineOnbereikbaarError';
}

/**
 * Maps our errors to status codes. Anything unknown is logged by name and becomes a plain 500: no stack, path or
 * input ever reaches an answer.
 */
export function foutenMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (res.headersSent) return;
    const e = err as Error & { type?: string; status?: number };
    if (e instanceof VerzoekFout) return stuurFout(res, e.status, 'ongeldig_verzoek', e.message, e.velden);
    if (e.type === 'entity.parse.failed') return stuurFout(res, 400, 'ongeldige_json', 'de body is geen geldige JSON; er is niets verwerkt');
    if (e.type === 'entity.too.large' || e instanceof RegelTeLangFout) {
      return stuurFout(res, 413, 'te_groot', `${e instanceof RegelTeLangFout ? e.message : 'de body is te groot'}; er is niets verwerkt (stuur grote exports als application/x-ndjson)`);
    }
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return stuurFout(res, 415, 'niet_ondersteund', 'alleen UTF-8 wordt ondersteund');
    if (e instanceof TeVeelVerwijderdFout) return stuurFout(res, 409, 'te_veel_verwijderd', `${e.message}; er is niets verwerkt`);
    if (e instanceof OngeldigeKeuzeFout) return stuurFout(res, 400, 'ongeldig_verzoek', e.message, [{ pad: e.veld, melding: e.message }]);
    if (e instanceof GeenSnapshotFout) return stuurFout(res, 404, 'geen_snapshot', e.message);
    if (e instanceof SnapshotBestaatFout) return stuurFout(res, 409, 'snapshot_bestaat', e.message);
    if (e instanceof ContactverzoekNietGevondenFout) return stuurFout(res, 404, 'niet_gevonden', e.message);
    if (e instanceof OngeldigeOvergangFout) return stuurFout(res, 409, 'ongeldige_overgang', e.message);
    if (e instanceof ContactverzoekAfgeslotenFout) return stuurFout(res, 409, 'afgesloten', e.message);
    if (e instanceof ProfielVerdwenenFout) return stuurFout(res, 410, 'profiel_verdwenen', e.message);
    if (e instanceof AuditNietBeschikbaarFout) {
      logger.error({ fout: e.name, oorzaak: (e.cause as Error | undefined)?.name }, e.message);
      res.setHeader('Retry-After', RETRY_AFTER_S);
      return stuurFout(res, 503, 'audit_niet_beschikbaar', e.message);
    }
    if (e instanceof OpslagFout) {
      logger.error({ fout: e.name, oorzaak: (e.cause as Error | undefined)?.message }, e.message);
      res.setHeader('Retry-After', RETRY_AFTER_S);
      return stuurFout(res, 503, 'opslag_niet_beschikbaar', 'de opslag is tijdelijk niet beschikbaar; er is niets verwerkt, probeer het later opnieuw');
    }
    if (isZoekmachineOnbereikbaar(e)) {
      res.setHeader('Retry-After', RETRY_AFTER_S);
      return stuurFout(res, 503, 'zoekmachine_niet_beschikbaar', 'de zoekmachine is tijdelijk niet bereikbaar; probeer het later opnieuw');
    }
    logger.error({ fout: e?.name ?? 'onbekend' }, 'onverwachte fout');
    return stuurFout(res, 500, 'interne_fout', 'er ging iets mis aan onze kant');
  };
}
