/**
 * The service as `npm start` runs it, with one addition for the benchmark only: the parent can switch the audit
 * recording of the routes off and on (`{ audit: boolean }` over IPC, answered with the same), so search with and
 * without the audit write is measured in one process, on the same warm index. Never used by the service itself.
 */
import { startService } from '../src/bootstrap';
import { getEnv } from '../src/config/env';
import { createLogger } from '../src/logging/logger';

let aan = true;

async function main(): Promise<void> {
  const env = getEnv();
  const logger = createLogger(env.logLevel);
  const service = await startService(env, logger, {
    auditVastlegging: (echt) => ({ vastleggen: (regel) => (aan ? echt.vastleggen(regel) : Promise.resolve()) }),
  });
  process.on('message', (bericht: { audit?: boolean }) => {
    if (typeof bericht.audit === 'boolean') aan = bericht.audit;
    process.send?.({ audit: aan });
  });
  const server = service.app.listen(env.port, env.host);
  process.on('SIGTERM', () => server.close(() => void service.close().then(() => process.exit(0))));
}

void main();
