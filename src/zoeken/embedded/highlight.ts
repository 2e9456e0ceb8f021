import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';
import type { EngineSchema } from './engine-schema';
import { textValues } from './profile-fields';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Per searchable field, the values in which a word matched (the word itself or its stem is one of `termen`), with
 * those words wrapped in <mark>…</mark> and everything else HTML-escaped. Fields and values without a match are
 * left out.
 */
export function highlight(profiel: Kandidaatprofiel, schema: EngineSchema, termen: ReadonlySet<string>): Record<string, string[]> {
  const uit: Record<string, string[]> = {};
  const { analyzer } = schema;
  for (const veld of schema.velden) {
    const gemarkeerd: string[] = [];
    for (const waarde of textValues(profiel, veld.pad)) {
      // The value's indexed terms are cached: most values match no query term and need no tokenising at all.
      if (!analyzer.terms(waarde).some((t) => termen.has(t))) continue;
      let tekst = '';
      let vanaf = 0;
      for (const { term, start, end } of analyzer.tokens(waarde)) {
        if (!termen.has(term) && !termen.has(analyzer.stem(term))) continue;
        tekst += `${escapeHtml(waarde.slice(vanaf, start))}<mark>${escapeHtml(waarde.slice(start, end))}</mark>`;
        vanaf = end;
      }
      if (vanaf > 0) gemarkeerd.push(tekst + escapeHtml(waarde.slice(vanaf)));
    }
    if (gemarkeerd.length > 0) uit[veld.naam] = gemarkeerd;
  }
  return uit;
}
