import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';

/** A profile for the privacy tests: only the quasi-identifiers matter, the rest is a fixed filler. */
export function testprofiel(config: SearchConfig, delen: Partial<Kandidaatprofiel> = {}): Kandidaatprofiel {
  const gemeenteCode = delen.gemeenteCode ?? 'GM0268';
  const g = config.gemeenten.get(gemeenteCode);
  return {
    id: 'a'.repeat(32),
    gemeenteCode,
    gemeente: g?.naam ?? 'Onbekend',
    regio: g?.regio ?? 0,
    regioNaam: g?.regioNaam ?? 'Onbekend',
    dienstverlener: 'UWV',
    heeftProfiel: true,
    opleidingen: [],
    opleidingsniveau: null,
    vaardigheden: [],
    competenties: [],
    affiniteiten: [],
    beroepssectoren: [],
    taaksoorten: [],
    werkervaring: [],
    urenPerWeek: null,
    dagdelen: [],
    reisafstandKm: null,
    rijbewijs: [],
    eigenVervoer: null,
    profielvulling: 0,
    transparantieklasse: 'geen',
    bijgewerkt: '2026-01-01',
    publiek: null,
    ...delen,
  };
}
