import type { Kandidaatprofiel } from '../../src/anonimisering/kandidaatprofiel';
import { bepaalProfielvulling, bepaalTransparantieklasse } from '../../src/anonimisering/profielvulling';
import { loadSearchConfig } from '../../src/config/search-config';
import type { Opleidingsniveau } from '../../src/sonar/sonar-record.schema';

const config = loadSearchConfig();
const niveauVolgorde = config.opleidingsniveaus.map((n) => n.code);

/** The parts of a profile a test sets; everything else is derived or empty. */
export interface Profieldelen extends Partial<Omit<Kandidaatprofiel, 'opleidingen' | 'werkervaring'>> {
  opleidingen?: (Opleidingsniveau | [Opleidingsniveau, string])[];
  beroepen?: string[];
}

/**
 * A valid Kandidaatprofiel: gemeente and regio from the CBS code (default Nijmegen), opleidingsniveau,
 * profielvulling and transparantieklasse derived from the content the way the anonymisation does.
 */
export function maakProfiel(id: string, delen: Profieldelen = {}): Kandidaatprofiel {
  const { opleidingen = [], beroepen = [], ...rest } = delen;
  const gemeenteCode = delen.gemeenteCode ?? 'GM0268';
  const gemeente = config.gemeenten.get(gemeenteCode);
  if (!gemeente) throw new Error(`onbekende gemeentecode ${gemeenteCode}`);
  const opl = opleidingen.map((o) => (typeof o === 'string' ? { niveau: o, richting: null, diploma: null } : { niveau: o[0], richting: o[1], diploma: true }));
  const hoogste = opl.map((o) => o.niveau).sort((a, b) => niveauVolgorde.indexOf(b) - niveauVolgorde.indexOf(a))[0] ?? null;
  const profiel: Kandidaatprofiel = {
    id,
    gemeenteCode,
    gemeente: gemeente.naam,
    regio: gemeente.regio,
    regioNaam: gemeente.regioNaam,
    dienstverlener: 'UWV',
    heeftProfiel: true,
    opleidingen: opl,
    opleidingsniveau: hoogste,
    vaardigheden: [],
    competenties: [],
    affiniteiten: [],
    beroepssectoren: [],
    taaksoorten: [],
    werkervaring: beroepen.map((beroep) => ({ beroep, jaren: 2 })),
    urenPerWeek: null,
    dagdelen: [],
    reisafstandKm: null,
    rijbewijs: [],
    eigenVervoer: null,
    profielvulling: 0,
    transparantieklasse: 'geen',
    bijgewerkt: '2026-01-01',
    publiek: null,
    ...rest,
  };
  profiel.profielvulling = bepaalProfielvulling(profiel, config.transparantie);
  profiel.transparantieklasse = bepaalTransparantieklasse(profiel.profielvulling, config.transparantie);
  return profiel;
}

// GM0268 Nijmegen and GM0296 Wijchen (regio 25), GM0202 Arnhem (21), GM0014 Groningen (1), GM0363 Amsterdam (10).
const N = 'GM0268';
const W = 'GM0296';
const A = 'GM0202';
const G = 'GM0014';
const M = 'GM0363';

/**
 * Thirty hand-made profiles for the engine suite. Every `bijgewerkt` is distinct (April 2026, not in id order),
 * so `bijgewerkt:desc` fixes the order completely.
 */
export function suiteProfielen(): Kandidaatprofiel[] {
  const delen: Profieldelen[] = [
    /* k01 */ { gemeenteCode: N, opleidingen: [['mbo-2', 'Logistiek']], beroepssectoren: ['Transport en logistiek'], taaksoorten: ['Laden en lossen'], competenties: ['Nauwkeurig', 'Zelfstandig'], vaardigheden: ['Heftruck rijden', 'Orderpicken'], beroepen: ['Orderpicker'], affiniteiten: ['Buiten werken'], rijbewijs: ['B', 'C'], eigenVervoer: true, urenPerWeek: 32, reisafstandKm: 15 },
    /* k02 */ { gemeenteCode: W, opleidingen: ['vmbo'], beroepssectoren: ['Transport en logistiek'], taaksoorten: ['Inpakken'], competenties: ['Samenwerken'], vaardigheden: ['Reachtruck rijden'], beroepen: ['Magazijnmedewerker'], rijbewijs: ['B'], eigenVervoer: false, urenPerWeek: 24, reisafstandKm: 10 },
    /* k03 */ { gemeenteCode: A, beroepssectoren: ['Transport en logistiek'], vaardigheden: ['Vorkheftruck rijden'], affiniteiten: ['Techniek'] },
    /* k04 */ { gemeenteCode: N, opleidingen: [['mbo-1', 'Schoonmaak']], beroepssectoren: ['Schoonmaak'], taaksoorten: ['Stofzuigen'], competenties: ['Betrouwbaar'], vaardigheden: ['Schoonmaakwerk', 'Hygiënisch werken'], beroepen: ['Schoonmaker'], eigenVervoer: false, urenPerWeek: 16, reisafstandKm: 5 },
    /* k05 */ { gemeenteCode: G, opleidingen: ['praktijkonderwijs'], beroepssectoren: ['Schoonmaak'], taaksoorten: ['Sanitair reinigen'], competenties: ['Zelfstandig'], vaardigheden: ['Ramen wassen'], beroepen: ['Glazenwasser'], affiniteiten: ['Buiten werken'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 20, reisafstandKm: 25 },
    /* k06 */ { gemeenteCode: M, opleidingen: [['mbo-2', 'Keuken']], beroepssectoren: ['Horeca'], taaksoorten: ['Afwassen'], competenties: ['Stressbestendig'], vaardigheden: ['Koffie zetten'], beroepen: ['Kok'], urenPerWeek: 36, reisafstandKm: 8 },
    /* k07 */ { gemeenteCode: M, beroepssectoren: ['Horeca'], taaksoorten: ['Tafels dekken'], vaardigheden: ['Catering'], beroepen: ['Afwasser'], eigenVervoer: false, urenPerWeek: 12 },
    /* k08 */ { gemeenteCode: A, opleidingen: [['mbo-3', 'Bouw']], beroepssectoren: ['Bouw'], taaksoorten: ['Sjouwen'], competenties: ['Samenwerken'], vaardigheden: ['Metselen', 'Timmeren'], beroepen: ['Timmerman'], affiniteiten: ['Werken met handen'], rijbewijs: ['B', 'BE'], eigenVervoer: true, urenPerWeek: 40, reisafstandKm: 30 },
    /* k09 */ { gemeenteCode: N, opleidingen: [['vmbo', 'Schilderen']], beroepssectoren: ['Bouw'], taaksoorten: ['Schilderen'], vaardigheden: ['Schilderwerk'], beroepen: ['Schilder'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 38, reisafstandKm: 20 },
    /* k10 */ { gemeenteCode: W, opleidingen: [['mbo-4', 'Metaal']], beroepssectoren: ['Productie en techniek'], taaksoorten: ['Assembleren'], competenties: ['Nauwkeurig'], vaardigheden: ['Lassen', 'Metaalbewerking'], beroepen: ['Lasser'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 40, reisafstandKm: 12 },
    /* k11 */ { gemeenteCode: N, opleidingen: ['havo'], beroepssectoren: ['Productie en techniek'], taaksoorten: ['Machines bedienen'], competenties: ['Leergierig'], vaardigheden: ['Solderen'], beroepen: ['Assemblagemedewerker'], eigenVervoer: false, urenPerWeek: 32, reisafstandKm: 7 },
    /* k12 */ { gemeenteCode: G, opleidingen: [['hbo', 'Bedrijfsadministratie']], beroepssectoren: ['Administratie'], taaksoorten: ['Archiveren'], competenties: ['Accuraat'], vaardigheden: ['Microsoft Excel', 'Word & Excel <basis>'], beroepen: ['Administratief medewerker'], affiniteiten: ['Computers'], urenPerWeek: 28, reisafstandKm: 40 },
    /* k13 */ { gemeenteCode: N, opleidingen: [['mbo-4', 'Secretarieel']], beroepssectoren: ['Administratie'], taaksoorten: ['Gegevens invoeren'], competenties: ['Punctueel'], vaardigheden: ['Blind typen'], affiniteiten: ['Computers'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 20, reisafstandKm: 9 },
    /* k14 */ { gemeenteCode: A, opleidingen: [['wo', 'Informatica']], beroepssectoren: ['ICT'], taaksoorten: ['Software testen'], competenties: ['Zelfstandig'], vaardigheden: ['Programmeren'], beroepen: ['Softwaretester'], affiniteiten: ['Computers'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 40, reisafstandKm: 35 },
    /* k15 */ { gemeenteCode: M, opleidingen: [['mbo-2', 'Klantcontact']], beroepssectoren: ['Klantcontact'], taaksoorten: ['Telefoon aannemen'], competenties: ['Klantgericht', 'Vriendelijk'], vaardigheden: ['Klantenservice'], beroepen: ['Callcentermedewerker'], affiniteiten: ['Werken met mensen'], eigenVervoer: false, urenPerWeek: 24, reisafstandKm: 6 },
    /* k16 */ { gemeenteCode: G, opleidingen: [['mbo-3', 'Zorg en welzijn']], beroepssectoren: ['Zorg en welzijn'], taaksoorten: ['Bedden opmaken'], competenties: ['Geduldig'], vaardigheden: ['Persoonlijke verzorging'], beroepen: ['Zorghulp'], affiniteiten: ['Ouderen helpen'], urenPerWeek: 32, reisafstandKm: 15 },
    /* k17 */ { gemeenteCode: W, opleidingen: ['vso'], beroepssectoren: ['Groenvoorziening'], taaksoorten: ['Tuinonderhoud'], vaardigheden: ['Snoeien'], beroepen: ['Hovenier'], affiniteiten: ['Natuur'], rijbewijs: ['T'], eigenVervoer: true, urenPerWeek: 36, reisafstandKm: 18 },
    /* k18 */ { gemeenteCode: N, heeftProfiel: false },
    /* k19 */ { gemeenteCode: G, heeftProfiel: false, dienstverlener: 'gemeente' },
    /* k20 */ { gemeenteCode: A, opleidingen: ['mbo-1'], competenties: ['Behulpzaam'], beroepen: ['Inpakker'], urenPerWeek: 8 },
    /* k21 */ { gemeenteCode: N, opleidingen: ['basisonderwijs'], beroepssectoren: ['Transport en logistiek'], taaksoorten: ['Orderpicken'], vaardigheden: ['Orderpicken'], rijbewijs: ['AM'], eigenVervoer: false, urenPerWeek: 30, reisafstandKm: 3 },
    /* k22 */ { gemeenteCode: W, opleidingen: [['mbo-2', 'Logistiek medewerker']], beroepssectoren: ['Voedingsmiddelenindustrie'], taaksoorten: ['Verpakken'], competenties: ['Flexibel'], vaardigheden: ['Etiketteren'], rijbewijs: ['B'], eigenVervoer: true, urenPerWeek: 32, reisafstandKm: 14 },
    /* k23 */ { gemeenteCode: M, opleidingen: ['geen'], beroepssectoren: ['Voedingsmiddelenindustrie'], beroepen: ['Verpakker'], urenPerWeek: 20, reisafstandKm: 11 },
    /* k24 */ { gemeenteCode: A, opleidingen: [['mbo-3', 'Techniek']], beroepssectoren: ['Productie en techniek', 'Bouw'], taaksoorten: ['Assembleren', 'Sjouwen'], competenties: ['Fysiek sterk'], vaardigheden: ['Lassen'], beroepen: ['Monteur'], affiniteiten: ['Techniek'], rijbewijs: ['B', 'C', 'CE'], eigenVervoer: true, urenPerWeek: 40, reisafstandKm: 50 },
    /* k25 */ { gemeenteCode: N, opleidingen: [['hbo', 'Commercie']], beroepssectoren: ['Klantcontact', 'Administratie'], competenties: ['Communicatief'], rijbewijs: ['B'], eigenVervoer: false, urenPerWeek: 16, reisafstandKm: 4 },
    /* k26 */ { gemeenteCode: G, opleidingen: ['wo'], beroepssectoren: ['ICT'], vaardigheden: ['Netwerkbeheer'], eigenVervoer: true },
    /* k27 */ { gemeenteCode: W, opleidingen: ['mbo-4'], competenties: ['Zelfstandig'], urenPerWeek: 24 },
    /* k28 */ { gemeenteCode: A, opleidingen: ['vwo'], beroepssectoren: ['Zorg en welzijn'], affiniteiten: ['Ouderen helpen'], urenPerWeek: 0, reisafstandKm: 2 },
    /* k29 */ { gemeenteCode: M, opleidingen: ['mbo-1'], vaardigheden: ['Koffie zetten'], rijbewijs: ['B'], urenPerWeek: 80, reisafstandKm: 100 },
    /* k30 */ { gemeenteCode: N, taaksoorten: ['Stofzuigen'], eigenVervoer: false, urenPerWeek: 12, reisafstandKm: 1 },
  ];
  return delen.map((d, i) => {
    const n = i + 1;
    // 7 is coprime with 30, so the days 1..30 are each used once, in an order unrelated to the id.
    const dag = ((n * 7) % 30) + 1;
    return maakProfiel(`k${String(n).padStart(2, '0')}`, { bijgewerkt: `2026-04-${String(dag).padStart(2, '0')}`, ...d });
  });
}
