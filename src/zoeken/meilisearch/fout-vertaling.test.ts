import { MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError } from 'meilisearch';
import { ZoekmachineFout, ZoekmachineOnbereikbaarError } from '../zoekmachine-fouten';
import { isTijdelijkeFout, vertaalFout } from './fout-vertaling';
import { apiFout, netwerkFout, timeoutFout } from './nep-meilisearch.testhulp';

describe('vertaalFout', () => {
  it.each([
    ['network failure', netwerkFout(), 'zoeken: niet bereikbaar'],
    ['request timeout', timeoutFout(), 'zoeken: time-out'],
    ['bare timeout error', new MeilisearchRequestTimeOutError(2000, {}), 'zoeken: time-out'],
    ['HTTP 503', apiFout(503), 'zoeken: HTTP 503 (internal)'],
    ['HTTP 500', apiFout(500), 'zoeken: HTTP 500 (internal)'],
    ['HTTP 429', apiFout(429, 'too_many_search_requests'), 'zoeken: HTTP 429 (too_many_search_requests)'],
    ['task wait timeout', new MeilisearchTaskTimeOutError(7, 5000), 'zoeken: taak 7 niet klaar binnen 5000 ms'],
  ])('maps %s to ZoekmachineOnbereikbaarError with the vendor error as cause', (_, err, melding) => {
    const vertaald = vertaalFout(err, 'zoeken');
    expect(vertaald).toBeInstanceOf(ZoekmachineOnbereikbaarError);
    expect(vertaald.message).toBe(`Meilisearch: ${melding}`);
    expect(vertaald.cause).toBe(err);
  });

  it('maps a refused request to ZoekmachineFout with Meilisearch\'s code', () => {
    const err = apiFout(400, 'invalid_search_filter');
    const vertaald = vertaalFout(err, 'zoeken');
    expect(vertaald).toBeInstanceOf(ZoekmachineFout);
    expect(vertaald).toMatchObject({ code: 'invalid_search_filter', message: 'Meilisearch: zoeken: HTTP 400 (invalid_search_filter)', cause: err });
  });

  it('maps anything else to ZoekmachineFout and passes our own errors through', () => {
    const vreemd = new Error('?');
    expect(vertaalFout(vreemd, 'x')).toMatchObject({ name: 'ZoekmachineFout', cause: vreemd });
    const eigen = new ZoekmachineOnbereikbaarError('al vertaald');
    expect(vertaalFout(eigen, 'x')).toBe(eigen);
  });

  it('does not put the API key in the message', () => {
    expect(vertaalFout(timeoutFout(), 'zoeken').message).not.toContain('geheim');
  });
});

describe('isTijdelijkeFout', () => {
  it('is true for network errors, timeouts, 5xx and 429', () => {
    for (const err of [netwerkFout(), timeoutFout(), apiFout(502), apiFout(429)]) expect(isTijdelijkeFout(err)).toBe(true);
  });

  it('is false for refusals, task wait timeouts and unknown errors', () => {
    for (const err of [apiFout(400), apiFout(404), new MeilisearchTaskTimeOutError(1, 1), new Error('x')]) expect(isTijdelijkeFout(err)).toBe(false);
  });
});
