/**
 * Our own errors for the Meilisearch adapter: no meilisearch-js error type reaches a service. The vendor error
 * (or a failed task's error object) is kept as `cause` for logs.
 */

/** Meilisearch cannot be reached or did not answer in time (network, timeouts, 5xx, 429): the API answers 503. */
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
