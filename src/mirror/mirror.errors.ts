/** A full export would remove more of the mirror than allowed; nothing was applied. */
export class TeVeelVerwijderdFout extends Error {
  override readonly name = 'TeVeelVerwijderdFout';
  constructor(readonly teVerwijderen: number, readonly inMirror: number, readonly maxAandeel: number) {
    super(`de volledige export zou ${teVerwijderen} van ${inMirror} profielen verwijderen (${(100 * teVerwijderen / Math.max(1, inMirror)).toFixed(1)}%), meer dan de toegestane ${(100 * maxAandeel).toFixed(0)}%; stuur forceer=true mee als dit klopt`);
  }
}
