import path from 'node:path';
import nunjucks from 'nunjucks';

const GETAL = new Intl.NumberFormat('nl-NL');
/** A number as Dutch readers write it: 3.955, 1.417. */
export const getal = (n: number): string => GETAL.format(n);
/** A text as a sentence or heading starts: 'tweede kwartaal 2020' → 'Tweede kwartaal 2020'. */
export const hoofdletter = (tekst: string): string => tekst.charAt(0).toUpperCase() + tekst.slice(1);
const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

const TEMPLATE_MAP = path.join(__dirname, 'templates');

/** Renders the page templates; everything printed is HTML-escaped unless it is a SafeString (see markering.ts). */
export interface Weergave {
  render(template: string, context: object): string;
}

/**
 * Nunjucks with autoescape on. Compiled templates are cached for the life of the process, so only the first
 * render of a template reads and compiles it.
 */
export function createWeergave(): Weergave {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(TEMPLATE_MAP, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('getal', getal);
  env.addFilter('datum', (iso: string) => DATUM.format(new Date(iso)));
  return { render: (template, context) => env.render(template, context) };
}
