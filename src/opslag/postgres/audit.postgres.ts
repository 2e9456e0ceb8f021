import type pg from 'pg';
import type { Auditfilter, Auditpagina, Auditregel, NieuweAuditregel } from '../../audit/auditregel';
import { keten, naarAuditregel, naarPagina, naarStand, STAND_SQL, type Auditrij, type Standrij } from '../auditrij';
import type { AuditOpslag, Auditstand } from '../opslag.port';
import { inTransactie, SLOT, vraag } from './verbinding';

// Rows fetched per round trip while the whole chain is read.
const LEESDEEL = 2000;
const KOLOMMEN = `volgnummer::float8 AS volgnummer, to_char(tijd AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS tijd, sleutel_id, rol, actie,
  pseudoniemen, aantal::float8 AS aantal, details, vorige_hash, hash`;

/**
 * The audit trail in PostgreSQL, one chain for every instance: an append holds a transaction-scoped advisory lock
 * (as the mirror's writes do) from reading the last hash to its commit, so appends from all instances chain one
 * after the other. The time is the database's, taken under the lock, so it grows with the volgnummer.
 */
export class PostgresAudit implements AuditOpslag {
  constructor(private readonly pool: pg.Pool) {}

  voegToe(nieuw: readonly NieuweAuditregel[]): Promise<Auditregel[]> {
    return inTransactie(this.pool, 'auditregels vastleggen', 'BEGIN', async (c) => {
      await vraag(c, 'auditslot', 'SELECT pg_advisory_xact_lock($1)', [SLOT.audit]);
      const [s] = await vraag<Standrij & { nu: string }>(c, 'auditstand lezen',
        `SELECT laatste, laatste_hash, anker, anker_hash, to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS nu FROM audit_stand WHERE id = 1`);
      const regels = keten(nieuw, { volgnummer: Number(s!.laatste), hash: s!.laatste_hash }, s!.nu);
      const laatste = regels.at(-1);
      if (!laatste) return [];
      await vraag(c, 'auditregels vastleggen', `INSERT INTO auditregels (volgnummer, tijd, sleutel_id, rol, actie, pseudoniemen, aantal, details, vorige_hash, hash)
        SELECT v, t::timestamptz, s, r, a, ARRAY(SELECT jsonb_array_elements_text(p::jsonb)), n, d, vh, h
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[]) AS x(v, t, s, r, a, p, n, d, vh, h)`, [
        regels.map((r) => r.volgnummer), regels.map((r) => r.tijd), regels.map((r) => r.sleutelId), regels.map((r) => r.rol), regels.map((r) => r.actie),
        regels.map((r) => JSON.stringify(r.pseudoniemen)), regels.map((r) => r.aantal), regels.map((r) => r.detailsTekst), regels.map((r) => r.vorigeHash), regels.map((r) => r.hash),
      ]);
      await vraag(c, 'auditstand bijwerken', 'UPDATE audit_stand SET laatste = $1, laatste_hash = $2 WHERE id = 1', [laatste.volgnummer, laatste.hash]);
      return regels.map(({ detailsTekst: _, ...r }) => r);
    });
  }

  async lijst(f: Auditfilter): Promise<Auditpagina> {
    const waar: string[] = [];
    const params: unknown[] = [];
    const voeg = (sql: (n: string) => string, waarde: unknown) => { params.push(waarde); waar.push(sql(`$${params.length}`)); };
    if (f.van !== undefined) voeg((n) => `tijd >= ${n}::timestamptz`, f.van);
    if (f.tot !== undefined) voeg((n) => `tijd < ${n}::timestamptz`, f.tot);
    if (f.sleutelId !== undefined) voeg((n) => `sleutel_id = ${n}`, f.sleutelId);
    if (f.rol !== undefined) voeg((n) => `rol = ${n}`, f.rol);
    if (f.actie !== undefined) voeg((n) => `actie = ${n}`, f.actie);
    if (f.pseudoniem !== undefined) voeg((n) => `pseudoniemen @> ARRAY[${n}::text]`, f.pseudoniem);
    if (f.voor !== undefined) voeg((n) => `volgnummer < ${n}`, f.voor);
    params.push(f.limiet + 1);
    const rijen = await vraag<Auditrij>(this.pool, 'auditlog lezen', `SELECT ${KOLOMMEN} FROM auditregels
      ${waar.length > 0 ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY volgnummer DESC LIMIT $${params.length}`, params);
    return naarPagina(rijen, f.limiet, naarAuditregel);
  }

  async stand(): Promise<Auditstand> {
    const [s] = await vraag<Standrij>(this.pool, 'auditstand lezen', STAND_SQL);
    return naarStand(s!);
  }

  /** One repeatable-read transaction: the stand and the records agree, whatever is appended meanwhile. */
  keten<T>(verwerk: (stand: Auditstand, regels: AsyncIterable<Auditregel>) => Promise<T>): Promise<T> {
    return inTransactie(this.pool, 'auditlog lezen', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (c) => {
      const [s] = await vraag<Standrij>(c, 'auditstand lezen', STAND_SQL);
      async function* regels(): AsyncGenerator<Auditregel> {
        let na = -1;
        for (;;) {
          const deel = await vraag<Auditrij>(c, 'auditlog lezen', `SELECT ${KOLOMMEN} FROM auditregels WHERE volgnummer > $1 ORDER BY volgnummer LIMIT $2`, [na, LEESDEEL]);
          for (const r of deel) yield naarAuditregel(r);
          if (deel.length < LEESDEEL) return;
          na = deel.at(-1)!.volgnummer;
        }
      }
      return verwerk(naarStand(s!), regels());
    });
  }

  verwijderOuderDan(grens: Date): Promise<number> {
    return inTransactie(this.pool, 'auditlog opschonen', 'BEGIN', async (c) => {
      // Under the append lock: no record can join the chain while its start is cut off.
      await vraag(c, 'auditslot', 'SELECT pg_advisory_xact_lock($1)', [SLOT.audit]);
      const tot = grens.toISOString();
      const [laatsteWeg] = await vraag<{ volgnummer: string; hash: string }>(c, 'auditlog opschonen', `SELECT volgnummer, hash FROM auditregels
        WHERE tijd < $1::timestamptz AND volgnummer < coalesce((SELECT min(volgnummer) FROM auditregels WHERE tijd >= $1::timestamptz), 9223372036854775807)
        ORDER BY volgnummer DESC LIMIT 1`, [tot]);
      if (!laatsteWeg) return 0;
      // Read by the delete trigger: only records older than this may go, and only in this transaction.
      await vraag(c, 'auditlog opschonen', "SELECT set_config('kv.audit_opschonen_tot', $1, true)", [tot]);
      const weg = await vraag<{ volgnummer: string }>(c, 'auditlog opschonen', 'DELETE FROM auditregels WHERE volgnummer <= $1 RETURNING volgnummer', [laatsteWeg.volgnummer]);
      await vraag(c, 'auditlog opschonen', 'UPDATE audit_stand SET anker = $1, anker_hash = $2 WHERE id = 1', [laatsteWeg.volgnummer, laatsteWeg.hash]);
      return weg.length;
    });
  }
}
