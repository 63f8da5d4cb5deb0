// A load generator that delivers updates to a bot's webhook the way Telegram does: HTTP POST of
// one JSON update per request, X-Telegram-Bot-Api-Secret-Token header, up to `maxConnections`
// requests in flight (Telegram's webhook max_connections, default 40), over 127.0.0.1.
//
// Open loop: update i is due at start + i / rate, whatever happened to earlier ones; when all
// connections are busy it waits in a local backlog. Its acknowledgement latency is measured
// from the moment it was DUE (not from when a connection became free) to the end of the
// bot's 2xx response, so a bot that falls behind is charged for the queueing it causes
// (no coordinated omission).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';

export interface WebhookLoadOptions {
  url: string;
  secretToken?: string;
  /** Updates to send (an upper bound: sending also stops after maxDurationMs). */
  count: number;
  /** Offered updates per second; null = closed loop (next update as soon as a connection frees). */
  ratePerSecond: number | null;
  maxConnections: number;
  /** A POST without an answer after this long counts as failed (Telegram waits ~10 s, then re-sends). */
  requestTimeoutMs: number;
  /** No update is started after this long; in-flight ones still finish (bounded by requestTimeoutMs). */
  maxDurationMs: number;
  update: (i: number) => Update;
}

export interface WebhookLoadResult {
  /** Updates due to be sent (open loop) or started (closed loop). */
  scheduled: number;
  sent: number;
  acked: number;
  failed: number;
  /** Updates due but never sent because the run reached maxDurationMs (the bot was too slow). */
  notSent: number;
  /** Failure reasons (HTTP status or error text) with counts. */
  failures: Record<string, number>;
  /** Per acknowledged update: 2xx response end − time it was due (ms). */
  ackMs: number[];
  /** Per acknowledged update: 2xx response end − request start (ms), i.e. without local backlog wait. */
  serviceMs: number[];
  /** First due time → last response (ms). */
  durationMs: number;
  /** Largest number of updates that waited in the local backlog for a free connection. */
  maxBacklog: number;
  stoppedByTimeCap: boolean;
}

interface Item {
  i: number;
  dueAt: number;
}

export function runWebhookLoad(opts: WebhookLoadOptions): Promise<WebhookLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxConnections, keepAliveMsecs: 10_000 });
  const url = new URL(opts.url);
  const result: WebhookLoadResult = {
    scheduled: 0,
    sent: 0,
    acked: 0,
    failed: 0,
    notSent: 0,
    failures: {},
    ackMs: [],
    serviceMs: [],
    durationMs: 0,
    maxBacklog: 0,
    stoppedByTimeCap: false,
  };
  const backlog: Item[] = [];
  const start = performance.now();
  let next = 0;
  let inFlight = 0;
  let schedulingDone = false;
  let lastEnd = start;
  let tickTimer: NodeJS.Timeout | undefined;

  return new Promise<WebhookLoadResult>((resolve) => {
    const fail = (reason: string): void => {
      result.failed++;
      result.failures[reason] = (result.failures[reason] ?? 0) + 1;
    };

    const finishIfDone = (): void => {
      if (!schedulingDone || inFlight > 0 || backlog.length > 0) return;
      if (tickTimer !== undefined) clearTimeout(tickTimer);
      result.durationMs = lastEnd - start;
      agent.destroy();
      resolve(result);
    };

    const timeUp = (): boolean => {
      if (performance.now() - start <= opts.maxDurationMs) return false;
      if (!result.stoppedByTimeCap) {
        result.stoppedByTimeCap = true;
        // Updates still waiting for a connection are never sent.
        result.notSent += backlog.length + (opts.ratePerSecond === null ? 0 : opts.count - next);
        backlog.length = 0;
        schedulingDone = true;
      }
      return true;
    };

    const post = (item: Item): void => {
      inFlight++;
      result.sent++;
      const body = JSON.stringify(opts.update(item.i));
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (opts.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = opts.secretToken;
      const sentAt = performance.now();
      let settled = false;
      const settle = (reason: string | undefined): void => {
        if (settled) return;
        settled = true;
        const end = performance.now();
        lastEnd = Math.max(lastEnd, end);
        if (reason === undefined) {
          result.acked++;
          result.ackMs.push(end - item.dueAt);
          result.serviceMs.push(end - sentAt);
        } else {
          fail(reason);
        }
        inFlight--;
        pump();
        finishIfDone();
      };
      const req = http.request(
        { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'POST', headers, agent, timeout: opts.requestTimeoutMs },
        (res) => {
          res.on('data', () => undefined); // the body (a webhook reply, if any) is read and discarded
          res.on('error', (e) => settle(`response error: ${e.message}`));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            settle(status >= 200 && status < 300 ? undefined : `HTTP ${status}`);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${opts.requestTimeoutMs} ms`)));
      req.on('error', (e) => settle(e.message));
      req.end(body);
    };

    /** Starts queued (open loop) or new (closed loop) updates while connections are free. */
    const pump = (): void => {
      if (opts.ratePerSecond === null) {
        while (!schedulingDone && inFlight < opts.maxConnections) {
          if (next >= opts.count || timeUp()) {
            schedulingDone = true;
            break;
          }
          result.scheduled++;
          post({ i: next++, dueAt: performance.now() });
        }
        return;
      }
      while (inFlight < opts.maxConnections && backlog.length > 0 && !timeUp()) post(backlog.shift()!);
    };

    const tick = (): void => {
      tickTimer = undefined;
      const rate = opts.ratePerSecond!;
      if (!timeUp()) {
        const now = performance.now();
        const due = Math.min(opts.count, Math.floor(((now - start) * rate) / 1000) + 1);
        while (next < due) {
          backlog.push({ i: next, dueAt: start + (next * 1000) / rate });
          next++;
          result.scheduled++;
        }
        result.maxBacklog = Math.max(result.maxBacklog, backlog.length);
        pump();
        if (next >= opts.count) schedulingDone = true;
        else tickTimer = setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
      }
      finishIfDone();
    };

    if (opts.ratePerSecond === null) {
      pump();
      finishIfDone();
    } else {
      tick();
    }
  });
}
