import { OpslagFout } from '../opslag/opslag-fout';
import type { AuditOpslag } from '../opslag/opslag.port';
import type { AuditVastlegging, NieuweAuditregel } from './auditregel';

/** At most this many records in one transaction, so one commit stays short under any load. */
const MAX_PER_BATCH = 500;

interface Wachtend { regel: NieuweAuditregel; klaar: () => void; mislukt: (err: Error) => void }

/**
 * Records every look without a transaction per request: calls wait in a queue and are written in group commits,
 * one transaction per batch; the next batch starts as soon as the previous one committed, with everything that
 * arrived meanwhile. A call resolves only once its batch is committed and rejects (OpslagFout, answered 503) when
 * it failed: an answer is never sent without its record.
 */
export class AuditService implements AuditVastlegging {
  private wachtrij: Wachtend[] = [];
  private bezig = false;

  constructor(private readonly opslag: AuditOpslag) {}

  vastleggen(regel: NieuweAuditregel): Promise<void> {
    return new Promise<void>((klaar, mislukt) => {
      this.wachtrij.push({ regel, klaar, mislukt });
      if (!this.bezig) {
        this.bezig = true;
        // After the current turn of the event loop: calls made in the same turn share the first commit.
        setImmediate(() => void this.schrijf());
      }
    });
  }

  /** Resolves when everything queued so far has been written (or failed). */
  async leeg(): Promise<void> {
    while (this.bezig) await new Promise((r) => setImmediate(r));
  }

  private async schrijf(): Promise<void> {
    while (this.wachtrij.length > 0) {
      const batch = this.wachtrij.splice(0, MAX_PER_BATCH);
      try {
        await this.opslag.voegToe(batch.map((w) => w.regel));
        for (const w of batch) w.klaar();
      } catch (err) {
        const fout = err instanceof OpslagFout ? err : new OpslagFout('opslag mislukt: auditregels vastleggen', { cause: err });
        for (const w of batch) w.mislukt(fout);
      }
    }
    this.bezig = false;
  }
}
