import { ConfigError } from '../config/config-error';
import { createKlantnummerVersleuteling, OntsleutelFout } from './klantnummer-versleuteling';

const SLEUTEL = '5b7e0c2d9a14f6385b7e0c2d9a14f6385b7e0c2d9a14f6387c1d0e2f3a4b5c6d';
const ANDERE = '9f8e7d6c5b4a39281f0e2d3c4b5a69788f9e0d1c2b3a49586f7e6d5c4b3a2910';
const PROFIEL = '0123456789abcdef0123456789abcdef';

describe('klantnummer encryption (AES-256-GCM)', () => {
  const v = createKlantnummerVersleuteling(SLEUTEL);

  it('round-trips, in one versioned string that does not hold the plaintext', () => {
    const versleuteld = v.versleutel('S0000001234', PROFIEL);
    expect(versleuteld).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(versleuteld).not.toContain('S0000001234');
    expect(v.ontsleutel(versleuteld, PROFIEL)).toBe('S0000001234');
    expect(v.ontsleutel(v.versleutel('', PROFIEL), PROFIEL)).toBe('');
  });

  it('uses a fresh 96-bit IV every time', () => {
    const keer = Array.from({ length: 50 }, () => v.versleutel('S0000001234', PROFIEL));
    expect(new Set(keer).size).toBe(50);
    const ivs = keer.map((k) => k.split(':')[1]!);
    expect(new Set(ivs).size).toBe(50);
    for (const iv of ivs) expect(Buffer.from(iv, 'base64')).toHaveLength(12);
  });

  it('refuses anything tampered with, another key, another profile or another format', () => {
    const versleuteld = v.versleutel('S0000001234', PROFIEL);
    const [versie, iv, tag, ct] = versleuteld.split(':') as [string, string, string, string];
    const flip = (b64: string) => { const b = Buffer.from(b64, 'base64'); b[0]! ^= 1; return b.toString('base64'); };
    for (const fout of [
      [versie, iv, tag, flip(ct)].join(':'),
      [versie, iv, flip(tag), ct].join(':'),
      [versie, flip(iv), tag, ct].join(':'),
      ['v2', iv, tag, ct].join(':'),
      [versie, iv, tag].join(':'),
      'S0000001234',
    ]) expect(() => v.ontsleutel(fout, PROFIEL)).toThrow(OntsleutelFout);
    // Bound to its profile: a ciphertext copied to another row does not decrypt.
    expect(() => v.ontsleutel(versleuteld, 'ffffffffffffffffffffffffffffffff')).toThrow(OntsleutelFout);
    expect(() => createKlantnummerVersleuteling(ANDERE).ontsleutel(versleuteld, PROFIEL)).toThrow(OntsleutelFout);
  });

  it('accepts only a 32-byte key given as 64 hex characters, and never names it', () => {
    for (const fout of ['abc', SLEUTEL.slice(0, 63), `${SLEUTEL}00`, 'z'.repeat(64), '0'.repeat(64)]) {
      let e: unknown;
      try { createKlantnummerVersleuteling(fout); } catch (err) { e = err; }
      expect(e).toBeInstanceOf(ConfigError);
      expect(String(e)).not.toContain(fout);
    }
  });
});
