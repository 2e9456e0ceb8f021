/** The k-anonymity core: pure functions and classes, no I/O (see docs/privacy.md, "Anonimiteit in combinatie"). */
export { NIET_GETOOND, HEEFT_RIJBEWIJS, blad, leesBlad, publiek, publiekVanWaarden, publiekeCombinatie, publiekLabel, OngeldigBladError } from './publiek';
export type { Publiek, PubliekVeld, Waarden } from './publiek';
export { Klassenboom } from './klassenboom';
export type { Klasse, Boomstatistiek } from './klassenboom';
export { urenFilterwaarden, reisafstandFilterwaarden, opleidingsniveauMinWaarden } from './filters';
export { aantalNiveaus, stadiumOp, bandVan, banden, regels, STADIA } from './regels';
export type { Niveaustap, Stadium } from './regels';
export { maakPrivacyrapport, formatteerPrivacyrapport, KLASSEGROOTTEN } from './rapport';
export type { Privacyrapport, Klassenverdeling } from './rapport';
