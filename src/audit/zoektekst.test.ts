import { createZoektekstHasher, zoekdetails } from './zoektekst';

const GEHEIM = 'a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806a3f1c9e27b4d5806';

describe('typed search text in the audit trail', () => {
  it('is a keyed hash: the same text (case, spaces) the same hash, another text or key another, the text nowhere', () => {
    const hash = createZoektekstHasher(GEHEIM);
    expect(hash('Jan de Vries')).toMatch(/^hmac:[0-9a-f]{32}$/);
    expect(hash(' jan de vries ')).toBe(hash('Jan de Vries'));
    expect(hash('Jan de Vriesch')).not.toBe(hash('Jan de Vries'));
    expect(createZoektekstHasher(GEHEIM.replace('a3', 'b4'))('Jan de Vries')).not.toBe(hash('Jan de Vries'));
  });

  it('keeps codes and levels as they are and hashes every free value', () => {
    const hash = createZoektekstHasher(GEHEIM);
    const details = zoekdetails({ q: 'Jansen', filters: { regio: ['25'], gemeente: ['GM0268'], opleidingsniveau: ['mbo-2'], vaardigheid: ['Pietersen'], sector: [] }, urenMin: 8, page: 2, hitsPerPage: 10, sort: 'relevantie' }, hash);
    expect(details).toEqual({ q: hash('Jansen'), filters: { regio: ['25'], gemeente: ['GM0268'], opleidingsniveau: ['mbo-2'], vaardigheid: [hash('Pietersen')] }, urenMin: 8, page: 2, hitsPerPage: 10, sort: 'relevantie' });
    expect(JSON.stringify(details)).not.toMatch(/Jansen|Pietersen/);
  });
});
