import { OpslagFout } from '../opslag/opslag-fout';
import type { AuditOpslag } from '../opslag/opslag.port';
import { AuditService } from './audit.service';
import type { NieuweAuditregel } from './auditregel';

const regel = (n: number): NieuweAuditregel => ({ sleutelId: `s-${n}`, rol: 'werkgever', actie: 'zoeken', pseudoniemen: [], aantal: n });

/** A store whose appends finish only when the test says so. */
function trageOpslag() {
  const batches: { regels: readonly NieuweAuditregel[]; klaar: () => void; mislukt: (e: Error) => void }[] = [];
  const opslag = {
    voegToe: (regels: readonly NieuweAuditregel[]) => new Promise((klaar, mislukt) => {
      batches.push({ regels, klaar: () => klaar([]), mislukt });
    }),
  } as unknown as AuditOpslag;
  return { opslag, batches };
}

const rust = () => new Promise((r) => setImmediate(r));

describe('AuditService: group commits', () => {
  it('writes the calls of one moment in one batch, and the calls made meanwhile in the next, as soon as it committed', async () => {
    const { opslag, batches } = trageOpslag();
    const audit = new AuditService(opslag);
    const klaar: number[] = [];
    const eerste = [1, 2, 3].map((n) => audit.vastleggen(regel(n)).then(() => klaar.push(n)));
    await rust();
    expect(batches.map((b) => b.regels.map((r) => r.aantal))).toEqual([[1, 2, 3]]);
    const tweede = [4, 5].map((n) => audit.vastleggen(regel(n)).then(() => klaar.push(n)));
    await rust();
    // One transaction at a time: 4 and 5 wait for the first to commit.
    expect(batches).toHaveLength(1);
    expect(klaar).toEqual([]);
    batches[0]!.klaar();
    await Promise.all(eerste);
    await rust();
    expect(klaar).toEqual([1, 2, 3]);
    expect(batches.map((b) => b.regels.map((r) => r.aantal))).toEqual([[1, 2, 3], [4, 5]]);
    batches[1]!.klaar();
    await Promise.all(tweede);
    expect(klaar).toEqual([1, 2, 3, 4, 5]);
    await audit.leeg();
  });

  it('rejects every call of a failed batch with an OpslagFout (503), and goes on with the next', async () => {
    const { opslag, batches } = trageOpslag();
    const audit = new AuditService(opslag);
    const mislukt = [audit.vastleggen(regel(1)), audit.vastleggen(regel(2))];
    await rust();
    const daarna = audit.vastleggen(regel(3));
    batches[0]!.mislukt(new Error('schijf vol'));
    for (const p of mislukt) await expect(p).rejects.toBeInstanceOf(OpslagFout);
    await rust();
    batches[1]!.klaar();
    await expect(daarna).resolves.toBeUndefined();
  });

  it('never puts more than 500 records in one transaction', async () => {
    const { opslag, batches } = trageOpslag();
    const audit = new AuditService(opslag);
    const alle = Array.from({ length: 1200 }, (_, i) => audit.vastleggen(regel(i)));
    await rust();
    batches[0]!.klaar();
    await rust(); await rust();
    batches[1]!.klaar();
    await rust(); await rust();
    batches[2]!.klaar();
    await Promise.all(alle);
    expect(batches.map((b) => b.regels.length)).toEqual([500, 500, 200]);
  });
});
