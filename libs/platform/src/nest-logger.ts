import { Logger } from '@nestjs/common';

/**
 * Adapts Nest's logger to the libraries' minimal logger; context is ids only. The context goes
 * out as structured fields of the log line (pino: redacted by LOG_REDACT_PATHS), not as text.
 */
export function libLogger(context: string) {
  const l = new Logger(context);
  const line = (m: string, c?: Record<string, unknown>) => (c ? { ...c, msg: m } : m);
  return {
    log: (m: string, c?: Record<string, unknown>) => l.log(line(m, c)),
    warn: (m: string, c?: Record<string, unknown>) => l.warn(line(m, c)),
    error: (m: string, c?: Record<string, unknown>) => l.error(line(m, c)),
  };
}
