/**
 * The engines' own errors: no vendor error type reaches a service. The original error (or a failed task's error
 * object) is kept as `cause` for logs.
 */

/**
 * The engine cannot be reached or did not answer in time (Meilisearch: network, timeouts, 5xx, 429; embedded: a
 * search thread that stopped): the API answers 503.
 */
export class ZoekmachineOnbereikbaarError extends Error {
  override readonly name = 'ZoekmachineOnbereikbaarError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Meilisearch answered, but refused or failed the request (bad filter, failed task, missing index, ...). */
export class ZoekmachineFout extends Error {
  override readonly name = 'ZoekmachineFout';
  /** Meilisearch error code (e.g. `invalid_search_filter`), when it sent one. */
  readonly code: string | undefined;

  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options);
    this.code = options?.code;
  }
}
