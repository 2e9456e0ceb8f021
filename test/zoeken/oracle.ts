/**
 * A brute-force reference for the search semantics, written apart from the embedded engine and as plainly as
 * possible: every query scans every profile. Matching: words are NFD-stripped, lowercased, split on anything
 * that is not a letter or digit, stop words dropped; a query word matches a document word (or that word's Dutch
 * stem) when it is equal, equals the query word's stem, is a configured synonym, starts with it (last query word
 * only), or is within the typo limit for the word's length (Levenshtein; another first letter costs one extra).
 */
import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../../src/config/search-config';
import { publiekeWaarden } from '../../src/zoeken/publieke-facetten';
import {
  FACETTEN, INTERNE_FACETTEN, type FacetNaam, type Facettelling, type InterneFacet, type Filtervraag, type Numeriekestats, type Sortering, type Zoekvraag,
} from '../../src/zoeken/search-engine.port';

const { newStemmer } = require('snowball-stemmers') as { newStemmer(taal: string): { stem(woord: string): string } };

export interface OracleResultaat {
  /** The hits of the requested page, in ranked order. */
  pagina: string[];
  totalHits: number;
  totalPages: number;
  facetDistribution: Partial<Record<FacetNaam, Record<string, number>>>;
  facetStats: { urenPerWeek?: Numeriekestats; reisafstandKm?: Numeriekestats };
  /** Highlights of the first `MAX_MARKERINGEN` hits of the page. */
  highlights: Record<string, Record<string, string[]>>;
}

/** Highlighting is the slowest part of the oracle; a page's first hits are enough to compare it. */
export const MAX_MARKERINGEN = 50;

function levenshtein(a: string, b: string): number {
  let vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rij = [i];
    for (let j = 1; j <= b.length; j++) {
      rij[j] = Math.min(vorige[j]! + 1, rij[j - 1]! + 1, vorige[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    vorige = rij;
  }
  return vorige[b.length]!;
}

const FACET_WAARDEN: Record<FacetNaam, (p: Kandidaatprofiel) => string[]> = {
  regio: (p) => [String(p.regio)],
  gemeente: (p) => [p.gemeenteCode],
  opleidingsniveau: (p) => (p.opleidingsniveau ? [p.opleidingsniveau] : []),
  sector: (p) => p.beroepssectoren,
  taaksoort: (p) => p.taaksoorten,
  competentie: (p) => p.competenties,
  vaardigheid: (p) => p.vaardigheden,
  affiniteit: (p) => p.affiniteiten,
  rijbewijs: (p) => p.rijbewijs,
  eigenVervoer: (p) => (p.eigenVervoer === null ? [] : [p.eigenVervoer ? 'ja' : 'nee']),
  transparantieklasse: (p) => [p.transparantieklasse],
  ...Object.fromEntries(INTERNE_FACETTEN.map((f) => [f, (p: Kandidaatprofiel) => publiekeWaarden(p, f)])) as Record<InterneFacet, (p: Kandidaatprofiel) => string[]>,
};

const VELD_WAARDEN: Record<string, (p: Kandidaatprofiel) => string[]> = {
  vaardigheden: (p) => p.vaardigheden,
  'werkervaring.beroep': (p) => p.werkervaring.map((w) => w.beroep),
  taaksoorten: (p) => p.taaksoorten,
  beroepssectoren: (p) => p.beroepssectoren,
  competenties: (p) => p.competenties,
  'opleidingen.richting': (p) => p.opleidingen.flatMap((o) => (o.richting === null ? [] : [o.richting])),
  affiniteiten: (p) => p.affiniteiten,
};

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => HTML[c]!);

type Uitval = null | FacetNaam | 'meer';

interface Treffers {
  kosten: (number | null)[];
  velden: Set<string>;
}

interface Doc {
  p: Kandidaatprofiel;
  /** Every word of the searchable fields and its stem, with the fields it occurs in. */
  termen: Map<string, Set<string>>;
  /** Per facet its values, or just `onbekend`. */
  facetten: Record<FacetNaam, string[]>;
  /** `bijgewerkt` as a number, newer is smaller. */
  dag: number;
}

export class Oracle {
  private readonly profielen = new Map<string, Doc>();
  private woordenschat: Set<string> | null = null;
  private readonly uitgebreid = new Map<string, Map<string, number>>();
  private readonly stemmer = newStemmer('dutch');
  private readonly stammen = new Map<string, string>();
  private readonly stop: Set<string>;
  private readonly synoniemen = new Map<string, Set<string>>();

  constructor(private readonly config: SearchConfig) {
    this.stop = new Set(config.zoeken.stopwoorden.map((w) => this.normaliseer(w)));
    for (const groep of config.zoeken.synoniemen) {
      const woorden = groep.map((w) => this.woorden(w)).filter((w) => w.length === 1).map((w) => w[0]!);
      for (const w of woorden) {
        const set = this.synoniemen.get(w) ?? new Set<string>();
        for (const ander of woorden) set.add(ander);
        this.synoniemen.set(w, set);
      }
    }
  }

  replaceAll(profielen: Iterable<Kandidaatprofiel>): void {
    this.profielen.clear();
    this.upsert([...profielen]);
  }

  upsert(profielen: readonly Kandidaatprofiel[]): void {
    for (const p of profielen) {
      const termen = new Map<string, Set<string>>();
      for (const [veld, waarden] of Object.entries(VELD_WAARDEN)) {
        for (const waarde of waarden(p)) {
          for (const w of this.woorden(waarde)) {
            for (const t of [w, this.stam(w)]) termen.set(t, (termen.get(t) ?? new Set()).add(veld));
          }
        }
      }
      const facetten = Object.fromEntries(FACETTEN.map((f) => [f, this.waarden(p, f)])) as Record<FacetNaam, string[]>;
      this.profielen.set(p.id, { p, termen, facetten, dag: -Date.parse(p.bijgewerkt) });
    }
    this.woordenschat = null;
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.profielen.delete(id);
    this.woordenschat = null;
  }

  private normaliseer(s: string): string {
    return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  private woorden(s: string): string[] {
    return this.normaliseer(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !this.stop.has(w));
  }

  private stam(w: string): string {
    let s = this.stammen.get(w);
    if (s === undefined) this.stammen.set(w, (s = this.stemmer.stem(w)));
    return s;
  }

  private maxTypos(w: string): number {
    const { minWoordlengteEenTypfout, minWoordlengteTweeTypfouten } = this.config.zoeken.typfouten;
    return w.length >= minWoordlengteTweeTypfouten ? 2 : w.length >= minWoordlengteEenTypfout ? 1 : 0;
  }

  /** Typos of document term `t` for query word `w`, or null when it does not match. */
  private kosten(w: string, laatste: boolean, t: string): number | null {
    if (t === w || t === this.stam(w) || this.synoniemen.get(w)?.has(t) || (laatste && t.startsWith(w))) return 0;
    const max = this.maxTypos(w);
    const typfouten = (a: string, b: string) => levenshtein(a, b) + (a[0] === b[0] ? 0 : 1);
    // Routes to a term: typed with typos, a synonym of a word typed with typos, or (last word) a prefix with typos.
    const routes = [typfouten(w, t)];
    for (const [s, groep] of this.synoniemen) if (groep.has(t)) routes.push(typfouten(w, s));
    if (laatste) for (let l = Math.max(1, w.length - max); l <= Math.min(t.length, w.length + max); l++) routes.push(typfouten(w, t.slice(0, l)));
    const n = Math.min(...routes);
    return n <= max ? n : null;
  }

  /** Per query word the typos it costs per matching term, over the terms of all documents (kept until a change). */
  private uitbreidingen(woorden: string[]): Map<string, number>[] {
    if (!this.woordenschat) {
      this.woordenschat = new Set();
      this.uitgebreid.clear();
      for (const d of this.profielen.values()) for (const t of d.termen.keys()) this.woordenschat.add(t);
    }
    return woorden.map((w, i) => {
      const laatste = i === woorden.length - 1;
      const sleutel = `${laatste}:${w}`;
      let m = this.uitgebreid.get(sleutel);
      if (!m) {
        m = new Map();
        for (const t of this.woordenschat!) {
          const k = this.kosten(w, laatste, t);
          if (k !== null) m.set(t, k);
        }
        this.uitgebreid.set(sleutel, m);
      }
      return m;
    });
  }

  /**
   * Per query word the cheapest match in the document (null: no match), and the fields with any match; null when
   * the first word does not match (every result matches at least the first word, so the rest does not matter).
   */
  private treffers(d: Doc, uitbreidingen: Map<string, number>[]): Treffers | null {
    const velden = new Set<string>();
    const kosten: (number | null)[] = [];
    for (const u of uitbreidingen) {
      let min: number | null = null;
      const raak = (k: number, inVelden: Set<string>) => {
        for (const v of inVelden) velden.add(v);
        if (min === null || k < min) min = k;
      };
      // Walk the smaller side: a short prefix expands to many terms, a document has a few dozen.
      if (u.size < d.termen.size) {
        for (const [t, k] of u) {
          const inVelden = d.termen.get(t);
          if (inVelden) raak(k, inVelden);
        }
      } else {
        for (const [t, inVelden] of d.termen) {
          const k = u.get(t);
          if (k !== undefined) raak(k, inVelden);
        }
      }
      if (min === null && kosten.length === 0) return null;
      kosten.push(min);
    }
    return { kosten, velden };
  }

  private waarden(p: Kandidaatprofiel, facet: FacetNaam): string[] {
    const w = FACET_WAARDEN[facet](p).filter((v) => v !== '');
    return w.length > 0 ? w : [this.config.zoeken.onbekend];
  }

  /**
   * For a filter, what a document fails: nothing (null), only the selection of one facet (that facet), or more
   * ('meer', which includes the minimum level and the hours). It passes "every filter but F" when it fails at most F.
   */
  private uitval(vraag: Filtervraag): (d: Doc) => Uitval {
    const selecties = (Object.entries(vraag.filters ?? {}) as [FacetNaam, readonly string[]][]).filter(([, w]) => w.length > 0);
    const volgorde: (string | null)[] = this.config.opleidingsniveaus.map((n) => n.code);
    const minimum = vraag.opleidingsniveauMin === undefined ? -1 : volgorde.indexOf(vraag.opleidingsniveauMin);
    const { urenMin = -Infinity, urenMax = Infinity } = vraag;
    const metUren = vraag.urenMin !== undefined || vraag.urenMax !== undefined;
    return (d) => {
      const p = d.p;
      if (minimum >= 0 && (p.opleidingsniveau === null || volgorde.indexOf(p.opleidingsniveau) < minimum)) return 'meer';
      if (metUren && (p.urenPerWeek === null || p.urenPerWeek < urenMin || p.urenPerWeek > urenMax)) return 'meer';
      let uit: Uitval = null;
      for (const [facet, gekozen] of selecties) {
        if (d.facetten[facet].some((w) => gekozen.includes(w))) continue;
        if (uit !== null) return 'meer';
        uit = facet;
      }
      return uit;
    };
  }

  /** Per facet the value counts over `docs` (with their `uitval`) under every filter but that facet's own. */
  private tel(docs: Doc[], uitval: Uitval[], facets: readonly FacetNaam[]): Facettelling['facetDistribution'] {
    const uit: Facettelling['facetDistribution'] = {};
    for (const facet of facets) {
      const telling = new Map<string, number>();
      for (let i = 0; i < docs.length; i++) {
        if (uitval[i] !== null && uitval[i] !== facet) continue;
        const waarden = docs[i]!.facetten[facet];
        waarden.forEach((w, j) => {
          if (waarden.indexOf(w) === j) telling.set(w, (telling.get(w) ?? 0) + 1);
        });
      }
      uit[facet] = Object.fromEntries(telling);
    }
    return uit;
  }

  facetCounts(vraag: Filtervraag, facets: readonly FacetNaam[]): Facettelling {
    const alle = [...this.profielen.values()];
    const uitval = alle.map(this.uitval(vraag));
    return { totalHits: uitval.filter((u) => u === null).length, facetDistribution: this.tel(alle, uitval, facets) };
  }

  search(vraag: Zoekvraag): OracleResultaat {
    const woorden = this.woorden(vraag.q ?? '').slice(0, 10);
    const uitbreidingen = this.uitbreidingen(woorden);
    const alle = [...this.profielen.values()];
    const geen: Treffers = { kosten: [], velden: new Set() };
    const treffers = alle.map((d) => (woorden.length === 0 ? geen : this.treffers(d, uitbreidingen)));
    const uitval = alle.map(this.uitval(vraag));
    const matchtEerste = (i: number, k: number) => {
      const t = treffers[i];
      return t !== null && t!.kosten.slice(0, k).every((c) => c !== null);
    };

    // Drop words from the end while nothing matches under the filter.
    let k = woorden.length;
    while (k > 1 && !alle.some((_, i) => uitval[i] === null && matchtEerste(i, k))) k--;
    const tekst = alle.flatMap((_, i) => (matchtEerste(i, k) ? [i] : []));
    const hits = tekst.filter((i) => uitval[i] === null);

    const gewicht = new Map(this.config.zoeken.doorzoekbaar.map((d) => [d.veld, d.gewicht]));
    const sort: Sortering = vraag.sort ?? 'relevantie';
    // Per hit its ranking key, compared left to right (lower first); the id settles ties.
    const sleutel = (i: number): number[] => {
      const { p, dag } = alle[i]!;
      const { kosten, velden } = treffers[i]!;
      const woorden = -kosten.filter((c) => c !== null).length;
      const typos = kosten.reduce<number>((s, c) => s + (c ?? 0), 0);
      const attribuut = -Math.max(0, ...[...velden].map((v) => gewicht.get(v)!));
      if (sort === 'relevantie') return [woorden, typos, attribuut, dag];
      if (sort === 'bijgewerkt:desc') return [woorden, dag, typos, attribuut];
      const uren = p.urenPerWeek === null ? Infinity : sort === 'uren:asc' ? p.urenPerWeek : -p.urenPerWeek;
      return [woorden, uren, typos, attribuut, dag];
    };
    const cmp = (a: { id: string; k: number[] }, b: { id: string; k: number[] }): number => {
      for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    const gerangschikt = hits.map((i) => ({ id: alle[i]!.p.id, k: sleutel(i) })).sort(cmp).map((h) => h.id);

    const { maxTotalHits, maxHitsPerPage, maxWaardenPerFacet } = this.config.zoeken;
    const perPagina = Math.min(vraag.hitsPerPage ?? 20, maxHitsPerPage);
    const page = vraag.page ?? 1;
    const pagina = gerangschikt.slice((page - 1) * perPagina, Math.min(page * perPagina, maxTotalHits));

    const facetDistribution = this.tel(tekst.map((i) => alle[i]!), tekst.map((i) => uitval[i]!), vraag.facets ?? []);
    for (const [facet, telling] of Object.entries(facetDistribution)) {
      const top = Object.entries(telling).sort(([wa, a], [wb, b]) => b - a || (wa < wb ? -1 : 1)).slice(0, maxWaardenPerFacet);
      facetDistribution[facet as FacetNaam] = Object.fromEntries(top);
    }

    const stats = (waarden: (number | null)[]): Numeriekestats | undefined => {
      const bekend = waarden.filter((w): w is number => w !== null);
      return bekend.length === 0 ? undefined : { min: Math.min(...bekend), max: Math.max(...bekend) };
    };
    const facetStats: OracleResultaat['facetStats'] = {};
    const uren = stats(hits.map((i) => alle[i]!.p.urenPerWeek));
    const reis = stats(hits.map((i) => alle[i]!.p.reisafstandKm));
    if (uren) facetStats.urenPerWeek = uren;
    if (reis) facetStats.reisafstandKm = reis;

    const highlights: OracleResultaat['highlights'] = {};
    for (const id of pagina.slice(0, MAX_MARKERINGEN)) highlights[id] = woorden.length === 0 ? {} : this.markeer(this.profielen.get(id)!.p, uitbreidingen);

    return {
      pagina,
      totalHits: hits.length,
      totalPages: perPagina === 0 ? 0 : Math.ceil(Math.min(hits.length, maxTotalHits) / perPagina),
      facetDistribution,
      facetStats,
      highlights,
    };
  }

  private markeer(p: Kandidaatprofiel, uitbreidingen: Map<string, number>[]): Record<string, string[]> {
    const uit: Record<string, string[]> = {};
    for (const [veld, waarden] of Object.entries(VELD_WAARDEN)) {
      const gemarkeerd = waarden(p).flatMap((waarde) => {
        let gevonden = false;
        const html = waarde.replace(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu, (stuk) => {
          const w = this.normaliseer(stuk);
          const raak = /^[\p{L}\p{N}]+$/u.test(w) && !this.stop.has(w) && uitbreidingen.some((u) => u.has(w) || u.has(this.stam(w)));
          gevonden ||= raak;
          return raak ? `<mark>${escape(stuk)}</mark>` : escape(stuk);
        });
        return gevonden ? [html] : [];
      });
      if (gemarkeerd.length > 0) uit[veld] = gemarkeerd;
    }
    return uit;
  }

  /** Facet values matching `q` as the embedded engine defines it, with disjunctive counts, most frequent first. */
  facetValues(facet: FacetNaam, q: string, vraag: Filtervraag = {}): { waarde: string; aantal: number }[] {
    const woorden = (s: string) => this.normaliseer(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    const vraagwoorden = woorden(q);
    const telling = this.facetCounts(vraag, [facet]).facetDistribution[facet]!;
    return Object.entries(telling)
      .filter(([waarde]) => {
        const ww = woorden(waarde);
        if (ww.join(' ').includes(vraagwoorden.join(' '))) return true;
        return vraagwoorden.every((v) => ww.some((w) => w.startsWith(v) || levenshtein(v, w) + (v[0] === w[0] ? 0 : 1) <= this.maxTypos(v)));
      })
      .map(([waarde, aantal]) => ({ waarde, aantal }))
      .sort((a, b) => b.aantal - a.aantal || (a.waarde < b.waarde ? -1 : 1))
      .slice(0, 50);
  }
}
