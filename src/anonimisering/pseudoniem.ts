import { createHmac } from 'node:crypto';
import { ConfigError } from '../config/config-error';

/** A pseudonym key must carry at least this much entropy, so the pseudonyms cannot be brute-forced from klantnummers. */
export const MIN_PSEUDONIEM_GEHEIM_BITS = 256;

/** 128 bits of the HMAC: collision-free for any realistic caseload, and a valid Meilisearch document id. */
const PSEUDONIEM_HEX_LENGTE = 32;

/** Placeholders such as 64 zeros look long enough but carry almost nothing. */
const MIN_VERSCHILLENDE_TEKENS = 8;

const HEX = /^[0-9a-f]+$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Estimates the key bits in a secret by its recognisable encoding: hex counts 4 bits a character, base64 the
 * bits of the bytes it decodes to, anything else 8 bits a UTF-8 byte. A 48-character hex string is therefore
 * 192 bits, not 384: an encoded key is only as strong as what it encodes.
 */
export function pseudonymSecretBits(secret: string): number {
  if (HEX.test(secret)) return secret.length * 4;
  if (BASE64.test(secret) && secret.length % 4 === 0) return Buffer.from(secret, 'base64').length * 8;
  return Buffer.byteLength(secret, 'utf8') * 8;
}

/**
 * Checks that a secret is fit as pseudonym key (at least 256 bits, not a repeated placeholder). The message
 * never contains the secret, so it can go into a startup error.
 */
export function validatePseudonymSecret(secret: string): { ok: true } | { ok: false; melding: string } {
  const bits = pseudonymSecretBits(secret);
  if (bits < MIN_PSEUDONIEM_GEHEIM_BITS) {
    return {
      ok: false,
      melding: `het pseudoniemgeheim heeft ${bits} bits; minimaal ${MIN_PSEUDONIEM_GEHEIM_BITS} nodig (64 hex-tekens, base64 van 32 bytes of een tekst van 32 bytes)`,
    };
  }
  if (new Set(secret).size < MIN_VERSCHILLENDE_TEKENS) {
    return { ok: false, melding: 'het pseudoniemgeheim lijkt een placeholder (te weinig verschillende tekens)' };
  }
  return { ok: true };
}

/**
 * Returns the keyed pseudonym function: the first 32 hex characters of HMAC-SHA-256(secret, klantnummer).
 * Stable across syncs for one secret; without the secret it can be neither reversed nor recomputed. The secret
 * string itself (UTF-8) is the key, so a hex or base64 secret needs no decoding step that could differ between
 * deployments. Throws a ConfigError for a weak secret.
 */
export function createPseudonimiseerder(secret: string): (klantnummer: string) => string {
  const controle = validatePseudonymSecret(secret);
  if (!controle.ok) throw new ConfigError(controle.melding);
  return (klantnummer) =>
    createHmac('sha256', secret).update(klantnummer, 'utf8').digest('hex').slice(0, PSEUDONIEM_HEX_LENGTE);
}
