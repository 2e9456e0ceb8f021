/**
 * A search thread: its own copy of the bitmaps (no profiles; the main thread keeps those), fed with the same
 * changes as the main thread's register, answering searches from it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedIndex } from '../embedded-index';
import { engineSchema } from '../engine-schema';
import { facetwaardenInIndex, telInIndex, zoekInIndex } from '../zoek-in-index';
import type { Antwoord, Opdracht, WerkerData } from './berichten';

const schema = engineSchema((workerData as WerkerData).config);
let index = new EmbeddedIndex(schema);
let nieuw: EmbeddedIndex | null = null;

function voerUit(o: Opdracht): unknown {
  switch (o.soort) {
    case 'wijzig':
      return index.apply(o.wijzigingen);
    case 'vervang-begin':
      nieuw = new EmbeddedIndex(schema);
      return undefined;
    // A thread started during a replacement sees its later parts only; it is rebuilt whole right after.
    case 'vervang-deel':
      return (nieuw ??= new EmbeddedIndex(schema)).apply(o.wijzigingen);
    case 'vervang-klaar':
      index = nieuw ?? new EmbeddedIndex(schema);
      index.optimize();
      nieuw = null;
      return undefined;
    case 'zoek':
      return zoekInIndex(index, o.vraag);
    case 'tel':
      return telInIndex(index, o.vraag, o.facets);
    case 'facetwaarden':
      return facetwaardenInIndex(index, o.facet, o.q, o.vraag);
  }
}

parentPort!.on('message', (o: Opdracht) => {
  let antwoord: Antwoord;
  try {
    antwoord = { nr: o.nr, ok: true, waarde: voerUit(o) };
  } catch (err) {
    // The name only: a message could quote a profile.
    antwoord = { nr: o.nr, ok: false, fout: (err as Error)?.name ?? 'Error' };
  }
  parentPort!.postMessage(antwoord);
});
