/**
 * A search thread: its own copy of the bitmaps and of where each profile's bytes are, fed with the same changes
 * as the main thread's register, answering searches from them. It composes and serializes whole answers, so the
 * main thread only passes text on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Zoekvraag } from '../../search-engine.port';
import { Antwoordsamensteller, naarAntwoordtekst } from '../../zoek.service';
import { EmbeddedIndex } from '../embedded-index';
import { engineSchema } from '../engine-schema';
import { ProfielLezer } from '../profiel-register';
import { facetwaardenInIndex, metProfielen, telInIndex, zoekInIndex } from '../zoek-in-index';
import type { Antwoord, Opdracht, WerkerData, Wijzigingen } from './berichten';

const { config } = workerData as WerkerData;
const schema = engineSchema(config);

interface Stand {
  index: EmbeddedIndex;
  lezer: ProfielLezer;
}

const leeg = (): Stand => ({ index: new EmbeddedIndex(schema), lezer: new ProfielLezer() });
let stand = leeg();
let nieuw: Stand | null = null;

function pasToe(doel: Stand, { delen, wijzigingen }: Wijzigingen): void {
  doel.lezer.delen = delen;
  doel.index.apply(wijzigingen, doel.lezer);
  for (const { doc, plek } of wijzigingen) doel.lezer.zet(doc, plek);
}

const zoek = async (vraag: Zoekvraag) => {
  const { index, lezer } = stand;
  return metProfielen(schema, (doc) => lezer.lees(doc), zoekInIndex(index, vraag));
};
const samensteller = new Antwoordsamensteller(zoek, config);

async function voerUit(o: Opdracht): Promise<unknown> {
  switch (o.soort) {
    case 'wijzig':
      return pasToe(stand, o);
    case 'vervang-begin':
      nieuw = leeg();
      return undefined;
    // A thread started during a replacement sees its later parts only; it is rebuilt whole right after.
    case 'vervang-deel':
      return pasToe((nieuw ??= leeg()), o);
    case 'vervang-klaar': {
      const oud = stand;
      stand = nieuw ?? leeg();
      stand.index.optimize();
      nieuw = null;
      // No search is halfway through the old index (see below): give its memory back now.
      oud.index.vrijgeven();
      return undefined;
    }
    case 'zoek':
      return zoek(o.vraag);
    case 'antwoord':
      return naarAntwoordtekst(await samensteller.zoek(o.vraag));
    case 'tel':
      return telInIndex(stand.index, o.vraag, o.facets);
    case 'facetwaarden':
      return facetwaardenInIndex(stand.index, o.facet, o.q, o.vraag);
  }
}

// Everything above runs without a real pause (the engine's promises settle at once), so no other message is
// handled halfway through a search: it sees one state of the index.
parentPort!.on('message', (o: Opdracht) => {
  voerUit(o).then(
    (waarde): Antwoord => ({ nr: o.nr, ok: true, waarde }),
    // The name only: a message could quote a profile.
    (err: unknown): Antwoord => ({ nr: o.nr, ok: false, fout: (err as Error)?.name ?? 'Error' }),
  ).then((antwoord) => parentPort!.postMessage(antwoord));
});
