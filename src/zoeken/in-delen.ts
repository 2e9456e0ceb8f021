// Bulk writes hand the event loop back this often, so searches keep being answered during a rebuild.
const DEEL = 5000;

/**
 * `items` in parts of at most `grootte`: bulk writes go part by part and hand the event loop back in between.
 * Takes a stream too (a whole mirror read from PostgreSQL), so no index build holds every profile at once.
 */
export async function* inDelen<T>(items: Iterable<T> | AsyncIterable<T>, grootte = DEEL): AsyncGenerator<T[]> {
  let deel: T[] = [];
  for await (const item of items) {
    deel.push(item);
    if (deel.length === grootte) {
      yield deel;
      deel = [];
    }
  }
  if (deel.length > 0) yield deel;
}
