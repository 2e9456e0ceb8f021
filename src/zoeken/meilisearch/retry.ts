export interface RetryOpties {
  /** Total attempts, the first one included. */
  pogingen: number;
  /** Wait before the second attempt; doubles for each next one. */
  basisMs: number;
}

const wacht = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `actie` until it succeeds, it fails with an error `isTijdelijk` rejects, or the attempts run out; waits
 * basisMs, 2·basisMs, 4·basisMs, ... in between. Rethrows the last error unchanged.
 */
export async function metRetry<T>(actie: () => Promise<T>, opties: RetryOpties, isTijdelijk: (err: unknown) => boolean): Promise<T> {
  for (let poging = 1; ; poging++) {
    try {
      return await actie();
    } catch (err) {
      if (poging >= opties.pogingen || !isTijdelijk(err)) throw err;
      await wacht(opties.basisMs * 2 ** (poging - 1));
    }
  }
}
