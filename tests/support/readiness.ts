// Polls an app's health endpoints for the readiness tests: each wait ends on the answer it
// expects (a positive signal) or fails with the app's last log lines.
import { waitUntil } from './test-env.js';

export interface Health {
  status: string;
  details?: Record<string, { status: string }>;
}

export interface HealthAnswer {
  status: number;
  body: Health;
}

export function healthProbe(base: () => string, logs: () => string) {
  const get = async (path: string): Promise<HealthAnswer> => {
    const r = await fetch(`${base()}${path}`);
    return { status: r.status, body: (await r.json()) as Health };
  };
  /** The first /health/ready answer with this HTTP status. */
  const readyWith = (status: number, what: string, timeoutMs: number): Promise<HealthAnswer> =>
    waitUntil(
      async () => {
        const r = await get('/health/ready');
        return r.status === status ? r : null;
      },
      what,
      timeoutMs,
      200,
    ).catch((e: Error) => Promise.reject(new Error(e.message + logs())));
  return { get, readyWith };
}
