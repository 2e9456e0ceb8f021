import fc from 'fast-check';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import { loadSearchConfig, type SearchConfig } from '../config/search-config';
import { Klassenboom } from './klassenboom';
import { blad, leesBlad, publiekeCombinatie, publiekVanWaarden, type Waarden } from './publiek';
import { regels } from './regels';
import { testprofiel } from './testprofiel';

const basis = loadSearchConfig();
const met = (privacy: Partial<SearchConfig['privacy']>): SearchConfig => ({ ...basis, privacy: { ...basis.privacy, ...privacy } });

const CONFIGS: SearchConfig[] = [
  basis,
  met({ k: 2 }),
  met({ k: 3, quasiIdentificatoren: ['gemeente', 'urenPerWeek', 'reisafstandKm', 'eigenVervoer'], volgorde: ['reisafstandKm', 'gemeente', 'eigenVervoer', 'urenPerWeek', 'rijbewijs', 'opleidingsniveau'] }),
  met({ k: 1 }),
  met({ k: 4, quasiIdentificatoren: ['opleidingsniveau', 'rijbewijs'] }),
];

/** Small domains, so that classes collide and every level is reached. */
const profielArb = fc.record({
  gemeenteCode: fc.constantFrom('GM0268', 'GM0209', 'GM0225', 'GM0003', 'GM0106'),
  opleidingsniveau: fc.constantFrom(null, 'geen', 'vmbo', 'mbo-2', 'mbo-3', 'hbo', 'wo'),
  urenPerWeek: fc.constantFrom(null, 0, 8, 12, 12.4, 20, 24, 32, 32.5, 40),
  reisafstandKm: fc.constantFrom(null, 5, 10, 10.5, 30, 80),
  rijbewijs: fc.constantFrom<string[]>([], ['B'], ['B', 'BE'], ['AM'], ['C']),
  eigenVervoer: fc.constantFrom(null, true, false),
}).map((d) => testprofiel({ ...d, rijbewijs: [...d.rijbewijs] } as Partial<Kandidaatprofiel>));

const opArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ soort: fc.constant('toe' as const), profiel: profielArb }) },
  { weight: 2, arbitrary: fc.record({ soort: fc.constant('weg' as const), index: fc.nat() }) },
);

/**
 * The definition, computed naively from scratch: nodes per level keyed by the values as shown at that level (exact
 * values for exact stadia), residuals bottom-up, a leaf's level the first node on its path with residual ≥ k.
 */
function referentie(bladen: readonly string[], config: SearchConfig): Map<string, number | null> {
  const r = regels(config);
  const velden = { gemeente: 'gemeente', opleidingsniveau: 'opleidingsniveau', urenPerWeek: 'uren', reisafstandKm: 'reisafstand', rijbewijs: 'rijbewijs', eigenVervoer: 'eigenVervoer' } as const;
  const sleutel = (w: Waarden, niveau: number) => `${niveau}:${JSON.stringify(r.qis.map((q, i) => {
    const s = r.stadia[niveau]![i];
    if (s === 0) return w[q];
    const p = publiekVanWaarden(w, niveau, config);
    return q === 'gemeente' ? [p.regio, p.gemeente] : p[velden[q]];
  }))}`;
  const aantal = new Map<string, number>();
  for (const b of bladen) aantal.set(b, (aantal.get(b) ?? 0) + 1);
  const paden = new Map([...aantal.keys()].map((b) => [b, r.stadia.map((_, n) => sleutel(leesBlad(b, config), n))]));
  const residu = new Map<string, number>();
  for (const [b, n] of aantal) residu.set(paden.get(b)![0]!, n);
  for (let niveau = 0; niveau + 1 < r.stadia.length; niveau++) {
    const gezien = new Set<string>();
    for (const pad of paden.values()) {
      const hier = pad[niveau]!;
      if (gezien.has(hier)) continue;
      gezien.add(hier);
      const rest = residu.get(hier) ?? 0;
      if (rest < r.k) residu.set(pad[niveau + 1]!, (residu.get(pad[niveau + 1]!) ?? 0) + rest);
    }
  }
  return new Map([...paden].map(([b, pad]) => [b, (() => {
    const n = pad.findIndex((s) => (residu.get(s) ?? 0) >= r.k);
    return n < 0 ? null : n;
  })()]));
}

function controleer(boom: Klassenboom, bladen: readonly string[], config: SearchConfig): void {
  const k = regels(config).k;
  const verwacht = referentie(bladen, config);
  const groepen = new Map<string, number>();
  let onpubliceerbaar = 0;
  for (const [b, niveau] of verwacht) expect([b, boom.niveau(b)]).toEqual([b, niveau]);
  for (const b of bladen) {
    const niveau = boom.niveau(b);
    if (niveau === null) {
      onpubliceerbaar++;
      continue;
    }
    const c = publiekeCombinatie(b, niveau, config);
    groepen.set(c, (groepen.get(c) ?? 0) + 1);
  }
  // (b) every published combination is shared by at least k profiles; (c) at most k - 1 are not published.
  for (const [c, n] of groepen) expect([c, n >= k]).toEqual([c, true]);
  expect(onpubliceerbaar).toBeLessThan(k);
  expect(boom.statistiek()).toMatchObject({ profielen: bladen.length, nietPubliceerbaar: onpubliceerbaar, bladen: new Set(bladen).size });
}

describe('Klassenboom', () => {
  it('geeft incrementeel hetzelfde als van scratch, publiceert alleen klassen van ≥ k en meldt elk blad dat van niveau verandert', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: CONFIGS.length - 1 }),
      fc.array(profielArb, { maxLength: 40 }),
      fc.array(opArb, { maxLength: 60 }),
      (c, begin, ops) => {
        const config = CONFIGS[c]!;
        const bladen = begin.map((p) => blad(p, config));
        const boom = Klassenboom.bouw(bladen, config);
        controleer(boom, bladen, config);
        boom.neemGewijzigdeBladen();
        for (const op of ops) {
          const voor = new Map(bladen.map((b) => [b, boom.niveau(b)]));
          let zelf: string;
          if (op.soort === 'toe') {
            zelf = blad(op.profiel, config);
            bladen.push(zelf);
            boom.voegToe(zelf);
          } else {
            if (bladen.length === 0) continue;
            zelf = bladen.splice(op.index % bladen.length, 1)[0]!;
            boom.verwijder(zelf);
          }
          // (d) every other leaf whose level changed is reported.
          const gemeld = new Set(boom.neemGewijzigdeBladen());
          for (const b of new Set(bladen)) {
            if (b === zelf || voor.get(b) === boom.niveau(b)) continue;
            expect([b, gemeld.has(b)]).toEqual([b, true]);
          }
        }
        // (a) the incremental tree answers as a fresh one and as the definition.
        controleer(boom, bladen, config);
        const vers = Klassenboom.bouw(bladen, config);
        const uitTelling = Klassenboom.uitTelling([...boom.bladenMetAantal(), ['GM0268||||', 0]], config);
        for (const b of bladen) expect([boom.niveau(b), uitTelling.niveau(b)]).toEqual([vers.niveau(b), vers.niveau(b)]);
        expect([...boom.klassen()].sort((x, y) => x.niveau - y.niveau || x.grootte - y.grootte))
          .toEqual([...vers.klassen()].sort((x, y) => x.niveau - y.niveau || x.grootte - y.grootte));
      },
    ), { numRuns: 300 });
  });

  it('meldt ook de veranderingen van een reeks wijzigingen tussen twee vragen', () => {
    fc.assert(fc.property(fc.array(profielArb, { maxLength: 30 }), fc.array(fc.array(opArb, { maxLength: 8 }), { maxLength: 8 }), (begin, reeksen) => {
      const config = CONFIGS[1]!;
      const bladen = begin.map((p) => blad(p, config));
      const boom = new Klassenboom(config);
      for (const b of bladen) boom.voegToe(b);
      boom.neemGewijzigdeBladen();
      for (const reeks of reeksen) {
        const voor = new Map(bladen.map((b) => [b, boom.niveau(b)]));
        const zelf = new Set<string>();
        for (const op of reeks) {
          if (op.soort === 'toe') {
            const b = blad(op.profiel, config);
            bladen.push(b);
            boom.voegToe(b);
            zelf.add(b);
          } else if (bladen.length > 0) {
            const b = bladen.splice(op.index % bladen.length, 1)[0]!;
            boom.verwijder(b);
            zelf.add(b);
          }
        }
        const gemeld = new Set(boom.neemGewijzigdeBladen());
        for (const b of new Set(bladen)) if (!zelf.has(b) && voor.get(b) !== boom.niveau(b)) expect(gemeld.has(b)).toBe(true);
      }
      controleer(boom, bladen, config);
    }), { numRuns: 200 });
  });

  it('publiceert een klasse van k exact en een kleinere een niveau hoger, samen met buren', () => {
    const config = basis;
    const p = (d: Partial<Kandidaatprofiel>) => blad(testprofiel({ opleidingsniveau: 'mbo-2', urenPerWeek: 32, rijbewijs: ['B'], eigenVervoer: true, ...d }), config);
    const vijf = p({});
    const boom = new Klassenboom(config);
    for (let i = 0; i < 5; i++) boom.voegToe(vijf);
    expect(boom.niveau(vijf)).toBe(0);
    // 3 + 2 profiles with 30 and 28 hours: both in the band 24-32, together 5.
    const dertig = p({ urenPerWeek: 30 });
    const achtentwintig = p({ urenPerWeek: 28 });
    boom.neemGewijzigdeBladen();
    for (let i = 0; i < 3; i++) boom.voegToe(dertig);
    boom.voegToe(achtentwintig);
    expect(boom.niveau(dertig)).toBeNull();
    expect(boom.neemGewijzigdeBladen()).toEqual([]);
    boom.voegToe(achtentwintig);
    expect([boom.niveau(dertig), boom.niveau(achtentwintig), boom.niveau(vijf)]).toEqual([1, 1, 0]);
    expect(boom.neemGewijzigdeBladen().sort()).toEqual([achtentwintig, dertig].sort());
    boom.verwijder(vijf);
    // The leaf of four goes up to the band too and the band class grows to 9.
    expect(boom.niveau(vijf)).toBe(1);
    expect([...boom.klassen()]).toEqual([{ niveau: 1, grootte: 9 }]);
    // Its own class flipped below k: the leaf itself is reported, its neighbours keep their level.
    expect(boom.neemGewijzigdeBladen()).toEqual([vijf]);
    expect(() => boom.verwijder(p({ urenPerWeek: 1 }))).toThrow();
    expect(boom.niveau(p({ urenPerWeek: 1 }))).toBeNull();
  });

  it('bouwt 100.000 profielen in één keer (de tijd meet npm run bench; hier alleen een ruime bovengrens)', () => {
    const config = basis;
    const gemeenten = [...config.gemeenten.keys()];
    const niveaus = config.opleidingsniveaus.map((n) => n.code);
    let x = 1;
    const rng = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    const bladen = Array.from({ length: 100_000 }, () => blad(testprofiel({
      gemeenteCode: gemeenten[Math.floor(rng() * rng() * gemeenten.length)]!,
      opleidingsniveau: niveaus[Math.floor(rng() * niveaus.length)]!,
      urenPerWeek: Math.round(rng() * 40),
      rijbewijs: rng() < 0.5 ? [] : ['B'],
      eigenVervoer: rng() < 0.5,
    }), config));
    const t = performance.now();
    const boom = Klassenboom.bouw(bladen, config);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(boom.statistiek().profielen).toBe(100_000);
    expect(boom.statistiek().nietPubliceerbaar).toBeLessThan(5);
  });
});
