/** A snapshot freezes a quarter once; a second one for the same quarter is refused (409). */
export class SnapshotBestaatFout extends Error {
  override readonly name = 'SnapshotBestaatFout';
  constructor(readonly periode: string) {
    super(`van ${periode} bestaat al een snapshot; snapshots zijn onveranderlijk`);
  }
}

/** A past quarter that was never frozen: its counts cannot be reconstructed (404). */
export class GeenSnapshotFout extends Error {
  override readonly name = 'GeenSnapshotFout';
  constructor(readonly periode: string) {
    super(`van ${periode} is geen snapshot; GET /api/v1/transparantie/periodes noemt de bevroren kwartalen`);
  }
}

/** A choice the transparency figures cannot serve: an unknown region or a quarter in the future (400). */
export class OngeldigeKeuzeFout extends Error {
  override readonly name = 'OngeldigeKeuzeFout';
  constructor(readonly veld: 'regio' | 'periode', message: string) {
    super(message);
  }
}
