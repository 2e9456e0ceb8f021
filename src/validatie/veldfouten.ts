import { z } from 'zod';

// Dutch messages for every schema in the service; zod's messages name types and limits, never input values.
z.config(z.locales.nl());

export interface Veldfout { pad: string; melding: string }

function padTekst(pad: readonly PropertyKey[]): string {
  return pad.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(record)';
}

/**
 * Turns zod issues into field paths with messages that never repeat what was sent. Unknown keys are counted, not
 * named: a key can itself be personal data (a name used as a key passes any "looks like a field" test).
 */
export function naarVeldfouten(issues: readonly z.core.$ZodIssue[]): Veldfout[] {
  return issues.map((issue): Veldfout => issue.code === 'unrecognized_keys'
    ? { pad: padTekst(issue.path), melding: `${issue.keys.length} onbekend(e) veld(en); namen worden niet herhaald, zie het Sonar-contract` }
    : { pad: padTekst(issue.path), melding: issue.message });
}
