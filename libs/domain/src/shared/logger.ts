/** The minimal logger libraries log through; apps adapt their own. Context carries ids only. */
export interface Logger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
