import { rmSync } from 'node:fs';
import request from 'supertest';
import referentie from '../fixtures/transparantie-2020Q2-rijk-van-nijmegen.json';
import { startTestService, type TestService } from '../support/test-service';

const KLASSEN = ['geen', 'beperkt', 'redelijk', 'volledig'] as const;

describe('first start on an empty data dir', () => {
  let svc: TestService;
  beforeAll(async () => { svc = await startTestService({ SEED_DEMO: 'true' }); });
  afterAll(async () => {
    await svc.stop();
    rmSync(svc.dataDir, { recursive: true, force: true });
    await svc.plek.verwijder();
  });

  it('loads the synthetic demo data and says so in /health', async () => {
    const res = await request(svc.app).get('/health');
    expect(res.body).toMatchObject({ status: 'ok', profielen: 3955, demo: true });
  });

  it('holds 3,955 profiles whose gemeente x class counts equal the 2020-Q2 reference table cell by cell', async () => {
    const tellingen = new Map<string, number[]>();
    for (const p of await svc.profielen()) {
      const rij = tellingen.get(p.gemeenteCode) ?? [0, 0, 0, 0, 0];
      rij[KLASSEN.indexOf(p.transparantieklasse)]! += 1;
      rij[4]! += 1;
      tellingen.set(p.gemeenteCode, rij);
      expect(p.regio).toBe(25);
    }
    expect(tellingen.size).toBe(referentie.rijen.length);
    for (const rij of referentie.rijen) expect({ gemeente: rij.gemeente, waarden: tellingen.get(rij.gemeenteCode) }).toEqual({ gemeente: rij.gemeente, waarden: rij.waarden });
    const totaal = [0, 1, 2, 3, 4].map((k) => [...tellingen.values()].reduce((s, r) => s + r[k]!, 0));
    expect(totaal).toEqual(referentie.totaal.waarden);
  });

  it('carries the doelgroepregister count of the publication', async () => {
    expect(await svc.opslag.mirror.doelgroepregister()).toContainEqual({ regio: 25, periode: '2020-Q2', aantal: 5594 });
  });

  it('indexed the same profiles', async () => {
    expect(await svc.engine.count()).toBe(3955);
  });

  it('keeps its mirror across a restart and does not load the demo twice', async () => {
    const plek = { dataDir: svc.dataDir, plek: svc.plek };
    await svc.close();
    const tweede = await startTestService({ SEED_DEMO: 'true' }, plek);
    try {
      expect(await tweede.opslag.mirror.aantal()).toBe(3955);
    } finally {
      await tweede.close();
    }
    svc = await startTestService({ SEED_DEMO: 'true' }, plek);
  });
});
