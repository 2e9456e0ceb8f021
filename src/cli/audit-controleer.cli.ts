import { controleerKeten } from '../audit/controleer';
import { getEnv, type Env } from '../config/env';
import { createLogger } from '../logging/logger';
import { createOpslag } from '../opslag/create-opslag';

/**
 * Checks the audit chain of the configured store (DATA_DIR, or DATABASE_URL): 0 when every hash holds, 1 naming
 * the first broken volgnummer. Never prints a record's contents.
 */
export async function controleerAuditlog(env: Env, schrijf: (regel: string) => void): Promise<number> {
  const opslag = await createOpslag(env, createLogger('silent'));
  try {
    const uitkomst = await controleerKeten(opslag.audit);
    if (uitkomst.heel) {
      const vanaf = uitkomst.anker > 0 ? ` (na opschonen vanaf volgnummer ${uitkomst.anker + 1})` : '';
      schrijf(`Auditlog intact: ${uitkomst.aantal} regels${vanaf}, laatste volgnummer ${uitkomst.laatste}.`);
      return 0;
    }
    schrijf(`Auditlog GEBROKEN bij volgnummer ${uitkomst.volgnummer}: ${uitkomst.reden}.`);
    return 1;
  } finally {
    await opslag.close();
  }
}

if (require.main === module) {
  controleerAuditlog(getEnv(), (r) => process.stdout.write(`${r}\n`)).then((code) => process.exit(code), (err: unknown) => {
    process.stderr.write(`Auditlog controleren mislukt: ${(err as Error).name}: ${(err as Error).message}\n`);
    process.exit(2);
  });
}
