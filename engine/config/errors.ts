/** A configuration the run cannot start with; the message says what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
