import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import referentie from '../fixtures/transparantie-2020Q2-rijk-van-nijmegen.json';
import { bearer, SLEUTELS, startTestService, type TestService } from '../support/test-service';

/*
 * The pages in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser), the app
 * in-process on an ephemeral port with the demo data, under the app's own strict Content-Security-Policy. One file,
 * so Chromium starts once. Screenshots of every page at 1280 and 375 px go to test-artifacts/screenshots/.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCHERMAFDRUKKEN = path.resolve(__dirname, '../../test-artifacts/screenshots');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BREEDTES = [1280, 375] as const;
const AXE_PAD = '/__test__/axe.min.js';

interface AxeUitslag { violations: { id: string; nodes: { target: string[] }[] }[] }
/**
 * What the checks use of the browser's globals, inside page.evaluate. The project compiles without the DOM library
 * (it would retype Node's timers for all code), so callbacks cast `globalThis` to this.
 */
interface Venster {
  document: { documentElement: { scrollWidth: number }; getElementById(id: string): { textContent: string | null } | null };
  getComputedStyle(el: unknown): { outlineStyle: string };
  axe: { run(context: unknown, opties: object): Promise<AxeUitslag> };
  zelfdePagina?: boolean;
}

const getal = (n: number) => n.toLocaleString('nl-NL');

describe('the pages in Chromium', () => {
  let svc: TestService;
  let server: Server;
  let basis: string;
  let profielmap: string;
  let context: BrowserContext;
  let page: Page;
  /** Console errors and warnings (CSP violations among them) and uncaught script errors, on any page. */
  const problemen: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} ontbreekt: apt-get install -y chromium (zoals .ci/run doet)`);
    svc = await startTestService({ SEED_DEMO: 'true', LOG_LEVEL: 'silent' });
    server = svc.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    basis = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profielmap = mkdtempSync(path.join(tmpdir(), 'kv-chromium-'));
    context = await chromium.launchPersistentContext(profielmap, {
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, locale: 'nl-NL', viewport: { width: 1280, height: 900 }, acceptDownloads: true,
    });
    // axe-core from its npm package, answered as if from the app's origin, so the pages' CSP (script-src 'self') lets it run.
    await context.route(`${basis}${AXE_PAD}`, (route) => route.fulfill({ path: require.resolve('axe-core/axe.min.js'), contentType: 'text/javascript' }));
    page = context.pages()[0] ?? await context.newPage();
    page.on('console', (m) => {
      // A form answered 400 with its errors is the intended status of the document itself, not a problem.
      const eigenStatus = m.location().url === page.url() && m.text().startsWith('Failed to load resource: the server responded with a status of 400');
      if ((m.type() === 'error' || m.type() === 'warning') && !eigenStatus) problemen.push(`${page.url()}: ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problemen.push(`${page.url()}: ${e.message}`));
    mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.close();
    await svc?.stop();
    if (profielmap) rmSync(profielmap, { recursive: true, force: true });
  });

  const kop = () => page.locator('#resultaten-titel');
  const aantal = async () => Number((await kop().innerText()).match(/^([\d.]+)/)![1]!.replaceAll('.', ''));
  const api = async (query: string) => (await request(svc.app).get(`/api/v1/kandidaten${query}`).set(bearer(SLEUTELS.werkgever))).body as { totalHits: number };
  const focus = () => page.locator(':focus').getAttribute('id');
  const telling = async (id: string) => Number((await page.locator(`label[for="${id}"] .kv-aantal`).innerText()).replace(/[().]/g, ''));
  /** Waits until the script has swapped in results with this count (the heading starts with it). */
  async function wachtOpAantal(n: number): Promise<void> {
    await page.waitForFunction((t) => (globalThis as unknown as Venster).document.getElementById('resultaten-titel')?.textContent?.startsWith(`${t} `) === true, getal(n));
    expect(await aantal()).toBe(n);
  }

  /** axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
  async function toegankelijk(naam: string): Promise<void> {
    await page.addScriptTag({ url: `${basis}${AXE_PAD}` });
    const uitslag = await page.evaluate((tags) => {
      const w = globalThis as unknown as Venster;
      return w.axe.run(w.document, { runOnly: { type: 'tag', values: tags } });
    }, WCAG_21_AA);
    const overtredingen = uitslag.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect({ pagina: naam, overtredingen }).toEqual({ pagina: naam, overtredingen: [] });
  }

  /**
   * At 1280 and 375 px: a full-page screenshot, axe, and no horizontal scrolling. `opnieuw` loads the page again
   * at each width (as a phone would open it); a page that is the answer to a POST is only resized.
   */
  async function opElkeBreedte(naam: string, opnieuw: boolean): Promise<void> {
    for (const breedte of BREEDTES) {
      await page.setViewportSize({ width: breedte, height: 900 });
      if (opnieuw) await page.reload();
      await page.screenshot({ path: path.join(SCHERMAFDRUKKEN, `${naam}-${breedte}.png`), fullPage: true });
      const scroll = await page.evaluate(() => (globalThis as unknown as Venster).document.documentElement.scrollWidth);
      expect({ naam, breedte, scroll }).toEqual({ naam, breedte, scroll: breedte });
      await toegankelijk(`${naam} (${breedte} px)`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    if (opnieuw) await page.reload();
  }

  it('search page: Dutch, a skip link as first stop, visible focus, no WCAG violations, at desktop and phone width', async () => {
    await page.goto(`${basis}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expect(kop().innerText()).resolves.toBe('3.955 kandidaten gevonden');

    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.innerText()).resolves.toBe('Direct naar de inhoud');
    const vak = (await skip.boundingBox())!;
    expect(vak.width > 0 && vak.height > 0 && vak.y >= 0).toBe(true);
    await expect(skip.evaluate((el) => (globalThis as unknown as Venster).getComputedStyle(el).outlineStyle)).resolves.toBe('solid');
    await page.keyboard.press('Enter');
    expect(await focus()).toBe('inhoud');

    await opElkeBreedte('zoeken', true);
  });

  it('updates results in place while typing, forgives the typo, and puts the search in the URL', async () => {
    await page.goto(`${basis}/`);
    await page.evaluate(() => { (globalThis as unknown as Venster).zelfdePagina = true; });
    await page.locator('#q').pressSequentially('hefruck', { delay: 40 });
    await page.waitForURL(`${basis}/?q=hefruck`);
    await wachtOpAantal((await api('?q=hefruck')).totalHits);
    await expect(kop().innerText()).resolves.toMatch(/voor ‘hefruck’$/);
    expect(await aantal()).toBeGreaterThan(0);
    // The typo found the word it meant, and the cards mark it.
    const gemarkeerd = await page.locator('#resultaten mark').allInnerTexts();
    expect(gemarkeerd.length).toBeGreaterThan(0);
    // The typo is forgiven with the synonyms of the word it stands for (search-config/zoeken.json).
    for (const woord of gemarkeerd) expect(woord.toLowerCase()).toMatch(/heftruck|reachtruck/);
    // No page load happened: the script swapped the results in.
    expect(await page.evaluate(() => (globalThis as unknown as Venster).zelfdePagina)).toBe(true);
    expect(await page.locator('#zoekstatus').innerText()).toMatch(/kandidaten gevonden voor ‘hefruck’/);
  });

  it('ticks and unticks facets with the keyboard and the mouse, and the counts follow; the back button too', async () => {
    await page.goto(`${basis}/?q=hefruck`);
    const nijmegen = 'f-gemeente-474d30323638';
    const totaal = await aantal();
    const inNijmegen = await telling(nijmegen);
    expect(inNijmegen).toBeLessThan(totaal);

    // Keyboard: focus the checkbox, Space ticks it; focus stays on it after the facets are replaced.
    await page.locator(`#${nijmegen}`).focus();
    await page.keyboard.press('Space');
    await page.waitForURL(`${basis}/?q=hefruck&gemeente=GM0268`);
    await wachtOpAantal(inNijmegen);
    expect(await focus()).toBe(nijmegen);
    // Disjunctive: the gemeente keeps its own count, the region now counts only Nijmegen.
    expect(await telling(nijmegen)).toBe(inNijmegen);
    expect(await telling('f-regio-3235')).toBe(inNijmegen);
    await expect(page.locator('.kv-chip').innerText()).resolves.toMatch(/Gemeente: Nijmegen/);

    // Mouse: a sector on top narrows further; the chip takes it away again.
    const sector = page.locator('#lijst-sector input').first();
    const sectorId = (await sector.getAttribute('id'))!;
    const inSector = await telling(sectorId);
    await sector.check();
    await wachtOpAantal(inSector);
    expect(page.url()).toMatch(/gemeente=GM0268&sector=/);
    await page.locator('.kv-chip', { hasText: 'Beroepssector' }).click();
    await wachtOpAantal(inNijmegen);
    expect(await page.locator(`#${sectorId}`).isChecked()).toBe(false);

    // Untick with the keyboard: everything comes back.
    await page.locator(`#${nijmegen}`).focus();
    await page.keyboard.press('Space');
    await wachtOpAantal(totaal);
    expect(await telling('f-regio-3235')).toBe(totaal);

    // Every step was a URL: back restores the state before.
    await page.goBack();
    await page.waitForURL(`${basis}/?q=hefruck&gemeente=GM0268`);
    await wachtOpAantal(inNijmegen);
    expect(await page.locator(`#${nijmegen}`).isChecked()).toBe(true);
  });

  it('searches within a long facet list', async () => {
    await page.goto(`${basis}/`);
    const alle = await page.locator('#lijst-vaardigheid .kv-facet__optie').count();
    await page.getByLabel('Zoek in de lijst').last().fill('heftr');
    const zichtbaar = await page.locator('#lijst-vaardigheid .kv-facet__optie:visible').allInnerTexts();
    expect(zichtbaar.length).toBeGreaterThan(0);
    expect(zichtbaar.length).toBeLessThan(alle);
    for (const t of zichtbaar) expect(t.toLowerCase()).toContain('heftr');
  });

  it('suggests which filter to drop when nothing is found', async () => {
    await page.goto(`${basis}/?q=heftruck&gemeente=Wijchen&transparantieklasse=geen&urenMin=32`);
    await expect(page.locator('.kv-leeg').innerText()).resolves.toContain('Geen kandidaten gevonden');
    await toegankelijk('zoeken zonder resultaat');
    const suggestie = page.locator('.kv-suggesties a').first();
    const verwacht = Number((await page.locator('.kv-suggesties li').first().innerText()).match(/: ([\d.]+) kandida/)![1]!.replaceAll('.', ''));
    await suggestie.click();
    await wachtOpAantal(verwacht);
    expect(verwacht).toBeGreaterThan(0);
  });

  it('opens a profile and sends a contactverzoek: errors summarised and next to the fields, then a confirmation', async () => {
    await page.goto(`${basis}/?q=heftruck`);
    await page.locator('.kv-kaart__link').first().click();
    await page.waitForURL(/\/kandidaten\/[0-9a-f]{32}$/);
    const id = page.url().split('/').at(-1)!;
    await expect(page.locator('h1').innerText()).resolves.toContain('in ');
    await opElkeBreedte('profiel', true);

    await page.getByRole('button', { name: 'Verstuur mijn interesse' }).click();
    await page.waitForURL(`${basis}/kandidaten/${id}/interesse`);
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.locator(':focus').getAttribute('data-foutoverzicht')).not.toBeNull();
    await expect(page.locator('#veld-email-fout').innerText()).resolves.toContain('Vul uw e-mailadres in');
    await opElkeBreedte('profiel-fouten', false);
    await page.locator('.kv-foutoverzicht a').first().click();
    expect(await focus()).toBe('veld-organisatie');

    await page.getByLabel('Naam van uw organisatie').fill('Bakkerij De Korenaar');
    await page.getByLabel('Contactpersoon').fill('Petra Jansen');
    await page.getByLabel('E-mailadres').fill('p.jansen@korenaar.example');
    await page.getByLabel('Telefoonnummer').fill('024 123 45 67');
    await page.getByLabel('Functie of vacature').fill('Medewerker inpak');
    await page.getByRole('button', { name: 'Verstuur mijn interesse' }).click();
    await page.waitForURL(`${basis}/kandidaten/${id}/interesse/verzonden`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Uw interesse is doorgegeven');
    const referentie = await page.locator('.kv-referentie').innerText();
    await opElkeBreedte('bevestiging', true);

    const lijst = await request(svc.app).get('/api/v1/contactverzoeken').set(bearer(SLEUTELS.beheer));
    expect(lijst.body.contactverzoeken).toEqual(expect.arrayContaining([expect.objectContaining({ referentie, profielId: id, organisatie: 'Bakkerij De Korenaar', regio: 25 })]));
  });

  it('shows the dashboard with the 2020-Q2 table of Rijk van Nijmegen cell by cell, and downloads the CSV', async () => {
    await page.goto(`${basis}/transparantie`);
    await page.getByLabel('Arbeidsmarktregio', { exact: true }).selectOption('25');
    await page.getByLabel('Kwartaal', { exact: true }).selectOption('2020-Q2');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(`${basis}/transparantie?regio=25&periode=2020-Q2`);

    const tr = page.locator('#transparantietabel tr');
    const rijen = await Promise.all(Array.from({ length: await tr.count() }, async (_, i) => (await tr.nth(i).locator('th, td').allInnerTexts()).map((t) => t.trim())));
    expect(rijen[0]).toEqual(['Gemeente', ...['Geen profiel', 'Beperkt profiel', 'Redelijk profiel', 'Volledig profiel', 'Totaal']]);
    const opPagina = new Map(rijen.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(opPagina.size).toBe(referentie.rijen.length + 1);
    for (const r of [...referentie.rijen, { gemeente: referentie.totaal.label, waarden: referentie.totaal.waarden }]) {
      expect({ gemeente: r.gemeente, cellen: opPagina.get(r.gemeente) }).toEqual({ gemeente: r.gemeente, cellen: r.waarden.map(getal) });
    }
    await expect(page.locator('#dekking-tekst').innerText()).resolves.toContain('in totaal 5.594 personen');
    await expect(page.locator('#dekking-tekst').innerText()).resolves.toContain('Hiervan is 71% bekend binnen Sonar');
    const diagram = page.getByRole('img', { name: /Profielvulling per gemeente, tweede kwartaal 2020/ });
    expect(await diagram.count()).toBe(1);
    await opElkeBreedte('transparantie', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download deze tabel als CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('transparantie-regio-25-rijk-van-nijmegen-2020-Q2.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFGemeente;CBS-code;Geen profiel')).toBe(true);
    expect(csv).toContain('Mook en Middelaar;GM0944;2;15;15;7;39\r\n');
    expect(csv).toContain('TOTAAL AMR;;310;929;2060;656;3955\r\n');
  });

  it('shows the sign-in page without violations', async () => {
    await page.goto(`${basis}/aanmelden`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Aanmelden');
    await opElkeBreedte('aanmelden', true);
  });

  it('had no script errors, console errors or CSP violations on any page', () => {
    expect(problemen).toEqual([]);
  });
});
