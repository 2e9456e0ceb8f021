import { isPeriode, periodeVan, vorigePeriode } from '../../src/transparantie/periode';

describe('quarters', () => {
  it.each([
    ['2020-06-30T21:59:59Z', '2020-Q2'],
    // Midnight 1 July in Amsterdam (CEST, UTC+2) is 22:00 UTC on 30 June.
    ['2020-06-30T22:00:00Z', '2020-Q3'],
    ['2020-12-31T22:59:59Z', '2020-Q4'],
    ['2020-12-31T23:00:00Z', '2021-Q1'],
  ])('%s falls in %s in Dutch time', (moment, periode) => {
    expect(periodeVan(new Date(moment))).toBe(periode);
  });

  it('steps back over a year boundary', () => {
    expect(vorigePeriode('2021-Q1')).toBe('2020-Q4');
    expect(vorigePeriode('2020-Q3')).toBe('2020-Q2');
  });

  it.each(['2020-Q2', '1999-Q4'])('accepts %s', (p) => { expect(isPeriode(p)).toBe(true); });
  it.each(['2020-Q5', '2020-Q0', '2020Q2', '20-Q2', '2020-q2', ' 2020-Q2'])('refuses %s', (p) => { expect(isPeriode(p)).toBe(false); });
  it('refuses to step back from something that is no quarter', () => {
    expect(() => vorigePeriode('2020-Q5')).toThrow(RangeError);
  });
});
