import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Migratie { versie: number; naam: string; sql: string }

const BESTANDSNAAM = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/**
 * The versioned SQL files of one schema (`NNN_naam.sql`), in version order. A gap or a duplicate version is a
 * mistake in the repository: it fails at start-up, before anything is applied.
 */
export function leesMigraties(map: string): Migratie[] {
  const migraties = readdirSync(map)
    .map((bestand) => ({ bestand, m: BESTANDSNAAM.exec(bestand) }))
    .filter((x): x is { bestand: string; m: RegExpExecArray } => x.m !== null)
    .map(({ bestand, m }) => ({ versie: Number(m[1]), naam: m[2]!, sql: readFileSync(path.join(map, bestand), 'utf8') }))
    .sort((a, b) => a.versie - b.versie);
  migraties.forEach((m, i) => {
    if (m.versie !== i + 1) throw new Error(`migraties in ${map}: versie ${i + 1} ontbreekt of staat dubbel`);
  });
  return migraties;
}
