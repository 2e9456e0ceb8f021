import { createReadStream, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import type { FoutAntwoord } from '../src/api/fouten.middleware';
import type { Syncresultaat } from '../src/mirror/sync.service';
import { bearer, SLEUTELS } from './server-proces';

/**
 * Streams an NDJSON file (or text) to the sync API, as Sonar sends a national export. Resolves with the status and
 * the answer, also when the service answers before it has read everything (a failed sync stops reading); rejects
 * only when the connection breaks before an answer.
 */
export function stuurExport(basis: string, bron: string | { tekst: string }, opties: { volledig: boolean; forceer?: boolean }): Promise<{ status: number; antwoord: Syncresultaat | FoutAntwoord }> {
  const query = new URLSearchParams({ modus: opties.volledig ? 'volledig' : 'bijwerken', ...(opties.forceer ? { forceer: 'true' } : {}) });
  return new Promise((resolve, reject) => {
    let beantwoord = false;
    const body = typeof bron === 'string' ? createReadStream(bron) : Readable.from([bron.tekst]);
    const req = request(`${basis}/api/v1/sync/profielen?${query}`, {
      method: 'POST',
      headers: { ...bearer(SLEUTELS.sync), 'content-type': 'application/x-ndjson' },
    }, (res) => {
      beantwoord = true;
      let tekst = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { tekst += d; });
      res.on('end', () => {
        body.destroy();
        try {
          resolve({ status: res.statusCode ?? 0, antwoord: JSON.parse(tekst) as Syncresultaat | FoutAntwoord });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    // Once an answer is coming, a write that fails because the service stopped reading is no failure of ours.
    req.on('error', (err) => { if (!beantwoord) reject(err); });
    body.on('error', reject).pipe(req);
  });
}

/**
 * Loads the doelgroepregister counts the generator wrote (`regio;periode;aantal`) through the API, as beheer
 * does; the transparency figures set them against the profiles. Returns false when the route does not exist.
 */
export async function laadRegister(basis: string, csv: string): Promise<boolean> {
  const regels = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  for (const regel of regels) {
    const [regio, periode, aantal] = regel.split(';');
    const res = await fetch(`${basis}/api/v1/doelgroepregister/${regio}/${periode}`, {
      method: 'PUT', headers: { ...bearer(SLEUTELS.beheer), 'content-type': 'application/json' }, body: JSON.stringify({ aantal: Number(aantal) }),
    });
    if (res.status === 404) return false;
    if (!res.ok) throw new Error(`doelgroepregister ${regio}/${periode}: HTTP ${res.status}`);
  }
  return true;
}
