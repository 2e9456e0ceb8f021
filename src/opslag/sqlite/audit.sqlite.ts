import type Database from 'better-sqlite3';
import type { Auditfilter, Auditpagina, Auditregel, NieuweAuditregel } from '../../audit/auditregel';
import { keten, naarAuditregel, naarPagina, naarStand, STAND_SQL, type Auditrij, type Standrij } from '../auditrij';
import type { AuditOpslag, Auditstand } from '../opslag.port';
import { openDatabase, openLezer, wrap } from './sqlite';

type Sqliterij = Omit<Auditrij, 'pseudoniemen'> & { pseudoniemen: string };

const naarRegel = (r: Sqliterij) => naarAuditregel({ ...r, pseudoniemen: JSON.parse(r.pseudoniemen) as string[] });

/**
 * The audit trail in its own SQLite file in DATA_DIR (WAL, synchronous=FULL: a record whose append returned
 * survives kill -9 and power loss). Its own file: it has its own retention and must not be rebuilt with the mirror.
 * Appends and retention run on the connection that brought the schema up to date, one at a time, like every other
 * SQLite store here. (A writer thread kept the fsync off the event loop, but its commits were not always seen by a
 * connection opened right after in this process: a record that cannot be read back is worse than a slower answer.)
 */
export class SqliteAudit implements AuditOpslag {
  private readonly db: Database.Database;
  private readonly leesStand: Database.Statement<[], Standrij>;
  private readonly toevoegen: Database.Transaction<(regels: readonly NieuweAuditregel[]) => Auditregel[]>;

  constructor(private readonly dataDir: string) {
    const db = openDatabase(dataDir, 'audit', 'het auditlog');
    this.db = db;
    this.leesStand = db.prepare<[], Standrij>(STAND_SQL);
    const regel = db.prepare(`INSERT INTO auditregels (volgnummer, tijd, sleutel_id, rol, actie, pseudoniemen, aantal, details, vorige_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const pseudoniem = db.prepare('INSERT OR IGNORE INTO audit_pseudoniemen (pseudoniem, volgnummer) VALUES (?, ?)');
    const nieuweStand = db.prepare('UPDATE audit_stand SET laatste = ?, laatste_hash = ? WHERE id = 1');
    this.toevoegen = db.transaction((nieuw: readonly NieuweAuditregel[]) => {
      const regels = keten(nieuw, naarStand(this.leesStand.get()!).laatste, new Date().toISOString());
      for (const r of regels) {
        regel.run(r.volgnummer, r.tijd, r.sleutelId, r.rol, r.actie, JSON.stringify(r.pseudoniemen), r.aantal, r.detailsTekst, r.vorigeHash, r.hash);
        for (const p of r.pseudoniemen) pseudoniem.run(p, r.volgnummer);
      }
      const laatste = regels.at(-1);
      if (laatste) nieuweStand.run(laatste.volgnummer, laatste.hash);
      return regels.map(({ detailsTekst: _, ...r }) => r);
    });
  }

  /** IMMEDIATE: the write lock from the first read of the stand, so no other connection can chain in between. */
  async voegToe(regels: readonly NieuweAuditregel[]): Promise<Auditregel[]> {
    return wrap('auditregels vastleggen', () => this.toevoegen.immediate(regels));
  }

  async verwijderOuderDan(grens: Date): Promise<number> {
    const { db } = this;
    return wrap('auditlog opschonen', () => db.transaction((tot: string) => {
      // Only the prefix before the first younger record: the chain stays whole from the new anchor on.
      const eerstJong = db.prepare<[string], { v: number | null }>('SELECT min(volgnummer) AS v FROM auditregels WHERE tijd >= ?').get(tot)!.v;
      const laatsteWeg = db.prepare<[string, number], Sqliterij>('SELECT * FROM auditregels WHERE tijd < ? AND volgnummer < ? ORDER BY volgnummer DESC LIMIT 1')
        .get(tot, eerstJong ?? Number.MAX_SAFE_INTEGER);
      if (!laatsteWeg) return 0;
      // The triggers allow removing only while this row exists; it is gone again before the commit.
      db.prepare('INSERT INTO audit_opschoning (tot) VALUES (?)').run(tot);
      db.prepare('DELETE FROM audit_pseudoniemen WHERE volgnummer <= ?').run(laatsteWeg.volgnummer);
      const { changes } = db.prepare('DELETE FROM auditregels WHERE volgnummer <= ?').run(laatsteWeg.volgnummer);
      db.prepare('DELETE FROM audit_opschoning').run();
      db.prepare('UPDATE audit_stand SET anker = ?, anker_hash = ? WHERE id = 1').run(laatsteWeg.volgnummer, laatsteWeg.hash);
      return changes;
    }).immediate(grens.toISOString()));
  }

  async lijst(f: Auditfilter): Promise<Auditpagina> {
    const waar: string[] = [];
    const params: unknown[] = [];
    const voeg = (sql: string, waarde: unknown) => { waar.push(sql); params.push(waarde); };
    if (f.van !== undefined) voeg('r.tijd >= ?', f.van);
    if (f.tot !== undefined) voeg('r.tijd < ?', f.tot);
    if (f.sleutelId !== undefined) voeg('r.sleutel_id = ?', f.sleutelId);
    if (f.rol !== undefined) voeg('r.rol = ?', f.rol);
    if (f.actie !== undefined) voeg('r.actie = ?', f.actie);
    if (f.voor !== undefined) voeg('r.volgnummer < ?', f.voor);
    // Through the pseudonym index: the records naming this person, newest first.
    const van = f.pseudoniem === undefined ? 'auditregels r' : 'audit_pseudoniemen p JOIN auditregels r ON r.volgnummer = p.volgnummer';
    if (f.pseudoniem !== undefined) voeg('p.pseudoniem = ?', f.pseudoniem);
    return wrap('auditlog lezen', () => {
      const rijen = this.db.prepare<unknown[], Sqliterij>(`SELECT r.* FROM ${van} ${waar.length > 0 ? `WHERE ${waar.join(' AND ')}` : ''}
        ORDER BY r.volgnummer DESC LIMIT ?`).all(...params, f.limiet + 1);
      return naarPagina(rijen, f.limiet, naarRegel);
    });
  }

  async stand(): Promise<Auditstand> {
    return wrap('auditlog lezen', () => naarStand(this.leesStand.get()!));
  }

  /** On a connection of its own, in one read transaction: appends meanwhile neither interfere nor show. */
  async keten<T>(verwerk: (stand: Auditstand, regels: AsyncIterable<Auditregel>) => Promise<T>): Promise<T> {
    const lezer = wrap('auditlog lezen', () => openLezer(this.dataDir, 'audit'));
    try {
      wrap('auditlog lezen', () => lezer.exec('BEGIN'));
      const stand = naarStand(lezer.prepare<[], Standrij>(STAND_SQL).get()!);
      const alle = lezer.prepare<[], Sqliterij>('SELECT * FROM auditregels ORDER BY volgnummer');
      async function* regels(): AsyncGenerator<Auditregel> {
        for (const r of alle.iterate()) yield naarRegel(r);
      }
      return await verwerk(stand, regels());
    } finally {
      lezer.close();
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

}
