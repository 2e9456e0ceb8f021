import { randomBytes } from 'node:crypto';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { SearchConfig } from '../config/search-config';
import { NIET_GETOOND } from '../privacy/publiek';
import type { ZoekService } from '../zoeken/zoek.service';
import type { Contactformulier, Contactverzoek } from './contactverzoek';
import type { ContactverzoekOpslag } from '../opslag/opslag.port';

/** What the employer is told: where the request went, nothing more about the candidate. */
export interface Ontvangstbevestiging {
  referentie: string;
  /** Name of the region whose werkgeversservicepunt handles the request; null where employers are not shown the region. */
  regioNaam: string | null;
}

export interface ContactverzoekServiceDeps {
  opslag: ContactverzoekOpslag;
  zoeken: ZoekService;
  config: SearchConfig;
}

/** Short enough to read out on the phone (KV-1A2B-3C4D-5E6F), 48 random bits so references cannot be guessed. */
function nieuweReferentie(): string {
  return `KV-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)!.join('-')}`;
}

/** Employers' requests to get in touch with a candidate, routed to the WSP of the candidate's region. */
export class ContactverzoekService {
  constructor(private readonly deps: ContactverzoekServiceDeps) {}

  /** Stores the request durably before it returns; null when the profile does not exist (any more). */
  async dienIn(profielId: string, formulier: Contactformulier): Promise<Ontvangstbevestiging | null> {
    // Routed by the exact region, confirmed only with what the employer may see of the candidate.
    const profiel = await this.deps.zoeken.profiel(profielId, 'exact') as Kandidaatprofiel | null;
    if (profiel?.publiek?.zichtbaar !== 'ja') return null;
    const verzoek: Contactverzoek = { ...formulier, referentie: nieuweReferentie(), profielId, regio: profiel.regio, ingediend: new Date().toISOString() };
    await this.deps.opslag.bewaar(verzoek);
    return { referentie: verzoek.referentie, regioNaam: profiel.publiek.regio === NIET_GETOOND ? null : profiel.regioNaam };
  }

  /** For the werkgeversservicepunten: newest first, optionally only some regions. */
  async lijst(regios?: readonly number[]): Promise<(Contactverzoek & { regioNaam: string })[]> {
    const namen = new Map(this.deps.config.regios.map((r) => [r.nummer, r.naam]));
    return (await this.deps.opslag.lijst(regios)).map((v) => ({ ...v, regioNaam: namen.get(v.regio) ?? `regio ${v.regio}` }));
  }
}
