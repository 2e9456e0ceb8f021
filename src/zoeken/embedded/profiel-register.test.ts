import { maakProfiel } from '../../../test/zoeken/fixtures';
import { ProfielLezer, ProfielRegister } from './profiel-register';

describe('ProfielRegister', () => {
  it('geeft nummers uit, hergebruikt vrijgekomen nummers en leest profielen terug', () => {
    const r = new ProfielRegister();
    const [a, b, c] = r.schrijf(['a', 'b', 'c'].map((id) => maakProfiel(id)));
    expect([a!.doc, b!.doc, c!.doc]).toEqual([0, 1, 2]);
    expect(r.profiel(1)).toEqual(maakProfiel('b'));
    const [weg] = r.schrijf([], ['b', 'onbekend']);
    expect(weg!.doc).toBe(1);
    expect(weg!.plek).toBeUndefined();
    expect(r.lezer.leesPlek(weg!.oud!)).toEqual(maakProfiel('b'));
    expect(r.profiel(1)).toBeUndefined();
    expect(r.internalId('b')).toBeUndefined();
    const [d] = r.schrijf([maakProfiel('d')]);
    expect(d!.doc).toBe(1);
    expect(r.size).toBe(3);
    expect([...r.alle()].map((w) => [w.doc, r.lezer.leesPlek(w.plek).id])).toEqual([[0, 'a'], [1, 'd'], [2, 'c']]);
  });

  it('geeft bij vervangen het oude profiel mee en telt de vervangen bytes als afval', () => {
    const r = new ProfielRegister();
    r.schrijf([maakProfiel('a', { vaardigheden: ['Lassen'] })]);
    const levend = r.levend;
    const [w] = r.schrijf([maakProfiel('a', { vaardigheden: ['Solderen'] })]);
    expect(r.lezer.leesPlek(w!.oud!).vaardigheden).toEqual(['Lassen']);
    expect(r.profiel(0)!.vaardigheden).toEqual(['Solderen']);
    expect(r.afval).toBe(levend);
    expect(r.size).toBe(1);
  });

  it('deelt de bytes: een lezer met dezelfde blokken en plekken leest dezelfde profielen', () => {
    const r = new ProfielRegister();
    const wijzigingen = r.schrijf(Array.from({ length: 20_000 }, (_, i) => maakProfiel(`p${i}`, { vaardigheden: [`Vaardigheid ${i}`, 'x'.repeat(600)] })));
    const lezer = new ProfielLezer();
    lezer.delen = r.lezer.delen;
    for (const { doc, plek } of wijzigingen) lezer.zet(doc, plek);
    expect(r.lezer.delen.length).toBeGreaterThan(1);
    expect(lezer.lees(19_999)).toEqual(r.profiel(19_999));
    expect(lezer.lees(0)!.vaardigheden[0]).toBe('Vaardigheid 0');
  });

  it('vraagt om opruimen zodra het afval groter is dan de levende profielen en boven de ondergrens', () => {
    const r = new ProfielRegister();
    const groot = (i: number) => maakProfiel('een', { vaardigheden: [`${'x'.repeat(60_000)} ${i}`] });
    r.schrijf([groot(0)]);
    let i = 1;
    while (r.afval < 63 * 2 ** 20) r.schrijf([groot(i++)]);
    expect(r.moetOpruimen()).toBe(false);
    while (r.afval < 65 * 2 ** 20) r.schrijf([groot(i++)]);
    expect(r.moetOpruimen()).toBe(true);
  });
});
