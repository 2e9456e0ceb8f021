import { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type {
  DoelgroepregisterTelling, MirrorOpslag, MirrorTransactie, Schrijfuitkomst, Upsertuitkomst, Wijzigingen, Wijzigingslog,
} from '../opslag.port';
import { meldAan, planWijzigingen, Wijzigingsspoor, type Logregel } from '../wijzigingsplan';
import { naarMirrorrij } from '../mirrorrij';
import { openDatabase, openLezer, wrap } from './sqlite';


/** The change log position and the committed count, as the connection's current transaction sees them. */
function volgstand(db: Database.Database): { laatste: number; aantal: number } {
  return db.prepare('SELECT laatste, aantal FROM volgstand').get() as { laatste: number; aantal: number };
}

// Rows handed to the index per part while a whole mirror is read.
const LEESDEEL = 2000;

/**
 * The mirror in `mirror.sqlite`, for one process. Every write goes through one connection, one transaction at a
 * time (a mutex: a small write during a long sync waits, rather than joining the sync's transaction). Reads use a
 * second connection, which in WAL mode sees committed state only; a whole-mirror read opens a connection of its
 * own, so it keeps one snapshot for as long as the index takes to consume it.
 */
export class SqliteMirror implements MirrorOpslag, Wijzigingslog {
  private readonly db: Database.Database;
  private readonly lezer: Database.Database;
  private readonly rij = new Mutex();
  private readonly luisteraars = new Set<(volgnummer: number) => void>();

  /** `bewaartijdMs`: how long change log entries are kept; an index that falls further behind is rebuilt. */
  constructor(private readonly dataDir: string, private readonly bewaartijdMs: number) {
    this.db = openDatabase(dataDir, 'mirror', 'de mirror-database');
    this.lezer = openLezer(dataDir, 'mirror');
  }

  schrijf<T>(werk: (tx: MirrorTransactie) => Promise<T>): Promise<Schrijfuitkomst<T>> {
    return this.rij.runExclusive(async () => {
      const db = this.db;
      const get = db.prepare<[string], { data: string; klantnummer: string | null }>('SELECT data, klantnummer FROM profielen WHERE id = ?');
      // The id is an HMAC of the klantnummer: a stored ciphertext stays (a new one would only differ in its IV).
      const insert = db.prepare(`INSERT INTO profielen (id, data, klasse, klantnummer) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET data = excluded.data, klasse = excluded.klasse, klantnummer = coalesce(profielen.klantnummer, excluded.klantnummer)`);
      const vulKlantnummer = db.prepare('UPDATE profielen SET klantnummer = ? WHERE id = ? AND klantnummer IS NULL');
      const herschrijf = db.prepare('UPDATE profielen SET data = ?, klasse = ? WHERE id = ?');
      const klasseVan = db.prepare<[string], { klasse: string | null }>('SELECT klasse FROM profielen WHERE id = ?');
      const del = db.prepare('DELETE FROM profielen WHERE id = ?');
      wrap('transactie starten', () => {
        db.exec('BEGIN IMMEDIATE');
        db.exec('CREATE TEMP TABLE IF NOT EXISTS gezien (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM gezien;');
      });
      const markeer = db.prepare('INSERT OR IGNORE INTO temp.gezien (id) VALUES (?)');
      const spoor = new Wijzigingsspoor();
      const tx: MirrorTransactie = {
        upsert: async (rijen) => wrap('profiel opslaan', () => rijen.map(({ profiel, klasse, klantnummer }): Upsertuitkomst => {
          const data = JSON.stringify(profiel);
          const oud = get.get(profiel.id);
          const uitkomst = oud?.data === data ? 'ongewijzigd' : oud ? 'bijgewerkt' : 'toegevoegd';
          if (uitkomst !== 'ongewijzigd') insert.run(profiel.id, data, klasse, klantnummer);
          else if (oud?.klantnummer === null) vulKlantnummer.run(klantnummer, profiel.id);
          spoor.upsert(profiel.id, uitkomst);
          return uitkomst;
        })),
        herpubliceer: async (rijen) => wrap('profiel opnieuw publiceren', () => {
          for (const { profiel, klasse } of rijen) {
            if (herschrijf.run(JSON.stringify(profiel), klasse, profiel.id).changes > 0) spoor.upsert(profiel.id, 'bijgewerkt');
          }
        }),
        klassen: async (ids) => wrap('klassen lezen', () => {
          const uit = new Map<string, string | null>();
          for (const id of ids) {
            const rij = klasseVan.get(id);
            if (rij) uit.set(id, rij.klasse);
          }
          return uit;
        }),
        klassentelling: async () => wrap('klassen tellen', () => new Map(db.prepare<[], { klasse: string | null; n: number }>(
          'SELECT klasse, count(*) AS n FROM profielen GROUP BY klasse').all().map((r) => [r.klasse, r.n]))),
        profielenInKlassen: async (klassen) => wrap('klassen lezen', () => db.prepare<[string], { data: string; klasse: string }>(
          'SELECT data, klasse FROM profielen WHERE klasse IN (SELECT value FROM json_each(?))').all(JSON.stringify(klassen)).map(naarMirrorrij)),
        profielenNa: async (na, aantal) => wrap('mirror lezen', () => db.prepare<[string, number], { data: string; klasse: string | null }>(
          'SELECT data, klasse FROM profielen WHERE id > ? ORDER BY id LIMIT ?').all(na ?? '', aantal).map(naarMirrorrij)),
        volgnummerVooraf: async () => wrap('volgnummer lezen', () => volgstand(db).laatste),
        verwijder: async (ids) => wrap('profiel verwijderen', () => ids.filter((id) => {
          const weg = del.run(id).changes > 0;
          if (weg) spoor.verwijder(id);
          return weg;
        })),
        markeerGezien: async (ids) => { wrap('export bijhouden', () => { for (const id of ids) markeer.run(id); }); },
        nietGezien: async () => wrap('export vergelijken', () =>
          db.prepare<[], { id: string }>('SELECT p.id FROM profielen p WHERE NOT EXISTS (SELECT 1 FROM temp.gezien g WHERE g.id = p.id)').all().map((r) => r.id)),
        // volgstand is raised only at commit, so inside the transaction it still holds the count from before.
        aantalVooraf: async () => wrap('tellen', () => volgstand(db).aantal),
        vervangtAlles: () => { spoor.vervangt = true; },
      };
      let uitkomst: Schrijfuitkomst<T>;
      try {
        const resultaat = await werk(tx);
        const volgnummer = wrap('vastleggen', () => {
          const n = this.legVast(spoor);
          db.exec('COMMIT');
          return n;
        });
        uitkomst = { resultaat, volgnummer };
      } catch (err) {
        // A COMMIT that fails (disk full) can leave the transaction open: end it, so nothing of it stays pending.
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
      if (!spoor.leeg) meldAan(this.luisteraars, uitkomst.volgnummer);
      return uitkomst;
    });
  }

  /** Appends the transaction's changes to the log (inside it) and cleans up entries past their time. */
  private legVast(spoor: Wijzigingsspoor): number {
    const db = this.db;
    if (spoor.leeg) return volgstand(db).laatste;
    const { laatste } = db.prepare('UPDATE volgstand SET laatste = laatste + 1, aantal = aantal + ? RETURNING laatste').get(spoor.verschil) as { laatste: number };
    const nu = Date.now();
    db.prepare('INSERT INTO wijzigingen (volgnummer, tijd, vervangt, gewijzigd, verwijderd) VALUES (?, ?, ?, ?, ?)')
      .run(laatste, new Date(nu).toISOString(), spoor.vervangt ? 1 : 0, JSON.stringify([...spoor.gewijzigd]), JSON.stringify([...spoor.verwijderd]));
    db.prepare('DELETE FROM wijzigingen WHERE tijd < ? AND volgnummer < ?').run(new Date(nu - this.bewaartijdMs).toISOString(), laatste);
    return laatste;
  }

  async aantal(): Promise<number> {
    return wrap('tellen', () => volgstand(this.lezer).aantal);
  }

  async get(id: string): Promise<Kandidaatprofiel | null> {
    const row = wrap('lezen', () => this.lezer.prepare<[string], { data: string }>('SELECT data FROM profielen WHERE id = ?').get(id));
    return row ? (JSON.parse(row.data) as Kandidaatprofiel) : null;
  }

  async versleuteldKlantnummer(id: string): Promise<string | null> {
    const row = wrap('lezen', () => this.lezer.prepare<[string], { klantnummer: string | null }>('SELECT klantnummer FROM profielen WHERE id = ?').get(id));
    return row?.klantnummer ?? null;
  }

  async *alle(): AsyncGenerator<Kandidaatprofiel> {
    const c = wrap('openen', () => openLezer(this.dataDir, 'mirror'));
    try {
      c.exec('BEGIN');
      yield* this.leesAlles(c);
    } finally {
      c.close();
    }
  }

  private async *leesAlles(c: Database.Database): AsyncGenerator<Kandidaatprofiel> {
    let deel: Kandidaatprofiel[] = [];
    for (const row of c.prepare<[], { data: string }>('SELECT data FROM profielen ORDER BY id').iterate()) {
      deel.push(JSON.parse(row.data) as Kandidaatprofiel);
      if (deel.length === LEESDEEL) {
        yield* deel;
        deel = [];
      }
    }
    yield* deel;
  }

  async laatste(): Promise<number> {
    return wrap('volgnummer lezen', () => volgstand(this.lezer).laatste);
  }

  async lees(na: number | null, verwerk: (w: Wijzigingen) => Promise<void>): Promise<void> {
    const l = this.lezer;
    // One read transaction: the log and the profiles it names come from the same committed state.
    const gelezen = wrap('wijzigingen lezen', () => l.transaction(() => {
      const laatste = volgstand(l).laatste;
      const regels = na === null || na >= laatste ? [] : l.prepare<[number], { volgnummer: number; vervangt: number; gewijzigd: string; verwijderd: string }>(
        'SELECT volgnummer, vervangt, gewijzigd, verwijderd FROM wijzigingen WHERE volgnummer > ? ORDER BY volgnummer',
      ).all(na).map((r): Logregel => ({ volgnummer: r.volgnummer, vervangt: r.vervangt === 1, gewijzigd: JSON.parse(r.gewijzigd) as string[], verwijderd: JSON.parse(r.verwijderd) as string[] }));
      const plan = planWijzigingen(na, laatste, regels);
      if (plan.soort === 'herbouw') return null;
      const upsert = l.prepare<[string], { data: string }>('SELECT data FROM profielen WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(plan.upsert)).map((r) => JSON.parse(r.data) as Kandidaatprofiel);
      return { soort: 'wijzig' as const, tot: laatste, upsert, verwijder: plan.verwijder };
    })());
    if (gelezen) return verwerk(gelezen);
    const c = wrap('openen', () => openLezer(this.dataDir, 'mirror'));
    try {
      c.exec('BEGIN');
      const tot = volgstand(c).laatste;
      await verwerk({ soort: 'herbouw', tot, profielen: this.leesAlles(c) });
    } finally {
      c.close();
    }
  }

  async luister(bij: (volgnummer: number) => void): Promise<() => Promise<void>> {
    this.luisteraars.add(bij);
    return async () => { this.luisteraars.delete(bij); };
  }

  getMeta(sleutel: string): Promise<string | null> {
    const row = wrap('meta lezen', () => this.lezer.prepare<[string], { waarde: string }>('SELECT waarde FROM meta WHERE sleutel = ?').get(sleutel));
    return Promise.resolve(row?.waarde ?? null);
  }

  setMeta(sleutel: string, waarde: string): Promise<void> {
    return this.rij.runExclusive(() => {
      wrap('meta opslaan', () => this.db.prepare('INSERT INTO meta (sleutel, waarde) VALUES (?, ?) ON CONFLICT(sleutel) DO UPDATE SET waarde = excluded.waarde').run(sleutel, waarde));
    });
  }

  zetDoelgroepregister(t: DoelgroepregisterTelling): Promise<void> {
    return this.rij.runExclusive(() => {
      wrap('doelgroepregister opslaan', () => this.db.prepare(
        'INSERT INTO doelgroepregister (regio, periode, aantal) VALUES (?, ?, ?) ON CONFLICT(regio, periode) DO UPDATE SET aantal = excluded.aantal',
      ).run(t.regio, t.periode, t.aantal));
    });
  }

  async doelgroepregister(): Promise<DoelgroepregisterTelling[]> {
    return wrap('doelgroepregister lezen', () => this.lezer.prepare<[], DoelgroepregisterTelling>('SELECT regio, periode, aantal FROM doelgroepregister ORDER BY periode, regio').all());
  }

  /** A write still open is rolled back: at shutdown a sync that did not commit was never acknowledged. */
  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.lezer.close();
    this.db.close();
  }
}
