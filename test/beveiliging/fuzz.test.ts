import fc from 'fast-check';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unescape } from 'node:querystring';
import { FILTERPARAMETERS } from '../../src/zoeken/zoekparameters';
import { plantPersoonsgegevens } from '../support/persoonsgegevens';
import { ndjson } from '../support/sonar-records';
import { SLEUTELS, startTestService, type TestService } from '../support/test-service';
import { routesVan } from './router-routes';

/**
 * Property-based fuzzing (fast-check) of every query parameter and path parameter of the GET routes and of sync
 * bodies: never a 5xx, never personal data in an answer (though the mirror holds records planted with it and the
 * fuzzer feeds that data back in), and never the fuzzer's markup unescaped. FUZZ_RUNS sets the runs per property (CI: 100; docs/benchmarks.md).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const geplant = Array.from({ length: 30 }, (_, i) => plantPersoonsgegevens(5000 + i));
const MARKERS = geplant.flatMap((g) => g.markers);
/** Personal fields of a Sonar record: the fuzzer only ever makes them invalid, never removes them (see below). */
const PERSOONLIJK = ['bsn', 'naam', 'geboortedatum', 'adres', 'telefoon', 'email'];

/** Markup that must never come back unescaped. */
const XSS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'javascript:alert(1)'];
const XSS_UIT = [/<script>alert/i, /<img src=x onerror/i, /<svg onload/i, /href="javascript:/i];

/** UTF-8 percent-encoding that, unlike encodeURIComponent, also takes lone surrogates. */
const codeer = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

const waarde = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 400 }),
  fc.constantFrom(...MARKERS),
  fc.constantFrom('25', 'Rijk van Nijmegen', 'GM0268', 'Nijmegen', 'mbo-2', 'ja', 'nee', 'onbekend', 'B', 'volledig', 'heftruck', 'relevantie', 'uren:desc', '2020-Q2', 'csv', 'json'),
  fc.constantFrom('0', '-1', '1e3', '0x10', 'NaN', 'Infinity', '99999999999999999999', '1.5', ' 7 ', ''),
  fc.constantFrom(...XSS),
  fc.integer().map(String),
);
/** Fragments sent as they are, not encoded: broken escapes and separators. */
const rauw = fc.constantFrom('%', '%zz', '%E0%A4', '%00', '%C0%AF', '%FF', '+', '&&', '==', '[]', '%5B%5D', '%26', '%3D', ';');
const naam = fc.oneof(
  fc.constantFrom(...FILTERPARAMETERS, 'q', 'opleidingsniveauMin', 'urenMin', 'urenMax', 'sort', 'page', 'hitsPerPage', 'regio', 'periode', 'formaat', 'modus', 'forceer'),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'q[]', 'regio[0]', 'regio[naam]', 'toString'),
  fc.string({ maxLength: 12 }),
);
const querystring = fc.array(fc.tuple(naam, fc.oneof({ weight: 4, arbitrary: waarde.map(codeer) }, { weight: 1, arbitrary: rauw }), fc.boolean()), { maxLength: 8 })
  .map((delen) => delen.map(([k, v, metIs]) => (metIs ? `${codeer(k)}=${v}` : codeer(k))).join('&'));
const padsegment = fc.oneof({ weight: 4, arbitrary: waarde.map(codeer) }, { weight: 1, arbitrary: fc.tuple(waarde.map(codeer), rauw).map(([a, b]) => `${a}${b}`) });

interface Antwoord { status: number; tekst: string }

/** One raw request: the path goes out byte for byte, as a hostile client would send it. */
function stuur(poort: number, methode: string, pad: string, headers: Record<string, string>, body?: string): Promise<Antwoord> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: poort, method: methode, path: pad, headers }, (res) => {
      let tekst = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { tekst += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, tekst }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const gelekt = (tekst: string, toegestaan: readonly string[] = []) => MARKERS.filter((m) => tekst.includes(m) && !toegestaan.includes(m));
const onveilig = (tekst: string) => XSS_UIT.filter((p) => p.test(tekst)).map(String);

async function luister(svc: TestService): Promise<{ server: Server; poort: number }> {
  const server = svc.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, poort: (server.address() as AddressInfo).port };
}

async function syncGeplant(poort: number): Promise<void> {
  const res = await stuur(poort, 'POST', '/api/v1/sync/profielen', { authorization: `Bearer ${SLEUTELS.sync}`, 'content-type': 'application/x-ndjson' }, ndjson(geplant.map((g) => g.record)));
  expect(res.status).toBe(200);
  expect(JSON.parse(res.tekst)).toMatchObject({ ontvangen: geplant.length, geweigerd: 0 });
}

describe('fuzzing the GET routes', () => {
  let svc: TestService;
  let server: Server;
  let poort: number;
  beforeAll(async () => {
    svc = await startTestService({ LOG_LEVEL: 'silent' });
    ({ server, poort } = await luister(svc));
    await syncGeplant(poort);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await svc.stop();
  });

  const sleutelVoor = (patroon: string) => (/transparantie|doelgroepregister|\/audit/.test(patroon) ? SLEUTELS.beheer : SLEUTELS.werkgever);

  it('GET /api/v1/kandidaten: any query string gives no 5xx and no personal data', async () => {
    await fc.assert(fc.asyncProperty(querystring, async (qs) => {
      const res = await stuur(poort, 'GET', `/api/v1/kandidaten?${qs}`, { authorization: `Bearer ${SLEUTELS.werkgever}` });
      expect(res.status).toBeLessThan(500);
      expect(gelekt(res.tekst)).toEqual([]);
      expect(onveilig(res.tekst)).toEqual([]);
    }), { numRuns: RUNS * 3 });
  });

  it('every other GET route: any path parameter and query string gives no 5xx and no personal data', async () => {
    const routes = routesVan(svc.app).filter((r) => r.methode === 'GET' && !r.statisch && r.patroon !== '/api/v1/kandidaten');
    expect(routes.length).toBeGreaterThan(5);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), fc.array(padsegment, { minLength: 3, maxLength: 3 }), querystring, async (route, segmenten, qs) => {
      let i = 0;
      const pad = route.patroon.replace(/[:*]\w+/g, () => segmenten[i++ % segmenten.length]!);
      const verzoek = `${pad}?${qs}`;
      const res = await stuur(poort, 'GET', verzoek, { authorization: `Bearer ${sleutelVoor(route.patroon)}` });
      expect({ route: route.patroon, status: res.status < 500 }).toEqual({ route: route.patroon, status: true });
      // A page shows the searcher's own filters back (escaped); stored personal data never, and the API echoes nothing.
      const pagina = !route.patroon.startsWith('/api/');
      expect(gelekt(res.tekst, pagina ? MARKERS.filter((m) => unescape(verzoek).includes(m)) : [])).toEqual([]);
      expect(onveilig(res.tekst)).toEqual([]);
    }), { numRuns: RUNS * 3 });
  });
});

describe('fuzzing sync bodies', () => {
  let svc: TestService;
  let server: Server;
  let poort: number;
  beforeAll(async () => {
    svc = await startTestService({ LOG_LEVEL: 'silent', KV_MAX_VERWIJDERAANDEEL: '1' });
    ({ server, poort } = await luister(svc));
    await syncGeplant(poort);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await svc.stop();
  });

  /**
   * A planted record, changed: a personal field made invalid (never removed: a record without its name could carry
   * that name unrecognised in its text, which no service can know), another field replaced by any JSON or removed,
   * a key added (named like personal data), or a profile field replaced.
   */
  const gemuteerd = fc.tuple(fc.constantFrom(...geplant), fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom(...MARKERS), fc.nat(3))
    .map(([g, json, k, marker, soort]) => {
      const r: Record<string, unknown> = structuredClone(g.record) as unknown as Record<string, unknown>;
      const velden = Object.keys(r);
      const veld = velden[k % velden.length]!;
      if (soort === 0) r[veld] = PERSOONLIJK.includes(veld) ? 12345 : json;
      else if (soort === 1 && !PERSOONLIJK.includes(veld)) delete r[veld];
      else if (soort === 2) r[marker] = json;
      else if (r.klantprofiel && typeof r.klantprofiel === 'object') {
        const kp = r.klantprofiel as Record<string, unknown>;
        const kpVelden = Object.keys(kp);
        kp[kpVelden[k % kpVelden.length]!] = json;
      }
      return JSON.stringify(r);
    });
  const regel = fc.oneof(
    { weight: 5, arbitrary: gemuteerd },
    { weight: 2, arbitrary: fc.constantFrom(...geplant).map((g) => JSON.stringify(g.record)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom(...MARKERS)).map((s) => s.replace(/[\r\n]/g, ' ')) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...MARKERS), fc.string()), fc.jsonValue()).map(([klantnummer, verwijderd]) => JSON.stringify({ klantnummer, verwijderd })) },
    { weight: 1, arbitrary: fc.nat(5000).map((n) => '['.repeat(n)) },
  );
  const query = fc.constantFrom('', 'modus=bijwerken', 'modus=volledig', 'modus=x', 'modus=volledig&forceer=true', 'forceer=ja', 'a=b');

  it('any NDJSON or JSON body gives no 5xx and never repeats personal data', async () => {
    await fc.assert(fc.asyncProperty(fc.array(regel, { maxLength: 12 }), query, fc.constantFrom('ndjson', 'ndjson-crlf', 'array'), async (regels, q, vorm) => {
      const body = vorm === 'array' ? `[${regels.map((r) => (r.startsWith('[') || r.startsWith('{') || r.startsWith('"') ? r : JSON.stringify(r))).join(',')}]` : regels.join(vorm === 'ndjson' ? '\n' : '\r\n');
      const type = vorm === 'array' ? 'application/json' : 'application/x-ndjson';
      const res = await stuur(poort, 'POST', `/api/v1/sync/profielen?${q}`, { authorization: `Bearer ${SLEUTELS.sync}`, 'content-type': type }, body);
      expect(res.status).toBeLessThan(500);
      expect(gelekt(res.tekst)).toEqual([]);
    }), { numRuns: RUNS * 2 });
  });

  it('afterwards the service is healthy and nothing personal is in the mirror or the index', async () => {
    // A fuzzed full export may have emptied the mirror; the planted records go back in so this check has data.
    await syncGeplant(poort);
    const health = await stuur(poort, 'GET', '/health', {});
    expect(JSON.parse(health.tekst)).toMatchObject({ status: 'ok' });
    expect(gelekt(JSON.stringify((await svc.profielen())))).toEqual([]);
    const res = await stuur(poort, 'GET', '/api/v1/kandidaten?hitsPerPage=100', { authorization: `Bearer ${SLEUTELS.werkgever}` });
    expect(res.status).toBe(200);
    expect(gelekt(res.tekst)).toEqual([]);
  });
});
