import type { Kandidaatprofiel } from '../../anonimisering/kandidaatprofiel';

/** The values at a dotted path such as `werkervaring.beroep`, walking arrays. */
function waardenOp(profiel: Kandidaatprofiel, pad: readonly string[]): unknown[] {
  let huidig: unknown[] = [profiel];
  for (const stap of pad) {
    const volgende: unknown[] = [];
    for (const w of huidig) {
      const v = (w as Record<string, unknown>)[stap];
      if (Array.isArray(v)) volgende.push(...v);
      else if (v !== null && v !== undefined) volgende.push(v);
    }
    huidig = volgende;
  }
  return huidig;
}

/** The non-empty strings at a searchable field's path. */
export function textValues(profiel: Kandidaatprofiel, pad: readonly string[]): string[] {
  return waardenOp(profiel, pad).filter((v): v is string => typeof v === 'string' && v !== '');
}

/**
 * The facet values at a path as strings: numbers as written (`regio` 25 is '25'), booleans as 'ja'/'nee'.
 * An empty result means the part is unknown.
 */
export function facetValues(profiel: Kandidaatprofiel, pad: readonly string[]): string[] {
  const uit: string[] = [];
  for (const v of waardenOp(profiel, pad)) {
    if (typeof v === 'boolean') uit.push(v ? 'ja' : 'nee');
    else if (typeof v === 'number') uit.push(String(v));
    else if (typeof v === 'string' && v !== '') uit.push(v);
  }
  return uit;
}
