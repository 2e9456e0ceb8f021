import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs on stdout. Nothing from Sonar records is ever passed to the logger; as a second line of defence the
 * fields that could carry request data are redacted.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'kandidatenverkenner' },
    redact: { paths: ['req.headers.authorization', 'req.body', 'body', 'record', 'klantnummer'], censor: '[verwijderd]' },
  }, destination);
}
