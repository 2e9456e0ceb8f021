import { randomBytes } from 'node:crypto';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { auditIdentiteit, type AuditVastlegging, type NieuweAuditregel } from '../audit/auditregel';
import type { SearchConfig } from '../config/search-config';
import { NIET_GETOOND } from '../privacy/publiek';
import type { Identiteit } from '../toegang/api-sleutels';
import type { Werkgeversprofiel } from '../zoeken/werkgeversweergave';
import type { ZoekService } from '../zoeken/zoek.service';
import {
  MAG_VANUIT, OngeldigeOvergangFout, REDEN_PROFIEL_VERWIJDERD, type Contactformulier, type Contactverzoek, type Contactverzoekstatus, type Statuswijziging,
} from './contactverzoek';
import { AuditNietBeschikbaarFout, ContactverzoekAfgeslotenFout, ContactverzoekNietGevondenFout, ProfielVerdwenenFout } from './contactverzoek.errors';
import type { ContactverzoekOpslag, MirrorOpslag, Opslag } from '../opslag/opslag.port';
import type { Opschoonbaar } from '../audit/opschoning';

/** What the employer is told: where the request went, nothing more about the candidate. */
export interface Ontvangstbevestiging {
  referentie: string;
  /** Name of the region whose werkgeversservicepunt handles the request; null where employers are not shown the region. */
  regioNaam: string | null;
}

export type ContactverzoekMetRegio = Contactverzoek & { regioNaam: string };

/** What an employer sees of its own requests: the status, nothing of the WSP's handling. */
export interface EigenContactverzoek {
  referentie: string;
  profielId: string;
  vacature: string;
  /** Null where the employer's view of the candidate does not show the region (k-anonymity), or the profile is gone. */
  regioNaam: string | null;
  status: Contactverzoekstatus;
  ingediend: string;
  bijgewerkt: string;
}

export interface Herleiding {
  referentie: string;
  profielId: string;
  klantnummer: string;
}


export interface ContactverzoekServiceDeps {
  opslag: ContactverzoekOpslag;
  /** For the encrypted klantnummer and to see which profiles still exist. */
  mirror: Pick<MirrorOpslag, 'get' | 'versleuteldKlantnummer'>;
  /** Decrypts a klantnummer encrypted for this profile (KlantnummerVersleuteling.ontsleutel). */
  ontsleutel: (versleuteld: string, profielId: string) => string;
  audit: AuditVastlegging;
  zoeken: ZoekService;
  config: SearchConfig;
}

/** Short enough to read out on the phone (KV-1A2B-3C4D-5E6F), 48 random bits so references cannot be guessed. */
function nieuweReferentie(): string {
  return `KV-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)!.join('-')}`;
}

/**
 * Self-healing: closes open requests whose profile is no longer in the mirror; answers how many. The requests live
 * apart from the mirror (another SQLite file), so a close right after a sync can be lost to a crash; this catches up.
 */
export async function sluitVerweesde(opslag: Pick<Opslag, 'contactverzoeken'> & { mirror: Pick<MirrorOpslag, 'get'> }): Promise<number> {
  const weg: string[] = [];
  for (const id of await opslag.contactverzoeken.openProfielIds()) if (!(await opslag.mirror.get(id))) weg.push(id);
  return opslag.contactverzoeken.sluitVoorProfielen(weg, REDEN_PROFIEL_VERWIJDERD);
}

/**
 * The retention part of contactverzoeken (the daily Opschoning, `npm run opschonen`): closes orphans first (their
 * term starts now), then removes the requests closed before `grens`; open ones never.
 */
export function contactverzoekenOnderdeel(opslag: Pick<Opslag, 'contactverzoeken'> & { mirror: Pick<MirrorOpslag, 'get'> }, maanden: number): Opschoonbaar {
  return {
    naam: 'contactverzoeken',
    maanden,
    verwijder: async (grens) => {
      await sluitVerweesde(opslag);
      return opslag.contactverzoeken.verwijderAfgeslotenVoor(grens);
    },
  };
}

const magRegio = (regios: readonly number[] | null, regio: number) => regios === null || regios.includes(regio);

/**
 * Employers' requests to get in touch with a candidate, routed to the werkgeversservicepunt (WSP) of the
 * candidate's region, and the WSP's handling of them: status, and the way back from the pseudonym to the
 * klantnummer, which is logged in the audit trail before it is given.
 */
export class ContactverzoekService {
  private readonly regionamen: Map<number, string>;

  constructor(private readonly deps: ContactverzoekServiceDeps) {
    this.regionamen = new Map(deps.config.regios.map((r) => [r.nummer, r.naam]));
  }

  /** Stores the request durably before it returns; null when the profile does not exist (any more). */
  async dienIn(profielId: string, formulier: Contactformulier, afzender: string | null): Promise<Ontvangstbevestiging | null> {
    // Routed by the exact region, confirmed only with what the employer may see of the candidate.
    const profiel = await this.deps.zoeken.profiel(profielId, 'exact') as Kandidaatprofiel | null;
    if (profiel?.publiek?.zichtbaar !== 'ja') return null;
    const ingediend = new Date().toISOString();
    const verzoek: Contactverzoek = {
      ...formulier, referentie: nieuweReferentie(), profielId, regio: profiel.regio, ingediend,
      status: 'nieuw', afsluitreden: null, bijgewerkt: ingediend, afgesloten: null, afzender,
    };
    await this.deps.opslag.bewaar(verzoek);
    return { referentie: verzoek.referentie, regioNaam: profiel.publiek.regio === NIET_GETOOND ? null : profiel.regioNaam };
  }

  /** Newest first; only the given regions (null: all) and status when set. */
  async lijst(regios: readonly number[] | null = null, status?: Contactverzoekstatus): Promise<ContactverzoekMetRegio[]> {
    return (await this.deps.opslag.lijst({ ...(regios ? { regios } : {}), ...(status ? { status } : {}) })).map((v) => this.metRegio(v));
  }

  /**
   * The list as someone is shown it (API or page, also a page shown again with a form's problem): in the audit log
   * before it is returned, with the pseudonyms listed and how many requests. `details`: the parameters used.
   */
  async lijstIngezien(wie: Identiteit | undefined, keuze: { regios: readonly number[] | null; status?: Contactverzoekstatus }, details: Record<string, unknown>): Promise<ContactverzoekMetRegio[]> {
    const lijst = await this.lijst(keuze.regios, keuze.status);
    await this.leg(wie, { actie: 'contactverzoeken-ingezien', pseudoniemen: [...new Set(lijst.map((v) => v.profielId))], aantal: lijst.length, details });
    return lijst;
  }

  /**
   * The sender's own requests with their status (`null`: the requests sent without identity, development only).
   * The region only where the employer's view of the candidate shows it now, as on the confirmation (k-anonymity).
   */
  async mijn(afzender: string | null): Promise<EigenContactverzoek[]> {
    const verzoeken = await this.deps.opslag.lijst({ afzender });
    const getoond = new Map(await Promise.all([...new Set(verzoeken.map((v) => v.profielId))].map(async (id) => {
      // The employer's view: null for a profile employers may not see, or one that is gone.
      const p = await this.deps.zoeken.profiel(id, 'werkgever') as Werkgeversprofiel | null;
      return [id, p !== null && p.publiek.regio !== NIET_GETOOND] as const;
    })));
    return verzoeken.map((v) => ({
      referentie: v.referentie, profielId: v.profielId, vacature: v.vacature, regioNaam: getoond.get(v.profielId) ? this.regioNaam(v.regio) : null,
      status: v.status, ingediend: v.ingediend, bijgewerkt: v.bijgewerkt,
    }));
  }

  /** One request of the caller's regions; the same 404 for an unknown one and one of another region. */
  async voorWsp(wie: Identiteit | undefined, referentie: string): Promise<ContactverzoekMetRegio> {
    const verzoek = await this.deps.opslag.get(referentie);
    if (!verzoek || !magRegio(wie?.regios ?? null, verzoek.regio)) throw new ContactverzoekNietGevondenFout();
    return this.metRegio(verzoek);
  }

  /**
   * Changes the status of a request of the caller's regions. The change is in the audit log before it is made
   * (a record of a change that a concurrent one then beat is harmless; a change without record is not).
   */
  async zetStatus(wie: Identiteit | undefined, referentie: string, status: Exclude<Contactverzoekstatus, 'nieuw'>, reden?: string): Promise<ContactverzoekMetRegio> {
    const huidig = await this.voorWsp(wie, referentie);
    // Refused before the audit record: a transition that cannot happen is not recorded as one.
    if (!MAG_VANUIT[status].includes(huidig.status)) throw new OngeldigeOvergangFout(huidig.status, status);
    const tijd = new Date().toISOString();
    const wijziging: Statuswijziging = status === 'afgesloten' ? { status, reden: reden!, tijd } : { status, tijd };
    await this.leg(wie, { actie: 'contactverzoek-status', pseudoniemen: [huidig.profielId], details: { referentie, van: huidig.status, naar: status } });
    const nieuw = await this.deps.opslag.zetStatus(referentie, wijziging);
    if (!nieuw) throw new ContactverzoekNietGevondenFout();
    return this.metRegio(nieuw);
  }

  /**
   * The way back: the klantnummer behind a request's pseudonym, for the WSP of its region while it is open. The
   * resolution is in the audit log before the number leaves this method.
   */
  async herleid(wie: Identiteit | undefined, referentie: string): Promise<Herleiding> {
    const verzoek = await this.voorWsp(wie, referentie);
    if (verzoek.status === 'afgesloten') throw new ContactverzoekAfgeslotenFout();
    const versleuteld = await this.deps.mirror.versleuteldKlantnummer(verzoek.profielId);
    if (versleuteld === null) throw new ProfielVerdwenenFout();
    const klantnummer = this.deps.ontsleutel(versleuteld, verzoek.profielId);
    await this.leg(wie, { actie: 'pseudoniem-herleid', pseudoniemen: [verzoek.profielId], details: { referentie } });
    return { referentie, profielId: verzoek.profielId, klantnummer };
  }

  /** Closes the open requests of profiles Sonar deleted; answers how many. */
  sluitVoorProfielen(profielIds: readonly string[]): Promise<number> {
    return this.deps.opslag.sluitVoorProfielen(profielIds, REDEN_PROFIEL_VERWIJDERD);
  }

  /** Closes open requests whose profile is no longer in the mirror (at start, and in the retention job). */
  sluitVerweesde(): Promise<number> {
    return sluitVerweesde({ contactverzoeken: this.deps.opslag, mirror: this.deps.mirror });
  }

  private async leg(wie: Identiteit | undefined, regel: Omit<NieuweAuditregel, 'sleutelId' | 'rol'>): Promise<void> {
    try {
      await this.deps.audit.vastleggen({ ...auditIdentiteit(wie), ...regel });
    } catch (err) {
      throw new AuditNietBeschikbaarFout({ cause: err });
    }
  }

  private regioNaam(regio: number): string {
    return this.regionamen.get(regio) ?? `regio ${regio}`;
  }

  private metRegio(v: Contactverzoek): ContactverzoekMetRegio {
    return { ...v, regioNaam: this.regioNaam(v.regio) };
  }
}
