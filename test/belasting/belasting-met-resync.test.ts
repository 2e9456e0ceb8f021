import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { stuurExport } from '../../bench/api-client';
import { zorgVoorDataset } from '../../bench/dataset';
import { queryMix } from '../../bench/querymix';
import { bearer, SLEUTELS, startServer, vrijePoort, wachtOpHealth, type ServerProces } from '../../bench/server-proces';
import { percentiel } from '../../bench/statistiek';
import { prng } from '../../bench/willekeur';
import type { Syncresultaat } from '../../src/mirror/sync.service';
import { nieuweTestOpslag, TEST_OPSLAG, type TestOpslagplek } from '../support/opslag';
import { idVan, SCHAAL } from './schaal';

/** The resync marks every profile it keeps with this change date: a hit shows which mirror it came from. */
const NIEUW_GEWIJZIGD = '2024-01-15T12:00:00Z';
const NIEUW_DAG = NIEUW_GEWIJZIGD.slice(0, 10);
/** Every 50th profile is left out of the resync (2%, under the 10% a full export may remove). */
const weg = (i: number) => i % 50 === 49;

type Generatie = 'oud' | 'nieuw';
interface Telling { totalHits: number; relaxaties: Record<string, number> }
interface Zoekantwoord { vraag: number; totalHits: number; generaties: Generatie[]; relaxaties: Record<string, number> }

interface Kandidatenantwoord {
  totalHits: number;
  hits: { bijgewerkt: string }[];
  relaxaties: { parameter: string; totalHits: number }[];
}

const generatie = (bijgewerkt: string): Generatie => (bijgewerkt === NIEUW_DAG ? 'nieuw' : 'oud');
const relaxatieMap = (a: Kandidatenantwoord) => Object.fromEntries(a.relaxaties.map((r) => [r.parameter, r.totalHits]));

/** The next mirror: the same people minus every 50th, every one changed (a new gewijzigdOp). */
async function schrijfNieuweGeneratie(bron: string, doel: string): Promise<{ ids: string[]; weg: string[]; aantal: number }> {
  const uit = createWriteStream(doel);
  const ids: string[] = [];
  const verwijderd: string[] = [];
  let i = 0;
  let aantal = 0;
  for await (const regel of createInterface({ input: createReadStream(bron), crlfDelay: Infinity })) {
    const id = idVan(regel);
    ids.push(id);
    if (weg(i++)) {
      verwijderd.push(id);
      continue;
    }
    aantal++;
    if (!uit.write(`${JSON.stringify({ ...JSON.parse(regel), gewijzigdOp: NIEUW_GEWIJZIGD })}\n`)) await once(uit, 'drain');
  }
  uit.end();
  await once(uit, 'finish');
  return { ids, weg: verwijderd, aantal };
}

/**
 * Mixed traffic (80% search, 15% profile, 5% transparency) from SCHAAL.clients clients while a full resync of
 * SCHAAL.profielen profiles runs: no 5xx, and no answer mixes the old and the new mirror. The resync changes every
 * profile (its day of change) and drops 2%, so each hit tells its generation and totalHits differs per
 * generation: all hits of an answer must be of one generation, and totalHits (and the relaxation counts) must be
 * exactly what that generation gives for the query, measured before and after. On PostgreSQL two instances share
 * the store: the sync goes to the first, the traffic to both, and each swaps its index on its own.
 */
const INSTANTIES = TEST_OPSLAG === 'postgres' ? 2 : 1;

describe(`load with change: ${SCHAAL.clients} clients on ${INSTANTIES} instance(s), resync of ${SCHAAL.profielen} profiles`, () => {
  let werkmap: string;
  let plek: TestOpslagplek;
  const servers: ServerProces[] = [];
  beforeAll(async () => {
    werkmap = mkdtempSync(path.join(tmpdir(), 'kv-belasting-'));
    plek = await nieuweTestOpslag();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
    rmSync(werkmap, { recursive: true, force: true });
    await plek.verwijder();
  });

  it('answers without 5xx and never mixes old and new', async () => {
    const dataset = await zorgVoorDataset({ profielen: SCHAAL.profielen, seed: 42 });
    const nieuwBestand = path.join(werkmap, 'nieuw.ndjson');
    const nieuw = await schrijfNieuweGeneratie(dataset.ndjson, nieuwBestand);
    for (let n = 0; n < INSTANTIES; n++) {
      servers.push(startServer({ dataDir: path.join(werkmap, `data-${n}`), port: await vrijePoort(), logBestand: path.join(werkmap, `service-${n}.log`), env: plek.env }));
    }
    await Promise.all(servers.map((s) => wachtOpHealth(s, { timeoutMs: 60_000 })));
    const bases = servers.map((s) => s.basis);
    const eerste = await stuurExport(bases[0]!, dataset.ndjson, { volledig: true });
    expect(eerste.status).toBe(200);
    let volgnummer = (eerste.antwoord as Syncresultaat).volgnummer;

    // Queries of the benchmark mix, all profiles, and narrow ones that come with relaxation counts.
    const vragen = [
      ...queryMix(40).map((m) => m.query),
      'hitsPerPage=20',
      'q=heftruck&regio=1&transparantieklasse=beperkt&urenMin=32',
      'q=lassen&regio=5&rijbewijs=C',
    ];
    // Every instance is asked, after it applied the sync (naSequentie): all must count the same.
    const zoek = async (basis: string, i: number): Promise<Kandidatenantwoord> => {
      const res = await fetch(`${basis}/api/v1/kandidaten?${vragen[i]}&naSequentie=${volgnummer}`, { headers: bearer(SLEUTELS.werkgever) });
      if (!res.ok) throw new Error(`zoeken: HTTP ${res.status}`);
      return (await res.json()) as Kandidatenantwoord;
    };
    const tel = async (): Promise<Telling[]> => {
      const perInstantie = await Promise.all(bases.map((basis) => Promise.all(vragen.map(async (_, i) => {
        const a = await zoek(basis, i);
        return { totalHits: a.totalHits, relaxaties: relaxatieMap(a) };
      }))));
      for (const t of perInstantie.slice(1)) expect(t).toEqual(perInstantie[0]);
      return perInstantie[0]!;
    };
    const verwacht: Record<Generatie, Telling[]> = { oud: await tel(), nieuw: [] };
    expect(verwacht.oud.some((t) => Object.keys(t.relaxaties).length > 0)).toBe(true);

    const r = prng(SCHAAL.profielen);
    const weggelaten = new Set(nieuw.weg);
    const zoekantwoorden: Zoekantwoord[] = [];
    const fouten: string[] = [];
    const latenties: number[] = [];
    let profielen = 0;
    let transparantie = 0;
    let stoppen = false;

    const client = async () => {
      while (!stoppen) {
        const keuze = r();
        const basis = bases[Math.floor(r() * bases.length)]!;
        const t = performance.now();
        try {
          if (keuze < 0.8) {
            const vraag = Math.floor(r() * vragen.length);
            const res = await fetch(`${basis}/api/v1/kandidaten?${vragen[vraag]}`, { headers: bearer(SLEUTELS.werkgever), signal: AbortSignal.timeout(60_000) });
            if (res.status !== 200) fouten.push(`zoeken ${vragen[vraag]}: ${res.status}`);
            else {
              const a = (await res.json()) as Kandidatenantwoord;
              zoekantwoorden.push({ vraag, totalHits: a.totalHits, generaties: [...new Set(a.hits.map((h) => generatie(h.bijgewerkt)))], relaxaties: relaxatieMap(a) });
            }
          } else if (keuze < 0.95) {
            const id = nieuw.ids[Math.floor(r() * nieuw.ids.length)]!;
            const res = await fetch(`${basis}/api/v1/kandidaten/${id}`, { headers: bearer(SLEUTELS.werkgever), signal: AbortSignal.timeout(60_000) });
            profielen++;
            if (res.status === 404 && !weggelaten.has(id)) fouten.push(`profiel ${id}: 404 terwijl het in beide generaties staat`);
            else if (res.status !== 200 && res.status !== 404) fouten.push(`profiel: ${res.status}`);
            else await res.arrayBuffer();
          } else {
            const res = await fetch(`${basis}/api/v1/transparantie`, { headers: bearer(SLEUTELS.beheer), signal: AbortSignal.timeout(60_000) });
            transparantie++;
            if (res.status !== 200) fouten.push(`transparantie: ${res.status}`);
            await res.arrayBuffer();
          }
        } catch (err) {
          fouten.push(`verbinding: ${(err as Error).name} ${(err as Error).message}`);
        }
        latenties.push(performance.now() - t);
      }
    };

    const begin = performance.now();
    const clients = Array.from({ length: SCHAAL.clients }, client);
    await new Promise((res) => setTimeout(res, Math.min(2000, (SCHAAL.seconden * 1000) / 4)));
    const resync = await stuurExport(bases[0]!, nieuwBestand, { volledig: true });
    const resyncKlaar = performance.now();
    while (performance.now() - begin < SCHAAL.seconden * 1000 || performance.now() - resyncKlaar < 1000) {
      await new Promise((res) => setTimeout(res, 100));
    }
    stoppen = true;
    await Promise.all(clients);
    const duurS = (performance.now() - begin) / 1000;
    expect(resync.status).toBe(200);
    volgnummer = (resync.antwoord as Syncresultaat).volgnummer;
    verwacht.nieuw = await tel();

    expect(resync.antwoord as Syncresultaat).toMatchObject({ verwijderd: nieuw.weg.length, bijgewerkt: nieuw.aantal, geweigerd: 0 });
    expect(fouten.slice(0, 20)).toEqual([]);

    const gemengd: string[] = [];
    const perGeneratie = { oud: 0, nieuw: 0, leeg: 0 };
    for (const a of zoekantwoorden) {
      const past = (g: Generatie) => a.totalHits === verwacht[g][a.vraag]!.totalHits
        && Object.entries(a.relaxaties).every(([p, n]) => verwacht[g][a.vraag]!.relaxaties[p] === n);
      if (a.generaties.length > 1) gemengd.push(`${vragen[a.vraag]}: treffers uit beide generaties`);
      else if (a.generaties.length === 1 && !past(a.generaties[0]!)) gemengd.push(`${vragen[a.vraag]}: treffers ${a.generaties[0]}, totalHits ${a.totalHits}, relaxaties ${JSON.stringify(a.relaxaties)}`);
      else if (a.generaties.length === 0 && !past('oud') && !past('nieuw')) gemengd.push(`${vragen[a.vraag]}: geen treffers, totalHits ${a.totalHits} past bij geen generatie`);
      perGeneratie[a.generaties[0] ?? 'leeg']++;
    }
    process.stdout.write(`belasting: ${duurS.toFixed(1)} s, ${zoekantwoorden.length} zoekantwoorden (${perGeneratie.oud} oud, ${perGeneratie.nieuw} nieuw, ${perGeneratie.leeg} leeg), `
      + `${profielen} profielen, ${transparantie} transparantie; ${(latenties.length / duurS).toFixed(0)} verzoeken/s, p50 ${percentiel(latenties, 50).toFixed(1)} ms, `
      + `p99 ${percentiel(latenties, 99).toFixed(1)} ms; resync ${((resyncKlaar - begin) / 1000).toFixed(1)} s na de start van het verkeer\n`);
    expect(gemengd.slice(0, 20)).toEqual([]);
    // The swap must have happened under the traffic, or the check above proves nothing.
    expect(perGeneratie.oud).toBeGreaterThan(0);
    expect(perGeneratie.nieuw).toBeGreaterThan(0);
  }, 60 * 60_000);
});
