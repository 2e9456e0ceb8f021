/** The budgets of this service on the reference machine (2 cores, 24 GB), checked by `npm run bench -- --check`. */
export interface Budget {
  grens: number;
  /** 'min': the value must be at least the limit; 'max': at most. */
  soort: 'min' | 'max';
}

export const BUDGETTEN = {
  syncProfielenPerS: { grens: 5000, soort: 'min' },
  koudeStartS: { grens: 10, soort: 'max' },
  rssMb: { grens: 1024, soort: 'max' },
  engineP95Ms: { grens: 10, soort: 'max' },
  http16ReqPerS: { grens: 1000, soort: 'min' },
  http16P99Ms: { grens: 50, soort: 'max' },
  transparantieMs: { grens: 50, soort: 'max' },
  snellerDanOrama: { grens: 10, soort: 'min' },
} as const satisfies Record<string, Budget>;

export type Budgetnaam = keyof typeof BUDGETTEN;

export type Uitkomst = 'gehaald' | 'NIET GEHAALD' | 'niet gemeten';

export function beoordeel(budget: Budget, waarde: number | null): Uitkomst {
  if (waarde === null || Number.isNaN(waarde)) return 'niet gemeten';
  return (budget.soort === 'min' ? waarde >= budget.grens : waarde <= budget.grens) ? 'gehaald' : 'NIET GEHAALD';
}
