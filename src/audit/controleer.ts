import type { AuditOpslag } from '../opslag/opslag.port';
import { auditHash } from './keten';

export type Ketencontrole =
  | { heel: true; aantal: number; anker: number; laatste: number }
  | { heel: false; volgnummer: number; reden: string };

/**
 * Walks the whole chain from its anchor and recomputes every hash. Broken at the first volgnummer where a record
 * is missing, out of place, does not follow its predecessor's hash or does not match its own. The reason never
 * quotes the record's contents.
 */
export async function controleerKeten(audit: AuditOpslag): Promise<Ketencontrole> {
  return audit.keten(async (stand, regels) => {
    let vorige = stand.anker;
    let aantal = 0;
    for await (const r of regels) {
      const verwacht = vorige.volgnummer + 1;
      if (r.volgnummer > verwacht) return { heel: false, volgnummer: verwacht, reden: 'deze regel ontbreekt' };
      if (r.volgnummer < verwacht) return { heel: false, volgnummer: r.volgnummer, reden: 'deze regel staat niet op zijn plaats in de keten' };
      if (r.vorigeHash !== vorige.hash) return { heel: false, volgnummer: r.volgnummer, reden: 'de regel volgt niet op de hash van de vorige' };
      const { hash, ...rest } = r;
      if (auditHash(rest) !== hash) return { heel: false, volgnummer: r.volgnummer, reden: 'de inhoud past niet bij de hash' };
      vorige = { volgnummer: r.volgnummer, hash };
      aantal++;
    }
    if (vorige.volgnummer !== stand.laatste.volgnummer || vorige.hash !== stand.laatste.hash) {
      return { heel: false, volgnummer: vorige.volgnummer + 1, reden: 'het einde van de keten ontbreekt' };
    }
    return { heel: true, aantal, anker: stand.anker.volgnummer, laatste: stand.laatste.volgnummer };
  });
}
