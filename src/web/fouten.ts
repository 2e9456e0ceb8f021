/** The page asked for does not exist (any more): a 404 page. */
export class NietGevondenFout extends Error {
  override readonly name = 'NietGevondenFout';
}

/** Signed in, but this page is not for this role (or region): a 403 page. */
export class GeenToegangFout extends Error {
  override readonly name = 'GeenToegangFout';
}

