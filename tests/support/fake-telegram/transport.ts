/**
 * The HTTP side of the fake: the server on 127.0.0.1, routing of /bot<token>/<method>,
 * body decoding (JSON, form, multipart and query string, see request.ts), simulated latency,
 * JSON answers, and the one long poll Telegram holds open per bot.
 */
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';
import type { Scheduler } from './clock.js';
import { ApiError, decodeRequest, readBody, type UploadedFile } from './request.js';

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/** Writes `{ ok: false, error_code, description, parameters? }` with the error's HTTP status. */
export function writeError(res: ServerResponse, error: ApiError): void {
  const body: Record<string, unknown> = { ok: false, error_code: error.status, description: error.description };
  if (error.parameters !== undefined) body.parameters = error.parameters;
  writeJson(res, error.status, body);
}

export interface IncomingCall {
  /** The method name as the client spelled it. */
  rawMethod: string;
  params: Record<string, unknown>;
  files: UploadedFile[];
  /** performance.now() when the request reached the server, before any simulated latency. */
  arrivedAt: number;
  res: ServerResponse;
}

export interface TransportOptions {
  token: string;
  port: number | undefined;
  scheduler: Scheduler;
  /** Read per request, so a test can change the latency while the fake runs. */
  latencyFor: (rawMethod: string) => number;
  /** Answers the call (synchronously, or later for a held getUpdates); throws ApiError for Telegram errors. */
  handle: (call: IncomingCall) => void;
  /** Called with every error answer just before it is written (flood accounting). */
  beforeErrorAnswer: (res: ServerResponse, error: ApiError) => void;
}

export class Transport {
  private server: Server | undefined;
  private port = 0;

  constructor(private readonly options: TransportOptions) {}

  /** `http://127.0.0.1:PORT`, for `client.apiRoot` (no trailing slash: grammY rejects one). */
  get apiRoot(): string {
    if (this.server === undefined) throw new Error('FakeBotApi: call start() before reading apiRoot');
    return `http://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async listen(): Promise<void> {
    const server = http.createServer((req, res) => this.onRequest(req, res));
    // grammY reuses keep-alive sockets; Node's 5 s server default races with that reuse
    // (the server closes an idle socket just as the client writes to it: ECONNRESET).
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Forgets the server at once (apiRoot throws from now on); the promise settles once it is closed. */
  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return Promise.resolve();
    return new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const arrivedAt = performance.now();
    this.handleRequest(req, res, arrivedAt).catch((error: unknown) => {
      const apiError =
        error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
      this.options.beforeErrorAnswer(res, apiError);
      writeError(res, apiError);
    });
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (route === null) {
      req.resume();
      throw new ApiError(404, 'Not Found');
    }
    const [, token, rawMethod = ''] = route;
    if (token !== this.options.token) {
      req.resume();
      throw new ApiError(401, 'Unauthorized');
    }
    const body = await readBody(req);
    const { params, files } = decodeRequest(req.headers['content-type'], body, url.searchParams);
    const delay = this.options.latencyFor(rawMethod);
    if (delay > 0) await new Promise<void>((resolve) => this.options.scheduler.later(delay, resolve));
    if (this.options.scheduler.stopped) return;
    this.options.handle({ rawMethod, params, files, arrivedAt, res });
  }
}

interface HeldPoll {
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout | undefined;
}

/** The getUpdates call held open until an update arrives or its timeout ends (at most one). */
export class LongPoll {
  private held: HeldPoll | undefined;

  constructor(private readonly scheduler: Scheduler) {}

  get isHeld(): boolean {
    return this.held !== undefined;
  }

  /** The `limit` of the held call, undefined when none is held. */
  get limit(): number | undefined {
    return this.held?.limit;
  }

  /** Holds `res` for up to `timeoutSeconds` (capped at 600, unscaled); then answers `[]`. */
  hold(res: ServerResponse, limit: number, timeoutSeconds: number): void {
    const held: HeldPoll = { res, limit, timer: undefined };
    held.timer = this.scheduler.later(Math.min(timeoutSeconds, 600) * 1000, () => {
      if (this.held !== held) return;
      this.held = undefined;
      writeJson(res, 200, { ok: true, result: [] });
    });
    // `res` 'close', not `req` 'close': on Node 20 the request closes as soon as its body is read.
    res.on('close', () => {
      if (this.held !== held) return;
      this.held = undefined;
      if (held.timer !== undefined) this.scheduler.clear(held.timer);
    });
    this.held = held;
  }

  /** Answers the held call with `updates` (a no-op when none is held). */
  answer(updates: readonly Update[]): void {
    const held = this.take();
    if (held !== undefined) writeJson(held.res, 200, { ok: true, result: updates });
  }

  /** Ends the held call with an error (another poll or setWebhook took over). */
  terminate(error: ApiError): void {
    const held = this.take();
    if (held !== undefined) writeError(held.res, error);
  }

  private take(): HeldPoll | undefined {
    const held = this.held;
    this.held = undefined;
    if (held?.timer !== undefined) this.scheduler.clear(held.timer);
    return held;
  }
}
