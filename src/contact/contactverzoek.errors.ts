/** No contactverzoek with this reference for this caller: unknown, or of another region (404 either way). */
export class ContactverzoekNietGevondenFout extends Error {
  override readonly name = 'ContactverzoekNietGevondenFout';
  constructor() {
    super('geen contactverzoek met deze referentie in uw regio\'s');
  }
}

/** The request is closed: its pseudonym is no longer resolved (409). */
export class ContactverzoekAfgeslotenFout extends Error {
  override readonly name = 'ContactverzoekAfgeslotenFout';
  constructor() {
    super('dit contactverzoek is afgesloten; het klantnummer wordt niet meer opgevraagd');
  }
}

/** The candidate's profile is gone from the mirror (Sonar deleted it), so there is nothing to resolve to (410). */
export class ProfielVerdwenenFout extends Error {
  override readonly name = 'ProfielVerdwenenFout';
  constructor() {
    super('het profiel van dit contactverzoek bestaat niet meer; het klantnummer is niet beschikbaar');
  }
}

/** The audit record could not be made durable: the action is not done and nothing is answered (503). */
export class AuditNietBeschikbaarFout extends Error {
  override readonly name = 'AuditNietBeschikbaarFout';
  constructor(options?: ErrorOptions) {
    super('het auditlog is tijdelijk niet beschikbaar; er is niets gedaan', options);
  }
}
