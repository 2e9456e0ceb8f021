import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { NieuweAuditregel } from '../../src/audit/auditregel';
import { AuditService } from '../../src/audit/audit.service';
import { controleerKeten } from '../../src/audit/controleer';
import { maandenTerug, Opschoning, type Opschoonbaar } from '../../src/audit/opschoning';
import { maakOpschoning } from '../../src/bootstrap';
import { controleerAuditlog } from '../../src/cli/audit-controleer.cli';
import { schoonOp } from '../../src/cli/opschonen.cli';
import { getEnv } from '../../src/config/env';
import { loadSearchConfig } from '../../src/config/search-config';
import { createLogger } from '../../src/logging/logger';
import type { Opslag } from '../../src/opslag/opslag.port';
import { nieuweTestOpslag, TEST_OPSLAG, type TestOpslagplek } from '../support/opslag';

const GEHEIME_ID = 'werkgever-met-een-herkenbare-id';
const regel = (n: number): NieuweAuditregel => ({ sleutelId: GEHEIME_ID, rol: 'werkgever', actie: 'profiel', pseudoniemen: ['c'.repeat(32)], aantal: n, details: { n } });

describe(`npm run audit:controleer and retention (${TEST_OPSLAG})`, () => {
  let dir: string;
  let plek: TestOpslagplek;
  let opslag: Opslag;
  const env = () => getEnv({ NODE_ENV: 'test', DATA_DIR: dir, ...plek.env });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kv-audit-'));
    plek = await nieuweTestOpslag();
    opslag = await plek.open(dir);
  });
  afterEach(async () => {
    await opslag.close();
    await plek.verwijder();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Changes a record past the triggers, as someone with access to the database could. */
  async function vervals(sql: string): Promise<void> {
    if (TEST_OPSLAG === 'sqlite') {
      const db = new Database(path.join(dir, 'audit.sqlite'));
      try { db.exec(`DROP TRIGGER auditregels_geen_update; DROP TRIGGER auditregels_alleen_opschonen; ${sql}`); } finally { db.close(); }
      return;
    }
    const c = new Client({ connectionString: plek.env.DATABASE_URL });
    await c.connect();
    try { await c.query(`ALTER TABLE auditregels DISABLE TRIGGER USER; ${sql}`); } finally { await c.end(); }
  }

  it('answers 0 with the count on an intact chain, 1 naming the first broken volgnummer (never the contents) after tampering', async () => {
    await opslag.audit.voegToe([1, 2, 3, 4].map(regel));
    const uit: string[] = [];
    expect(await controleerAuditlog(env(), (r) => uit.push(r))).toBe(0);
    expect(uit).toEqual(['Auditlog intact: 4 regels, laatste volgnummer 4.']);

    await vervals('UPDATE auditregels SET aantal = 7 WHERE volgnummer = 2');
    uit.length = 0;
    expect(await controleerAuditlog(env(), (r) => uit.push(r))).toBe(1);
    expect(uit).toEqual(['Auditlog GEBROKEN bij volgnummer 2: de inhoud past niet bij de hash.']);
    expect(uit.join('')).not.toContain(GEHEIME_ID);
  });

  it('the command itself exits 1 on a record removed in the middle', async () => {
    await opslag.audit.voegToe([1, 2, 3].map(regel));
    await vervals('DELETE FROM auditregels WHERE volgnummer = 2');
    const cli = path.join(__dirname, '../../src/cli/audit-controleer.cli.ts');
    const fout = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli], { env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dir, ...plek.env } })
      .then(() => null, (e: { code: number; stdout: string }) => e);
    expect(fout).toMatchObject({ code: 1 });
    expect(fout!.stdout).toBe('Auditlog GEBROKEN bij volgnummer 2: deze regel ontbreekt.\n');
  }, 60_000);

  it('Opschoning removes only what is past each part\'s term, records one opschonen with the counts and the anchor, and the chain verifies', async () => {
    await opslag.audit.voegToe([1, 2, 3].map(regel));
    const audit = new AuditService(opslag.audit);
    const anders: Opschoonbaar = { naam: 'contactverzoeken', maanden: 12, verwijder: jest.fn(async () => 2) };
    // 25 months from now, the records of today are past a term of 24 months.
    const nu = maandenTerug(new Date(), -25);
    const opschoning = new Opschoning({
      onderdelen: [{ naam: 'auditlog', maanden: 24, verwijder: (g) => opslag.audit.verwijderOuderDan(g) }, anders],
      audit: opslag.audit, vastlegging: audit, logger: createLogger('silent'), nu: () => nu,
    });
    const { anker } = { anker: (await opslag.audit.lijst({ limiet: 1 })).regels[0]! };
    expect(await opschoning.voerUit()).toEqual({ onderdelen: { auditlog: 3, contactverzoeken: 2 }, totaal: 5 });
    expect(anders.verwijder).toHaveBeenCalledWith(maandenTerug(nu, 12));
    const { regels } = await opslag.audit.lijst({ limiet: 10 });
    expect(regels).toHaveLength(1);
    expect(regels[0]).toMatchObject({
      volgnummer: 4, sleutelId: null, rol: 'systeem', actie: 'opschonen', aantal: 5,
      details: { onderdelen: { auditlog: 3, contactverzoeken: 2 }, anker: { volgnummer: 3, hash: anker.hash }, grenzen: { auditlog: maandenTerug(nu, 24).toISOString() } },
    });
    expect(regels[0]!.vorigeHash).toBe(anker.hash);
    expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 1, anker: 3, laatste: 4 });
  });

  it('within the term nothing is removed: npm run opschonen records it and exits 0', async () => {
    await opslag.audit.voegToe([1, 2].map(regel));
    const uit: string[] = [];
    expect(await schoonOp(env(), (r) => uit.push(r))).toBe(0);
    expect(uit).toEqual(['Opgeschoond: 0 verwijderd (auditlog 0, contactverzoeken 0).']);
    const { regels } = await opslag.audit.lijst({ limiet: 10 });
    expect(regels.map((r) => r.actie)).toEqual(['opschonen', 'profiel', 'profiel']);
    expect(await controleerKeten(opslag.audit)).toMatchObject({ heel: true, aantal: 3 });
  });

  it('the service\'s retention uses the term of privacy.json and its timer keeps no process alive', async () => {
    const config = loadSearchConfig();
    const opschoning = maakOpschoning(opslag, new AuditService(opslag.audit), config, createLogger('silent'));
    const zet = jest.spyOn(global, 'setInterval');
    opschoning.start();
    const timer = zet.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await opschoning.stop();
    zet.mockRestore();
    expect(config.privacy.bewaartermijnen.auditlogMaanden).toBe(24);
  });

  it('maandenTerug counts calendar months', () => {
    expect(maandenTerug(new Date('2026-03-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(maandenTerug(new Date('2026-12-03T00:00:00Z'), 24).toISOString()).toBe('2024-12-03T00:00:00.000Z');
  });
});
