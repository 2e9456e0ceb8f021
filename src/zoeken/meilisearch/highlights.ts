import { PROFIEL_VELD } from './velden';

/**
 * Private-use characters as highlight tags: Meilisearch inserts tags without escaping the text around them, so
 * we ask for markers that cannot be confused with HTML, escape the whole value, then turn the markers into <mark>.
 */
export const MARKEER_BEGIN = '\uE000';
export const MARKEER_EIND = '\uE001';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function naarHtml(waarde: string): string {
  return waarde
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replaceAll(MARKEER_BEGIN, '<mark>')
    .replaceAll(MARKEER_EIND, '</mark>');
}

/** Every string at a dotted path, walking through arrays (`werkervaring.beroep` yields each beroep). */
function waardenOpPad(bron: unknown, pad: readonly string[]): string[] {
  if (Array.isArray(bron)) return bron.flatMap((b) => waardenOpPad(b, pad));
  if (pad.length === 0) return typeof bron === 'string' ? [bron] : [];
  if (bron === null || typeof bron !== 'object') return [];
  return waardenOpPad((bron as Record<string, unknown>)[pad[0]!], pad.slice(1));
}

/**
 * Highlights from a hit's `_formatted`: per searchable field (by its config name) the values that contain a
 * match, HTML-escaped with the matches in <mark>…</mark>. Fields without a match are left out.
 */
export function highlights(formatted: unknown, velden: readonly string[]): Record<string, string[]> {
  const profiel = formatted !== null && typeof formatted === 'object' ? (formatted as Record<string, unknown>)[PROFIEL_VELD] : undefined;
  const uit: Record<string, string[]> = {};
  for (const veld of velden) {
    const treffers = waardenOpPad(profiel, veld.split('.')).filter((w) => w.includes(MARKEER_BEGIN)).map(naarHtml);
    if (treffers.length > 0) uit[veld] = treffers;
  }
  return uit;
}
