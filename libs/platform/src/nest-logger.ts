import { Logger } from '@nestjs/common';

/** Adapts Nest's logger to the libraries' minimal logger; context is ids only. */
export function libLogger(context: string) {
  const l = new Logger(context);
  const fmt = (m: string, c?: Record<string, unknown>) => (c ? `${m} ${JSON.stringify(c)}` : m);
  return {
    log: (m: string, c?: Record<string, unknown>) => l.log(fmt(m, c)),
    warn: (m: string, c?: Record<string, unknown>) => l.warn(fmt(m, c)),
    error: (m: string, c?: Record<string, unknown>) => l.error(fmt(m, c)),
  };
}
