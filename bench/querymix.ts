import { OPLEIDINGSNIVEAUS } from '../src/sonar/sonar-record.schema';
import { FACETTEN, type Facetfilters, type Zoekvraag } from '../src/zoeken/search-engine.port';
import { PAGINAFACETTEN } from '../src/web/zoekpagina';
import { SECTOREN } from '../seed/vocabulaire';
import { prng, schud } from './willekeur';

/** What employers type: single words, two words, and the typos people make in them. */
const TERMEN = [
  'heftruck', 'schoonmaak', 'magazijn', 'orderpicken', 'zorg', 'horeca', 'administratie', 'groenvoorziening',
  'kassa', 'afwassen', 'assembleren', 'klantenservice', 'vakken vullen', 'productiemedewerker', 'koffie zetten',
  'software testen', 'snoeien', 'inpakken', 'lassen', 'dagbesteding', 'hefruck', 'schonmaak', 'magazjin',
  'adminstratie', 'grasmaaier', 'keukenhulp', 'post sorteren', 'hovenier',
];

const RIJBEWIJZEN = ['B', 'AM', 'C'];
const KLASSEN = ['redelijk', 'volledig'];
const UREN = [12, 16, 24, 32];

type Filtersoort = 'regio' | 'opleidingsniveau' | 'sector' | 'rijbewijs' | 'eigenVervoer' | 'transparantieklasse' | 'urenMin';
const FILTERSOORTEN: Filtersoort[] = ['regio', 'opleidingsniveau', 'sector', 'rijbewijs', 'eigenVervoer', 'transparantieklasse', 'urenMin'];

export interface Mixvraag {
  /** For the engines: the port's query, all facets asked. */
  vraag: Zoekvraag;
  /** For HTTP: the same query as the API's query string, all facets counted (the API's default). */
  query: string;
  /** The same, counting only the facets the search page shows, as the page asks. */
  paginaQuery: string;
}

/**
 * A fixed, realistic query mix: every query has text and 1-3 filters, and asks for all facets, like the search
 * page does. Built from the generator's vocabulary, so every engine gets the same queries for the same data.
 */
export function queryMix(aantal = 60, seed = 7): Mixvraag[] {
  const r = prng(seed);
  const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(r() * lijst.length)]!;
  return Array.from({ length: aantal }, () => {
    const q = kies(TERMEN);
    const filters: Facetfilters = {};
    const vraag: Zoekvraag = { q, filters, facets: FACETTEN, hitsPerPage: 20, page: 1 };
    const params = new URLSearchParams({ q });
    const soorten = schud([...FILTERSOORTEN], r).slice(0, 1 + Math.floor(r() * 3));
    for (const soort of soorten) {
      switch (soort) {
        case 'regio': {
          const regios = [String(1 + Math.floor(r() * 35))];
          if (r() < 0.3) regios.push(String(1 + Math.floor(r() * 35)));
          filters.regio = regios;
          for (const w of regios) params.append('regio', w);
          break;
        }
        case 'opleidingsniveau': {
          const niveaus = OPLEIDINGSNIVEAUS.slice(2 + Math.floor(r() * 6)).slice(0, 2);
          filters.opleidingsniveau = niveaus;
          for (const w of niveaus) params.append('opleidingsniveau', w);
          break;
        }
        case 'sector': {
          const sector = kies(SECTOREN).naam;
          filters.sector = [sector];
          params.append('sector', sector);
          break;
        }
        case 'rijbewijs': {
          const rijbewijs = kies(RIJBEWIJZEN);
          filters.rijbewijs = [rijbewijs];
          params.append('rijbewijs', rijbewijs);
          break;
        }
        case 'eigenVervoer':
          filters.eigenVervoer = ['ja'];
          params.append('eigenVervoer', 'ja');
          break;
        case 'transparantieklasse': {
          const klasse = kies(KLASSEN);
          filters.transparantieklasse = [klasse];
          params.append('transparantieklasse', klasse);
          break;
        }
        case 'urenMin': {
          const uren = kies(UREN);
          vraag.urenMin = uren;
          params.append('urenMin', String(uren));
          break;
        }
      }
    }
    const pagina = new URLSearchParams(params);
    for (const f of PAGINAFACETTEN) pagina.append('facetten', f);
    return { vraag, query: params.toString(), paginaQuery: pagina.toString() };
  });
}
