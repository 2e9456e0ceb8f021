import { leesQuery } from '../api/lees-parameters';
import { VerzoekFout } from '../api/fouten.middleware';
import type { Publiekeweergave } from '../anonimisering/kandidaatprofiel';
import type { Werkgeversprofiel } from '../zoeken/werkgeversweergave';
import type { SearchConfig } from '../config/search-config';
import { SORTERINGEN, type FacetNaam, type Zoekvraag } from '../zoeken/search-engine.port';
import type { Kandidatenantwoord, ZoekService } from '../zoeken/zoek.service';
import { kandidatenQuerySchema, naarZoekvraag } from '../zoeken/zoekparameters';
import { zonderLegeVelden } from './formulierquery';
import { SORTEERLABELS, type Labels } from './labels';
import { markeerder, zonderMarkering, type Tekst } from './markering';
import type { Paginabasis, Paginaresultaat } from './paginabasis';
import { getal, type Weergave } from './weergave';
import { Zoekadressen, type Zoekstaat } from './zoekadres';

/** Facets the page offers as checkboxes, in this order; the others still work in the URL and show as chips. */
export const PAGINAFACETTEN = ['regio', 'gemeente', 'opleidingsniveau', 'sector', 'taaksoort', 'competentie', 'vaardigheid', 'rijbewijs'] as const satisfies readonly FacetNaam[];
const VERBORGEN_FACETTEN = ['affiniteit', 'eigenVervoer', 'transparantieklasse'] as const satisfies readonly FacetNaam[];
/** Above this many values a facet gets a box to search within its list. */
const DOORZOEKBAAR_VANAF = 10;
const VAARDIGHEDEN_OP_KAART = 5;
const PAGINAVENSTER = 2;

const VELDNAMEN: Record<string, string> = {
  vaardigheden: 'vaardigheden', 'werkervaring.beroep': 'werkervaring', taaksoorten: 'taaksoorten', beroepssectoren: 'beroepssectoren',
  competenties: 'competenties', 'opleidingen.richting': 'opleiding', affiniteiten: 'affiniteiten',
};

interface Facetoptie { waarde: string; label: string; aantal: number; gekozen: boolean; id: string }
interface Facetgroep { naam: FacetNaam; label: string; opties: Facetoptie[]; aantalGekozen: number; doorzoekbaar: boolean }
interface Keuze { label: string; href: string }
interface Suggestie { label: string; href: string; aantal: number }
interface Resultaatkaart {
  href: string;
  titel: Tekst;
  plaats: string;
  gegevens: { term: string; waarde: string }[];
  vaardigheden: Tekst[];
  meerVaardigheden: number;
  treffers: { veld: string; waarden: Tekst[] }[];
}
interface Paginering { vorige: string | null; volgende: string | null; paginas: ({ nummer: number; href: string; huidig: boolean } | null)[] }

/** A stable, valid HTML id for a facet value (values can hold any character). */
const optieId = (facet: string, waarde: string) => `f-${facet}-${Buffer.from(waarde, 'utf8').toString('hex')}`;

/**
 * The search page: the API's query string in, the whole page or just its changing part (facets and results,
 * for the script that updates them in place) out. Callable without HTTP, for benchmarks.
 */
export class Zoekpagina {
  private readonly schema: ReturnType<typeof kandidatenQuerySchema>;
  private readonly standaard: Zoekstaat;
  private readonly adressen: Zoekadressen;

  constructor(private readonly deps: { zoeken: ZoekService; config: SearchConfig; weergave: Weergave; labels: Labels }) {
    this.schema = kandidatenQuerySchema(deps.config);
    this.standaard = this.schema.parse({});
    this.adressen = new Zoekadressen(Object.keys(this.schema.shape) as (keyof Zoekstaat)[], this.standaard);
  }

  /**
   * Throws VerzoekFout (400, with the parameter names) for a query the API would refuse. `gezien` is what the
   * visitor was shown, for the audit record.
   */
  async render(query: unknown, basis: Paginabasis, alleenResultaten = false): Promise<Paginaresultaat & { gezien: { vraag: Zoekvraag; totalHits: number; ids: string[] } }> {
    const staat = leesQuery(this.schema, zonderLegeVelden(query));
    const omgezet = naarZoekvraag(staat, this.deps.config);
    if ('fouten' in omgezet) throw new VerzoekFout('de zoekvraag in het adres klopt niet', omgezet.fouten);
    // Counted are only the facets the page shows; the hidden ones show as chips, which need no counts.
    const antwoord = await this.deps.zoeken.zoek({ ...omgezet.vraag, facets: PAGINAFACETTEN, weergave: 'werkgever' });
    const model = this.model(staat, omgezet.vraag, antwoord);
    return {
      status: 200,
      html: this.deps.weergave.render(alleenResultaten ? 'zoekresultaten.njk' : 'zoeken.njk', { ...basis, ...model }),
      gezien: { vraag: omgezet.vraag, totalHits: antwoord.totalHits, ids: antwoord.hits.map((h) => h.id) },
    };
  }

  private model(staat: Zoekstaat, vraag: Zoekvraag, antwoord: Kandidatenantwoord) {
    const q = staat.q?.trim() ?? '';
    const titel = `${antwoord.totalHits === 1 ? '1 kandidaat' : `${getal(antwoord.totalHits)} kandidaten`}${q ? ` voor ‘${q}’` : ''} - Kandidaten zoeken`;
    const keuzes = this.keuzes(staat, vraag);
    return {
      titel,
      q,
      totaal: antwoord.totalHits,
      facetgroepen: PAGINAFACETTEN.map((f) => this.facetgroep(f, antwoord.facetDistribution[f], vraag.filters?.[f] ?? [])),
      uren: { min: staat.urenMin, max: staat.urenMax, bereik: antwoord.facetStats.urenPerWeek ?? null },
      verborgen: this.verborgenVelden(staat),
      keuzes,
      zonderFilters: keuzes.length > 0 ? this.adressen.zonderFilters(staat) : null,
      sorteringen: SORTERINGEN.map((s) => ({ waarde: s, label: SORTEERLABELS[s], gekozen: s === staat.sort })),
      // The page asked for the employer view, so every hit is a Werkgeversprofiel.
      kaarten: antwoord.hits.map((h) => this.kaart(h as Werkgeversprofiel & { _highlights: Record<string, string[]> })),
      paginering: this.paginering(staat, antwoord.totalPages),
      suggesties: this.suggesties(staat, antwoord),
    };
  }

  private facetgroep(naam: FacetNaam, telling: Record<string, number> = {}, gekozen: readonly string[]): Facetgroep {
    const { labels } = this.deps;
    const aantallen = new Map(Object.entries(telling));
    // A chosen value the other filters leave no profiles for still needs its checkbox, to untick it.
    for (const g of gekozen) if (!aantallen.has(g)) aantallen.set(g, 0);
    const opties = [...aantallen].map(([waarde, aantal]) => ({
      waarde, aantal, label: labels.waarde(naam, waarde), gekozen: gekozen.includes(waarde), id: optieId(naam, waarde),
    }));
    const onbekendLaatst = (o: Facetoptie) => (o.waarde === labels.onbekend ? 1 : 0);
    opties.sort(naam === 'opleidingsniveau'
      ? (a, b) => onbekendLaatst(a) - onbekendLaatst(b) || labels.niveauVolgorde(a.waarde) - labels.niveauVolgorde(b.waarde)
      : (a, b) => onbekendLaatst(a) - onbekendLaatst(b) || b.aantal - a.aantal || a.label.localeCompare(b.label, 'nl'));
    return { naam, label: labels.facet(naam), opties, aantalGekozen: gekozen.length, doorzoekbaar: opties.length > DOORZOEKBAAR_VANAF };
  }

  /** Parameters without a control on the page, so that submitting the form keeps them. */
  private verborgenVelden(staat: Zoekstaat): { naam: string; waarde: string }[] {
    const velden: { naam: string; waarde: string }[] = [];
    for (const f of VERBORGEN_FACETTEN) for (const w of staat[f] ?? []) velden.push({ naam: f, waarde: w });
    if (staat.opleidingsniveauMin) velden.push({ naam: 'opleidingsniveauMin', waarde: staat.opleidingsniveauMin });
    if (staat.hitsPerPage !== this.standaard.hitsPerPage) velden.push({ naam: 'hitsPerPage', waarde: String(staat.hitsPerPage) });
    return velden;
  }

  /** The chosen filters as removable chips: a link to the same search without that one value. */
  private keuzes(staat: Zoekstaat, vraag: Zoekvraag): Keuze[] {
    const { labels } = this.deps;
    const keuzes: Keuze[] = [];
    for (const f of [...PAGINAFACETTEN, ...VERBORGEN_FACETTEN]) {
      // The engine's values (region numbers, CBS codes) name the chip; the URL's own spelling is what is removed.
      const waarden = vraag.filters?.[f] ?? [];
      waarden.forEach((w, i) => keuzes.push({ label: `${labels.facet(f)}: ${labels.waarde(f, w)}`, href: this.adressen.zonderWaarde(staat, f, i) }));
    }
    if (staat.opleidingsniveauMin) keuzes.push({ label: `Opleiding minimaal: ${labels.waarde('opleidingsniveauMin', staat.opleidingsniveauMin)}`, href: this.adressen.zonder(staat, 'opleidingsniveauMin') });
    if (staat.urenMin !== undefined) keuzes.push({ label: `Minimaal ${staat.urenMin} uur per week`, href: this.adressen.zonder(staat, 'urenMin') });
    if (staat.urenMax !== undefined) keuzes.push({ label: `Maximaal ${staat.urenMax} uur per week`, href: this.adressen.zonder(staat, 'urenMax') });
    return keuzes;
  }

  /** For few or no results: which single filter to drop, and how many candidates that would give. */
  private suggesties(staat: Zoekstaat, antwoord: Kandidatenantwoord): Suggestie[] {
    const { labels } = this.deps;
    const facetten = new Set<string>([...PAGINAFACETTEN, ...VERBORGEN_FACETTEN]);
    return antwoord.relaxaties.filter((r) => r.totalHits > antwoord.totalHits).flatMap((r): Suggestie[] => {
      const param = r.parameter as keyof Zoekstaat;
      let label: string;
      if (param === 'q') label = `zonder de zoekwoorden ‘${staat.q?.trim()}’`;
      else if (param === 'urenMin') label = `zonder minimaal ${staat.urenMin} uur per week`;
      else if (param === 'urenMax') label = `zonder maximaal ${staat.urenMax} uur per week`;
      else if (param === 'opleidingsniveauMin') label = 'zonder minimaal opleidingsniveau';
      else if (facetten.has(param)) label = `zonder het filter ${labels.facet(param as FacetNaam).toLowerCase()}`;
      else return [];
      return [{ label, href: this.adressen.zonder(staat, param), aantal: r.totalHits }];
    });
  }

  /** The pages are for employers: every hit is in their view (Werkgeversprofiel). */
  private kaart(hit: Werkgeversprofiel & { _highlights: Record<string, string[]> }): Resultaatkaart {
    const { labels } = this.deps;
    const markeer = markeerder(hit._highlights);
    const getoond = new Set<string>();
    const toon = (veld: string, waarde: string) => { getoond.add(`${veld}\u0000${waarde}`); return markeer(veld, waarde); };

    const beroep = hit.werkervaring[0]?.beroep;
    const titel = beroep !== undefined ? toon('werkervaring.beroep', beroep)
      : hit.taaksoorten[0] !== undefined ? toon('taaksoorten', hit.taaksoorten[0])
        : hit.heeftProfiel ? 'Kandidaat' : 'Kandidaat zonder klantprofiel';
    // Matched skills first: they are why this card is here.
    const vaardigheden = [...hit.vaardigheden].sort((a, b) => Number(markeer('vaardigheden', b) !== b) - Number(markeer('vaardigheden', a) !== a));
    const treffers: Resultaatkaart['treffers'] = [];
    const zichtbaar = vaardigheden.slice(0, VAARDIGHEDEN_OP_KAART).map((v) => toon('vaardigheden', v));
    // Matches in what the card does not show, so it is clear why the candidate was found.
    for (const [veld, waarden] of Object.entries(hit._highlights)) {
      const rest = waarden.map(zonderMarkering).filter((w) => !getoond.has(`${veld}\u0000${w}`));
      if (rest.length > 0) treffers.push({ veld: VELDNAMEN[veld] ?? veld, waarden: rest.map((w) => markeer(veld, w)) });
    }
    return {
      href: `/kandidaten/${hit.id}`,
      titel,
      plaats: plaats(hit.publiek, labels),
      gegevens: [
        { term: 'Opleiding', waarde: labels.publiek('opleidingsniveau', hit.publiek.opleidingsniveau) },
        { term: 'Uren per week', waarde: labels.publiek('uren', hit.publiek.uren) },
        { term: 'Rijbewijs', waarde: hit.publiek.rijbewijs.length > 0 ? hit.publiek.rijbewijs.map((r) => labels.publiek('rijbewijs', r)).join(', ') : 'Niet ingevuld' },
        { term: 'Profiel', waarde: labels.klasse(hit.transparantieklasse) },
      ],
      vaardigheden: zichtbaar,
      meerVaardigheden: Math.max(0, hit.vaardigheden.length - VAARDIGHEDEN_OP_KAART),
      treffers,
    };
  }

  private paginering(staat: Zoekstaat, totaal: number): Paginering | null {
    if (totaal <= 1) return null;
    const huidig = Math.min(staat.page, totaal);
    const nummers = new Set([1, totaal]);
    for (let n = huidig - PAGINAVENSTER; n <= huidig + PAGINAVENSTER; n++) if (n >= 1 && n <= totaal) nummers.add(n);
    const paginas: Paginering['paginas'] = [];
    let vorige = 0;
    for (const n of [...nummers].sort((a, b) => a - b)) {
      if (n > vorige + 1) paginas.push(null);
      paginas.push({ nummer: n, href: this.adressen.pagina(staat, n), huidig: n === huidig });
      vorige = n;
    }
    return {
      vorige: huidig > 1 ? this.adressen.pagina(staat, huidig - 1) : null,
      volgende: huidig < totaal ? this.adressen.pagina(staat, huidig + 1) : null,
      paginas,
    };
  }
}

/** Where the candidate lives, as far as employers are shown: gemeente and region, the region alone, or neither. */
function plaats(publiek: Publiekeweergave, labels: Labels): string {
  const { gemeente, regio } = labels.woonplaats(publiek);
  if (regio === null) return 'Woonplaats niet getoond';
  return gemeente === null ? `Arbeidsmarktregio ${regio}` : `${gemeente}, regio ${regio}`;
}
