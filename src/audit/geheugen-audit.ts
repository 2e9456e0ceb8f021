import type { AuditVastlegging, NieuweAuditregel } from './auditregel';

/**
 * Audit records kept in memory, on the wsp branch only until the durable AuditService replaces it at merge. Not
 * durable: it must not be what production runs. `faalt` makes the next writes fail (tests of the 503 path).
 */
export class GeheugenAudit implements AuditVastlegging {
  readonly regels: (NieuweAuditregel & { tijd: string })[] = [];
  faalt = false;

  async vastleggen(regel: NieuweAuditregel): Promise<void> {
    if (this.faalt) throw new Error('auditlog niet beschikbaar');
    this.regels.push({ ...regel, tijd: new Date().toISOString() });
  }
}
