import { leesOpdracht, OpdrachtFout } from './cli-opties';

describe('leesOpdracht', () => {
  it('reads a demo run with its outputs', () => {
    expect(leesOpdracht(['--demo', '--uit', 'demo.ndjson', '--doelgroepregister', 'register.csv']))
      .toEqual({ soort: 'demo', uit: 'demo.ndjson', doelgroepregister: 'register.csv' });
  });

  it('reads a national run; regions default to all', () => {
    expect(leesOpdracht(['--profielen', '250000', '--regios', '25,26,25', '--seed', '42', '--periode', '2024-Q4']))
      .toEqual({ soort: 'nationaal', opties: { profielen: 250000, regios: [25, 26], seed: 42, periode: '2024-Q4' } });
    expect(leesOpdracht(['--profielen', '10'])).toEqual({ soort: 'nationaal', opties: { profielen: 10, regios: 'alle' } });
  });

  it('answers --help', () => {
    expect(leesOpdracht(['-h'])).toEqual({ soort: 'hulp' });
  });

  it.each([
    [[], /geef --demo of --profielen/],
    [['--demo', '--profielen', '5'], /niet allebei/],
    [['--demo', '--seed', '1'], /--seed hoort niet bij --demo/],
    [['--profielen', 'tien'], /--profielen verwacht een geheel getal/],
    [['--profielen', '5', '--regios', '25;26'], /--regios verwacht/],
    [['--profielen', '5', '--seed', '1.5'], /--seed verwacht een geheel getal/],
    [['--onbekend'], /--onbekend/],
    [['--uit'], /--uit/],
  ])('refuses %j', (argv, melding) => {
    expect(() => leesOpdracht(argv)).toThrow(OpdrachtFout);
    expect(() => leesOpdracht(argv)).toThrow(melding);
  });
});
