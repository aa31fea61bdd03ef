// Log capture for the operability tests: a real pino logger (the service's own configuration,
// redaction included) writing into memory.
import { createLogger, type Logger, type LogLevel } from '../../src/logger.ts';

export interface CapturedLogs {
  logger: Logger;
  /** Every line written so far, as written. */
  text(): string;
  /** Every line, parsed. */
  lines(): Record<string, any>[];
}

export function captureLogs(level: LogLevel = 'debug'): CapturedLogs {
  const out: string[] = [];
  const logger = createLogger(level, { destination: { write: (s: string) => void out.push(s) } });
  return {
    logger,
    text: () => out.join(''),
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}
