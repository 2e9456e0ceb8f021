import nunjucks from 'nunjucks';

/** Text that is already escaped, with nothing but <mark> and </mark> as markup: what the engines produce. */
const ALLEEN_TEKST_EN_MARK = /^(?:[^<>&]|&(?:amp|lt|gt|quot|#39);|<mark>|<\/mark>)*$/;
const ENTITEITEN: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A value as the template prints it: plain text is escaped there, a SafeString is markup we checked. */
export type Tekst = string | nunjucks.runtime.SafeString;

/**
 * A highlight from the engine, as markup the template may print unescaped, or null when it holds anything but
 * escaped text and <mark>/</mark>. The engines promise that shape; this check means a bug there cannot become
 * markup on a page.
 */
export function veiligeMarkering(html: string): nunjucks.runtime.SafeString | null {
  return ALLEEN_TEKST_EN_MARK.test(html) ? new nunjucks.runtime.SafeString(html) : null;
}

/** The plain text under a highlight: marks removed, entities decoded. */
export function zonderMarkering(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITEITEN[e]!);
}

/**
 * Per field, the highlighted values by their plain text, so a page can print `waarde` highlighted where the
 * engine matched it and plain where it did not.
 */
export function markeerder(highlights: Record<string, readonly string[]>): (veld: string, waarde: string) => Tekst {
  const perVeld = new Map<string, Map<string, nunjucks.runtime.SafeString>>();
  for (const [veld, waarden] of Object.entries(highlights)) {
    const m = new Map<string, nunjucks.runtime.SafeString>();
    for (const html of waarden) {
      const veilig = veiligeMarkering(html);
      if (veilig) m.set(zonderMarkering(html), veilig);
    }
    perVeld.set(veld, m);
  }
  return (veld, waarde) => perVeld.get(veld)?.get(waarde) ?? waarde;
}
