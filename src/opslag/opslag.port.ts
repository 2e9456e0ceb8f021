import type { Store } from 'express-rate-limit';
import type { Auditfilter, Auditpagina, Auditregel, NieuweAuditregel } from '../audit/auditregel';
import type { Kandidaatprofiel } from '../anonimisering/kandidaatprofiel';
import type { Contactverzoek, Contactverzoekfilter, Statuswijziging } from '../contact/contactverzoek';
import type { Snapshot, Snapshotinfo } from '../transparantie/transparantie.schemas';

export type Upsertuitkomst = 'toegevoegd' | 'bijgewerkt' | 'ongewijzigd';

export interface DoelgroepregisterTelling { regio: number; periode: string; aantal: number }

/** A profile as the mirror stores it. */
export interface Mirrorrij {
  profiel: Kandidaatprofiel;
  /** Its class: the exact combination of its quasi-identifiers (`src/privacy/`), to find who shares it. */
  klasse: string;
}

/** A profile as stored; its class is null when it was stored before classes existed (an upgraded mirror). */
export type OpgeslagenMirrorrij = Omit<Mirrorrij, 'klasse'> & { klasse: string | null };

/** A profile as a sync writes it: with its klantnummer, encrypted, which is kept beside it but never shown. */
export interface Upsertrij extends Mirrorrij {
  /** The klantnummer, encrypted (KlantnummerVersleuteling); never plaintext. */
  klantnummer: string;
}

/** One open write transaction on the mirror: everything in it becomes visible at once, or not at all. */
export interface MirrorTransactie {
  /**
   * Upserts in one statement; the outcome per profile, in the same order. Ids must be distinct. An encrypted
   * klantnummer already stored is kept (the id is an HMAC of the klantnummer, so it cannot have changed); one that
   * is missing is filled in. The outcome only concerns the profile.
   */
  upsert(rijen: readonly Upsertrij[]): Promise<Upsertuitkomst[]>;
  /**
   * Writes profiles again whose class or employer view (`publiek`) changed because others came or went: noted in
   * the change log as changed, not counted as a sync's outcome.
   */
  herpubliceer(rijen: readonly Mirrorrij[]): Promise<void>;
  /** The stored class of those of these ids that are in the mirror (null: stored before classes existed). */
  klassen(ids: readonly string[]): Promise<Map<string, string | null>>;
  /** How many profiles each class has, as this transaction sees the mirror (null: stored before classes existed). */
  klassentelling(): Promise<Map<string | null, number>>;
  /** The profiles of these classes. */
  profielenInKlassen(klassen: readonly string[]): Promise<Mirrorrij[]>;
  /** Up to `aantal` profiles after id `na` (null: from the start), in id order: a walk over the whole mirror. */
  profielenNa(na: string | null, aantal: number): Promise<OpgeslagenMirrorrij[]>;
  /** The change log position this transaction started from. */
  volgnummerVooraf(): Promise<number>;
  /** Removes; answers the ids that existed. */
  verwijder(ids: readonly string[]): Promise<string[]>;
  /** Full export: these ids are in the export, so `nietGezien()` can find the rest. */
  markeerGezien(ids: readonly string[]): Promise<void>;
  /** Ids in the mirror that the full export did not name (after its own upserts and removals). */
  nietGezien(): Promise<string[]>;
  /** Committed profiles when this transaction began (no other write can commit while it runs). */
  aantalVooraf(): Promise<number>;
  /** This transaction is a full export: followers swap their whole index rather than apply it change by change. */
  vervangtAlles(): void;
}

export interface Schrijfuitkomst<T> {
  resultaat: T;
  /** The change log position that holds this write (the current position when it changed nothing). */
  volgnummer: number;
}

/** The durable mirror of anonymised profiles, plus the register counts and a few settings kept beside it. */
export interface MirrorOpslag {
  /**
   * Runs `werk` in one write transaction, one at a time over every instance. It commits when `werk` resolves and
   * rolls back when it throws; the changes it made are appended to the change log in the same transaction.
   */
  schrijf<T>(werk: (tx: MirrorTransactie) => Promise<T>): Promise<Schrijfuitkomst<T>>;
  /** Committed profiles; a write in progress is not counted. */
  aantal(): Promise<number>;
  get(id: string): Promise<Kandidaatprofiel | null>;
  /** The encrypted klantnummer of a committed profile; null when the profile is gone (or was mirrored without one). */
  versleuteldKlantnummer(id: string): Promise<string | null>;
  /** Every committed profile in id order, read from one consistent state. */
  alle(): AsyncIterable<Kandidaatprofiel>;
  getMeta(sleutel: string): Promise<string | null>;
  setMeta(sleutel: string, waarde: string): Promise<void>;
  zetDoelgroepregister(t: DoelgroepregisterTelling): Promise<void>;
  doelgroepregister(): Promise<DoelgroepregisterTelling[]>;
}

/** What an index must do to reach a change log position, read from one consistent state of the mirror. */
export type Wijzigingen =
  | { soort: 'wijzig'; tot: number; upsert: Kandidaatprofiel[]; verwijder: string[] }
  | { soort: 'herbouw'; tot: number; profielen: AsyncIterable<Kandidaatprofiel> };

/** The ordered change log every instance's index follows. Positions only grow, without gaps. */
export interface Wijzigingslog {
  /** The last committed position. */
  laatste(): Promise<number>;
  /**
   * Reads what happened after position `na` (null: the index has nothing yet) and hands it to `verwerk` while
   * that state is held. It is a `herbouw` when `na` is null, a full export came after it, its entries were
   * cleaned up already, or they are too many to apply one by one.
   */
  lees(na: number | null, verwerk: (w: Wijzigingen) => Promise<void>): Promise<void>;
  /**
   * Calls `bij` with the new position when a write commits, on any instance; best effort (followers poll too).
   * A position of -1 means "look now": the adapter may have missed notifications (it reconnected).
   */
  luister(bij: (volgnummer: number) => void): Promise<() => Promise<void>>;
}

/**
 * A search index that every instance shares (Meilisearch): exactly one instance applies the change log to it, and
 * the position it reached is stored, so another instance can take over from there.
 */
export interface GedeeldeIndexStand {
  /** Tries to be (or stay) the one instance that writes the shared index; true while it is. */
  probeerSchrijver(): Promise<boolean>;
  /** The position the shared index has reached; null when it was never built. */
  lees(): Promise<number | null>;
  zet(volgnummer: number): Promise<void>;
}

export interface SnapshotOpslag {
  /** Stores a new snapshot; throws SnapshotBestaatFout when its quarter is frozen already. Immutable afterwards. */
  voegToe(snapshot: Snapshot): Promise<void>;
  heeft(periode: string): Promise<boolean>;
  /** The frozen quarters, oldest first, without their counts. */
  lijst(): Promise<Snapshotinfo[]>;
  get(periode: string): Promise<Snapshot | null>;
  alle(): Promise<Snapshot[]>;
}

export interface ContactverzoekOpslag {
  bewaar(v: Contactverzoek): Promise<void>;
  get(referentie: string): Promise<Contactverzoek | null>;
  /** Newest first, narrowed by the filter (regions, status, sender). */
  lijst(filter?: Contactverzoekfilter): Promise<Contactverzoek[]>;
  /**
   * Changes the status in one statement, only from a status that allows it (MAG_VANUIT); null for an unknown
   * reference, OngeldigeOvergangFout when its current status does not allow it (closed is final).
   */
  zetStatus(referentie: string, wijziging: Statuswijziging): Promise<Contactverzoek | null>;
  /** Closes the open requests for these profiles with this reason; answers how many it closed. */
  sluitVoorProfielen(profielIds: readonly string[], reden: string): Promise<number>;
  /** The distinct profile ids that open requests point to. */
  openProfielIds(): Promise<string[]>;
  /** Removes requests closed before `grens` (retention); open ones are never touched. Answers how many. */
  verwijderAfgeslotenVoor(grens: Date): Promise<number>;
}

/** One end of the audit chain: a position and the hash there. */
export interface Ketenpunt { volgnummer: number; hash: string }

export interface Auditstand {
  /** The last record appended (volgnummer 0 and 64 zeros before the first). */
  laatste: Ketenpunt;
  /** What the first remaining record follows: the start, or after retention the last record removed. */
  anker: Ketenpunt;
}

/**
 * The audit trail: append-only and hash-chained (src/audit/keten.ts). The database itself refuses changes and
 * removals (triggers); only `verwijderOuderDan` removes, oldest first.
 */
export interface AuditOpslag {
  /**
   * Appends the records in this order in one transaction, one at a time over every instance: each gets the next
   * volgnummer, the time and the hash over the previous one. Resolves once committed; throws OpslagFout otherwise.
   */
  voegToe(regels: readonly NieuweAuditregel[]): Promise<Auditregel[]>;
  /** Newest first, filtered; `voor` pages on. */
  lijst(filter: Auditfilter): Promise<Auditpagina>;
  /** The stand and every record in volgnummer order, read from one consistent state while `verwerk` runs. */
  keten<T>(verwerk: (stand: Auditstand, regels: AsyncIterable<Auditregel>) => Promise<T>): Promise<T>;
  /**
   * Retention: removes the records older than `grens` that precede every younger one (a prefix of the chain, so it
   * stays verifiable), and moves the anchor to the last one removed. Answers how many were removed.
   */
  verwijderOuderDan(grens: Date): Promise<number>;
  stand(): Promise<Auditstand>;
}

/** The storage port: SQLite files in DATA_DIR, or one PostgreSQL database that several instances share. */
export interface Opslag {
  readonly soort: 'sqlite' | 'postgres';
  readonly mirror: MirrorOpslag;
  readonly wijzigingen: Wijzigingslog;
  /** Null where only one instance can write (SQLite): it then keeps the index itself. */
  readonly gedeeldeIndex: GedeeldeIndexStand | null;
  readonly snapshots: SnapshotOpslag;
  readonly contactverzoeken: ContactverzoekOpslag;
  readonly audit: AuditOpslag;
  /** A rate-limit store shared by every instance, one per limiter; absent where one process serves everything (in memory suffices). */
  rateLimietStore?(limiter: string): Store;
  close(): Promise<void>;
}
