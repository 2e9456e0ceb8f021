import { FacetTable } from './facet-table';

/** Counts as a name → number map, onbekend under '?'. */
function tel(tabel: FacetTable, docs: number[], facet: number): Record<string, number> {
  const [tellingen] = tabel.count(Uint32Array.from(docs), [facet]);
  const namen = [...tabel.namen(facet), '?'];
  return Object.fromEntries(namen.map((n, i) => [n, tellingen![i]!] as const).filter(([, n]) => n > 0));
}

describe('FacetTable', () => {
  it('counts values and onbekend per facet over the given documents only', () => {
    const t = new FacetTable(2);
    t.set(0, 0, ['a']);
    t.set(1, 0, []);
    t.set(2, 0, ['b']);
    t.set(0, 1, ['x']);
    t.set(1, 1, ['x']);
    t.set(2, 1, ['y']);
    expect(tel(t, [0, 1, 2], 0)).toEqual({ a: 1, b: 1, '?': 1 });
    expect(tel(t, [0, 1], 1)).toEqual({ x: 2 });
    const [f0, f1] = t.count(Uint32Array.from([2]), [0, 1]);
    expect([...f0!]).toEqual([0, 1, 0]);
    expect([...f1!]).toEqual([0, 1, 0]);
  });

  it('widens a facet for all rows without disturbing the others, and counts a repeated value once', () => {
    const t = new FacetTable(3);
    for (let doc = 0; doc < 3000; doc++) {
      t.set(doc, 0, [`r${doc % 3}`]);
      t.set(doc, 1, doc % 2 === 0 ? ['p'] : []);
      t.set(doc, 2, ['z']);
    }
    t.set(5, 1, ['p', 'q', 'q', 's']);
    const alle = Array.from({ length: 3000 }, (_, d) => d);
    expect(tel(t, alle, 0)).toEqual({ r0: 1000, r1: 1000, r2: 1000 });
    expect(tel(t, alle, 1)).toEqual({ p: 1501, q: 1, s: 1, '?': 1499 });
    expect(tel(t, alle, 2)).toEqual({ z: 3000 });
  });

  it('replaces what a document had', () => {
    const t = new FacetTable(1);
    t.set(0, 0, ['a', 'b']);
    t.set(0, 0, ['c']);
    expect(tel(t, [0], 0)).toEqual({ c: 1 });
    t.set(0, 0, []);
    expect(tel(t, [0], 0)).toEqual({ '?': 1 });
  });
});
