/**
 * The budgets checked by `npm run bench -- --check`. Each is a ratio to a limit leg measured in the same run on the
 * same machine (docs/benchmarks.md), so it holds on a faster or slower machine alike; the absolute figures are
 * printed beside them but gate nothing.
 */
export interface Budget {
  grens: number;
  /** 'min': the value must be at least the limit; 'max': at most. */
  soort: 'min' | 'max';
}

export const BUDGETTEN = {
  /** Sync through the HTTP API, in % of inserting the same rows into a fresh SQLite file. */
  syncAandeel: { grens: 50, soort: 'min' },
  /** Cold start to the first answer, as a multiple of reading and parsing the mirror. */
  koudeStartFactor: { grens: 4, soort: 'max' },
  /** Search throughput at 16 clients, in % of a bare node:http server sending the same bytes. */
  httpDoorvoerAandeel: { grens: 60, soort: 'min' },
  /** p99 at 16 clients, as a multiple of that bare server's p99. */
  httpP99Factor: { grens: 2, soort: 'max' },
  /** Search throughput with the audit write (every look recorded, durable before the answer), in % of the same run without it. */
  auditDoorvoerAandeel: { grens: 50, soort: 'min' },
  /** The embedded engine against a plain scan over arrays computing the same filters and facets. */
  snellerDanScan: { grens: 20, soort: 'min' },
  snellerDanOrama: { grens: 10, soort: 'min' },
  /** Building the k-anonymity class tree of the whole mirror, as a multiple of reading and parsing that mirror. */
  klassenboomFactor: { grens: 1, soort: 'max' },
  /** A search as employers see it (k-anonymous view), as a multiple of the same search on exact values. */
  werkgeversweergaveFactor: { grens: 1.5, soort: 'max' },
  /** `--opslag postgres`: sync of the same export on PostgreSQL, in % of the SQLite rate measured in the same run. */
  postgresSyncAandeel: { grens: 50, soort: 'min' },
  /**
   * `--opslag postgres`: p99 from a write's answer on one instance to another instance answering a read of it, at
   * 1,000 changed profiles a second. The one budget that is no ratio: it is a promise of freshness to users, and the
   * work it times (one round trip and one small change set) is far below it on any machine of this kind.
   */
  wijzigingslogP99Ms: { grens: 250, soort: 'max' },
} as const satisfies Record<string, Budget>;

export type Budgetnaam = keyof typeof BUDGETTEN;

export type Uitkomst = 'gehaald' | 'NIET GEHAALD' | 'niet gemeten';

export function beoordeel(budget: Budget, waarde: number | null): Uitkomst {
  if (waarde === null || Number.isNaN(waarde)) return 'niet gemeten';
  return (budget.soort === 'min' ? waarde >= budget.grens : waarde <= budget.grens) ? 'gehaald' : 'NIET GEHAALD';
}
