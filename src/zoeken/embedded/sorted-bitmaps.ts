import { RoaringBitmap32 } from 'roaring';

/**
 * One bitmap per distinct value of a small-domain number (hours 0-80, travel distance, the `bijgewerkt` day),
 * with the values kept in order: ranges become an OR of a few bitmaps and a sort walks the values in order.
 */
export class SortedBitmaps {
  private readonly perWaarde = new Map<number, RoaringBitmap32>();
  private gesorteerd: number[] | null = null;

  add(waarde: number, doc: number): void {
    let bitmap = this.perWaarde.get(waarde);
    if (!bitmap) {
      bitmap = new RoaringBitmap32();
      this.perWaarde.set(waarde, bitmap);
      this.gesorteerd = null;
    }
    bitmap.add(doc);
  }

  remove(waarde: number, doc: number): void {
    this.perWaarde.get(waarde)?.remove(doc);
  }

  /** The distinct values in ascending order (values whose documents were all removed included). */
  values(): readonly number[] {
    this.gesorteerd ??= [...this.perWaarde.keys()].sort((a, b) => a - b);
    return this.gesorteerd;
  }

  bitmap(waarde: number): RoaringBitmap32 | undefined {
    return this.perWaarde.get(waarde);
  }

  /** Documents with a value in [min, max]; either bound may be absent. */
  range(min: number | undefined, max: number | undefined): RoaringBitmap32 {
    const delen: RoaringBitmap32[] = [];
    for (const w of this.values()) {
      if ((min === undefined || w >= min) && (max === undefined || w <= max)) delen.push(this.perWaarde.get(w)!);
    }
    return RoaringBitmap32.orMany(delen);
  }

  /** Smallest and largest value among `docs`, or undefined when none of them has a value. */
  minMax(docs: RoaringBitmap32): { min: number; max: number } | undefined {
    const waarden = this.values();
    let lo = 0;
    while (lo < waarden.length && !this.perWaarde.get(waarden[lo]!)!.intersects(docs)) lo++;
    if (lo === waarden.length) return undefined;
    let hi = waarden.length - 1;
    while (!this.perWaarde.get(waarden[hi]!)!.intersects(docs)) hi--;
    return { min: waarden[lo]!, max: waarden[hi]! };
  }

  /** Frees memory after a bulk build. */
  /** Every bitmap, for work on all of them (compressing, freeing). */
  bitmaps(): Iterable<RoaringBitmap32> {
    return this.perWaarde.values();
  }
}
