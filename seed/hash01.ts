/** FNV-1a over a string, scaled to [0, 1): a stable pseudo-random number that needs no seeded generator. */
export function hash01(tekst: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tekst.length; i++) {
    h ^= tekst.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}
