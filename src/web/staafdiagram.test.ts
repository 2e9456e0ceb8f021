import { maakStaafdiagram } from './staafdiagram';

describe('stacked bar chart', () => {
  const d = maakStaafdiagram('test', ['Geen', 'Beperkt', 'Redelijk', 'Volledig'], [
    { label: 'Nijmegen', waarden: [209, 654, 1417, 386] },
    { label: 'Leeg', waarden: [0, 0, 0, 0] },
  ]);

  it('fills the whole width with the shares of the classes, in order', () => {
    const [nijmegen] = d.staven;
    const breedtes = nijmegen!.segmenten.map((s) => s.breedte);
    expect(breedtes.reduce((a, b) => a + b, 0)).toBeCloseTo(d.breedte);
    expect(nijmegen!.segmenten.map((s) => s.patroon)).toEqual([0, 1, 2, 3]);
    expect(nijmegen!.segmenten.map((s) => s.label)).toEqual([null, '25%', '53%', '14%']);
    expect(nijmegen!.totaal).toBe(2666);
  });

  it('draws nothing for a row without anybody, and puts each row below the legend', () => {
    expect(d.staven[1]!.segmenten).toEqual([]);
    expect(d.staven[0]!.y).toBeGreaterThan(Math.max(...d.legenda.map((l) => l.y)));
    expect(d.hoogte).toBeGreaterThan(d.staven[1]!.y);
  });
});
