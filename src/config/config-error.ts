/** Invalid configuration: the service refuses to start and prints the message. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
