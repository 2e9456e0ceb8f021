import pg from 'pg';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type {
  DoelgroepregisterTelling, MirrorOpslag, MirrorTransactie, Schrijfuitkomst, Upsertuitkomst, Wijzigingen, Wijzigingslog,
} from '../opslag.port';
import { meldAan, planWijzigingen, Wijzigingsspoor, type Logregel } from '../wijzigingsplan';
import { naarMirrorrij } from '../mirrorrij';
import { inTransactie, SLOT, verbind, vraag, WIJZIGINGSKANAAL } from './verbinding';

// Rows fetched per round trip while a whole mirror is read.
const LEESDEEL = 2000;
/** One consistent, read-only view of the mirror: the change log and the profiles it names agree. */
const LEESTRANSACTIE = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

interface Logrij { volgnummer: string; vervangt: boolean; gewijzigd: string[]; verwijderd: string[] }

/**
 * The mirror in PostgreSQL, shared by every instance. A write holds a transaction-scoped advisory lock from its
 * first statement to its commit, so writes from all instances happen one at a time and change log positions
 * follow commit order; the position and the committed count live in `volgstand`, raised in the same transaction.
 */
export class PostgresMirror implements MirrorOpslag, Wijzigingslog {
  constructor(private readonly pool: pg.Pool, private readonly connectionString: string, private readonly bewaartijdMs: number) {}

  schrijf<T>(werk: (tx: MirrorTransactie) => Promise<T>): Promise<Schrijfuitkomst<T>> {
    return inTransactie(this.pool, 'schrijven', 'BEGIN', async (c) => {
      await vraag(c, 'schrijfslot', 'SELECT pg_advisory_xact_lock($1)', [SLOT.schrijven]);
      const spoor = new Wijzigingsspoor();
      let gezienTabel = false;
      const tx: MirrorTransactie = {
        upsert: async (invoer) => {
          if (invoer.length === 0) return [];
          const ids = invoer.map((r) => r.profiel.id);
          const klantnummers = invoer.map((r) => r.klantnummer);
          // Unchanged rows are not updated and not returned; xmax = 0 tells an insert from an update. The id is an
          // HMAC of the klantnummer: a stored ciphertext stays (a new one would only differ in its IV).
          const rijen = await vraag<{ id: string; nieuw: boolean }>(c, 'profiel opslaan', `
            INSERT INTO profielen (id, data, klasse, klantnummer) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
            ON CONFLICT (id) DO UPDATE SET data = excluded.data, klasse = excluded.klasse, klantnummer = coalesce(profielen.klantnummer, excluded.klantnummer)
              WHERE profielen.data IS DISTINCT FROM excluded.data
            RETURNING id, (xmax = 0) AS nieuw`, [ids, invoer.map((r) => JSON.stringify(r.profiel)), invoer.map((r) => r.klasse), klantnummers]);
          const uitkomst = new Map(rijen.map((r) => [r.id, r.nieuw ? 'toegevoegd' as const : 'bijgewerkt' as const]));
          // Profiles mirrored before klantnummers were kept get theirs at their next sync, even when unchanged (a
          // written row got it above).
          const ongewijzigd = invoer.filter((r) => !uitkomst.has(r.profiel.id));
          if (ongewijzigd.length > 0) {
            await vraag(c, 'profiel opslaan', `UPDATE profielen p SET klantnummer = u.klantnummer FROM unnest($1::text[], $2::text[]) AS u(id, klantnummer)
              WHERE p.id = u.id AND p.klantnummer IS NULL`, [ongewijzigd.map((r) => r.profiel.id), ongewijzigd.map((r) => r.klantnummer)]);
          }
          return invoer.map(({ profiel: p }): Upsertuitkomst => {
            const u = uitkomst.get(p.id) ?? 'ongewijzigd';
            spoor.upsert(p.id, u);
            return u;
          });
        },
        herpubliceer: async (invoer) => {
          if (invoer.length === 0) return;
          const rijen = await vraag<{ id: string }>(c, 'profiel opnieuw publiceren', `
            UPDATE profielen p SET data = n.data, klasse = n.klasse FROM unnest($1::text[], $2::text[], $3::text[]) AS n(id, data, klasse)
            WHERE p.id = n.id RETURNING p.id`, [invoer.map((r) => r.profiel.id), invoer.map((r) => JSON.stringify(r.profiel)), invoer.map((r) => r.klasse)]);
          for (const r of rijen) spoor.upsert(r.id, 'bijgewerkt');
        },
        klassen: async (ids) => new Map((await vraag<{ id: string; klasse: string | null }>(c, 'klassen lezen',
          'SELECT id, klasse FROM profielen WHERE id = ANY($1::text[])', [ids])).map((r) => [r.id, r.klasse])),
        klassentelling: async () => new Map((await vraag<{ klasse: string | null; n: string }>(c, 'klassen tellen',
          'SELECT klasse, count(*) AS n FROM profielen GROUP BY klasse')).map((r) => [r.klasse, Number(r.n)])),
        profielenInKlassen: async (klassen) => (await vraag<{ data: string; klasse: string }>(c, 'klassen lezen',
          'SELECT data, klasse FROM profielen WHERE klasse = ANY($1::text[])', [klassen])).map(naarMirrorrij),
        profielenNa: async (na, aantal) => (await vraag<{ data: string; klasse: string | null }>(c, 'mirror lezen',
          'SELECT data, klasse FROM profielen WHERE id > $1 ORDER BY id LIMIT $2', [na ?? '', aantal])).map(naarMirrorrij),
        volgnummerVooraf: async () => (await this.volgstand(c)).laatste,
        verwijder: async (ids) => {
          if (ids.length === 0) return [];
          const weg = (await vraag<{ id: string }>(c, 'profiel verwijderen', 'DELETE FROM profielen WHERE id = ANY($1::text[]) RETURNING id', [ids])).map((r) => r.id);
          for (const id of weg) spoor.verwijder(id);
          return weg;
        },
        markeerGezien: async (ids) => {
          if (!gezienTabel) {
            await vraag(c, 'export bijhouden', 'CREATE TEMP TABLE gezien (id text PRIMARY KEY) ON COMMIT DROP');
            gezienTabel = true;
          }
          if (ids.length > 0) await vraag(c, 'export bijhouden', 'INSERT INTO gezien (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [ids]);
        },
        nietGezien: async () => {
          const sql = gezienTabel ? 'SELECT p.id FROM profielen p WHERE NOT EXISTS (SELECT 1 FROM gezien g WHERE g.id = p.id)' : 'SELECT id FROM profielen';
          return (await vraag<{ id: string }>(c, 'export vergelijken', sql)).map((r) => r.id);
        },
        // volgstand is raised only at commit, so inside the transaction it still holds the count from before.
        aantalVooraf: async () => (await this.volgstand(c)).aantal,
        vervangtAlles: () => { spoor.vervangt = true; },
      };
      const resultaat = await werk(tx);
      return { resultaat, volgnummer: await this.legVast(c, spoor) };
    });
  }

  /** Appends the transaction's changes to the log, announces them at commit, and cleans up entries past their time. */
  private async legVast(c: pg.PoolClient, spoor: Wijzigingsspoor): Promise<number> {
    if (spoor.leeg) return (await this.volgstand(c)).laatste;
    const [rij] = await vraag<{ laatste: string }>(c, 'vastleggen', 'UPDATE volgstand SET laatste = laatste + 1, aantal = aantal + $1 RETURNING laatste', [spoor.verschil]);
    const laatste = Number(rij!.laatste);
    await vraag(c, 'vastleggen', 'INSERT INTO wijzigingen (volgnummer, vervangt, gewijzigd, verwijderd) VALUES ($1, $2, $3, $4)',
      [laatste, spoor.vervangt, [...spoor.gewijzigd], [...spoor.verwijderd]]);
    await vraag(c, 'vastleggen', `DELETE FROM wijzigingen WHERE tijd < now() - $1 * interval '1 millisecond' AND volgnummer < $2`, [this.bewaartijdMs, laatste]);
    // Delivered only when the transaction commits, and in commit order.
    await vraag(c, 'vastleggen', 'SELECT pg_notify($1, $2)', [WIJZIGINGSKANAAL, String(laatste)]);
    return laatste;
  }

  /** The change log position and the committed count, as `db`'s current transaction sees them. */
  private async volgstand(db: pg.Pool | pg.PoolClient): Promise<{ laatste: number; aantal: number }> {
    const [rij] = await vraag<{ laatste: string; aantal: string }>(db, 'volgstand lezen', 'SELECT laatste, aantal FROM volgstand');
    return { laatste: Number(rij!.laatste), aantal: Number(rij!.aantal) };
  }

  async laatste(): Promise<number> {
    return (await this.volgstand(this.pool)).laatste;
  }

  async aantal(): Promise<number> {
    return (await this.volgstand(this.pool)).aantal;
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const [rij] = await vraag<{ data: string }>(this.pool, 'lezen', 'SELECT data FROM profielen WHERE id = $1', [id]);
    return rij ? (JSON.parse(rij.data) as Kandidaatprofiel) : null;
  }

  async versleuteldKlantnummer(id: string): Promise<string | null> {
    const [rij] = await vraag<{ klantnummer: string | null }>(this.pool, 'lezen', 'SELECT klantnummer FROM profielen WHERE id = $1', [id]);
    return rij?.klantnummer ?? null;
  }

  /** Streams through a cursor in one read transaction; a reader that stops early gets its connection closed. */
  async *alle(): AsyncGenerator<Kandidaatprofiel> {
    const c = await verbind(this.pool, 'mirror lezen');
    let afgerond = false;
    try {
      await vraag(c, 'mirror lezen', LEESTRANSACTIE);
      yield* this.cursor(c);
      await vraag(c, 'mirror lezen', 'COMMIT');
      afgerond = true;
    } finally {
      // A reader that stopped early left the transaction open: that connection is destroyed, not reused.
      c.release(!afgerond);
    }
  }

  private async *cursor(c: pg.PoolClient): AsyncGenerator<Kandidaatprofiel> {
    await vraag(c, 'mirror lezen', 'DECLARE alle_profielen NO SCROLL CURSOR FOR SELECT data FROM profielen ORDER BY id');
    for (;;) {
      const rijen = await vraag<{ data: string }>(c, 'mirror lezen', `FETCH ${LEESDEEL} FROM alle_profielen`);
      if (rijen.length === 0) break;
      for (const r of rijen) yield JSON.parse(r.data) as Kandidaatprofiel;
    }
    await vraag(c, 'mirror lezen', 'CLOSE alle_profielen');
  }

  lees(na: number | null, verwerk: (w: Wijzigingen) => Promise<void>): Promise<void> {
    return inTransactie(this.pool, 'wijzigingen lezen', LEESTRANSACTIE, async (c) => {
      const { laatste } = await this.volgstand(c);
      const regels = na === null || na >= laatste ? [] : (await vraag<Logrij>(c, 'wijzigingen lezen',
        'SELECT volgnummer, vervangt, gewijzigd, verwijderd FROM wijzigingen WHERE volgnummer > $1 ORDER BY volgnummer', [na]))
        .map((r): Logregel => ({ ...r, volgnummer: Number(r.volgnummer) }));
      const plan = planWijzigingen(na, laatste, regels);
      if (plan.soort === 'herbouw') return verwerk({ soort: 'herbouw', tot: laatste, profielen: this.cursor(c) });
      const upsert = plan.upsert.length === 0 ? [] : (await vraag<{ data: string }>(c, 'wijzigingen lezen', 'SELECT data FROM profielen WHERE id = ANY($1::text[])', [plan.upsert]))
        .map((r) => JSON.parse(r.data) as Kandidaatprofiel);
      return verwerk({ soort: 'wijzig', tot: laatste, upsert, verwijder: plan.verwijder });
    });
  }

  /**
   * LISTEN on a connection of its own, which comes back by itself after PostgreSQL restarts or kills it. After
   * each (re)connect `bij` is called with -1: notifications sent while it was away are lost, so look now.
   */
  async luister(bij: (volgnummer: number) => void): Promise<() => Promise<void>> {
    let gestopt = false;
    let client: pg.Client | null = null;
    let wacht: NodeJS.Timeout | undefined;
    const opnieuw = () => {
      client = null;
      if (!gestopt && !wacht) wacht = setTimeout(() => { wacht = undefined; void verbind(); }, 500);
    };
    const verbind = async () => {
      const c = new pg.Client({ connectionString: this.connectionString, application_name: 'kandidatenverkenner-luisteraar' });
      c.on('notification', (m) => meldAan([bij], Number(m.payload)));
      c.on('error', opnieuw);
      c.on('end', opnieuw);
      try {
        await c.connect();
        await c.query(`LISTEN ${WIJZIGINGSKANAAL}`);
        if (gestopt) return void c.end().catch(() => undefined);
        client = c;
        meldAan([bij], -1);
      } catch {
        c.end().catch(() => undefined);
        opnieuw();
      }
    };
    await verbind();
    return async () => {
      gestopt = true;
      clearTimeout(wacht);
      await (client as pg.Client | null)?.end().catch(() => undefined);
    };
  }

  async getMeta(sleutel: string): Promise<string | null> {
    const [rij] = await vraag<{ waarde: string }>(this.pool, 'meta lezen', 'SELECT waarde FROM meta WHERE sleutel = $1', [sleutel]);
    return rij?.waarde ?? null;
  }

  async setMeta(sleutel: string, waarde: string): Promise<void> {
    await vraag(this.pool, 'meta opslaan', 'INSERT INTO meta (sleutel, waarde) VALUES ($1, $2) ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde', [sleutel, waarde]);
  }

  async zetDoelgroepregister(t: DoelgroepregisterTelling): Promise<void> {
    await vraag(this.pool, 'doelgroepregister opslaan',
      'INSERT INTO doelgroepregister (regio, periode, aantal) VALUES ($1, $2, $3) ON CONFLICT (regio, periode) DO UPDATE SET aantal = excluded.aantal',
      [t.regio, t.periode, t.aantal]);
  }

  doelgroepregister(): Promise<DoelgroepregisterTelling[]> {
    return vraag<DoelgroepregisterTelling>(this.pool, 'doelgroepregister lezen', 'SELECT regio, periode, aantal FROM doelgroepregister ORDER BY periode, regio');
  }
}
