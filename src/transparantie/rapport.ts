import type { RegioConfig, TransparantieConfig } from '../config/search-config';
import type { DoelgroepregisterTelling } from '../opslag/opslag.port';
import { OngeldigeKeuzeFout } from './transparantie.errors';
import type {
  Dekking, LandelijkOverzicht, Regiorapport, Snapshot, Telstand, Trend,
} from './transparantie.schemas';

/** What every report says about itself: which quarter, live or frozen, counted when. */
export interface Rapportkop { periode: string; live: boolean; peilmoment: string }

type Klassen = Pick<TransparantieConfig['klassen'][number], 'code' | 'label'>[];
type Standregio = Telstand['regios'][number];

const GEMEENTEVOLGORDE = new Intl.Collator('nl');

const som = (getallen: readonly number[]) => getallen.reduce((a, b) => a + b, 0);
const metTotaal = (aantallen: readonly number[]) => [...aantallen, som(aantallen)];
/** Column sums of equally long rows; `breedte` keeps an empty region at zeros. */
const kolomsommen = (rijen: readonly (readonly number[])[], breedte: number) =>
  Array.from({ length: breedte }, (_, k) => som(rijen.map((r) => r[k] ?? 0)));

/**
 * Builds the frozen-able state from the index's facet counts: `perKlasse[i]` is the gemeente distribution of the
 * profiles in `klassen[i]`. Every configured gemeente gets its counts, zero when the index has none there.
 */
export function maakTelstand(regios: readonly RegioConfig[], klassen: Klassen, perKlasse: readonly Readonly<Record<string, number>>[]): Telstand {
  return {
    klassen: klassen.map(({ code, label }) => ({ code, label })),
    regios: regios.map((r) => ({
      nummer: r.nummer,
      naam: r.naam,
      gemeenten: r.gemeenten.map((g) => ({ code: g.code, naam: g.naam, aantallen: perKlasse.map((verdeling) => verdeling[g.code] ?? 0) })),
    })),
  };
}

/**
 * The register count that applies to a region in `periode`: that quarter's own, else the latest earlier one
 * (register figures arrive after the quarter has started). Null when none is known up to `periode`.
 */
export function kiesRegister(tellingen: readonly DoelgroepregisterTelling[], regio: number, periode: string): DoelgroepregisterTelling | null {
  let gekozen: DoelgroepregisterTelling | null = null;
  for (const t of tellingen) {
    if (t.regio === regio && t.periode <= periode && (gekozen === null || t.periode > gekozen.periode)) gekozen = t;
  }
  return gekozen;
}

/** Per region of the stand the register count that applies in `periode` (what a snapshot stores). */
export function registerVoorStand(stand: Telstand, tellingen: readonly DoelgroepregisterTelling[], periode: string): DoelgroepregisterTelling[] {
  return stand.regios.flatMap((r) => kiesRegister(tellingen, r.nummer, periode) ?? []);
}

/**
 * Coverage as the publication prints it: the share of the register known in Sonar, rounded half up to a whole
 * percent (3955 / 5594 = 70.7 -> 71). Multiplying before dividing keeps an exact half (141 / 200) at .5.
 */
export function dekking(inSonar: number, telling: Pick<DoelgroepregisterTelling, 'aantal' | 'periode'> | null): Dekking | null {
  if (telling === null) return null;
  return {
    aantal: telling.aantal,
    bekendInSonarPercentage: telling.aantal > 0 ? Math.round((100 * inSonar) / telling.aantal) : null,
    periode: telling.periode,
  };
}

function registermelding(regio: Pick<Standregio, 'nummer' | 'naam'>, telling: DoelgroepregisterTelling | null, periode: string): string | undefined {
  if (telling === null) return `voor regio ${regio.nummer} ${regio.naam} is tot en met ${periode} geen aantal in het doelgroepregister bekend, dus ook geen percentage bekend in Sonar`;
  if (telling.aantal === 0) return `het doelgroepregister van regio ${regio.nummer} telt 0 personen; een percentage bekend in Sonar is niet te berekenen`;
  if (telling.periode !== periode) return `het aantal in het doelgroepregister van regio ${regio.nummer} is van ${telling.periode}, het laatste bekende kwartaal`;
  return undefined;
}

function kolommen(klassen: Klassen): { kolommen: string[]; kolomlabels: string[] } {
  return { kolommen: [...klassen.map((k) => k.code), 'totaal'], kolomlabels: [...klassen.map((k) => k.label), 'Totaal'] };
}

function vindRegio(stand: Telstand, nummer: number): Standregio {
  const regio = stand.regios.find((r) => r.nummer === nummer);
  if (!regio) throw new OngeldigeKeuzeFout('regio', `arbeidsmarktregio ${nummer} bestaat niet (in deze periode)`);
  return regio;
}

/**
 * The table 'Transparantie van klantprofielen' of one region: a row per gemeente (also those without profiles),
 * in Dutch alphabetical order, the TOTAAL AMR row and the coverage against the doelgroepregister.
 * `register` holds at most one applicable count per region (see `registerVoorStand`).
 */
export function bouwRegiorapport(stand: Telstand, regioNummer: number, register: readonly DoelgroepregisterTelling[], kop: Rapportkop): Regiorapport {
  const regio = vindRegio(stand, regioNummer);
  const rijen = [...regio.gemeenten]
    .sort((a, b) => GEMEENTEVOLGORDE.compare(a.naam, b.naam))
    .map((g) => ({ gemeente: g.naam, gemeenteCode: g.code, waarden: metTotaal(g.aantallen) }));
  const totaal = kolomsommen(rijen.map((r) => r.waarden), stand.klassen.length + 1);
  const telling = register.find((t) => t.regio === regio.nummer) ?? null;
  const melding = registermelding(regio, telling, kop.periode);
  return {
    soort: 'regio',
    ...kop,
    ...kolommen(stand.klassen),
    regio: { nummer: regio.nummer, naam: regio.naam },
    rijen,
    totaal: { label: 'TOTAAL AMR', waarden: totaal },
    doelgroepregister: dekking(totaal.at(-1)!, telling),
    ...(melding ? { melding } : {}),
  };
}

function regiototaal(regio: Standregio, breedte: number): number[] {
  return metTotaal(kolomsommen(regio.gemeenten.map((g) => g.aantallen), breedte));
}

/**
 * One row per region with its own coverage. The national coverage is only given when every region has a
 * register count of the same quarter: adding counts of different quarters would invent a figure.
 */
export function bouwLandelijkOverzicht(stand: Telstand, register: readonly DoelgroepregisterTelling[], kop: Rapportkop): LandelijkOverzicht {
  const rijen = [...stand.regios].sort((a, b) => a.nummer - b.nummer).map((r) => {
    const waarden = regiototaal(r, stand.klassen.length);
    return { regio: { nummer: r.nummer, naam: r.naam }, waarden, doelgroepregister: dekking(waarden.at(-1)!, register.find((t) => t.regio === r.nummer) ?? null) };
  });
  const totaal = kolomsommen(rijen.map((r) => r.waarden), stand.klassen.length + 1);
  const zonder = rijen.filter((r) => r.doelgroepregister === null).map((r) => r.regio.nummer);
  const kwartalen = [...new Set(register.map((t) => t.periode))];
  let doelgroepregister: Dekking | null = null;
  let melding: string | undefined;
  if (zonder.length > 0) {
    melding = `voor ${zonder.length === 1 ? 'regio' : "regio's"} ${zonder.join(', ')} is tot en met ${kop.periode} geen aantal in het doelgroepregister bekend; het landelijke percentage ontbreekt daarom`;
  } else if (kwartalen.length > 1) {
    melding = `de aantallen in het doelgroepregister zijn van verschillende kwartalen (${kwartalen.sort().join(', ')}); het landelijke percentage ontbreekt daarom`;
  } else if (rijen.length > 0) {
    doelgroepregister = dekking(totaal.at(-1)!, { periode: kwartalen[0]!, aantal: som(register.map((t) => t.aantal)) });
    if (kwartalen[0] !== kop.periode) melding = `de aantallen in het doelgroepregister zijn van ${kwartalen[0]}, het laatste bekende kwartaal`;
  }
  return {
    soort: 'landelijk',
    ...kop,
    ...kolommen(stand.klassen),
    rijen,
    totaal: { label: 'TOTAAL NEDERLAND', waarden: totaal },
    doelgroepregister,
    ...(melding ? { melding } : {}),
  };
}

/**
 * A region's classes over the frozen quarters, oldest first, in the columns of `klassen`. Quarters frozen before
 * the region existed are left out.
 */
export function bouwTrend(regio: { nummer: number; naam: string }, klassen: Klassen, snapshots: readonly Snapshot[]): Trend {
  const kwartalen = [...snapshots].sort((a, b) => (a.periode < b.periode ? -1 : 1)).flatMap((s) => {
    const r = s.stand.regios.find((x) => x.nummer === regio.nummer);
    if (!r) return [];
    const perCode = new Map(s.stand.klassen.map((k, i) => [k.code, som(r.gemeenten.map((g) => g.aantallen[i] ?? 0))]));
    // A class the rule did not have when the quarter was frozen held nobody then.
    const waarden = metTotaal(klassen.map((k) => perCode.get(k.code) ?? 0));
    return [{ periode: s.periode, waarden, doelgroepregister: dekking(waarden.at(-1)!, s.doelgroepregister.find((t) => t.regio === regio.nummer) ?? null) }];
  });
  return { regio, ...kolommen(klassen), kwartalen };
}
