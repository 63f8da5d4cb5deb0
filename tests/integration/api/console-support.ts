// Helpers for the console API suites: the API and the bot in this process on the run's database,
// real HTTP; console sessions made as rows (for the authorisation matrix) or by the real login.
import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { PrismaClient } from '@baiying/db';

export interface Caller {
  cookie?: string;
  csrf?: string;
  /** Extra headers (origin, content type…). */
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  setCookie: string;
}

export async function http(base: string, method: string, path: string, c: Caller = {}, body?: unknown): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrf) headers['x-csrf-token'] = c.csrf;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const r = await fetch(`${base}${path}`, { method, headers, redirect: 'manual', ...(payload !== undefined ? { body: payload } : {}) });
  // A live stream (Server-Sent Events) never ends by itself: its status is the answer.
  if ((r.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await r.body?.cancel();
    return { status: r.status, body: null, setCookie: r.headers.get('set-cookie') ?? '' };
  }
  const text = await r.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: r.status, body: parsed, setCookie: r.headers.get('set-cookie') ?? '' };
}

/** A console session row for a person, as the login would make it (token hashed). */
export async function sessionRow(prisma: PrismaClient, personId: string, over: { lastSeenAt?: Date; expiresAt?: Date; revokedAt?: Date } = {}) {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const now = new Date();
  const row = await prisma.webSession.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      kind: 'console',
      personId,
      csrfToken: csrf,
      createdAt: now,
      lastSeenAt: over.lastSeenAt ?? now,
      expiresAt: over.expiresAt ?? new Date(now.getTime() + 3_600_000),
      ...(over.revokedAt ? { revokedAt: over.revokedAt } : {}),
    },
  });
  return { id: row.id, cookie: `baiying_console=${token}`, csrf };
}

/** Every route the running app serves, read from its Express router (so none can be missed). */
export function routesOf(app: INestApplication): Array<{ method: string; path: string }> {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
  const out: Array<{ method: string; path: string }> = [];
  for (const layer of express.router.stack) {
    // The app-wide middleware (request logging, and /metrics and /health/* answered before the
    // routes: libs/platform/src/observability) is mounted on every path; it is not a route.
    if (!layer.route || layer.route.path === '{/*splat}') continue;
    for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: layer.route.path });
  }
  return out;
}
