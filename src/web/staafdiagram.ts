/**
 * A horizontal 100% stacked bar chart as data for an SVG template: one bar per row (gemeente, region or quarter),
 * one segment per class. Readable without colour: each class has its own fill pattern, segments are separated by
 * a white gap, and every segment wide enough carries its percentage; the legend sits on top, and the page shows
 * the same figures in a table.
 */

export interface Diagramrij { label: string; waarden: readonly number[] }
interface Segment { x: number; breedte: number; patroon: number; label: string | null; labelX: number }
interface Staaf { y: number; label: string; totaal: number; segmenten: Segment[] }
export interface Staafdiagram {
  id: string;
  breedte: number;
  hoogte: number;
  staafhoogte: number;
  legenda: { x: number; y: number; label: string; patroon: number }[];
  staven: Staaf[];
}

/** About a phone's width, so the text stays legible there; wider screens scale the chart up. */
const BREEDTE = 360;
const LEGENDAKOLOMMEN = 2;
const LEGENDAREGEL = 24;
const RIJHOOGTE = 54;
const STAAFHOOGTE = 24;
/** Narrower segments get no percentage label: it would not fit. */
const MIN_LABELBREEDTE = 34;

/** `id` prefixes the pattern ids, so two charts on one page keep unique ids. */
export function maakStaafdiagram(id: string, klassen: readonly string[], rijen: readonly Diagramrij[]): Staafdiagram {
  const legendahoogte = Math.ceil(klassen.length / LEGENDAKOLOMMEN) * LEGENDAREGEL + 12;
  const staven = rijen.map((rij, r): Staaf => {
    const totaal = rij.waarden.reduce((a, b) => a + b, 0);
    let x = 0;
    const segmenten = rij.waarden.map((waarde, k): Segment => {
      const breedte = totaal > 0 ? (BREEDTE * waarde) / totaal : 0;
      const segment = {
        x, breedte, patroon: k,
        label: breedte >= MIN_LABELBREEDTE ? `${Math.round((100 * waarde) / totaal)}%` : null,
        labelX: x + breedte / 2,
      };
      x += breedte;
      return segment;
    }).filter((s) => s.breedte > 0);
    return { y: legendahoogte + r * RIJHOOGTE, label: rij.label, totaal, segmenten };
  });
  return {
    id,
    breedte: BREEDTE,
    hoogte: legendahoogte + rijen.length * RIJHOOGTE,
    staafhoogte: STAAFHOOGTE,
    legenda: klassen.map((label, k) => ({
      x: (k % LEGENDAKOLOMMEN) * (BREEDTE / LEGENDAKOLOMMEN), y: Math.floor(k / LEGENDAKOLOMMEN) * LEGENDAREGEL, label, patroon: k,
    })),
    staven,
  };
}
