import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSearchConfig } from '../config/search-config';
import { DEMO_SLEUTELS } from '../toegang/api-sleutels';
import { leesRegisterCsv } from '../transparantie/doelgroepregister-csv';
import { periodeVan } from '../transparantie/periode';

const HULP = `Gebruik: npm run doelgroepregister -- <bestand.csv>

Zet de aantallen in het doelgroepregister in de draaiende Kandidatenverkenner
(PUT /api/v1/doelgroepregister/:regio/:periode per regel).
Elke regel: regio;periode;aantal, bijv. 25;2020-Q2;5594 (regio als nummer of naam); een kopregel
regio;periode;aantal mag. Alle regels worden eerst gecontroleerd; bij één fout wordt niets verstuurd.
Omgeving: KV_URL (standaard http://localhost:3000), KV_BEHEER_SLEUTEL (sleutel met rol beheer;
in ontwikkeling de demosleutel).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${HULP}\n`);
    return values.help ? 0 : 64;
  }
  const bestand = positionals[0]!;
  let tekst: string;
  try {
    tekst = readFileSync(bestand, 'utf8');
  } catch {
    process.stderr.write(`Bestand niet gevonden of niet leesbaar: ${bestand}\n`);
    return 66;
  }

  const { regels, fouten } = leesRegisterCsv(tekst, loadSearchConfig().regios, periodeVan(new Date()));
  if (fouten.length > 0) {
    for (const f of fouten) process.stderr.write(`${bestand}:${f.regel}: ${f.melding}\n`);
    process.stderr.write(`${fouten.length} fout(en); er is niets verstuurd.\n`);
    return 65;
  }
  if (regels.length === 0) {
    process.stderr.write(`${bestand} bevat geen regels; er is niets verstuurd.\n`);
    return 65;
  }

  const basis = process.env.KV_URL ?? 'http://localhost:3000';
  const sleutel = process.env.KV_BEHEER_SLEUTEL ?? DEMO_SLEUTELS.find((s) => s.rol === 'beheer')!.sleutel;
  let mislukt = 0;
  for (const r of regels) {
    const url = new URL(`/api/v1/doelgroepregister/${r.regio}/${r.periode}`, basis);
    let antwoord: Response;
    try {
      antwoord = await fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${sleutel}`, 'content-type': 'application/json' }, body: JSON.stringify({ aantal: r.aantal }) });
    } catch (err) {
      process.stderr.write(`Kan ${basis} niet bereiken (${(err as Error).message}). Draait de service (npm start)?\n`);
      return 69;
    }
    if (antwoord.ok) {
      process.stdout.write(`regel ${r.regel}: regio ${r.regio} ${r.periode} = ${r.aantal}\n`);
    } else {
      mislukt++;
      process.stderr.write(`regel ${r.regel}: HTTP ${antwoord.status} ${await antwoord.text()}\n`);
    }
  }
  process.stdout.write(`${regels.length - mislukt} van ${regels.length} aantallen opgeslagen.\n`);
  return mislukt === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err: unknown) => {
  process.stderr.write(`Doelgroepregister bijwerken mislukt: ${(err as Error).message}\n`);
  process.exit(1);
});
