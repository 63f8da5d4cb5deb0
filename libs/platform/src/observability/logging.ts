// Structured logs: pino through nestjs-pino, one JSON object a line (pino-pretty in development
// when it is installed), the level from LOG_LEVEL, a correlation id on every line, and redaction
// of every field that can carry personal data or a secret. Messages themselves carry ids only
// (the PII leak scan, tests/integration/security/pii-leak-scan.test.ts, checks the whole output).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import type { AppConfig } from '@baiying/config';
import { currentCorrelation } from './correlation.js';

const LEVEL: Record<AppConfig['logLevel'], LevelWithSilent> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/** Structured fields that may hold personal data or secrets, wherever they sit (top level or one down). */
const SENSITIVE = [
  'phone',
  'address',
  'text',
  'description',
  'comment',
  'reason',
  'details',
  'name',
  'displayName',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'username',
  'title',
  'location',
  'lat',
  'lng',
  'latitude',
  'longitude',
  'token',
  'secret',
  'password',
  'cookie',
  'authorization',
  'body',
  'payload',
];
export const LOG_REDACT_PATHS: string[] = [
  ...SENSITIVE,
  ...SENSITIVE.map((f) => `*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'res.headers["set-cookie"]',
];

/** Paths polled by probes and scrapers: their requests are not logged one by one. */
export const OPS_PATHS = new Set(['/healthz', '/health/live', '/health/ready', '/metrics']);

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the proxy's X-Request-Id when it looks like one, else a new UUID. */
export function requestId(req: IncomingMessage & { id?: unknown }): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  return id;
}

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0]!.slice(0, 200);

/** Whether pino-pretty is installed (a dev dependency: absent from production images). */
function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** JSON unless asked (LOG_FORMAT=pretty) or in development, and never without pino-pretty. */
export function logFormat(config: AppConfig): 'json' | 'pretty' {
  const wanted = config.ops.logFormat ?? (config.env === 'development' ? 'pretty' : 'json');
  return wanted === 'pretty' && config.env !== 'production' && prettyAvailable() ? 'pretty' : 'json';
}

/** nestjs-pino's parameters for one process (`app`: bot, worker or api). */
export async function pinoParams(config: AppConfig, app: string): Promise<Params> {
  const options = {
    level: LEVEL[config.logLevel],
    base: { app, pid: process.pid },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    mixin: () => {
      const corr = currentCorrelation();
      return corr ? { corr } : {};
    },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestId(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => OPS_PATHS.has(pathOf(req.url)) },
    // Successful requests (webhook posts: one per chat update) only at debug, to keep the default
    // output to what needs attention.
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
  } as const;
  if (logFormat(config) === 'pretty') {
    const { default: pretty } = await import('pino-pretty');
    const stream: DestinationStream = pretty({ colorize: !process.env.NO_COLOR, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
    return { pinoHttp: [options, stream] };
  }
  // Through process.stdout (synchronous for files and pipes on Linux), not pino's own file
  // descriptor writer: what a process prints stays one stream that can be captured and scanned.
  return { pinoHttp: [options, process.stdout] };
}
