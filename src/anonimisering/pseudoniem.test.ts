import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config/config-error';
import { createPseudonimiseerder, MIN_PSEUDONIEM_GEHEIM_BITS, pseudonymSecretBits, validatePseudonymSecret } from './pseudoniem';

const geheim = randomBytes(32).toString('hex');

describe('createPseudonimiseerder', () => {
  it('gives 32 lower-case hex characters, usable as a Meilisearch document id', () => {
    const id = createPseudonimiseerder(geheim)('S0001234567');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is stable for one secret, also across instances', () => {
    const a = createPseudonimiseerder(geheim);
    const b = createPseudonimiseerder(geheim);
    expect(a('S0001234567')).toBe(a('S0001234567'));
    expect(a('S0001234567')).toBe(b('S0001234567'));
  });

  it('depends on the key and on the klantnummer', () => {
    const a = createPseudonimiseerder(geheim);
    const anderGeheim = createPseudonimiseerder(randomBytes(32).toString('hex'));
    expect(anderGeheim('S0001234567')).not.toBe(a('S0001234567'));
    expect(a('S0001234568')).not.toBe(a('S0001234567'));
  });

  it('is the truncated HMAC-SHA-256 of the klantnummer under the secret', () => {
    // Reference computed outside Node: Python's hmac.new(key, msg, hashlib.sha256).hexdigest()[:32].
    const pseudoniem = createPseudonimiseerder('sleutel-voor-de-referentie-test!');
    expect(pseudoniem('S0001234567')).toBe('aeb2c0c9f07553e9e08d4a92e68fb3ae');
  });

  it('refuses a weak secret with a ConfigError that does not contain the secret', () => {
    expect(() => createPseudonimiseerder('kort-geheim')).toThrow(ConfigError);
    expect(() => createPseudonimiseerder('kort-geheim')).not.toThrow(/kort-geheim/);
  });
});

describe('pseudonymSecretBits', () => {
  it('counts hex at 4 bits a character', () => {
    expect(pseudonymSecretBits('ab'.repeat(32))).toBe(256);
    expect(pseudonymSecretBits(randomBytes(24).toString('hex'))).toBe(192);
  });

  it('counts base64 by the bytes it decodes to', () => {
    expect(pseudonymSecretBits(randomBytes(32).toString('base64'))).toBe(256);
    expect(pseudonymSecretBits(randomBytes(30).toString('base64'))).toBe(240);
  });

  it('counts any other text at 8 bits a UTF-8 byte', () => {
    expect(pseudonymSecretBits('dit-is-een-lang-geheim-van-32-b!')).toBe(256);
    expect(pseudonymSecretBits('é')).toBe(16);
    expect(pseudonymSecretBits('')).toBe(0);
  });
});

describe('validatePseudonymSecret', () => {
  it.each([
    ['64 hex characters', randomBytes(32).toString('hex')],
    ['base64 of 32 bytes', randomBytes(32).toString('base64')],
    ['a text of 32 bytes', 'dit-is-een-lang-geheim-van-32-b!'],
  ])('accepts %s', (_, secret) => {
    expect(validatePseudonymSecret(secret)).toEqual({ ok: true });
  });

  it.each([
    ['63 hex characters', randomBytes(32).toString('hex').slice(1)],
    ['48 hex characters (48 bytes of text, but only 192 bits)', randomBytes(24).toString('hex')],
    ['base64 of 31 bytes', randomBytes(31).toString('base64')],
    ['a text of 31 bytes', 'dit-is-een-lang-geheim-van-31-b'],
    ['a placeholder of 64 zeros', '0'.repeat(64)],
    ['a repeated word', 'geheim!'.repeat(10)],
  ])('refuses %s', (_, secret) => {
    const uitkomst = validatePseudonymSecret(secret);
    expect(uitkomst.ok).toBe(false);
    expect(JSON.stringify(uitkomst)).not.toContain(secret);
  });

  it('uses the 256-bit minimum', () => {
    expect(MIN_PSEUDONIEM_GEHEIM_BITS).toBe(256);
  });
});
