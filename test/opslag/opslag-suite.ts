/**
 * One contract suite for the storage port (src/opslag/opslag.port.ts), run against every adapter. It asserts what
 * the port promises, with exact values; where the port leaves an order open (the ids `verwijder` and `nietGezien`
 * answer, the profiles of a 'wijzig') it compares sorted.
 */
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { OngeldigeOvergangFout, type Contactverzoek } from '../../src/contact/contactverzoek';
import type { NieuweAuditregel } from '../../src/audit/auditregel';
import { controleerKeten } from '../../src/audit/controleer';
import { auditHash, BEGINHASH } from '../../src/audit/keten';
import { OpslagFout } from '../../src/opslag/opslag-fout';
import type { MirrorTransactie, Opslag, Schrijfuitkomst, Upsertrij, Wijzigingen } from '../../src/opslag/opslag.port';
import { SnapshotBestaatFout } from '../../src/transparantie/transparantie.errors';
import type { Snapshot } from '../../src/transparantie/transparantie.schemas';
import { maakProfiel } from '../zoeken/fixtures';

export interface Opslagplek {
  opslag: Opslag;
  /** Closes the current store and opens it again on the same data (migrations run once more). */
  opnieuw(): Promise<Opslag>;
  /** A second instance on the same data; absent where only one process may open it (SQLite). */
  tweede?(): Promise<Opslag>;
  /**
   * Runs SQL on the data directly, past the store (as someone with access to the database would): on SQLite in
   * the file `bestand` of DATA_DIR, on PostgreSQL in the database. Throws what the database throws.
   */
  sql(bestand: 'audit' | 'mirror', statement: string): Promise<void>;
  /** Closes an instance of this place now (the clean-up then leaves it alone). */
  sluit(o: Opslag): Promise<void>;
  /** Closes every instance still open and removes the data. */
  ruimOp(): Promise<void>;
}

export interface Plekopties {
  /** How long change log entries are kept; the suite default is an hour. */
  bewaartijdMs?: number;
}

export type MaakOpslag = (opties?: Plekopties) => Promise<Opslagplek>;

/** A valid profile; `versie` changes its content, so the same id can be written with different data. */
export const profiel = (id: string, versie = 1): Kandidaatprofiel => maakProfiel(id, { urenPerWeek: versie, vaardigheden: [`vaardigheid ${versie}`] });

/**
 * A mirror row for a profile, in a class of its own id (classes are tested on their own), with a stand-in for its
 * encrypted klantnummer (the store keeps it as given).
 */
export const rij = (p: Kandidaatprofiel, klantnummer = `v1:test:${p.id}`): Upsertrij => ({ profiel: p, klasse: `k-${p.id}`, klantnummer });
/** Mirror rows of profiles, as `rij` makes them. */
export const rijen = (ps: readonly Kandidaatprofiel[]): Upsertrij[] => ps.map((p) => rij(p));
/** Upserts profiles, each with its stand-in class and klantnummer: most tests are about the profiles only. */
export const upsertProfielen = (tx: MirrorTransactie, profielen: readonly Kandidaatprofiel[]) => tx.upsert(rijen(profielen));

const slaap = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `klaar()` holds; fails (rather than hangs) after `maxMs`. A deadline, not a speed assertion. */
async function totdat(klaar: () => boolean, omschrijving: string, maxMs = 5000): Promise<void> {
  const eind = Date.now() + maxMs;
  while (!klaar()) {
    if (Date.now() > eind) throw new Error(`niet gebeurd binnen ${maxMs} ms: ${omschrijving}`);
    await slaap(10);
  }
}

async function lijstVan<T>(it: AsyncIterable<T>): Promise<T[]> {
  const uit: T[] = [];
  for await (const x of it) uit.push(x);
  return uit;
}

type Gelezen =
  | { soort: 'wijzig'; tot: number; upsert: Kandidaatprofiel[]; verwijder: string[] }
  | { soort: 'herbouw'; tot: number; profielen: Kandidaatprofiel[] };

/** Reads from `na` and consumes everything while the state is held (the herbouw iterable is only valid inside). */
async function lees(opslag: Opslag, na: number | null): Promise<Gelezen> {
  let gelezen: Gelezen | undefined;
  await opslag.wijzigingen.lees(na, async (w: Wijzigingen) => {
    gelezen = w.soort === 'herbouw'
      ? { soort: 'herbouw', tot: w.tot, profielen: await lijstVan(w.profielen) }
      : { soort: 'wijzig', tot: w.tot, upsert: [...w.upsert].sort((a, b) => a.id.localeCompare(b.id)), verwijder: [...w.verwijder].sort() };
  });
  if (!gelezen) throw new Error('lees riep verwerk niet aan');
  return gelezen;
}

const idsVan = (ps: readonly Kandidaatprofiel[]) => ps.map((p) => p.id);

function snapshot(periode: string, aantal: number): Snapshot {
  return {
    periode,
    gemaakt: '2026-01-02T03:04:05.000Z',
    oorzaak: 'handmatig',
    stand: {
      klassen: [{ code: 'geen', label: 'Geen' }, { code: 'volledig', label: 'Volledig' }],
      regios: [{ nummer: 25, naam: 'Rijk van Nijmegen', gemeenten: [{ code: 'GM0268', naam: 'Nijmegen', aantallen: [aantal, 1] }] }],
    },
    doelgroepregister: [{ regio: 25, periode, aantal: 40 }],
  };
}

function contactverzoek(referentie: string, regio: number, ingediend: string, extra: Partial<Contactverzoek> = {}): Contactverzoek {
  return {
    referentie, profielId: `profiel-${referentie}`, regio, ingediend, organisatie: 'Bouwbedrijf Test', contactpersoon: 'A. Tester',
    email: 'a.tester@voorbeeld.nl', telefoon: '024 123 45 67', vacature: 'Metselaar', toelichting: `verzoek ${referentie}`,
    status: 'nieuw', afsluitreden: null, bijgewerkt: ingediend, afgesloten: null, afzender: null, ...extra,
  };
}

/** Registers the suite under `describe(naam)`; `maak` gives a fresh, empty store per test. */
export function opslagSuite(naam: string, maak: MaakOpslag): void {
  describe(`Opslag: ${naam}`, () => {
    let plek: Opslagplek;
    let opslag: Opslag;
    /** The store of a test that opened its own place (other options). */
    let extra: Opslagplek | undefined;

    beforeEach(async () => {
      plek = await maak();
      opslag = plek.opslag;
    });
    afterEach(async () => {
      await plek.ruimOp();
      await extra?.ruimOp();
      extra = undefined;
    });

    const schrijf = <T>(o: Opslag, werk: (tx: MirrorTransactie) => Promise<T>) => o.mirror.schrijf<T>(werk);

    describe('mirror: schrijftransacties', () => {
      it('answers the upsert outcome per profile in input order, and verwijder only the ids that existed', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2'), profiel('p3')]));
        const { resultaat } = await schrijf(opslag, async (tx) => ({
          upsert: await upsertProfielen(tx, [profiel('p3'), profiel('p9'), profiel('p1', 2), profiel('p2'), profiel('p0')]),
          leeg: await upsertProfielen(tx, []),
          verwijder: await tx.verwijder(['p2', 'bestaat-niet', 'p0']),
          nogmaals: await tx.verwijder(['p2']),
          niets: await tx.verwijder([]),
        }));
        expect(resultaat.upsert).toEqual(['ongewijzigd', 'toegevoegd', 'bijgewerkt', 'ongewijzigd', 'toegevoegd']);
        expect(resultaat.leeg).toEqual([]);
        expect([...resultaat.verwijder].sort()).toEqual(['p0', 'p2']);
        expect(resultaat.nogmaals).toEqual([]);
        expect(resultaat.niets).toEqual([]);
        expect(await opslag.mirror.aantal()).toBe(3);
        expect(idsVan(await lijstVan(opslag.mirror.alle()))).toEqual(['p1', 'p3', 'p9']);
        expect(await opslag.mirror.get('p1')).toEqual(profiel('p1', 2));
        expect(await opslag.mirror.get('p2')).toBeNull();
      });

      it('returns the new volgnummer per changing write, the current one for a write that changes nothing', async () => {
        expect(await opslag.wijzigingen.laatste()).toBe(0);
        expect((await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1')]))).volgnummer).toBe(1);
        expect((await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p2')]))).volgnummer).toBe(2);
        // Only unchanged profiles and removals of absent ids: nothing to follow, so no new position.
        const niets = await schrijf(opslag, async (tx) => {
          await upsertProfielen(tx, [profiel('p1'), profiel('p2')]);
          await tx.verwijder(['bestaat-niet']);
          return 'klaar';
        });
        expect(niets).toEqual<Schrijfuitkomst<string>>({ resultaat: 'klaar', volgnummer: 2 });
        expect((await schrijf(opslag, async () => 42))).toEqual({ resultaat: 42, volgnummer: 2 });
        expect((await schrijf(opslag, (tx) => tx.verwijder(['p1']))).volgnummer).toBe(3);
        expect(await opslag.wijzigingen.laatste()).toBe(3);
      });

      it('shows nothing of a write in progress to other calls, and aantalVooraf is the committed count before it', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2')]));
        let binnen!: () => void;
        const gestart = new Promise<void>((r) => { binnen = r; });
        let ga!: () => void;
        const door = new Promise<void>((r) => { ga = r; });
        const bezig = schrijf(opslag, async (tx) => {
          await upsertProfielen(tx, [profiel('p1', 2), profiel('p3')]);
          await tx.verwijder(['p2']);
          const vooraf = await tx.aantalVooraf();
          binnen();
          await door;
          return vooraf;
        });
        await gestart;
        // From outside, while the write is open: the committed state only.
        expect(await opslag.mirror.aantal()).toBe(2);
        expect(await opslag.mirror.get('p1')).toEqual(profiel('p1'));
        expect(await opslag.mirror.get('p2')).toEqual(profiel('p2'));
        expect(await opslag.mirror.get('p3')).toBeNull();
        expect(idsVan(await lijstVan(opslag.mirror.alle()))).toEqual(['p1', 'p2']);
        expect(await opslag.wijzigingen.laatste()).toBe(1);
        expect(await lees(opslag, 0)).toEqual({ soort: 'wijzig', tot: 1, upsert: [profiel('p1'), profiel('p2')], verwijder: [] });
        ga();
        expect(await bezig).toEqual({ resultaat: 2, volgnummer: 2 });
        expect(await opslag.mirror.aantal()).toBe(2);
        expect(await opslag.mirror.get('p1')).toEqual(profiel('p1', 2));
        expect(await opslag.mirror.get('p2')).toBeNull();
        expect(await opslag.mirror.get('p3')).toEqual(profiel('p3'));
      });

      it('rolls a throwing werk back completely and passes its error on unchanged', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2')]));
        const fout = new Error('sync afgebroken');
        await expect(schrijf(opslag, async (tx) => {
          tx.vervangtAlles();
          await tx.markeerGezien(['p1']);
          await upsertProfielen(tx, [profiel('p1', 2), profiel('p3')]);
          await tx.verwijder(['p2']);
          throw fout;
        })).rejects.toBe(fout);
        expect(await opslag.mirror.aantal()).toBe(2);
        expect(await lijstVan(opslag.mirror.alle())).toEqual([profiel('p1'), profiel('p2')]);
        expect(await opslag.wijzigingen.laatste()).toBe(1);
        expect(await lees(opslag, 1)).toEqual({ soort: 'wijzig', tot: 1, upsert: [], verwijder: [] });
        // The store still writes, at the next position; the aborted full export left nothing behind either.
        const { resultaat, volgnummer } = await schrijf(opslag, async (tx) => ({ vooraf: await tx.aantalVooraf(), niet: (await tx.nietGezien()).sort(), upsert: await upsertProfielen(tx, [profiel('p3')]) }));
        expect(resultaat).toEqual({ vooraf: 2, niet: ['p1', 'p2'], upsert: ['toegevoegd'] });
        expect(volgnummer).toBe(2);
        expect(await lees(opslag, 1)).toEqual({ soort: 'wijzig', tot: 2, upsert: [profiel('p3')], verwijder: [] });
      });

      it('finds what a full export did not name with markeerGezien and nietGezien', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => profiel(id))));
        const { resultaat, volgnummer } = await schrijf(opslag, async (tx) => {
          tx.vervangtAlles();
          const vooraf = await tx.aantalVooraf();
          await tx.markeerGezien(['p1', 'p2', 'p6']);
          await tx.markeerGezien(['p2', 'p3']);
          await tx.markeerGezien([]);
          const upsert = await upsertProfielen(tx, [profiel('p1', 2), profiel('p2'), profiel('p3'), profiel('p6')]);
          // p5 is removed by the export itself (e.g. its record said so); it no longer counts as not seen.
          await tx.verwijder(['p5']);
          const niet = (await tx.nietGezien()).sort();
          const weg = (await tx.verwijder(niet)).sort();
          return { vooraf, upsert, niet, weg, daarna: await tx.nietGezien() };
        });
        expect(resultaat).toEqual({ vooraf: 5, upsert: ['bijgewerkt', 'ongewijzigd', 'ongewijzigd', 'toegevoegd'], niet: ['p4'], weg: ['p4'], daarna: [] });
        expect(volgnummer).toBe(2);
        expect(await opslag.mirror.aantal()).toBe(4);
        expect(await lijstVan(opslag.mirror.alle())).toEqual([profiel('p1', 2), profiel('p2'), profiel('p3'), profiel('p6')]);
        // The next transaction starts with nothing seen.
        expect((await schrijf(opslag, async (tx) => (await tx.nietGezien()).sort())).resultaat).toEqual(['p1', 'p2', 'p3', 'p6']);
      });

      it('keeps everything across closing and reopening, and re-running the migrations changes nothing', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2'), profiel('p3')]));
        await schrijf(opslag, (tx) => tx.verwijder(['p2']));
        await opslag.mirror.setMeta('laatsteSync', '2026-03-01T00:00:00Z');
        await opslag.mirror.zetDoelgroepregister({ regio: 25, periode: '2026-Q1', aantal: 40 });
        await opslag.snapshots.voegToe(snapshot('2025-Q4', 3));
        await opslag.contactverzoeken.bewaar(contactverzoek('R1', 25, '2026-03-01T10:00:00.000Z'));

        for (let keer = 0; keer < 2; keer++) {
          opslag = await plek.opnieuw();
          expect(await opslag.mirror.aantal()).toBe(2);
          expect(await lijstVan(opslag.mirror.alle())).toEqual([profiel('p1'), profiel('p3')]);
          expect(await opslag.wijzigingen.laatste()).toBe(2);
          expect(await lees(opslag, 0)).toEqual({ soort: 'wijzig', tot: 2, upsert: [profiel('p1'), profiel('p3')], verwijder: ['p2'] });
          expect(await opslag.mirror.getMeta('laatsteSync')).toBe('2026-03-01T00:00:00Z');
          expect(await opslag.mirror.doelgroepregister()).toEqual([{ regio: 25, periode: '2026-Q1', aantal: 40 }]);
          expect(await opslag.snapshots.get('2025-Q4')).toEqual(snapshot('2025-Q4', 3));
          expect(await opslag.contactverzoeken.lijst()).toEqual([contactverzoek('R1', 25, '2026-03-01T10:00:00.000Z')]);
        }
        // Positions and the count go on from where they were.
        const { resultaat, volgnummer } = await schrijf(opslag, async (tx) => ({ vooraf: await tx.aantalVooraf(), upsert: await upsertProfielen(tx, [profiel('p3'), profiel('p4')]) }));
        expect(resultaat).toEqual({ vooraf: 2, upsert: ['ongewijzigd', 'toegevoegd'] });
        expect(volgnummer).toBe(3);
        expect(await opslag.mirror.aantal()).toBe(3);
      });
    });

    describe('mirror: schrijven één tegelijk', () => {
      it('never interleaves two concurrent writes (over two instances where there can be two); positions follow commit order', async () => {
        const ander = plek.tweede ? await plek.tweede() : opslag;
        const gebeurd: string[] = [];
        // Each werk first reads the committed log from outside its transaction: the other write, if it came first, is complete in it.
        const werk = (o: Opslag, wie: string) => schrijf(o, async (tx) => {
          gebeurd.push(`begin ${wie}`);
          const eerder = await lees(o, 0);
          const vooraf = await tx.aantalVooraf();
          await upsertProfielen(tx, [profiel(`${wie}1`)]);
          await slaap(50);
          await upsertProfielen(tx, [profiel(`${wie}2`)]);
          gebeurd.push(`eind ${wie}`);
          return { eerder, vooraf };
        });
        const [a, b] = await Promise.all([werk(opslag, 'a'), werk(ander, 'b')]);
        const [eerste, tweede] = a.volgnummer === 1 ? [{ wie: 'a', u: a }, { wie: 'b', u: b }] : [{ wie: 'b', u: b }, { wie: 'a', u: a }];
        expect([eerste.u.volgnummer, tweede.u.volgnummer]).toEqual([1, 2]);
        expect(gebeurd).toEqual([`begin ${eerste.wie}`, `eind ${eerste.wie}`, `begin ${tweede.wie}`, `eind ${tweede.wie}`]);
        expect(eerste.u.resultaat).toEqual({ eerder: { soort: 'wijzig', tot: 0, upsert: [], verwijder: [] }, vooraf: 0 });
        // Entry 1 holds exactly the first write's ids, entry 2 exactly the second's.
        expect(tweede.u.resultaat).toEqual({
          eerder: { soort: 'wijzig', tot: 1, upsert: [profiel(`${eerste.wie}1`), profiel(`${eerste.wie}2`)], verwijder: [] }, vooraf: 2,
        });
        expect(await lees(opslag, 1)).toEqual({ soort: 'wijzig', tot: 2, upsert: [profiel(`${tweede.wie}1`), profiel(`${tweede.wie}2`)], verwijder: [] });
        expect(await ander.mirror.aantal()).toBe(4);
      });

      it('serialises a burst of small writes: gap-free positions, one entry each', async () => {
        const ander = plek.tweede ? await plek.tweede() : opslag;
        const uitkomsten = await Promise.all(Array.from({ length: 6 }, (_, i) =>
          schrijf(i % 2 === 0 ? opslag : ander, async (tx) => { await upsertProfielen(tx, [profiel(`q${i}`)]); await slaap(5); return i; })));
        expect(uitkomsten.map((u) => u.volgnummer).sort()).toEqual([1, 2, 3, 4, 5, 6]);
        // From position n-1 exactly the writes that got positions n and later: each entry holds its own id only.
        for (let n = 1; n <= 6; n++) {
          const verwacht = uitkomsten.filter((u) => u.volgnummer >= n).map((u) => profiel(`q${u.resultaat}`)).sort((x, y) => x.id.localeCompare(y.id));
          expect(await lees(opslag, n - 1)).toEqual({ soort: 'wijzig', tot: 6, upsert: verwacht, verwijder: [] });
        }
        expect(await opslag.mirror.aantal()).toBe(6);
      });
    });

    describe('wijzigingslog', () => {
      it('reads a herbouw of everything from null, and a wijzig with the newest state of each changed id from a position', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2'), profiel('p3')]));
        await schrijf(opslag, async (tx) => {
          await upsertProfielen(tx, [profiel('p4'), profiel('p1', 2)]);
          await tx.verwijder(['p3']);
        });
        await schrijf(opslag, async (tx) => {
          await upsertProfielen(tx, [profiel('p1', 3), profiel('p5')]);
          await tx.verwijder(['p4']);
        });
        // A profile removed and written again later: it exists, so it is an upsert.
        await schrijf(opslag, (tx) => tx.verwijder(['p2']));
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p2', 5)]));
        expect(await opslag.wijzigingen.laatste()).toBe(5);

        expect(await lees(opslag, null)).toEqual({ soort: 'herbouw', tot: 5, profielen: [profiel('p1', 3), profiel('p2', 5), profiel('p5')] });
        expect(await lees(opslag, 0)).toEqual({ soort: 'wijzig', tot: 5, upsert: [profiel('p1', 3), profiel('p2', 5), profiel('p5')], verwijder: ['p3', 'p4'] });
        expect(await lees(opslag, 1)).toEqual({ soort: 'wijzig', tot: 5, upsert: [profiel('p1', 3), profiel('p2', 5), profiel('p5')], verwijder: ['p3', 'p4'] });
        // p4 was added after 1 and removed after 2: only a removal.
        expect(await lees(opslag, 2)).toEqual({ soort: 'wijzig', tot: 5, upsert: [profiel('p1', 3), profiel('p2', 5), profiel('p5')], verwijder: ['p4'] });
        expect(await lees(opslag, 3)).toEqual({ soort: 'wijzig', tot: 5, upsert: [profiel('p2', 5)], verwijder: [] });
        expect(await lees(opslag, 4)).toEqual({ soort: 'wijzig', tot: 5, upsert: [profiel('p2', 5)], verwijder: [] });
        expect(await lees(opslag, 5)).toEqual({ soort: 'wijzig', tot: 5, upsert: [], verwijder: [] });
      });

      it('reads a herbouw from null on an empty store', async () => {
        expect(await lees(opslag, null)).toEqual({ soort: 'herbouw', tot: 0, profielen: [] });
        expect(await lees(opslag, 0)).toEqual({ soort: 'wijzig', tot: 0, upsert: [], verwijder: [] });
      });

      it('a profile upserted and removed after the position shows only as a removal', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1')]));
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p2')]));
        await schrijf(opslag, (tx) => tx.verwijder(['p2']));
        // Within one transaction too.
        await schrijf(opslag, async (tx) => { await upsertProfielen(tx, [profiel('p3')]); await tx.verwijder(['p3']); });
        expect(await lees(opslag, 1)).toEqual({ soort: 'wijzig', tot: 4, upsert: [], verwijder: ['p2', 'p3'] });
      });

      it('reads a herbouw after a full export, and from a position ahead of the log', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2')]));
        await schrijf(opslag, async (tx) => {
          tx.vervangtAlles();
          await tx.markeerGezien(['p2', 'p3']);
          await upsertProfielen(tx, [profiel('p2', 2), profiel('p3')]);
          await tx.verwijder(await tx.nietGezien());
        });
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p4')]));
        const alles = [profiel('p2', 2), profiel('p3'), profiel('p4')];
        expect(await lees(opslag, 0)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
        expect(await lees(opslag, 1)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
        // After the export only ordinary entries: changes again.
        expect(await lees(opslag, 2)).toEqual({ soort: 'wijzig', tot: 3, upsert: [profiel('p4')], verwijder: [] });
        // An index ahead of the log (a restored database): only a rebuild is right.
        expect(await lees(opslag, 4)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
        expect(await lees(opslag, 100)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
      });

      it('a full export that changes no profile still makes followers rebuild', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1')]));
        const { volgnummer } = await schrijf(opslag, async (tx) => {
          tx.vervangtAlles();
          await tx.markeerGezien(['p1']);
          return upsertProfielen(tx, [profiel('p1')]);
        });
        expect(volgnummer).toBe(2);
        expect(await lees(opslag, 1)).toEqual({ soort: 'herbouw', tot: 2, profielen: [profiel('p1')] });
      });

      it('reads a herbouw, never a wrong wijzig, once the entries after a position were cleaned up', async () => {
        extra = await maak({ bewaartijdMs: 0 });
        const o = extra.opslag;
        await schrijf(o, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2')]));
        // A few milliseconds between writes: each write then finds the older entries past their (zero) time.
        await slaap(15);
        await schrijf(o, (tx) => upsertProfielen(tx, [profiel('p3')]));
        await slaap(15);
        await schrijf(o, (tx) => tx.verwijder(['p1']));
        const alles = [profiel('p2'), profiel('p3')];
        expect(await lees(o, 0)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
        expect(await lees(o, 1)).toEqual({ soort: 'herbouw', tot: 3, profielen: alles });
        // The newest entry is always kept: one step behind still applies changes.
        expect(await lees(o, 2)).toEqual({ soort: 'wijzig', tot: 3, upsert: [], verwijder: ['p1'] });
        expect(await lees(o, 3)).toEqual({ soort: 'wijzig', tot: 3, upsert: [], verwijder: [] });
        expect(await o.wijzigingen.laatste()).toBe(3);
      });

      it('a herbouw read slowly yields exactly the state at its tot, not a write that commits meanwhile', async () => {
        // More than one part (the adapters read 2000 rows at a time), so the read really spans the write.
        const ids = Array.from({ length: 4500 }, (_, i) => `p${String(i).padStart(5, '0')}`);
        await schrijf(opslag, (tx) => upsertProfielen(tx, ids.map((id) => profiel(id))));
        const gezien: Kandidaatprofiel[] = [];
        let tot = -1;
        let tussendoor: Schrijfuitkomst<unknown> | undefined;
        await opslag.wijzigingen.lees(null, async (w) => {
          if (w.soort !== 'herbouw') throw new Error(`verwacht herbouw, kreeg ${w.soort}`);
          tot = w.tot;
          for await (const p of w.profielen) {
            gezien.push(p);
            if (gezien.length === 1) {
              // Changes ahead of the reader, in every part: an update, a removal, a new id, and one already read.
              tussendoor = await schrijf(opslag, async (tx) => {
                await upsertProfielen(tx, [profiel('p04000', 9), profiel('p99999'), profiel('p00000', 9), profiel('p02500', 9)]);
                await tx.verwijder(['p00001', 'p03000']);
              });
              await slaap(5);
            }
          }
        });
        expect(tussendoor?.volgnummer).toBe(2);
        expect(tot).toBe(1);
        expect(gezien).toHaveLength(4500);
        expect(idsVan(gezien)).toEqual(ids);
        expect(gezien.filter((p) => p.urenPerWeek !== 1)).toEqual([]);
        // And the write did commit: the next read has it.
        expect(await lees(opslag, 1)).toEqual({
          soort: 'wijzig', tot: 2, upsert: [profiel('p00000', 9), profiel('p02500', 9), profiel('p04000', 9), profiel('p99999')], verwijder: ['p00001', 'p03000'],
        });
      });

      it('mirror.alle read slowly keeps one consistent state as well', async () => {
        const ids = Array.from({ length: 4100 }, (_, i) => `p${String(i).padStart(5, '0')}`);
        await schrijf(opslag, (tx) => upsertProfielen(tx, ids.map((id) => profiel(id))));
        const gezien: Kandidaatprofiel[] = [];
        for await (const p of opslag.mirror.alle()) {
          gezien.push(p);
          if (gezien.length === 1) {
            await schrijf(opslag, async (tx) => {
              await upsertProfielen(tx, [profiel('p04050', 9), profiel('p99999')]);
              await tx.verwijder(['p03000']);
            });
          }
        }
        expect(idsVan(gezien)).toEqual(ids);
        expect(gezien.filter((p) => p.urenPerWeek !== 1)).toEqual([]);
        expect(await opslag.mirror.aantal()).toBe(4100);
      });
    });

    describe('opruimen na fouten en afgebroken lezen', () => {
      it('failed writes and reads stopped early leave no lock, transaction or connection behind', async () => {
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1'), profiel('p2'), profiel('p3')]));
        // More than a pool holds (10), so a leaked connection or a lock still held would show.
        for (let i = 0; i < 12; i++) {
          await expect(schrijf(opslag, async (tx) => { await upsertProfielen(tx, [profiel(`f${i}`)]); throw new Error(`mis ${i}`); })).rejects.toThrow(`mis ${i}`);
          for await (const p of opslag.mirror.alle()) { expect(p.id).toBe('p1'); break; }
          await opslag.wijzigingen.lees(null, async (w) => {
            if (w.soort !== 'herbouw') throw new Error(`verwacht herbouw, kreeg ${w.soort}`);
            for await (const p of w.profielen) { expect(p.id).toBe('p1'); break; }
          });
          const fout = new Error(`verwerk mis ${i}`);
          await expect(opslag.wijzigingen.lees(0, async () => { throw fout; })).rejects.toBe(fout);
        }
        expect(await opslag.mirror.aantal()).toBe(3);
        expect((await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p4')]))).volgnummer).toBe(2);
        expect(idsVan(await lijstVan(opslag.mirror.alle()))).toEqual(['p1', 'p2', 'p3', 'p4']);
      });
    });

    describe('luister', () => {
      it('calls back with the new position after a commit, also for a write from another instance, until stopped', async () => {
        const gehoord: number[] = [];
        const stop = await opslag.wijzigingen.luister((n) => gehoord.push(n));
        // PostgreSQL announces each (re)connect with -1 ("look now"); SQLite has nothing to reconnect.
        expect(gehoord).toEqual(opslag.soort === 'postgres' ? [-1] : []);
        gehoord.length = 0;
        const blijft: number[] = [];
        const stopBlijft = await opslag.wijzigingen.luister((n) => { if (n >= 0) blijft.push(n); });

        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1')]));
        await totdat(() => gehoord.length >= 1, 'melding van positie 1');
        // A write that changes nothing announces nothing; the next one that changes does.
        await schrijf(opslag, (tx) => upsertProfielen(tx, [profiel('p1')]));
        // A write rolled back announces nothing either.
        await expect(schrijf(opslag, async (tx) => { await upsertProfielen(tx, [profiel('px')]); throw new Error('mis'); })).rejects.toThrow('mis');
        const ander = plek.tweede ? await plek.tweede() : opslag;
        await schrijf(ander, (tx) => upsertProfielen(tx, [profiel('p2')]));
        await totdat(() => gehoord.length >= 2, 'melding van positie 2');
        expect(gehoord).toEqual([1, 2]);

        await stop();
        await schrijf(ander, (tx) => upsertProfielen(tx, [profiel('p3')]));
        await totdat(() => blijft.includes(3), 'melding van positie 3 aan de luisteraar die bleef');
        // The stopped one would have had it by now too (same commit); a short grace for a slower connection.
        await slaap(100);
        expect(gehoord).toEqual([1, 2]);
        expect(blijft).toEqual([1, 2, 3]);
        await stopBlijft();
      });
    });

    describe('meta en doelgroepregister', () => {
      it('setMeta overwrites, getMeta answers null for an unknown key', async () => {
        expect(await opslag.mirror.getMeta('laatsteSync')).toBeNull();
        await opslag.mirror.setMeta('laatsteSync', 'een');
        await opslag.mirror.setMeta('ander', 'x');
        await opslag.mirror.setMeta('laatsteSync', 'twee');
        expect(await opslag.mirror.getMeta('laatsteSync')).toBe('twee');
        expect(await opslag.mirror.getMeta('ander')).toBe('x');
        expect(await opslag.mirror.getMeta('LAATSTESYNC')).toBeNull();
      });

      it('zetDoelgroepregister upserts per regio and periode; the list is ordered by periode, then regio', async () => {
        expect(await opslag.mirror.doelgroepregister()).toEqual([]);
        await opslag.mirror.zetDoelgroepregister({ regio: 25, periode: '2026-Q1', aantal: 40 });
        await opslag.mirror.zetDoelgroepregister({ regio: 3, periode: '2026-Q1', aantal: 7 });
        await opslag.mirror.zetDoelgroepregister({ regio: 25, periode: '2025-Q4', aantal: 38 });
        await opslag.mirror.zetDoelgroepregister({ regio: 10, periode: '2026-Q1', aantal: 100 });
        await opslag.mirror.zetDoelgroepregister({ regio: 25, periode: '2026-Q1', aantal: 41 });
        await opslag.mirror.zetDoelgroepregister({ regio: 3, periode: '2026-Q1', aantal: 0 });
        expect(await opslag.mirror.doelgroepregister()).toEqual([
          { regio: 25, periode: '2025-Q4', aantal: 38 },
          { regio: 3, periode: '2026-Q1', aantal: 0 },
          { regio: 10, periode: '2026-Q1', aantal: 100 },
          { regio: 25, periode: '2026-Q1', aantal: 41 },
        ]);
        // A negative count is refused by the store itself; the stored one stays.
        await expect(opslag.mirror.zetDoelgroepregister({ regio: 25, periode: '2026-Q1', aantal: -1 })).rejects.toBeInstanceOf(OpslagFout);
        expect((await opslag.mirror.doelgroepregister()).find((t) => t.regio === 25 && t.periode === '2026-Q1')).toEqual({ regio: 25, periode: '2026-Q1', aantal: 41 });
        // Settings beside the mirror are no change of it: no position.
        expect(await opslag.wijzigingen.laatste()).toBe(0);
      });
    });

    describe('snapshots', () => {
      it('round-trips, lists oldest first, and refuses a second snapshot of a quarter', async () => {
        expect(await opslag.snapshots.lijst()).toEqual([]);
        expect(await opslag.snapshots.alle()).toEqual([]);
        expect(await opslag.snapshots.heeft('2026-Q1')).toBe(false);
        expect(await opslag.snapshots.get('2026-Q1')).toBeNull();

        await opslag.snapshots.voegToe(snapshot('2026-Q1', 5));
        await opslag.snapshots.voegToe({ ...snapshot('2025-Q4', 3), oorzaak: 'automatisch', gemaakt: '2026-01-01T00:10:00.000Z' });
        expect(await opslag.snapshots.heeft('2026-Q1')).toBe(true);
        expect(await opslag.snapshots.heeft('2025-Q4')).toBe(true);
        expect(await opslag.snapshots.heeft('2025-Q3')).toBe(false);
        expect(await opslag.snapshots.get('2026-Q1')).toEqual(snapshot('2026-Q1', 5));
        expect(await opslag.snapshots.lijst()).toEqual([
          { periode: '2025-Q4', gemaakt: '2026-01-01T00:10:00.000Z', oorzaak: 'automatisch' },
          { periode: '2026-Q1', gemaakt: '2026-01-02T03:04:05.000Z', oorzaak: 'handmatig' },
        ]);
        expect(await opslag.snapshots.alle()).toEqual([
          { ...snapshot('2025-Q4', 3), oorzaak: 'automatisch', gemaakt: '2026-01-01T00:10:00.000Z' },
          snapshot('2026-Q1', 5),
        ]);

        await expect(opslag.snapshots.voegToe(snapshot('2026-Q1', 99))).rejects.toBeInstanceOf(SnapshotBestaatFout);
        await expect(opslag.snapshots.voegToe(snapshot('2026-Q1', 5))).rejects.toThrow('van 2026-Q1 bestaat al een snapshot; snapshots zijn onveranderlijk');
        expect(await opslag.snapshots.get('2026-Q1')).toEqual(snapshot('2026-Q1', 5));
        expect(await opslag.snapshots.lijst()).toHaveLength(2);
      });
    });

    describe('audit', () => {
      const P1 = 'a'.repeat(32);
      const P2 = 'b'.repeat(32);
      const regel = (n: number, extra: Partial<NieuweAuditregel> = {}): NieuweAuditregel => ({
        sleutelId: `werkgever-${n % 2}`, rol: 'werkgever', actie: 'zoeken', pseudoniemen: n % 2 === 0 ? [P1, P2] : [P2], aantal: n,
        details: { page: n, filters: { regio: ['25'] }, q: 'hmac:00' }, ...extra,
      });
      /** Tampering bypasses the triggers the way someone with access to the database could. */
      const zonderTriggers = (o: Opslag, sql: string) => plek.sql('audit', o.soort === 'sqlite'
        ? `DROP TRIGGER auditregels_geen_update; DROP TRIGGER auditregels_alleen_opschonen; DROP TRIGGER audit_pseudoniemen_alleen_opschonen; ${sql}`
        : `ALTER TABLE auditregels DISABLE TRIGGER USER; ${sql}`);

      it('appends gap-free and chained: each hash over the previous one and its own fields, also across calls', async () => {
        const eerste = await opslag.audit.voegToe([regel(1), regel(2), regel(3)]);
        const tweede = await opslag.audit.voegToe([regel(4, { sleutelId: null, rol: 'systeem', actie: 'opschonen', pseudoniemen: [], aantal: undefined, details: undefined })]);
        const alle = [...eerste, ...tweede];
        expect(alle.map((r) => r.volgnummer)).toEqual([1, 2, 3, 4]);
        expect(alle[0]!.vorigeHash).toBe(BEGINHASH);
        for (let i = 1; i < alle.length; i++) expect(alle[i]!.vorigeHash).toBe(alle[i - 1]!.hash);
        for (const r of alle) {
          const { hash, ...rest } = r;
          expect(hash).toBe(auditHash(rest));
          expect(r.tijd).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        }
        expect(tweede[0]).toMatchObject({ sleutelId: null, rol: 'systeem', actie: 'opschonen', pseudoniemen: [], aantal: null, details: {} });
        // Read back exactly as appended.
        const { regels, volgende } = await opslag.audit.lijst({ limiet: 10 });
        expect(volgende).toBeNull();
        expect(regels).toEqual([...alle].reverse());
        expect(await opslag.audit.stand()).toEqual({ laatste: { volgnummer: 4, hash: alle[3]!.hash }, anker: { volgnummer: 0, hash: BEGINHASH } });
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 4, anker: 0, laatste: 4 });
        // And after reopening: the chain continues where it was.
        opslag = await plek.opnieuw();
        expect((await opslag.audit.voegToe([regel(5)]))[0]).toMatchObject({ volgnummer: 5, vorigeHash: alle[3]!.hash });
        expect(await controleerKeten(opslag.audit)).toMatchObject({ heel: true, aantal: 5 });
      });

      it('lists newest first with filters (pseudoniem: who looked at this person) and pages with voor', async () => {
        await opslag.audit.voegToe([1, 2, 3, 4, 5, 6].map((n) => regel(n)));
        await opslag.audit.voegToe([regel(7, { rol: 'beheer', sleutelId: 'beheer-0', actie: 'audit-ingezien', pseudoniemen: [] })]);
        const nummers = async (f: Parameters<Opslag['audit']['lijst']>[0]) => (await opslag.audit.lijst(f)).regels.map((r) => r.volgnummer);
        expect(await nummers({ limiet: 100, pseudoniem: P1 })).toEqual([6, 4, 2]);
        expect(await nummers({ limiet: 100, pseudoniem: P2 })).toEqual([6, 5, 4, 3, 2, 1]);
        expect(await nummers({ limiet: 100, pseudoniem: 'c'.repeat(32) })).toEqual([]);
        expect(await nummers({ limiet: 100, sleutelId: 'werkgever-1' })).toEqual([5, 3, 1]);
        expect(await nummers({ limiet: 100, rol: 'beheer' })).toEqual([7]);
        expect(await nummers({ limiet: 100, actie: 'zoeken', pseudoniem: P1, sleutelId: 'werkgever-0' })).toEqual([6, 4, 2]);
        const tijd = (await opslag.audit.lijst({ limiet: 1 })).regels[0]!.tijd;
        expect(await nummers({ limiet: 100, van: tijd })).toContain(7);
        expect(await nummers({ limiet: 100, tot: tijd })).not.toContain(7);
        expect(await nummers({ limiet: 100, van: '2000-01-01T00:00:00.000Z', tot: '2000-01-02T00:00:00.000Z' })).toEqual([]);
        const eerste = await opslag.audit.lijst({ limiet: 3, pseudoniem: P2 });
        expect(eerste.regels.map((r) => r.volgnummer)).toEqual([6, 5, 4]);
        expect(eerste.volgende).toBe(4);
        const tweede = await opslag.audit.lijst({ limiet: 3, pseudoniem: P2, voor: eerste.volgende! });
        expect(tweede.regels.map((r) => r.volgnummer)).toEqual([3, 2, 1]);
        expect(tweede.volgende).toBeNull();
      });

      it('keeps one gap-free chain under concurrent appends (over two instances where there can be two)', async () => {
        const tweede = plek.tweede ? await plek.tweede() : opslag;
        await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? opslag : tweede).audit.voegToe([regel(i), regel(i + 100)])));
        expect((await opslag.audit.stand()).laatste.volgnummer).toBe(40);
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 40, anker: 0, laatste: 40 });
      });

      it('the database refuses UPDATE and DELETE of records (and TRUNCATE, and moving the stand back)', async () => {
        await opslag.audit.voegToe([regel(1), regel(2)]);
        await expect(plek.sql('audit', 'UPDATE auditregels SET aantal = 99 WHERE volgnummer = 1')).rejects.toThrow('auditregels zijn onveranderlijk');
        await expect(plek.sql('audit', 'DELETE FROM auditregels WHERE volgnummer = 2')).rejects.toThrow('alleen door de bewaartermijn');
        await expect(plek.sql('audit', 'DELETE FROM auditregels')).rejects.toThrow('alleen door de bewaartermijn');
        await expect(plek.sql('audit', 'UPDATE audit_stand SET laatste = 1')).rejects.toThrow('alleen vooruit');
        if (opslag.soort === 'postgres') {
          await expect(plek.sql('audit', 'TRUNCATE auditregels')).rejects.toThrow('auditregels zijn onveranderlijk');
          // A setting that allows removal only covers records older than it.
          await expect(plek.sql('audit', "BEGIN; SET LOCAL kv.audit_opschonen_tot = '2000-01-01T00:00:00Z'; DELETE FROM auditregels; COMMIT")).rejects.toThrow('alleen door de bewaartermijn');
        } else {
          await expect(plek.sql('audit', 'UPDATE audit_pseudoniemen SET pseudoniem = \'x\'')).rejects.toThrow('auditregels zijn onveranderlijk');
          await expect(plek.sql('audit', 'DELETE FROM audit_pseudoniemen')).rejects.toThrow('alleen door de bewaartermijn');
        }
        expect((await opslag.audit.lijst({ limiet: 10 })).regels.map((r) => r.aantal)).toEqual([2, 1]);
        expect(await controleerKeten(opslag.audit)).toMatchObject({ heel: true, aantal: 2 });
      });

      it('the verifier finds a changed, a removed and an inserted record, naming the first broken volgnummer', async () => {
        await opslag.audit.voegToe([1, 2, 3, 4, 5].map((n) => regel(n)));
        await zonderTriggers(opslag, 'UPDATE auditregels SET aantal = 999 WHERE volgnummer = 3');
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: false, volgnummer: 3, reden: 'de inhoud past niet bij de hash' });
        await plek.sql('audit', 'UPDATE auditregels SET aantal = 3 WHERE volgnummer = 3');
        expect(await controleerKeten(opslag.audit)).toMatchObject({ heel: true });
        await plek.sql('audit', `UPDATE auditregels SET details = '{"page":2}' WHERE volgnummer = 2`);
        expect(await controleerKeten(opslag.audit)).toMatchObject({ heel: false, volgnummer: 2 });
      });

      it('the verifier finds a record removed in the middle, at the end, and one inserted', async () => {
        await opslag.audit.voegToe([1, 2, 3, 4, 5].map((n) => regel(n)));
        const [vier] = (await opslag.audit.lijst({ limiet: 1, voor: 5 })).regels;
        await zonderTriggers(opslag, 'DELETE FROM auditregels WHERE volgnummer = 3');
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: false, volgnummer: 3, reden: 'deze regel ontbreekt' });
        await plek.sql('audit', 'DELETE FROM auditregels WHERE volgnummer >= 3');
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: false, volgnummer: 3, reden: 'het einde van de keten ontbreekt' });
        // A forged record in the place of 3 that names 2's hash but was not made with it.
        const tijd = opslag.soort === 'sqlite' ? `'${vier!.tijd}'` : `'${vier!.tijd}'::timestamptz`;
        const twee = (await opslag.audit.lijst({ limiet: 1, voor: 3 })).regels[0]!;
        const pseudoniemen = opslag.soort === 'sqlite' ? `'[]'` : `'{}'`;
        await plek.sql('audit', `INSERT INTO auditregels (volgnummer, tijd, sleutel_id, rol, actie, pseudoniemen, aantal, details, vorige_hash, hash)
          VALUES (3, ${tijd}, 'x', 'werkgever', 'zoeken', ${pseudoniemen}, 1, '{}', '${twee.hash}', '${'f'.repeat(64)}')`);
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: false, volgnummer: 3, reden: 'de inhoud past niet bij de hash' });
      });

      it('retention removes only records older than the grens, oldest first; the chain verifies from its new anchor', async () => {
        const oud = await opslag.audit.voegToe([regel(1), regel(2), regel(3)]);
        await slaap(30);
        const grens = new Date();
        await slaap(30);
        await opslag.audit.voegToe([regel(4), regel(5)]);
        expect(await opslag.audit.verwijderOuderDan(new Date(Date.parse(oud[0]!.tijd) - 1))).toBe(0);
        expect(await opslag.audit.verwijderOuderDan(grens)).toBe(3);
        expect((await opslag.audit.lijst({ limiet: 10 })).regels.map((r) => r.volgnummer)).toEqual([5, 4]);
        expect((await opslag.audit.lijst({ limiet: 10, pseudoniem: P1 })).regels.map((r) => r.volgnummer)).toEqual([4]);
        expect((await opslag.audit.stand()).anker).toEqual({ volgnummer: 3, hash: oud[2]!.hash });
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 2, anker: 3, laatste: 5 });
        // Still no removal outside retention.
        await expect(plek.sql('audit', 'DELETE FROM auditregels WHERE volgnummer = 4')).rejects.toThrow('alleen door de bewaartermijn');
        // Everything past its term: the chain continues from the stand.
        expect(await opslag.audit.verwijderOuderDan(new Date(Date.now() + 60_000))).toBe(2);
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 0, anker: 5, laatste: 5 });
        expect((await opslag.audit.voegToe([regel(6)]))[0]!.volgnummer).toBe(6);
        expect(await controleerKeten(opslag.audit)).toEqual({ heel: true, aantal: 1, anker: 5, laatste: 6 });
      });
    });

    describe('contactverzoeken', () => {
      it('lists newest first, filters on regions, and answers nothing for no regions', async () => {
        const a = contactverzoek('R-A', 25, '2026-03-01T10:00:00.000Z');
        const b = contactverzoek('R-B', 21, '2026-03-03T10:00:00.000Z');
        const c = contactverzoek('R-C', 25, '2026-03-02T10:00:00.000Z');
        const d = contactverzoek('R-D', 10, '2026-02-01T10:00:00.000Z');
        // Submitted at the same moment as c: then by referentie.
        const e = contactverzoek('R-0', 25, '2026-03-02T10:00:00.000Z');
        expect(await opslag.contactverzoeken.lijst()).toEqual([]);
        for (const v of [a, b, c, d, e]) await opslag.contactverzoeken.bewaar(v);
        expect(await opslag.contactverzoeken.lijst()).toEqual([b, e, c, a, d]);
        expect(await opslag.contactverzoeken.lijst({ regios: [25] })).toEqual([e, c, a]);
        expect(await opslag.contactverzoeken.lijst({ regios: [10, 21] })).toEqual([b, d]);
        expect(await opslag.contactverzoeken.lijst({ regios: [99] })).toEqual([]);
        expect(await opslag.contactverzoeken.lijst({ regios: [] })).toEqual([]);
      });

      it('refuses a second request with the same referentie and keeps the first', async () => {
        const a = contactverzoek('R-A', 25, '2026-03-01T10:00:00.000Z');
        await opslag.contactverzoeken.bewaar(a);
        await expect(opslag.contactverzoeken.bewaar({ ...a, organisatie: 'Een ander' })).rejects.toBeInstanceOf(OpslagFout);
        expect(await opslag.contactverzoeken.lijst()).toEqual([a]);
      });

      it('gets one by referentie and filters on status and sender (null: sent without identity)', async () => {
        const a = contactverzoek('R-A', 25, '2026-03-01T10:00:00.000Z', { afzender: 'werkgever-1' });
        const b = contactverzoek('R-B', 25, '2026-03-02T10:00:00.000Z', { afzender: 'werkgever-2', status: 'in behandeling', bijgewerkt: '2026-03-05T10:00:00.000Z' });
        const c = contactverzoek('R-C', 10, '2026-03-03T10:00:00.000Z');
        for (const v of [a, b, c]) await opslag.contactverzoeken.bewaar(v);
        expect(await opslag.contactverzoeken.get('R-B')).toEqual(b);
        expect(await opslag.contactverzoeken.get('R-X')).toBeNull();
        expect(await opslag.contactverzoeken.lijst({ afzender: 'werkgever-1' })).toEqual([a]);
        expect(await opslag.contactverzoeken.lijst({ afzender: null })).toEqual([c]);
        expect(await opslag.contactverzoeken.lijst({ status: 'nieuw' })).toEqual([c, a]);
        expect(await opslag.contactverzoeken.lijst({ status: 'nieuw', regios: [25] })).toEqual([a]);
        expect(await opslag.contactverzoeken.lijst({ status: 'afgesloten' })).toEqual([]);
      });

      it('changes the status only along allowed transitions; closed is final', async () => {
        const a = contactverzoek('R-A', 25, '2026-03-01T10:00:00.000Z');
        await opslag.contactverzoeken.bewaar(a);
        const t1 = '2026-03-02T10:00:00.000Z';
        expect(await opslag.contactverzoeken.zetStatus('R-A', { status: 'in behandeling', tijd: t1 })).toEqual({ ...a, status: 'in behandeling', bijgewerkt: t1 });
        await expect(opslag.contactverzoeken.zetStatus('R-A', { status: 'in behandeling', tijd: t1 })).rejects.toBeInstanceOf(OngeldigeOvergangFout);
        const t2 = '2026-03-03T10:00:00.000Z';
        expect(await opslag.contactverzoeken.zetStatus('R-A', { status: 'kandidaat benaderd', tijd: t2 })).toMatchObject({ status: 'kandidaat benaderd', bijgewerkt: t2 });
        const t3 = '2026-03-04T10:00:00.000Z';
        const dicht = { ...a, status: 'afgesloten', bijgewerkt: t3, afgesloten: t3, afsluitreden: 'geplaatst' };
        expect(await opslag.contactverzoeken.zetStatus('R-A', { status: 'afgesloten', reden: 'geplaatst', tijd: t3 })).toEqual(dicht);
        for (const status of ['in behandeling', 'kandidaat benaderd'] as const) {
          await expect(opslag.contactverzoeken.zetStatus('R-A', { status, tijd: '2026-03-05T10:00:00.000Z' })).rejects.toMatchObject({ name: 'OngeldigeOvergangFout', van: 'afgesloten', naar: status });
        }
        await expect(opslag.contactverzoeken.zetStatus('R-A', { status: 'afgesloten', reden: 'nogmaals', tijd: '2026-03-05T10:00:00.000Z' })).rejects.toBeInstanceOf(OngeldigeOvergangFout);
        expect(await opslag.contactverzoeken.get('R-A')).toEqual(dicht);
        expect(await opslag.contactverzoeken.zetStatus('R-X', { status: 'in behandeling', tijd: t1 })).toBeNull();
      });

      it('closes the open requests of given profiles, lists the profiles open requests point to, and removes only old closed ones', async () => {
        const oud = '2025-01-01T00:00:00.000Z';
        const verzoeken = [
          contactverzoek('R-1', 25, oud, { profielId: 'p1' }),
          contactverzoek('R-2', 25, oud, { profielId: 'p1', status: 'kandidaat benaderd' }),
          contactverzoek('R-3', 25, oud, { profielId: 'p2', status: 'in behandeling' }),
          contactverzoek('R-4', 25, oud, { profielId: 'p1', status: 'afgesloten', afgesloten: '2025-02-01T00:00:00.000Z', afsluitreden: 'geplaatst' }),
          contactverzoek('R-5', 25, oud, { profielId: 'p3', status: 'afgesloten', afgesloten: '2025-06-01T00:00:00.000Z', afsluitreden: 'geplaatst' }),
        ];
        for (const v of verzoeken) await opslag.contactverzoeken.bewaar(v);
        expect(await opslag.contactverzoeken.openProfielIds()).toEqual(['p1', 'p2']);
        const voor = Date.now();
        expect(await opslag.contactverzoeken.sluitVoorProfielen(['p1', 'p9'], 'profiel verwijderd')).toBe(2);
        expect(await opslag.contactverzoeken.sluitVoorProfielen([], 'profiel verwijderd')).toBe(0);
        for (const ref of ['R-1', 'R-2']) {
          const v = (await opslag.contactverzoeken.get(ref))!;
          expect(v).toMatchObject({ status: 'afgesloten', afsluitreden: 'profiel verwijderd' });
          expect(Date.parse(v.afgesloten!)).toBeGreaterThanOrEqual(voor - 1000);
          expect(v.bijgewerkt).toBe(v.afgesloten);
        }
        // An earlier close keeps its reason and time.
        expect(await opslag.contactverzoeken.get('R-4')).toEqual(verzoeken[3]);
        expect(await opslag.contactverzoeken.openProfielIds()).toEqual(['p2']);

        // Retention: only requests closed before the boundary; open ones never, however old.
        expect(await opslag.contactverzoeken.verwijderAfgeslotenVoor(new Date('2025-03-01T00:00:00.000Z'))).toBe(1);
        expect((await opslag.contactverzoeken.lijst()).map((v) => v.referentie).sort()).toEqual(['R-1', 'R-2', 'R-3', 'R-5']);
        expect(await opslag.contactverzoeken.verwijderAfgeslotenVoor(new Date())).toBe(3);
        expect((await opslag.contactverzoeken.lijst()).map((v) => v.referentie)).toEqual(['R-3']);
      });
    });

    describe('versleuteld klantnummer', () => {
      it('stores the ciphertext beside the profile and keeps it when the profile changes', async () => {
        await schrijf(opslag, (tx) => tx.upsert([rij(profiel('p1'), 'v1:eerste'), rij(profiel('p2'), 'v1:twee')]));
        expect(await opslag.mirror.versleuteldKlantnummer('p1')).toBe('v1:eerste');
        const { resultaat } = await schrijf(opslag, (tx) => tx.upsert([rij(profiel('p1', 2), 'v1:later'), rij(profiel('p2'), 'v1:later')]));
        expect(resultaat).toEqual(['bijgewerkt', 'ongewijzigd']);
        expect(await opslag.mirror.versleuteldKlantnummer('p1')).toBe('v1:eerste');
        expect(await opslag.mirror.versleuteldKlantnummer('p2')).toBe('v1:twee');
        // Never part of the profile, the change log or the index's input.
        expect(await opslag.mirror.get('p1')).toEqual(profiel('p1', 2));
        expect(JSON.stringify(await lees(opslag, null))).not.toContain('v1:');
        expect(await opslag.mirror.versleuteldKlantnummer('bestaat-niet')).toBeNull();
        await schrijf(opslag, (tx) => tx.verwijder(['p1']));
        expect(await opslag.mirror.versleuteldKlantnummer('p1')).toBeNull();
      });

      it('fills in a missing klantnummer at the next sync of an unchanged profile', async () => {
        await opslag.mirror.schrijf((tx) => tx.upsert([rij(profiel('p1'), 'v1:eerst'), rij(profiel('p2'), 'v1:twee')]));
        // A profile mirrored before klantnummers were kept: its column null, as the migrations leave it.
        await plek.sql('mirror', "UPDATE profielen SET klantnummer = NULL WHERE id = 'p1'");
        expect(await opslag.mirror.versleuteldKlantnummer('p1')).toBeNull();
        // The ciphertext comes with the next sync, although the profile itself is unchanged: no outcome, no new position.
        const uitkomst = await opslag.mirror.schrijf((tx) => tx.upsert([rij(profiel('p1'), 'v1:later'), rij(profiel('p2'), 'v1:later')]));
        expect(uitkomst).toEqual({ resultaat: ['ongewijzigd', 'ongewijzigd'], volgnummer: 1 });
        expect(await opslag.mirror.versleuteldKlantnummer('p1')).toBe('v1:later');
        expect(await opslag.mirror.versleuteldKlantnummer('p2')).toBe('v1:twee');
      });
    });
  });
}

export { lees as leesWijzigingen, slaap, totdat };
