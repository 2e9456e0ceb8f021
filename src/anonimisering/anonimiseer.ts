import type { SearchConfig } from '../config/search-config';
import type { Opleidingsniveau, SonarRecord } from '../sonar/sonar-record.schema';
import type { Kandidaatprofiel } from './kandidaatprofiel';
import { bepaalProfielvulling, bepaalTransparantieklasse } from './profielvulling';
import { maakScreener, type ScreeningContext } from './screening';

export interface AnonimiseerDeps {
  config: Pick<SearchConfig, 'gemeenten' | 'opleidingsniveaus' | 'transparantie'>;
  /** Keyed pseudonym of the klantnummer (see createPseudonimiseerder). */
  pseudoniem: (klantnummer: string) => string;
}

/** A refusal by field path; the message never repeats the refused value. */
export interface Anonimiseerfout {
  pad: string;
  melding: string;
}

export type AnonimiseerResultaat = { ok: true; profiel: Kandidaatprofiel } | { ok: false; fouten: Anonimiseerfout[] };

/** Whether the person is registered in the doelgroepregister (banenafspraak). */
export function isDoelgroeper(record: Pick<SonarRecord, 'doelgroepregister'>): boolean {
  return record.doelgroepregister.ingeschreven === true;
}

/**
 * Builds the anonymised profile from a validated Sonar record. Every output field is derived explicitly (an
 * allowlist). The klantnummer only feeds the keyed pseudonym, name and street only the screening of free text;
 * BSN, birth date (not even an age), the rest of the address, contact data, register grondslag and toelichting
 * are not read at all. Refuses a gemeentecode that is not in the config, without echoing it.
 */
export function anonimiseer(record: SonarRecord, deps: AnonimiseerDeps): AnonimiseerResultaat {
  const { config } = deps;
  const gemeente = config.gemeenten.get(record.gemeenteCode);
  if (gemeente === undefined) return { ok: false, fouten: [{ pad: 'gemeenteCode', melding: 'onbekende CBS-gemeentecode' }] };

  const screen = maakScreener(screeningContext(record));
  const lijst = (waarden: readonly string[]) => schoneLijst(waarden, screen);
  const kp = record.klantprofiel;

  const heeftProfiel = kp !== null;
  const opleidingen = (kp?.opleidingen ?? []).map((o) => ({
    niveau: o.niveau,
    richting: o.richting === undefined ? null : screen(o.richting),
    diploma: o.diploma ?? null,
  }));
  const vaardigheden = lijst(kp?.vaardigheden ?? []);
  const competenties = lijst(kp?.competenties ?? []);
  const affiniteiten = lijst(kp?.affiniteiten ?? []);
  const beroepssectoren = lijst(kp?.beroepssectoren ?? []);
  const taaksoorten = lijst(kp?.taaksoorten ?? []);
  const werkervaring: Kandidaatprofiel['werkervaring'] = [];
  for (const w of kp?.werkervaring ?? []) {
    const beroep = screen(w.beroep);
    if (beroep !== null) werkervaring.push({ beroep, jaren: w.jaren });
  }
  const profielvulling = bepaalProfielvulling(
    { heeftProfiel, opleidingen, vaardigheden, competenties, affiniteiten, beroepssectoren, taaksoorten, werkervaring },
    config.transparantie,
  );

  return {
    ok: true,
    profiel: {
      id: deps.pseudoniem(record.klantnummer),
      gemeenteCode: gemeente.code,
      gemeente: gemeente.naam,
      regio: gemeente.regio,
      regioNaam: gemeente.regioNaam,
      dienstverlener: record.dienstverlener,
      heeftProfiel,
      opleidingen,
      opleidingsniveau: hoogsteNiveau(opleidingen.map((o) => o.niveau), config.opleidingsniveaus),
      vaardigheden,
      competenties,
      affiniteiten,
      beroepssectoren,
      taaksoorten,
      werkervaring,
      urenPerWeek: kp?.beschikbaarheid?.urenPerWeek ?? null,
      dagdelen: [...new Set(kp?.beschikbaarheid?.dagdelen ?? [])],
      reisafstandKm: kp?.reisafstandKm ?? null,
      rijbewijs: [...new Set(kp?.vervoer?.rijbewijs ?? [])].sort(),
      eigenVervoer: kp?.vervoer?.eigenVervoer ?? null,
      profielvulling,
      transparantieklasse: bepaalTransparantieklasse(profielvulling, config.transparantie),
      bijgewerkt: new Date(record.gewijzigdOp).toISOString().slice(0, 10),
      publiek: null,
    },
  };
}

/** Woonplaats is deliberately left out: it is usually the gemeente, which the profile shows anyway. */
function screeningContext(record: SonarRecord): ScreeningContext {
  const { voornaam, tussenvoegsel, achternaam } = record.naam ?? {};
  const volledigeAchternaam = tussenvoegsel && achternaam ? `${tussenvoegsel} ${achternaam}` : undefined;
  return {
    namen: [voornaam, achternaam, volledigeAchternaam].filter(isGevuld),
    straten: [record.adres?.straat].filter(isGevuld),
  };
}

function isGevuld(waarde: string | undefined): waarde is string {
  return waarde !== undefined && waarde.trim() !== '';
}

/** Screened values in their original order; of case-insensitive duplicates the first spelling stays. */
function schoneLijst(waarden: readonly string[], screen: (tekst: string) => string | null): string[] {
  const gezien = new Set<string>();
  const uit: string[] = [];
  for (const waarde of waarden) {
    const schoon = screen(waarde);
    if (schoon === null) continue;
    const sleutel = schoon.toLowerCase();
    if (gezien.has(sleutel)) continue;
    gezien.add(sleutel);
    uit.push(schoon);
  }
  return uit;
}

function hoogsteNiveau(niveaus: Opleidingsniveau[], volgorde: SearchConfig['opleidingsniveaus']): Opleidingsniveau | null {
  const rang = new Map(volgorde.map((n, i) => [n.code, i]));
  let hoogste: Opleidingsniveau | null = null;
  for (const niveau of niveaus) {
    if (hoogste === null || (rang.get(niveau) ?? -1) > (rang.get(hoogste) ?? -1)) hoogste = niveau;
  }
  return hoogste;
}
