import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Auditfilter, Auditpagina, Auditregel, NieuweAuditregel } from '../../audit/auditregel';
import { keten, naarAuditregel, type Auditrij } from '../auditrij';
import type { Schrijfantwoord, Schrijfopdracht } from './audit-werker';
import { OpslagFout } from '../opslag-fout';
import type { AuditOpslag, Auditstand } from '../opslag.port';
import { openDatabase } from './sqlite';

type Sqliterij = Omit<Auditrij, 'pseudoniemen'> & { pseudoniemen: string };
interface Standrij { laatste: number; laatste_hash: string; anker: number; anker_hash: string }

const naarStand = (s: Standrij): Auditstand => ({ laatste: { volgnummer: s.laatste, hash: s.laatste_hash }, anker: { volgnummer: s.anker, hash: s.anker_hash } });
const naarRegel = (r: Sqliterij) => naarAuditregel({ ...r, pseudoniemen: JSON.parse(r.pseudoniemen) as string[] });

/**
 * The writing side of the audit file, on a connection of its own with synchronous=FULL. Runs in the audit thread
 * (see SqliteAudit), so the fsync of each commit never holds up the event loop that answers requests.
 */
export class AuditSchrijfkant {
  private readonly toevoegen: Database.Transaction<(regels: readonly NieuweAuditregel[]) => Auditregel[]>;

  constructor(private readonly db: Database.Database) {
    const stand = db.prepare<[], Standrij>('SELECT laatste, laatste_hash, anker, anker_hash FROM audit_stand WHERE id = 1');
    const regel = db.prepare(`INSERT INTO auditregels (volgnummer, tijd, sleutel_id, rol, actie, pseudoniemen, aantal, details, vorige_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const pseudoniem = db.prepare('INSERT OR IGNORE INTO audit_pseudoniemen (pseudoniem, volgnummer) VALUES (?, ?)');
    const nieuweStand = db.prepare('UPDATE audit_stand SET laatste = ?, laatste_hash = ? WHERE id = 1');
    this.toevoegen = db.transaction((nieuw: readonly NieuweAuditregel[]) => {
      const s = stand.get()!;
      const regels = keten(nieuw, { volgnummer: s.laatste, hash: s.laatste_hash }, new Date().toISOString());
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
  voegToe(regels: readonly NieuweAuditregel[]): Auditregel[] {
    return this.toevoegen.immediate(regels);
  }

  verwijderOuderDan(tot: string): number {
    const { db } = this;
    return db.transaction(() => {
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
    }).immediate();
  }
}

// The thread runs TypeScript through tsx, as the search threads do, also when the main thread runs under jest.
const OPSTART = "require('tsx/cjs/api').register(); require(require('node:worker_threads').workerData.bestand);";
const WERKER = path.join(__dirname, 'audit-werker.ts');

type Opdracht = Schrijfopdracht extends infer O ? (O extends Schrijfopdracht ? Omit<O, 'nr'> : never) : never;

/**
 * The audit trail in its own SQLite file in DATA_DIR (WAL, synchronous=FULL: a record whose append returned
 * survives kill -9 and power loss). Its own file: it has its own retention and must not be rebuilt with the mirror.
 * Appends and retention run in a thread of their own (AuditSchrijfkant), one at a time; reads run here, on the
 * connection that brought the schema up to date, and see what the thread committed.
 */
export class SqliteAudit implements AuditOpslag {
  private readonly db: Database.Database;
  private werker: Worker | null = null;
  private volgend = 0;
  private readonly open = new Map<number, { resolve: (w: unknown) => void; reject: (e: Error) => void }>();
  private readonly onderweg = new Set<Promise<unknown>>();

  constructor(private readonly dataDir: string) {
    this.db = openDatabase(dataDir, 'audit', 'het auditlog');
  }

  private stuur(opdracht: Opdracht, actie: string): Promise<unknown> {
    if (!this.werker) {
      const werker = new Worker(OPSTART, { eval: true, workerData: { bestand: WERKER, pad: path.join(this.dataDir, 'audit.sqlite') } });
      werker.on('message', (a: Schrijfantwoord) => {
        const wacht = this.open.get(a.nr);
        this.open.delete(a.nr);
        if (a.ok) wacht?.resolve(a.waarde);
        else wacht?.reject(new Error(a.fout));
      });
      // A thread that died takes its unanswered writes with it: they fail (503), the next write starts a new one.
      const weg = () => {
        if (this.werker !== werker) return;
        this.werker = null;
        for (const w of this.open.values()) w.reject(new Error('auditthread gestopt'));
        this.open.clear();
      };
      werker.on('error', weg);
      werker.on('exit', weg);
      this.werker = werker;
    }
    const nr = this.volgend++;
    const werker = this.werker;
    const antwoord = new Promise<unknown>((resolve, reject) => {
      this.open.set(nr, { resolve, reject });
      werker.postMessage({ ...opdracht, nr });
    });
    this.onderweg.add(antwoord);
    const klaar = () => { this.onderweg.delete(antwoord); };
    antwoord.then(klaar, klaar);
    return antwoord.catch((err: unknown) => {
      throw new OpslagFout(`opslag mislukt: ${actie}`, { cause: err });
    });
  }

  async voegToe(regels: readonly NieuweAuditregel[]): Promise<Auditregel[]> {
    return (await this.stuur({ soort: 'voegToe', regels }, 'auditregels vastleggen')) as Auditregel[];
  }

  async verwijderOuderDan(grens: Date): Promise<number> {
    return (await this.stuur({ soort: 'verwijderOuderDan', tot: grens.toISOString() }, 'auditlog opschonen')) as number;
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
    try {
      const rijen = this.db.prepare<unknown[], Sqliterij>(`SELECT r.* FROM ${van} ${waar.length > 0 ? `WHERE ${waar.join(' AND ')}` : ''}
        ORDER BY r.volgnummer DESC LIMIT ?`).all(...params, f.limiet + 1);
      const regels = rijen.slice(0, f.limiet).map(naarRegel);
      return { regels, volgende: rijen.length > f.limiet ? regels.at(-1)!.volgnummer : null };
    } catch (err) {
      throw new OpslagFout('opslag mislukt: auditlog lezen', { cause: err });
    }
  }

  async stand(): Promise<Auditstand> {
    try {
      return naarStand(this.db.prepare<[], Standrij>('SELECT laatste, laatste_hash, anker, anker_hash FROM audit_stand WHERE id = 1').get()!);
    } catch (err) {
      throw new OpslagFout('opslag mislukt: auditlog lezen', { cause: err });
    }
  }

  /** On a connection of its own, in one read transaction: appends meanwhile neither interfere nor show. */
  async keten<T>(verwerk: (stand: Auditstand, regels: AsyncIterable<Auditregel>) => Promise<T>): Promise<T> {
    let lezer: Database.Database;
    try {
      lezer = new Database(path.join(this.dataDir, 'audit.sqlite'), { readonly: true });
      lezer.pragma('busy_timeout = 5000');
      lezer.exec('BEGIN');
    } catch (err) {
      throw new OpslagFout('opslag mislukt: auditlog lezen', { cause: err });
    }
    try {
      const stand = naarStand(lezer.prepare<[], Standrij>('SELECT laatste, laatste_hash, anker, anker_hash FROM audit_stand WHERE id = 1').get()!);
      const alle = lezer.prepare<[], Sqliterij>('SELECT * FROM auditregels ORDER BY volgnummer');
      async function* regels(): AsyncGenerator<Auditregel> {
        for (const r of alle.iterate()) yield naarRegel(r);
      }
      return await verwerk(stand, regels());
    } finally {
      lezer.close();
    }
  }

  /** Waits for the writes under way, then stops the thread and closes the file. */
  async close(): Promise<void> {
    if (this.werker) {
      await Promise.allSettled([...this.onderweg]);
      await this.stuur({ soort: 'sluit' }, 'auditlog sluiten').catch(() => undefined);
      await this.werker?.terminate();
      this.werker = null;
    }
    this.db.close();
  }
}
