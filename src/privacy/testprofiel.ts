import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { maakProfiel } from '../../test/zoeken/fixtures';

/** A profile for the privacy tests: only the quasi-identifiers matter, the rest is the fixtures' empty profile. */
export function testprofiel(delen: Partial<Kandidaatprofiel> = {}): Kandidaatprofiel {
  return { ...maakProfiel('a'.repeat(32), { gemeenteCode: delen.gemeenteCode ?? 'GM0268' }), ...delen };
}
