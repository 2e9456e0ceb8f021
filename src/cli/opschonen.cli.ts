import { AuditService } from '../audit/audit.service';
import { maakOpschoning } from '../bootstrap';
import { getEnv, type Env } from '../config/env';
import { loadSearchConfig } from '../config/search-config';
import { createLogger } from '../logging/logger';
import { createOpslag } from '../opslag/create-opslag';

/** Retention once, on the configured store: what the service does daily. */
export async function schoonOp(env: Env, schrijf: (regel: string) => void): Promise<number> {
  const opslag = await createOpslag(env, createLogger('silent'));
  try {
    const audit = new AuditService(opslag.audit);
    const { onderdelen, totaal } = await maakOpschoning(opslag, audit, loadSearchConfig(), createLogger('silent')).voerUit();
    schrijf(`Opgeschoond: ${totaal} verwijderd (${Object.entries(onderdelen).map(([naam, n]) => `${naam} ${n}`).join(', ')}).`);
    return 0;
  } finally {
    await opslag.close();
  }
}

if (require.main === module) {
  schoonOp(getEnv(), (r) => process.stdout.write(`${r}\n`)).then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`Opschonen mislukt: ${(err as Error).name}: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
