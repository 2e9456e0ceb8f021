import path from 'node:path';
import Database from 'better-sqlite3';
import type { Auditfilter, Auditpagina, Auditregel, NieuweAuditregel } from '../../audit/auditregel';
import { keten, naarAuditregel, type Auditrij } from '../auditrij';
import { OpslagFout } from '../opslag-fout';
import type { AuditOpslag, Auditstand } from '../opslag.port';
import { openDatabase } from './sqlite';

type Sqliterij = Omit<Auditrij, 'pseudoniemen'> & { pseudoniemen: string };
interface Standrij { laatste: number; laatste_hash: string; anker: number; anker_hash: string }

const naarStand = (s: Standrij): Auditstand => ({ laatste: { volgnummer: s.laatste, hash: s.laatste_hash }, anker: { volgnummer: s.anker, hash: s.anker_hash } });
const naarRegel = (r: Sqliterij) => naarAuditregel({ ...r, pseudoniemen: JSON.parse(r.pseudoniemen) as string[] });

/**
 * The audit trail in its own SQLite file in DATA_DIR (WAL, synchronous=FULL: a record whose append returned
 * survives kill -9 and power loss). Its own file: it has its own retention and must not be rebuilt with the mirror.
 */
export class SqliteAudit implements AuditOpslag {
  private readonly db: Database.Database;
  private readonly toevoegen: Database.Transaction<(regels: readonly NieuweAuditregel[]) => Auditregel[]>;

  constructor(private readonly dataDir: string) {
    this.db = openDatabase(dataDir, 'audit', 'het auditlog');
    const stand = this.db.prepare<[], Standrij>('SELECT laatste, laatste_hash, anker, anker_hash FROM audit_stand WHERE id = 1');
    const regel = this.db.prepare(`INSERT INTO auditregels (volgnummer, tijd, sleutel_id, rol, actie, pseudoniemen, aantal, details, vorige_hash, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const pseudoniem = this.db.prepare('INSERT OR IGNORE INTO audit_pseudoniemen (pseudoniem, volgnummer) VALUES (?, ?)');
    const nieuweStand = this.db.prepare('UPDATE audit_stand SET laatste = ?, laatste_hash = ? WHERE id = 1');
    this.toevoegen = this.db.transaction((nieuw: readonly NieuweAuditregel[]) => {
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

  async voegToe(regels: readonly NieuweAuditregel[]): Promise<Auditregel[]> {
    try {
      return this.toevoegen.immediate(regels);
    } catch (err) {
      throw new OpslagFout('opslag mislukt: auditregels vastleggen', { cause: err });
    }
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

  async verwijderOuderDan(grens: Date): Promise<number> {
    const tot = grens.toISOString();
    try {
      return this.db.transaction(() => {
        // Only the prefix before the first younger record: the chain stays whole from the new anchor on.
        const eerstJong = this.db.prepare<[string], { v: number | null }>('SELECT min(volgnummer) AS v FROM auditregels WHERE tijd >= ?').get(tot)!.v;
        const bovengrens = eerstJong ?? Number.MAX_SAFE_INTEGER;
        const laatsteWeg = this.db.prepare<[string, number], Sqliterij>('SELECT * FROM auditregels WHERE tijd < ? AND volgnummer < ? ORDER BY volgnummer DESC LIMIT 1').get(tot, bovengrens);
        if (!laatsteWeg) return 0;
        this.db.prepare('INSERT INTO audit_opschoning (tot) VALUES (?)').run(tot);
        this.db.prepare('DELETE FROM audit_pseudoniemen WHERE volgnummer <= ?').run(laatsteWeg.volgnummer);
        const { changes } = this.db.prepare('DELETE FROM auditregels WHERE volgnummer <= ?').run(laatsteWeg.volgnummer);
        this.db.prepare('DELETE FROM audit_opschoning').run();
        this.db.prepare('UPDATE audit_stand SET anker = ?, anker_hash = ? WHERE id = 1').run(laatsteWeg.volgnummer, laatsteWeg.hash);
        return changes;
      }).immediate();
    } catch (err) {
      throw new OpslagFout('opslag mislukt: auditlog opschonen', { cause: err });
    }
  }

  close(): void {
    this.db.close();
  }
}
