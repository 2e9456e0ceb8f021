import type { Logger } from '../logging/logger';
import type { AuditOpslag } from '../opslag/opslag.port';
import type { AuditVastlegging } from './auditregel';

/** One kind of data with a retention term: removes what is older than `grens`, answers how many. */
export interface Opschoonbaar {
  naam: string;
  verwijder(grens: Date): Promise<number>;
  /** The term in months, counted back from now. */
  maanden: number;
}

export interface Opschoonuitkomst { onderdelen: Record<string, number>; totaal: number }

const DAG_MS = 24 * 60 * 60 * 1000;

/** `nu` minus whole calendar months (the 31st falls back to the month's last day). */
export function maandenTerug(nu: Date, maanden: number): Date {
  const d = new Date(nu);
  const dag = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - maanden);
  const laatste = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dag, laatste));
  return d;
}

/** The audit trail as a part: its anchor after the removal goes into the retention's own record. */
export function auditlogOnderdeel(audit: AuditOpslag, maanden: number): Opschoonbaar {
  return { naam: 'auditlog', maanden, verwijder: (grens) => audit.verwijderOuderDan(grens) };
}

/**
 * Retention: each part removes what is past its term, and one audit record `opschonen` says how many per part and
 * the audit chain's new anchor. Parts are plugged in; nothing else is touched. Runs daily in the service (a timer
 * that does not keep the process alive) and as `npm run opschonen`.
 */
export class Opschoning {
  private timer: NodeJS.Timeout | null = null;
  private eerste: NodeJS.Timeout | null = null;
  private lopend: Promise<unknown> | null = null;

  constructor(private readonly deps: { onderdelen: readonly Opschoonbaar[]; audit: AuditOpslag; vastlegging: AuditVastlegging; logger: Logger; nu?: () => Date }) {}

  async voerUit(): Promise<Opschoonuitkomst> {
    const nu = this.deps.nu?.() ?? new Date();
    const onderdelen: Record<string, number> = {};
    const grenzen: Record<string, string> = {};
    for (const o of this.deps.onderdelen) {
      const grens = maandenTerug(nu, o.maanden);
      grenzen[o.naam] = grens.toISOString();
      onderdelen[o.naam] = await o.verwijder(grens);
    }
    const totaal = Object.values(onderdelen).reduce((a, b) => a + b, 0);
    const { anker } = await this.deps.audit.stand();
    await this.deps.vastlegging.vastleggen({
      sleutelId: null, rol: 'systeem', actie: 'opschonen', pseudoniemen: [], aantal: totaal,
      details: { onderdelen, grenzen, anker: { volgnummer: anker.volgnummer, hash: anker.hash } },
    });
    this.deps.logger.info({ onderdelen, totaal }, 'bewaartermijnen: opgeschoond');
    return { onderdelen, totaal };
  }

  /**
   * First after `eersteNaMs` (not at start-up itself: a restart loop must not write a record each time), then
   * every day; a failure is logged and tried again the next day. The timers never keep the process alive.
   */
  start(eersteNaMs = 60_000, intervalMs = DAG_MS): void {
    const ronde = () => {
      if (this.lopend) return;
      this.lopend = this.voerUit()
        .catch((err: unknown) => this.deps.logger.error({ fout: (err as Error).name, melding: (err as Error).message }, 'bewaartermijnen: opschonen mislukt'))
        .finally(() => { this.lopend = null; });
    };
    this.eerste = setTimeout(ronde, eersteNaMs);
    this.eerste.unref();
    this.timer = setInterval(ronde, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.eerste) clearTimeout(this.eerste);
    if (this.timer) clearInterval(this.timer);
    this.eerste = null;
    this.timer = null;
    await this.lopend;
  }
}
