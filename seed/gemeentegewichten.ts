import { hash01 } from './hash01';

/**
 * A fixed, plausible size per gemeente for spreading synthetic profiles: bigger cities get more people.
 * Approximate population in thousands (CBS, around 2020) for the largest gemeenten, the Rijk van Nijmegen
 * (the demo region) and the smallest islands; every other gemeente gets a pseudo-size of 6-40 thousand derived
 * from its CBS code, so the spread is stable without a full population table.
 */
const INWONERS_DUIZENDEN: Readonly<Record<string, number>> = {
  GM0363: 872, GM0599: 651, GM0518: 545, GM0344: 357, GM0772: 234, GM0855: 219, GM0034: 207, GM0014: 203,
  GM0758: 184, GM0268: 177, GM0200: 163, GM0392: 162, GM0202: 161, GM0153: 159, GM0307: 157, GM0479: 156,
  GM0394: 156, GM0796: 155, GM0193: 129, GM0637: 125, GM0546: 125, GM0080: 123, GM0935: 121, GM0505: 119,
  GM0228: 116, GM0484: 112, GM1783: 110, GM0361: 109, GM0114: 107, GM0503: 103, GM0983: 101, GM0150: 100,
  GM0794: 92, GM0828: 92, GM1883: 92, GM0402: 90, GM0362: 90, GM1900: 90, GM0917: 87, GM1930: 85,
  GM0164: 81, GM0439: 81, GM0606: 79, GM0995: 79, GM1674: 77, GM1916: 76, GM0622: 74, GM0513: 73,
  GM0141: 73, GM0405: 73, GM0453: 68, GM0106: 68, GM0502: 67, GM0748: 67, GM0345: 66, GM0537: 65,
  GM0355: 65, GM1904: 64, GM0356: 63, GM1621: 62, GM0203: 59, GM0957: 58, GM0222: 58, GM0400: 56,
  GM0826: 56, GM0090: 56, GM0118: 55, GM0166: 54, GM0715: 54, GM0603: 54, GM0632: 52, GM0074: 50,
  GM0988: 50, GM0687: 49, GM0243: 48, GM1911: 48, GM0867: 48, GM0718: 45, GM0928: 45, GM0777: 44,
  GM0281: 42, GM0664: 38, GM0512: 37,
  // Rijk van Nijmegen besides Nijmegen itself.
  GM0296: 41, GM1945: 35, GM0209: 26, GM0225: 19, GM0252: 17, GM0944: 8,
  // Islands and the smallest gemeenten, which a pseudo-size would overstate.
  GM0448: 13.6, GM0093: 4.9, GM0060: 3.7, GM0277: 1.6, GM0096: 1.1, GM0088: 0.9,
};

/** Relative size of a gemeente (thousands of inhabitants, real or pseudo). */
export function gemeentegewicht(code: string): number {
  const bekend = INWONERS_DUIZENDEN[code];
  if (bekend !== undefined) return bekend;
  // Squared so small gemeenten dominate, as they do in reality.
  return 6 + 34 * hash01(`inwoners:${code}`) ** 2;
}

/** The codes with a real population figure (tests check that each still exists in search-config). */
export const GEMEENTEN_MET_INWONERTAL: readonly string[] = Object.keys(INWONERS_DUIZENDEN);
