import path from 'node:path';
import request from 'supertest';
import { OpslagFout } from '../../src/opslag/opslag-fout';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';

const ROOT = path.resolve(__dirname, '../..');

/** What must never reach an answer: stack frames, file paths, error class names of libraries. */
function lekt(tekst: string): string[] {
  return [
    /\n\s+at /, /\bat .+:\d+:\d+/, /[A-Za-z]:\\|\/(?:work|home|root|usr|tmp|var)\//, /node_modules/, /\.ts\b|\.js:\d/,
    /SqliteError|SQLITE_|TypeError|RangeError|SyntaxError|ReferenceError/, /Unexpected token|in JSON at position/,
  ].filter((p) => p.test(tekst)).map(String).concat(tekst.includes(ROOT) ? ['ROOT'] : []);
}

/**
 * Provokes every kind of failure the service can meet and checks that no answer carries a stack trace, an internal
 * path or a library's error text: only our plain codes and messages.
 */
describe('no internals in any answer', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ LOG_LEVEL: 'silent', KV_MAX_JSON_BODY: '1kb' }); });
  afterAll(async () => { await svc.stop(); });
  afterEach(() => { jest.restoreAllMocks(); });

  const controleer = (res: request.Response, status: number) => {
    expect(res.status).toBe(status);
    expect(lekt(res.text)).toEqual([]);
    expect(res.body.fout.code).toMatch(/^[a-z_]+$/);
  };

  it('an unexpected error deep in a search (with a path and stack in its message) becomes a plain 500', async () => {
    jest.spyOn(svc.engine, 'search').mockRejectedValue(new TypeError(`kan 'x' niet lezen in ${path.join(ROOT, 'src/zoeken/embedded/ranking.ts')}:12:7\n    at rankPage (${__filename}:1:1)`));
    controleer(await request(svc.app).get('/api/v1/kandidaten?q=heftruck').set(bearer(SLEUTELS.werkgever)), 500);
  });

  it('a synchronous throw in a route becomes a plain 500', async () => {
    jest.spyOn(svc.engine, 'get').mockImplementation(() => { throw new RangeError(`Maximum call stack size exceeded at ${__filename}:3:4`); });
    controleer(await request(svc.app).get('/api/v1/kandidaten/0123456789abcdef0123456789abcdef').set(bearer(SLEUTELS.werkgever)), 500);
  });

  it('a storage failure (disk full) becomes a plain 503', async () => {
    const sqlite = Object.assign(new Error(`database or disk is full: ${path.join(svc.dataDir, 'mirror.sqlite')}`), { code: 'SQLITE_FULL' });
    jest.spyOn(svc.opslag.mirror, 'schrijf').mockRejectedValue(new OpslagFout('opslag mislukt: transactie starten', { cause: sqlite }));
    const res = await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).send([]);
    controleer(res, 503);
    expect(res.text).not.toContain(svc.dataDir);
  });

  it.each([
    ['broken JSON', 'application/json', '{"klantnummer": "S0000000001", "naam": ', 400],
    ['JSON above the body limit', 'application/json', JSON.stringify(['x'.repeat(2000)]), 413],
    ['an NDJSON line above the line limit', 'application/x-ndjson', `{}\n${'x'.repeat(3 * 1024 * 1024)}\n{}\n`, 413],
    ['an unsupported charset', 'application/json; charset=latin1', '[]', 415],
    ['an unsupported content type', 'text/plain', 'hallo', 415],
  ])('%s', async (_naam, type, body, status) => {
    controleer(await request(svc.app).post('/api/v1/sync/profielen').set(bearer(SLEUTELS.sync)).set('Content-Type', type).send(body), status);
  });

  it.each([
    ['an undecodable path', '/api/v1/kandidaten/%E0%A4%A', 400],
    ['an undecodable facet', '/api/v1/facetten/%ZZ', 400],
    ['an unknown route', '/api/v1/bestaat-niet', 404],
    ['an unknown facet', '/api/v1/facetten/__proto__', 404],
    ['a parameter that is an object', '/api/v1/kandidaten?regio[naam]=x', 400],
  ])('%s', async (_naam, pad, status) => {
    controleer(await request(svc.app).get(pad).set(bearer(SLEUTELS.werkgever)), status);
  });
});
