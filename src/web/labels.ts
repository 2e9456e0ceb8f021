import type { Publiekeweergave } from '../anonimisering/kandidaatprofiel';
import { HEEFT_RIJBEWIJS, NIET_GETOOND, publiekLabel, type PubliekVeld } from '../privacy/publiek';
import type { SearchConfig } from '../config/search-config';
import type { Opleidingsniveau } from '../sonar/sonar-record.schema';
import type { FacetNaam, Sortering } from '../zoeken/search-engine.port';
import { hoofdletter } from './weergave';

export const SORTEERLABELS: Record<Sortering, string> = {
  relevantie: 'Best passend',
  'bijgewerkt:desc': 'Laatst bijgewerkt',
  'uren:asc': 'Minste uren per week',
  'uren:desc': 'Meeste uren per week',
};

const DAGEN: Record<string, string> = { ma: 'maandag', di: 'dinsdag', wo: 'woensdag', do: 'donderdag', vr: 'vrijdag', za: 'zaterdag', zo: 'zondag' };
export const DAGVOLGORDE = Object.keys(DAGEN);
export const DAGDELEN = ['ochtend', 'middag', 'avond'] as const;

/** Display names for the coded values of the search config (facets, regions, gemeenten, levels, classes). */
export class Labels {
  private readonly facetten: Map<string, string>;
  private readonly regios: Map<string, string>;
  private readonly niveaus: Map<string, string>;
  private readonly klassen: Map<string, string>;
  readonly onbekend: string;

  constructor(private readonly config: SearchConfig) {
    this.facetten = new Map(config.zoeken.facetten.map((f) => [f.naam, f.label]));
    this.regios = new Map(config.regios.map((r) => [String(r.nummer), r.naam]));
    this.niveaus = new Map(config.opleidingsniveaus.map((n) => [n.code, n.label]));
    this.klassen = new Map(config.transparantie.klassen.map((k) => [k.code, k.label]));
    this.onbekend = config.zoeken.onbekend;
  }

  facet(naam: FacetNaam): string {
    return this.facetten.get(naam) ?? naam;
  }

  /** One value of a facet (as the engine and the URL have it) as people read it. */
  waarde(facet: FacetNaam | 'opleidingsniveauMin', waarde: string): string {
    if (waarde === this.onbekend) return 'Niet ingevuld';
    if (waarde === NIET_GETOOND) return 'Niet getoond';
    switch (facet) {
      case 'regio': return this.regios.get(waarde) ?? waarde;
      case 'gemeente': return this.config.gemeenten.get(waarde)?.naam ?? waarde;
      case 'opleidingsniveau':
      case 'opleidingsniveauMin': return this.niveaus.get(waarde) ?? this.publiek('opleidingsniveau', waarde);
      case 'transparantieklasse': return this.klassen.get(waarde) ?? waarde;
      case 'eigenVervoer': return waarde === 'ja' ? 'Ja' : 'Nee';
      case 'rijbewijs': return waarde === HEEFT_RIJBEWIJS ? 'Heeft een rijbewijs' : `Rijbewijs ${waarde}`;
      default: return waarde;
    }
  }

  isOnbekend(waarde: string): boolean {
    return waarde === this.onbekend;
  }

  /** A value of what employers see (`Kandidaatprofiel.publiek`), as a sentence starts. */
  publiek(veld: PubliekVeld, waarde: string): string {
    if (waarde === this.onbekend) return 'Niet ingevuld';
    return hoofdletter(publiekLabel(veld, waarde, this.config));
  }

  /** Where the candidate lives, as far as employers are shown: the gemeente's and the region's name, null where not shown. */
  woonplaats(publiek: Pick<Publiekeweergave, 'gemeente' | 'regio'>): { gemeente: string | null; regio: string | null } {
    return {
      gemeente: publiek.gemeente === NIET_GETOOND ? null : this.publiek('gemeente', publiek.gemeente),
      regio: publiek.regio === NIET_GETOOND ? null : this.publiek('regio', publiek.regio),
    };
  }

  opleidingsniveau(niveau: Opleidingsniveau | null): string {
    return niveau === null ? 'Niet ingevuld' : this.niveaus.get(niveau) ?? niveau;
  }

  /** Position in the configured order, for sorting levels low to high. */
  niveauVolgorde(niveau: string): number {
    const i = this.config.opleidingsniveaus.findIndex((n) => n.code === niveau);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  }

  klasse(code: string): string {
    return this.klassen.get(code) ?? code;
  }

  /** "ma" → "maandag" (the day part of a dagdeel code like "ma-ochtend"). */
  dag(afkorting: string): string {
    return DAGEN[afkorting] ?? afkorting;
  }
}
