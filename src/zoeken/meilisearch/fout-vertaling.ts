import {
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { ZoekmachineFout, ZoekmachineOnbereikbaarError } from '../zoekmachine-fouten';

function isTijdelijkeStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/**
 * True for failures worth another try: the request never got an answer (network error, request timeout) or the
 * server said it is temporarily unable (5xx, 429). A task that outlived its wait is not retried: waiting again
 * would only double the wait.
 */
export function isTijdelijkeFout(err: unknown): boolean {
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) return true;
  return err instanceof MeilisearchApiError && isTijdelijkeStatus(err.response.status);
}

/**
 * Maps anything the client throws to our typed errors; the original stays as `cause`. Messages name the
 * operation and Meilisearch's error code, never request bodies, so they are safe to log.
 */
export function vertaalFout(err: unknown, operatie: string): ZoekmachineOnbereikbaarError | ZoekmachineFout {
  if (err instanceof ZoekmachineOnbereikbaarError || err instanceof ZoekmachineFout) return err;
  if (err instanceof MeilisearchTaskTimeOutError) {
    return new ZoekmachineOnbereikbaarError(`Meilisearch: ${operatie}: taak ${err.cause.taskUid} niet klaar binnen ${err.cause.timeout} ms`, { cause: err });
  }
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) {
    const timeout = err instanceof MeilisearchRequestTimeOutError || err.cause instanceof MeilisearchRequestTimeOutError;
    return new ZoekmachineOnbereikbaarError(`Meilisearch: ${operatie}: ${timeout ? 'time-out' : 'niet bereikbaar'}`, { cause: err });
  }
  if (err instanceof MeilisearchApiError) {
    const status = err.response.status;
    const code = err.cause?.code;
    const melding = `Meilisearch: ${operatie}: HTTP ${status}${code ? ` (${code})` : ''}`;
    if (isTijdelijkeStatus(status)) return new ZoekmachineOnbereikbaarError(melding, { cause: err });
    return new ZoekmachineFout(melding, { cause: err, code });
  }
  return new ZoekmachineFout(`Meilisearch: ${operatie}: onverwachte fout`, { cause: err });
}
