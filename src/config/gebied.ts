import type { GemeenteInfo, RegioConfig } from './search-config';

// Base sensitivity: case and accents do not matter, as people type region and gemeente names.
const NAAM = new Intl.Collator('nl', { sensitivity: 'base' });

export const REGIO_MELDING = 'onbekende arbeidsmarktregio (nummer of naam)';
export const GEMEENTE_MELDING = 'onbekende gemeente (naam of CBS-code)';

/** A region by its number ('25') or its name ('rijk van nijmegen'); undefined when there is none. */
export function vindRegio(regios: readonly RegioConfig[], tekst: string): RegioConfig | undefined {
  const t = tekst.trim();
  if (/^\d+$/.test(t)) return regios.find((r) => r.nummer === Number(t));
  return regios.find((r) => NAAM.compare(r.naam, t) === 0);
}

/** A gemeente by its CBS code ('GM0268', any case) or its name ('’s-Hertogenbosch' also as "'s-hertogenbosch"). */
export function vindGemeente(gemeenten: ReadonlyMap<string, GemeenteInfo>, tekst: string): GemeenteInfo | undefined {
  const t = tekst.trim().replace(/'/g, '’');
  const opCode = gemeenten.get(t.toUpperCase());
  if (opCode) return opCode;
  for (const g of gemeenten.values()) if (NAAM.compare(g.naam, t) === 0) return g;
  return undefined;
}
