// One correlation id per unit of work — an HTTP request, a chat update, a queue job — carried
// through every await by AsyncLocalStorage and stamped on each log line (the `corr` field) by
// the pino mixin in logging.ts. Ids only: a request id, a channel and update id, a job id.
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<{ corr: string }>();

/** Runs fn with `corr` as the correlation id of everything it logs. */
export function withCorrelation<T>(corr: string, fn: () => T): T {
  return storage.run({ corr }, fn);
}

/** The correlation id of the work in progress, if any. */
export function currentCorrelation(): string | undefined {
  return storage.getStore()?.corr;
}
