import { snapshotinfoSchema, snapshotSchema, type Snapshot, type Snapshotinfo } from '../transparantie/transparantie.schemas';
import { OpslagFout } from './opslag-fout';

/** A snapshot as both adapters store it: the counts as JSON text beside the columns that are looked up. */
export interface Snapshotrij { periode: string; gemaakt: string; oorzaak: string; data: string }

/** A stored snapshot is checked on the way out too: a damaged row must not turn into wrong figures. */
export function ontleedSnapshot(rij: Snapshotrij): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(rij.data);
  } catch (err) {
    throw new OpslagFout(`snapshot ${rij.periode} is beschadigd`, { cause: err });
  }
  const parsed = snapshotSchema.safeParse({ ...(data as object), periode: rij.periode, gemaakt: rij.gemaakt, oorzaak: rij.oorzaak });
  if (!parsed.success) throw new OpslagFout(`snapshot ${rij.periode} is beschadigd`, { cause: parsed.error });
  return parsed.data;
}

export function ontleedSnapshotlijst(rijen: unknown[]): Snapshotinfo[] {
  const parsed = snapshotinfoSchema.array().safeParse(rijen);
  if (!parsed.success) throw new OpslagFout('de snapshotlijst is beschadigd', { cause: parsed.error });
  return parsed.data;
}

/** The columns besides `periode`, as stored. */
export function snapshotdata(snapshot: Snapshot): string {
  return JSON.stringify({ stand: snapshot.stand, doelgroepregister: snapshot.doelgroepregister });
}
