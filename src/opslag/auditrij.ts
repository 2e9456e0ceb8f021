import type { Auditpagina, Auditregel, NieuweAuditregel } from '../audit/auditregel';
import { auditHash, canoniekeJson } from '../audit/keten';
import type { Auditstand, Ketenpunt } from './opslag.port';

/** A record as both adapters read it back, after their own type conversions. */
export interface Auditrij {
  volgnummer: number;
  tijd: string;
  sleutel_id: string | null;
  rol: string;
  actie: string;
  pseudoniemen: string[];
  aantal: number | null;
  details: string;
  vorige_hash: string;
  hash: string;
}

/** The stand row, the same on both adapters. */
export const STAND_SQL = 'SELECT laatste, laatste_hash, anker, anker_hash FROM audit_stand WHERE id = 1';

/** pg hands bigints back as strings, SQLite as numbers. */
export interface Standrij { laatste: number | string; laatste_hash: string; anker: number | string; anker_hash: string }

export function naarStand(s: Standrij): Auditstand {
  return { laatste: { volgnummer: Number(s.laatste), hash: s.laatste_hash }, anker: { volgnummer: Number(s.anker), hash: s.anker_hash } };
}

/** `rijen` newest first, fetched with LIMIT limiet + 1: the extra row only tells that an older page exists. */
export function naarPagina<R>(rijen: readonly R[], limiet: number, naarRegel: (r: R) => Auditregel): Auditpagina {
  const regels = rijen.slice(0, limiet).map(naarRegel);
  return { regels, volgende: rijen.length > limiet ? regels.at(-1)!.volgnummer : null };
}

export function naarAuditregel(r: Auditrij): Auditregel {
  return {
    volgnummer: r.volgnummer, tijd: r.tijd, sleutelId: r.sleutel_id, rol: r.rol as Auditregel['rol'], actie: r.actie as Auditregel['actie'],
    pseudoniemen: r.pseudoniemen, aantal: r.aantal, details: JSON.parse(r.details) as Record<string, unknown>, vorigeHash: r.vorige_hash, hash: r.hash,
  };
}

/** Chains new records after `vorige`, all at time `tijd`; the details as their canonical text for storing. */
export function keten(regels: readonly NieuweAuditregel[], vorige: Ketenpunt, tijd: string): (Auditregel & { detailsTekst: string })[] {
  let punt = vorige;
  return regels.map((n) => {
    const zonderHash = {
      volgnummer: punt.volgnummer + 1, tijd, sleutelId: n.sleutelId, rol: n.rol, actie: n.actie,
      pseudoniemen: [...n.pseudoniemen], aantal: n.aantal ?? null, details: n.details ?? {}, vorigeHash: punt.hash,
    };
    const regel = { ...zonderHash, hash: auditHash(zonderHash), detailsTekst: canoniekeJson(zonderHash.details) };
    punt = { volgnummer: regel.volgnummer, hash: regel.hash };
    return regel;
  });
}
