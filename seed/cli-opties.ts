import { parseArgs } from 'node:util';
import type { NationaalOpties } from './generator';

export const GEBRUIK = `Gebruik:
  tsx seed/generate.ts --demo [--uit bestand.ndjson] [--doelgroepregister bestand.csv]
  tsx seed/generate.ts --profielen N [--regios alle|25,26] [--seed 42] [--periode 2020-Q2]
                       [--uit bestand.ndjson] [--doelgroepregister bestand.csv]

  --demo                de 3.955 records van Rijk van Nijmegen, tweede kwartaal 2020 (altijd dezelfde)
  --profielen N         N records verdeeld over de gemeenten van de gekozen regio's
  --regios              'alle' (standaard) of regionummers met komma's
  --seed                startwaarde; dezelfde seed geeft byte-voor-byte dezelfde uitvoer (standaard 42)
  --periode             kwartaal van gewijzigdOp (standaard 2020-Q2)
  --uit                 NDJSON-bestand; zonder deze optie naar stdout
  --doelgroepregister   schrijft regio;periode;aantal per regio naar dit CSV-bestand
`;

/** A usage mistake: the CLI prints the message and the usage text and exits with code 2. */
export class OpdrachtFout extends Error {
  override name = 'OpdrachtFout';
}

interface Uitvoer { uit?: string; doelgroepregister?: string }
export type Opdracht =
  | { soort: 'hulp' }
  | ({ soort: 'demo' } & Uitvoer)
  | ({ soort: 'nationaal'; opties: NationaalOpties } & Uitvoer);

function geheelGetal(naam: string, waarde: string): number {
  if (!/^-?\d+$/.test(waarde)) throw new OpdrachtFout(`--${naam} verwacht een geheel getal, niet "${waarde}"`);
  return Number(waarde);
}

function regios(waarde: string): NationaalOpties['regios'] {
  if (waarde === 'alle') return 'alle';
  if (!/^\d+(,\d+)*$/.test(waarde)) throw new OpdrachtFout(`--regios verwacht 'alle' of regionummers met komma's zoals 25,26, niet "${waarde}"`);
  return [...new Set(waarde.split(',').map(Number))];
}

/** Reads the command line; throws OpdrachtFout with a message fit for the user. */
export function leesOpdracht(argv: readonly string[]): Opdracht {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'boolean' },
        profielen: { type: 'string' },
        regios: { type: 'string' },
        seed: { type: 'string' },
        periode: { type: 'string' },
        uit: { type: 'string' },
        doelgroepregister: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    // parseArgs names the unknown option or missing value precisely; pass its message on as a usage error.
    throw new OpdrachtFout((err as Error).message, { cause: err });
  }
  if (values.help) return { soort: 'hulp' };
  const uitvoer: Uitvoer = {
    ...(values.uit !== undefined && { uit: values.uit }),
    ...(values.doelgroepregister !== undefined && { doelgroepregister: values.doelgroepregister }),
  };
  if (values.demo) {
    if (values.profielen !== undefined) throw new OpdrachtFout('kies --demo of --profielen, niet allebei');
    for (const optie of ['regios', 'seed', 'periode'] as const) {
      if (values[optie] !== undefined) throw new OpdrachtFout(`--${optie} hoort niet bij --demo: de demo ligt vast`);
    }
    return { soort: 'demo', ...uitvoer };
  }
  if (values.profielen === undefined) throw new OpdrachtFout('geef --demo of --profielen N');
  const profielen = geheelGetal('profielen', values.profielen);
  return {
    soort: 'nationaal',
    opties: {
      profielen,
      regios: regios(values.regios ?? 'alle'),
      ...(values.seed !== undefined && { seed: geheelGetal('seed', values.seed) }),
      ...(values.periode !== undefined && { periode: values.periode }),
    },
    ...uitvoer,
  };
}
