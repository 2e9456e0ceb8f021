import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { loadSearchConfig } from '../../src/config/search-config';
import { blad } from '../../src/privacy/publiek';
import { formatteerPrivacyrapport, maakPrivacyrapport } from '../../src/privacy/rapport';
import { plantPersoonsgegevens } from '../support/persoonsgegevens';
import { TEST_OPSLAG } from '../support/opslag';
import { ndjson } from '../support/sonar-records';
import { createPseudonimiseerder } from '../../src/anonimisering/pseudoniem';
import { bearer, SLEUTELS, startTestService, TEST_SECRET, type TestService } from '../support/test-service';

/**
 * The klantnummers' AES-256-GCM ciphertexts (`v1:<iv>:<tag>:<ciphertext>`): random base64, in which a short marker
 * (a house number like `1104Q`) turns up by chance now and then. They are counted, then left out of the search for
 * plaintext; that they hold no plaintext is the encryption's own test (src/anonimisering/).
 */
const CIPHERTEKST = /v1:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}/g;
const zonderCiphertekst = (tekst: string) => tekst.replace(CIPHERTEKST, 'v1:(versleuteld)');

function alleBestanden(dir: string): string[] {
  return readdirSync(dir).flatMap((naam) => {
    const vol = path.join(dir, naam);
    return statSync(vol).isDirectory() ? alleBestanden(vol) : [vol];
  });
}

/**
 * Adversarial privacy test: personal data planted in every input field of many records must be absent from every
 * answer, every file under the data dir, the PostgreSQL database (when the suite runs on it) and the logs.
 */
describe('planted personal data', () => {
  const geplant = Array.from({ length: 200 }, (_, i) => plantPersoonsgegevens(1000 + i));
  const markers = geplant.flatMap((g) => g.markers);
  let svc: TestService;
  const antwoorden: string[] = [];
  /** The answers that resolve a pseudonym: the one place a klantnummer may appear (the contactverzoek's own). */
  const herleidingen: string[] = [];
  let herleidProfiel = '';
  let auditAntwoord = '';

  beforeAll(async () => {
    svc = await startTestService();
    const sync = (body: string, type: string, query = '') =>
      request(svc.app).post(`/api/v1/sync/profielen${query}`).set(bearer(SLEUTELS.sync)).set('Content-Type', type).send(body);
    const records = geplant.map((g) => g.record);
    // Valid records both ways, invalid ones carrying the same data (rejected), tombstones and deletes.
    antwoorden.push((await sync(JSON.stringify(records.slice(0, 100)), 'application/json')).text);
    antwoorden.push((await sync(ndjson(records.slice(100)), 'application/x-ndjson')).text);
    const ongeldig = records.slice(0, 50).map((r, i) => (i % 2 === 0 ? { ...r, dienstverlener: r.naam!.voornaam } : { ...r, gemeenteCode: 'GM9999', extra: r.bsn, [r.naam!.achternaam!]: r.email }));
    antwoorden.push((await sync(ndjson(ongeldig), 'application/x-ndjson')).text);
    antwoorden.push((await sync(JSON.stringify(ongeldig), 'application/json')).text);
    antwoorden.push((await sync(`${JSON.stringify(records[0]).slice(0, -20)}\n`, 'application/x-ndjson')).text);
    antwoorden.push((await sync(JSON.stringify(records[1]).slice(0, -5), 'application/json')).text);
    antwoorden.push((await sync(ndjson([{ klantnummer: records[2]!.klantnummer, verwijderd: true }]), 'application/x-ndjson')).text);
    antwoorden.push((await request(svc.app).delete(`/api/v1/sync/profielen/${records[3]!.klantnummer}`).set(bearer(SLEUTELS.sync))).text);
    antwoorden.push((await request(svc.app).delete(`/api/v1/sync/profielen/${records[3]!.bsn}`).set(bearer(SLEUTELS.sync))).text);
    antwoorden.push((await request(svc.app).get('/health')).text);
    antwoorden.push(JSON.stringify(await svc.engine.search({ q: 'heftruck', hitsPerPage: 100, facets: ['vaardigheid', 'competentie', 'taaksoort', 'affiniteit'] })));
    antwoorden.push(JSON.stringify(await svc.profielen()));
    // The k-anonymity report, in both forms `npm run privacy:rapport` prints.
    const config = loadSearchConfig();
    const rapport = maakPrivacyrapport((await svc.profielen()).map((p) => blad(p, config)), config);
    antwoorden.push(formatteerPrivacyrapport(rapport, config), JSON.stringify(rapport));
    // The pages: search (whole page and the script's fragment), several planted profiles, the dashboard and its CSV.
    const pagina = async (pad: string) => antwoorden.push((await request(svc.app).get(pad).set('Accept', 'text/html')).text);
    const ids = (await svc.profielen()).slice(0, 5).map((p) => p.id);
    const regio = (await svc.engine.get(ids[0]!))!.regio;
    for (const pad of ['/', '/?q=heftruck&hitsPerPage=100', '/zoeken/resultaten?q=orderpicken&hitsPerPage=100', ...ids.map((id) => `/kandidaten/${id}`),
      '/transparantie', `/transparantie?regio=${regio}`, `/transparantie?regio=${regio}&formaat=csv`]) await pagina(pad);
    // A contactverzoek for a planted profile: the form with its errors, the confirmation and the WSP's list.
    const browser = request.agent(svc.app);
    const formulier = await browser.get(`/kandidaten/${ids[0]}`);
    const _csrf = /name="_csrf" value="([0-9a-f]+)"/.exec(formulier.text)![1]!;
    antwoorden.push((await browser.post(`/kandidaten/${ids[0]}/interesse`).type('form').send({ _csrf, organisatie: 'Werkgever BV' })).text);
    const verzonden = await browser.post(`/kandidaten/${ids[0]}/interesse`).type('form')
      .send({ _csrf, organisatie: 'Werkgever BV', contactpersoon: 'A. de Vries', email: 'hr@werkgever.example', telefoon: '024 123 45 67', vacature: 'Orderpicker' });
    antwoorden.push(verzonden.text, (await browser.get(verzonden.headers.location!)).text);
    antwoorden.push((await request(svc.app).get('/api/v1/contactverzoeken').set(bearer(SLEUTELS.beheer))).text);

    // The werkgeversservicepunt's way back: its lists, status changes and refusals, the employer's own list, the
    // pages and the audit records; the resolutions themselves go apart.
    const wspApi = '/api/v1/wsp/contactverzoeken';
    const verzoek = (await request(svc.app).get(wspApi).set(bearer(SLEUTELS.wsp25))).body.contactverzoeken[0] as { referentie: string; profielId: string };
    herleidProfiel = verzoek.profielId;
    const ref = verzoek.referentie;
    for (const sleutel of [SLEUTELS.wsp25, SLEUTELS.wsp10]) antwoorden.push((await request(svc.app).get(wspApi).set(bearer(sleutel))).text);
    antwoorden.push((await request(svc.app).put(`${wspApi}/${ref}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'in behandeling' })).text);
    antwoorden.push((await request(svc.app).put(`${wspApi}/${ref}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'nieuw', reden: 'x' })).text);
    antwoorden.push((await request(svc.app).post(`${wspApi}/${ref}/klantnummer`).set(bearer(SLEUTELS.wsp10))).text);
    for (const sleutel of [SLEUTELS.werkgever, SLEUTELS.beheer, SLEUTELS.regiomanager25]) antwoorden.push((await request(svc.app).post(`${wspApi}/${ref}/klantnummer`).set(bearer(sleutel))).text);
    herleidingen.push((await request(svc.app).post(`${wspApi}/${ref}/klantnummer`).set(bearer(SLEUTELS.wsp25))).text);
    const wspPagina = await browser.get('/wsp/contactverzoeken');
    antwoorden.push(wspPagina.text);
    const wspCsrf = /name="_csrf" value="([0-9a-f]+)"/.exec(wspPagina.text)![1]!;
    herleidingen.push((await browser.post(`/wsp/contactverzoeken/${ref}/klantnummer`).type('form').send({ _csrf: wspCsrf })).text);
    antwoorden.push((await browser.get('/contactverzoeken')).text);
    antwoorden.push((await request(svc.app).get('/api/v1/mijn/contactverzoeken').set(bearer(SLEUTELS.werkgever))).text);
    antwoorden.push((await request(svc.app).put(`${wspApi}/${ref}/status`).set(bearer(SLEUTELS.wsp25)).send({ status: 'afgesloten', reden: 'geplaatst' })).text);
    antwoorden.push((await request(svc.app).post(`${wspApi}/${ref}/klantnummer`).set(bearer(SLEUTELS.wsp25))).text);
    antwoorden.push((await browser.post(`/wsp/contactverzoeken/${ref}/klantnummer`).type('form').send({ _csrf: wspCsrf })).text);
    // Employers typing a person's name, klantnummer or BSN into the search (API and page) and filters: the audit log
    // keeps that text only as a keyed hash, so it is in no audit file, no table and no answer of GET /api/v1/audit.
    for (const g of geplant.slice(0, 3)) {
      const getypt = `${g.record.naam!.voornaam} ${g.record.naam!.achternaam}`;
      antwoorden.push((await request(svc.app).get(`/api/v1/kandidaten?q=${encodeURIComponent(getypt)}`).set(bearer(SLEUTELS.werkgever))).text);
      antwoorden.push((await request(svc.app).get(`/api/v1/kandidaten?q=${g.record.bsn}&vaardigheid=${encodeURIComponent(g.record.klantnummer)}`).set(bearer(SLEUTELS.intermediair))).text);
      // The search page repeats the visitor's own words to them; it is requested for its audit record only.
      expect((await request(svc.app).get(`/?q=${encodeURIComponent(getypt)}`)).status).toBe(200);
    }
    auditAntwoord = (await request(svc.app).get('/api/v1/audit?limiet=1000').set(bearer(SLEUTELS.beheer))).text;
    antwoorden.push(auditAntwoord, (await request(svc.app).get(`/api/v1/audit?pseudoniem=${ids[0]}`).set(bearer(SLEUTELS.beheer))).text);
  });
  afterAll(async () => { await svc.stop(); });

  it('the planted records were really mirrored (so the test is not vacuous)', async () => {
    expect(await svc.opslag.mirror.aantal()).toBe(198);
    const p = (await svc.profielen())[0]!;
    expect(p.vaardigheden).toContain('Heftruck rijden');
    expect(p.profielvulling).toBe(5);
  });

  it('the audit log recorded the looks, the typed searches only hashed (so the checks are not vacuous)', () => {
    expect(auditAntwoord).toContain('"actie":"zoeken"');
    expect(auditAntwoord).toContain('"actie":"profiel"');
    expect(auditAntwoord).toContain('"actie":"contactverzoek"');
    expect(auditAntwoord).toMatch(/"q":"hmac:[0-9a-f]{32}"/);
    expect(markers.filter((m) => auditAntwoord.includes(m))).toEqual([]);
  });

  it('appear in no answer', () => {
    const alles = antwoorden.join('\n');
    // The pages and the contactverzoek really showed the planted profiles (so the check is not vacuous).
    expect(alles).toContain('Heftruck rijden');
    expect(alles).toContain('Uw interesse is doorgegeven');
    expect(alles).toContain('van de 5 onderdelen ingevuld');
    expect(alles).toContain('"organisatie":"Werkgever BV"');
    expect(alles).toContain('"status":"in behandeling"');
    expect(alles).toContain('"actie":"pseudoniem-herleid"');
    expect(alles).toContain('Anonimiteit in combinatie: 198 profielen');
    expect(markers.filter((m) => alles.includes(m))).toEqual([]);
  });

  it('only the resolution gives a klantnummer: that of the request\'s candidate, to a wsp key of its region, nothing else', () => {
    const pseudoniem = createPseudonimiseerder(TEST_SECRET);
    const klantnummer = geplant.find((g) => pseudoniem(g.record.klantnummer) === herleidProfiel)!.record.klantnummer;
    expect(herleidingen).toHaveLength(2);
    for (const antwoord of herleidingen) {
      expect(antwoord).toContain(klantnummer);
      expect(markers.filter((m) => antwoord.includes(m) && !klantnummer.includes(m))).toEqual([]);
    }
  });

  // The PostgreSQL leg's data files: the database's contents, as pg_dump writes them.
  if (TEST_OPSLAG === 'postgres') it('appear nowhere in the PostgreSQL database (every table, as pg_dump writes it)', async () => {
    const dump = execFileSync('pg_dump', ['--data-only', '--no-owner', svc.plek.env.DATABASE_URL!], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    expect(dump).toContain('Heftruck rijden');
    expect(dump).toContain('hmac:');
    // Every profile's klantnummer is there, encrypted.
    expect((dump.match(CIPHERTEKST) ?? []).length).toBe(await svc.opslag.mirror.aantal());
    const leesbaar = zonderCiphertekst(dump);
    expect(markers.filter((m) => leesbaar.includes(m))).toEqual([]);
  });

  it('appear in no file under the data dir', () => {
    const bestanden = alleBestanden(svc.dataDir);
    if (TEST_OPSLAG === 'sqlite') expect(bestanden.some((b) => b.endsWith('mirror.sqlite'))).toBe(true);
    if (TEST_OPSLAG === 'sqlite') expect(bestanden.some((b) => b.endsWith('audit.sqlite'))).toBe(true);
    for (const bestand of bestanden) {
      const inhoud = zonderCiphertekst(readFileSync(bestand).toString('latin1'));
      expect({ bestand, gevonden: markers.filter((m) => inhoud.includes(m)) }).toEqual({ bestand, gevonden: [] });
    }
  });

  it('appear in no log line', () => {
    const logs = svc.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(markers.filter((m) => logs.includes(m))).toEqual([]);
  });
});
