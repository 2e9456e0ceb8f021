/**
 * Child process of the benchmark: the platform's HTTP limit. A bare node:http server that answers each path of
 * the query mix with the bytes and headers the service gave for it, precomputed, and does nothing else; what the
 * search service reaches is measured against what this one reaches on the same machine in the same run.
 * Prints "klaar" on stdout once it listens.
 *
 *   node --import tsx bench/kale-server.ts <antwoorden.json> <port>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { VasteAntwoorden } from './grens-http';

const [bestand, port] = process.argv.slice(2);
if (!bestand || !port) throw new Error('gebruik: kale-server.ts <antwoorden.json> <port>');
const { antwoorden } = JSON.parse(readFileSync(bestand, 'utf8')) as VasteAntwoorden;
const perPad = new Map(antwoorden.map((a) => [a.pad, { headers: a.headers, body: Buffer.from(a.body, 'base64') }]));

createServer((req, res) => {
  const antwoord = perPad.get(req.url ?? '');
  if (!antwoord) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...antwoord.headers, 'content-length': antwoord.body.length }).end(antwoord.body);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('klaar\n'));
