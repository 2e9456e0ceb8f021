import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from '../config/config-error';

/** The key is 32 bytes (AES-256), given as 64 hex characters. */
const SLEUTEL_HEX = /^[0-9a-f]{64}$/i;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSIE = 'v1';

/** The message never contains the key, so it can go into a startup error. */
export function valideerKlantnummerSleutel(hex: string): { ok: true } | { ok: false; melding: string } {
  if (!SLEUTEL_HEX.test(hex)) return { ok: false, melding: 'verwacht 64 hex-tekens (32 bytes)' };
  if (new Set(hex.toLowerCase()).size < 8) return { ok: false, melding: 'de sleutel lijkt een placeholder (te weinig verschillende tekens)' };
  return { ok: true };
}

/** A klantnummer encrypted for one profile; the decryption failed (tampered, another key, another profile). */
export class OntsleutelFout extends Error {
  override readonly name = 'OntsleutelFout';
}

export interface KlantnummerVersleuteling {
  /** `v1:<iv>:<tag>:<ciphertext>` (base64), a fresh random 96-bit IV every time. */
  versleutel(klantnummer: string, profielId: string): string;
  /** Throws OntsleutelFout for anything that was not encrypted with this key for this profile. */
  ontsleutel(versleuteld: string, profielId: string): string;
}

/**
 * AES-256-GCM for the klantnummer the werkgeversservicepunt may resolve a pseudonym to. The profile id is the
 * additional authenticated data: a ciphertext copied to another profile's row does not decrypt. The key is its own,
 * not the pseudonym secret: whoever can recompute pseudonyms cannot read klantnummers, and the other way round.
 */
export function createKlantnummerVersleuteling(sleutelHex: string): KlantnummerVersleuteling {
  const controle = valideerKlantnummerSleutel(sleutelHex);
  if (!controle.ok) throw new ConfigError(`KV_KLANTNUMMER_KEY: ${controle.melding}`);
  const sleutel = Buffer.from(sleutelHex, 'hex');
  return {
    versleutel(klantnummer, profielId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sleutel, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(profielId, 'utf8'));
      const ct = Buffer.concat([cipher.update(klantnummer, 'utf8'), cipher.final()]);
      return [VERSIE, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
    },
    ontsleutel(versleuteld, profielId) {
      const delen = versleuteld.split(':');
      if (delen.length !== 4 || delen[0] !== VERSIE) throw new OntsleutelFout('onbekend formaat van het versleutelde klantnummer');
      const [iv, tag, ct] = delen.slice(1).map((d) => Buffer.from(d, 'base64')) as [Buffer, Buffer, Buffer];
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new OntsleutelFout('onbekend formaat van het versleutelde klantnummer');
      try {
        const decipher = createDecipheriv('aes-256-gcm', sleutel, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(profielId, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
      } catch (err) {
        throw new OntsleutelFout('het klantnummer kon niet worden ontsleuteld', { cause: err });
      }
    },
  };
}
