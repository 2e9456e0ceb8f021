import { metRetry } from './retry';

const tijdelijk = (err: unknown) => err instanceof Error && err.message === 'tijdelijk';

describe('metRetry', () => {
  afterEach(() => jest.useRealTimers());

  it('waits basisMs, then twice as long, between attempts', async () => {
    jest.useFakeTimers();
    const momenten: number[] = [];
    const actie = jest.fn(async () => {
      momenten.push(Date.now());
      if (momenten.length < 3) throw new Error('tijdelijk');
      return 'ok';
    });
    const resultaat = metRetry(actie, { pogingen: 5, basisMs: 100 }, tijdelijk);
    await jest.advanceTimersByTimeAsync(1000);
    await expect(resultaat).resolves.toBe('ok');
    expect(momenten.map((m) => m - momenten[0]!)).toEqual([0, 100, 300]);
  });

  it('rethrows the last error when the attempts run out', async () => {
    const fouten = [new Error('tijdelijk'), new Error('tijdelijk'), new Error('tijdelijk')];
    const actie = jest.fn(async () => { throw fouten[actie.mock.calls.length - 1]; });
    await expect(metRetry(actie, { pogingen: 3, basisMs: 0 }, tijdelijk)).rejects.toBe(fouten[2]);
    expect(actie).toHaveBeenCalledTimes(3);
  });

  it('does not retry an error that is not transient', async () => {
    const blijvend = new Error('blijvend');
    const actie = jest.fn(async () => { throw blijvend; });
    await expect(metRetry(actie, { pogingen: 5, basisMs: 0 }, tijdelijk)).rejects.toBe(blijvend);
    expect(actie).toHaveBeenCalledTimes(1);
  });
});
