import path from 'node:path';
import { parseArgs } from 'node:util';

export const GEBRUIK = `Gebruik: npm run bench -- [opties]

  --profielen N        aantal profielen in de landelijke export (standaard 250000, over alle 35 regio's)
  --seed S             startwaarde van de generator (standaard 42)
  --duur S             seconden per HTTP-meting (standaard 5)
  --herhalingen N      zoveel rondes van de HTTP-metingen met 16 clients, de mediaan telt (standaard 3)
  --engine-seconden S  hoogstens zoveel seconden meten per zoekmachine (standaard 60)
  --zonder-baselines   Orama en MiniSearch overslaan (hun budget telt dan als niet gemeten)
  --opslag postgres    meet de opslag: dezelfde export op SQLite en op PostgreSQL in één run, en de vertraging
                       van het wijzigingslog tussen twee instanties (in plaats van de gewone meting)
  --postgres-url URL   de PostgreSQL waarop die meting een eigen database maakt (standaard
                       postgres://postgres@127.0.0.1:5432/test)
  --alleen-audit       meet alleen de kosten van het auditlog: zoeken met en zonder vastleggen in één run
  --check              eindig met code 1 als een budget niet gehaald is
  --uit PAD            schrijf de uitkomsten naar PAD (standaard bench/results.json)
  -h, --help           deze tekst
`;

export interface BenchOpties {
  profielen: number;
  seed: number;
  duurS: number;
  herhalingen: number;
  engineSeconden: number;
  baselines: boolean;
  check: boolean;
  uit: string;
  /** Only the audit trail's cost on search (with and without recording), not the rest. */
  alleenAudit: boolean;
  /** 'postgres': the storage comparison instead of the usual measurement. */
  opslag: 'sqlite' | 'postgres';
}

export class OptieFout extends Error {
  override readonly name = 'OptieFout';
}

function geheel(naam: string, waarde: string | undefined, standaard: number, min: number): number {
  if (waarde === undefined) return standaard;
  if (!/^\d+$/.test(waarde) || Number(waarde) < min) throw new OptieFout(`--${naam} verwacht een geheel getal van minstens ${min}, niet "${waarde}"`);
  return Number(waarde);
}

/** Reads the command line; null means: print the usage and stop. */
export function leesOpties(argv: readonly string[]): BenchOpties | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        profielen: { type: 'string' },
        seed: { type: 'string' },
        duur: { type: 'string' },
        herhalingen: { type: 'string' },
        'engine-seconden': { type: 'string' },
        'zonder-baselines': { type: 'boolean' },
        'alleen-audit': { type: 'boolean' },
        check: { type: 'boolean' },
        opslag: { type: 'string' },
        'postgres-url': { type: 'string' },
        uit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new OptieFout((err as Error).message);
  }
  if (values.help) return null;
  if (values.opslag !== undefined && values.opslag !== 'sqlite' && values.opslag !== 'postgres') throw new OptieFout(`--opslag verwacht sqlite of postgres, niet "${values.opslag}"`);
  // The test database helper reads it from there, as the tests do.
  if (values['postgres-url']) process.env.KV_TEST_POSTGRES_URL = values['postgres-url'];
  return {
    profielen: geheel('profielen', values.profielen, 250_000, 100),
    seed: geheel('seed', values.seed, 42, 0),
    duurS: geheel('duur', values.duur, 5, 1),
    herhalingen: geheel('herhalingen', values.herhalingen, 3, 1),
    engineSeconden: geheel('engine-seconden', values['engine-seconden'], 60, 1),
    baselines: !values['zonder-baselines'],
    check: values.check ?? false,
    alleenAudit: values['alleen-audit'] ?? false,
    uit: values.uit ?? path.join('bench', values.opslag === 'postgres' ? 'results-opslag.json' : 'results.json'),
    opslag: values.opslag === 'postgres' ? 'postgres' : 'sqlite',
  };
}
