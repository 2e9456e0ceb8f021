import { getEnv } from './config/env';
import { ConfigError } from './config/config-error';
import { createLogger } from './logging/logger';
import { startService } from './bootstrap';

async function main(): Promise<void> {
  const env = getEnv();
  const logger = createLogger(env.logLevel);
  for (const w of env.waarschuwingen) process.stderr.write(`WAARSCHUWING: ${w}\n`);

  const service = await startService(env, logger);
  const server = service.app.listen(env.port, env.host, () => {
    logger.info({ poort: env.port, engine: service.engine.naam }, `Kandidatenverkenner luistert op http://localhost:${env.port}`);
  });
  const stop = (signaal: string) => {
    logger.info({ signaal }, 'stoppen');
    server.close(() => void service.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Kandidatenverkenner start niet:\n${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Kandidatenverkenner start niet: ${(err as Error).name}: ${(err as Error).message}\n`);
  process.exit(1);
});
