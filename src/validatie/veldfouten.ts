import { z } from 'zod';

// Dutch messages for every schema in the service; zod's messages name types and limits, never input values.
z.config(z.locales.nl());

export interface Veldfout { pad: string; melding: string }

export interface Veldfoutopties {
  /** What an empty path stands for: '(record)' for a Sonar record, '(query)' for query parameters. */
  wortel?: string;
  /**
   * Name unknown keys. Only for keys the caller chose from our API (query parameters): in Sonar records a key can
   * itself be personal data (a name used as a key passes any "looks like a field" test), so there they are counted.
   */
  noemOnbekendeSleutels?: boolean;
}

function padTekst(pad: readonly PropertyKey[], wortel: string): string {
  return pad.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || wortel;
}

/** Turns zod issues into field paths with messages that never repeat what was sent. */
export function naarVeldfouten(issues: readonly z.core.$ZodIssue[], opties: Veldfoutopties = {}): Veldfout[] {
  const wortel = opties.wortel ?? '(record)';
  return issues.flatMap((issue): Veldfout[] => {
    if (issue.code !== 'unrecognized_keys') return [{ pad: padTekst(issue.path, wortel), melding: issue.message }];
    if (opties.noemOnbekendeSleutels) return issue.keys.map((k) => ({ pad: padTekst([...issue.path, k], wortel), melding: 'onbekende parameter' }));
    return [{ pad: padTekst(issue.path, wortel), melding: `${issue.keys.length} onbekend(e) veld(en); namen worden niet herhaald, zie het Sonar-contract` }];
  });
}
