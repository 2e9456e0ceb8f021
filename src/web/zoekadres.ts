import type { KandidatenQuery } from '../zoeken/zoekparameters';

export type Zoekstaat = KandidatenQuery;
type Sleutel = keyof Zoekstaat;

/**
 * Page URLs from a validated query, with exactly the API's parameter names: parameters in the schema's order and
 * defaults left out, so one search has one URL (shareable, and the back button restores it).
 */
export class Zoekadressen {
  constructor(private readonly sleutels: readonly Sleutel[], private readonly standaard: Zoekstaat) {}

  url(staat: Zoekstaat, pad = '/'): string {
    const params = new URLSearchParams();
    for (const k of this.sleutels) {
      const v = staat[k];
      if (v === undefined || v === '' || v === this.standaard[k]) continue;
      for (const w of Array.isArray(v) ? v : [v]) params.append(k, String(w));
    }
    const tekst = params.toString();
    return tekst ? `${pad}?${tekst}` : pad;
  }

  /** Without one parameter; any change of the question starts again at page 1. */
  zonder(staat: Zoekstaat, param: Sleutel): string {
    return this.url({ ...staat, [param]: undefined, page: 1 });
  }

  /** Without the value at `index` of a repeatable parameter. */
  zonderWaarde(staat: Zoekstaat, param: Sleutel, index: number): string {
    const waarden = staat[param];
    if (!Array.isArray(waarden)) return this.zonder(staat, param);
    const rest = waarden.filter((_, i) => i !== index);
    return this.url({ ...staat, [param]: rest.length > 0 ? rest : undefined, page: 1 });
  }

  pagina(staat: Zoekstaat, page: number): string {
    return this.url({ ...staat, page });
  }

  /** Every filter dropped; the search words, sort and page size stay. */
  zonderFilters(staat: Zoekstaat): string {
    return this.url({ ...this.standaard, q: staat.q, sort: staat.sort, hitsPerPage: staat.hitsPerPage });
  }
}
