/** Percentile by nearest rank of unsorted samples; NaN for none. */
export function percentiel(waarden: readonly number[], p: number): number {
  if (waarden.length === 0) return NaN;
  const gesorteerd = [...waarden].sort((a, b) => a - b);
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.max(0, Math.ceil((p / 100) * gesorteerd.length) - 1))]!;
}

export const gemiddelde = (waarden: readonly number[]) => waarden.reduce((a, b) => a + b, 0) / waarden.length;
