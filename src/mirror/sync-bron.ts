import type { Readable } from 'node:stream';
import split2 from 'split2';
import type { Bronitem } from './sync.service';

/** Longest NDJSON line accepted; one Sonar record is a few kilobytes. */
const MAX_REGELLENGTE = 1024 * 1024;

/** A line longer than MAX_REGELLENGTE: the whole request is refused, since the stream cannot be resynchronised. */
export class RegelTeLangFout extends Error {
  override readonly name = 'RegelTeLangFout';
  constructor(readonly regel: number) {
    super(`regel ${regel} is langer dan ${MAX_REGELLENGTE} bytes`);
  }
}

/**
 * Streams NDJSON: one item per non-empty line, numbered from 1, so a national export never has to sit in one
 * buffer. A line that is not JSON becomes a parse error for that line only.
 */
export async function* leesNdjson(stream: Readable): AsyncGenerator<Bronitem> {
  let regel = 0;
  const regels = stream.pipe(split2(/\r?\n/, { maxLength: MAX_REGELLENGTE }));
  stream.on('error', (err) => regels.destroy(err));
  try {
    for await (const tekst of regels as AsyncIterable<string>) {
      regel++;
      if (tekst.trim() === '') continue;
      try {
        yield { positie: regel, waarde: JSON.parse(tekst) };
      } catch {
        // JSON.parse's message quotes the input: report the line, never its content.
        yield { positie: regel, parseFout: 'geen geldige JSON' };
      }
    }
  } catch (err) {
    if ((err as Error).message?.includes('maximum buffer reached')) throw new RegelTeLangFout(regel + 1);
    throw err;
  }
}

/** Items of an already parsed JSON array, numbered by index from 0. */
export function* leesArray(waarden: readonly unknown[]): Generator<Bronitem> {
  for (let i = 0; i < waarden.length; i++) yield { positie: i, waarde: waarden[i] };
}
