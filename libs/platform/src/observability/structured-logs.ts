import type { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/** Routes Nest's logger (and what it buffered during start-up) to pino. Call right after create. */
export function useStructuredLogs(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.flushLogs();
}
