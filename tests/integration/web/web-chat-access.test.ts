// Who may read and speak in the web chat, over real HTTP against the bot app (in-process) on the
// run's database: outside demo mode a browser gets its own session bound to a private chat the
// server made; it reads and posts only there, who speaks comes from the session (never the
// body), state-changing calls need the session's CSRF token from the desk's own origin, the
// persona switcher and the any-chat reader do not exist, and every response carries the Host
// check and a strict Content-Security-Policy.
import { request } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const SESSIONS_PER_HOUR = 8;

interface Browser {
  cookie?: string;
  csrf?: string;
  chatId?: string;
}

describe('Web chat access (residents, no demo)', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let base = '';
  let host = '';
  let sessionsMade = 0;

  async function call(path: string, init: RequestInit & { browser?: Browser; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.browser?.cookie) headers.cookie = init.browser.cookie;
    return fetch(`${base}${path}`, { ...init, headers });
  }

  /** A GET with exactly this Host header (fetch always sends the URL's). */
  function withHost(path: string, hostHeader: string): Promise<number> {
    const url = new URL(`${base}${path}`);
    return new Promise((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path, method: 'GET', setHost: false, headers: hostHeader ? { host: hostHeader } : {} },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  async function newBrowser(): Promise<Browser> {
    const r = await call('/api/web/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
    sessionsMade++;
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^baiying_chat=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const body = (await r.json()) as { chatId: string; csrf: string; demo: boolean };
    expect(body.demo).toBe(false);
    expect(body.chatId).toMatch(/^w-[A-Za-z0-9_-]{22}$/);
    return { cookie: setCookie.split(';')[0], csrf: body.csrf, chatId: body.chatId };
  }

  function say(b: Browser, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return call('/api/web/events', {
      method: 'POST',
      browser: b,
      headers: { 'content-type': 'application/json', 'x-csrf-token': b.csrf ?? '', origin: `http://${host}`, ...headers },
      body: JSON.stringify({ clientMsgId: `m${Math.random().toString(36).slice(2, 10)}`, ...payload }),
    });
  }

  async function messages(b: Browser): Promise<Array<{ text: string; mine: boolean }>> {
    const r = await call('/api/web/messages', { browser: b });
    expect(r.status).toBe(200);
    return (await r.json()) as Array<{ text: string; mine: boolean }>;
  }

  beforeAll(async () => {
    config = testConfig({ WEB_CHAT_DEMO: 'false', WEB_CHAT_SESSIONS_PER_HOUR: String(SESSIONS_PER_HOUR), OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    bot = await startBot(config);
    base = (await bot.getUrl()).replace('[::1]', '127.0.0.1');
    host = new URL(base).host;
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('has no persona list and no reader of other chats', async () => {
    expect((await call('/api/web/personas')).status).toBe(404);
    // The demo resident's private chat and a team group: before, anyone could read both in clear.
    expect((await call('/api/web/chats/demo-resident/messages')).status).toBe(404);
    expect((await call('/api/web/chats/g-S-XF-ELDER/messages')).status).toBe(404);
  });

  it('answers nothing without a session', async () => {
    expect((await call('/api/web/messages')).status).toBe(401);
    const forged = { cookie: `baiying_chat=${'A'.repeat(43)}`, csrf: 'x' };
    expect((await say(forged, { text: '/help' })).status).toBe(401);
    expect((await call('/api/web/messages', { browser: { cookie: 'baiying_chat=../../etc' } })).status).toBe(401);
  });

  it('lets a browser speak and read in its own chat only, as itself', async () => {
    const a = await newBrowser();
    const b = await newBrowser();
    expect(a.chatId).not.toBe(b.chatId);

    // A body naming a persona (a seeded coordinator) or a chat is refused, and nothing is said.
    const asCoordinator = await say(a, { personaId: 'demo-coordinator', chatId: 'demo-coordinator', text: '/pending' });
    expect(asCoordinator.status).toBe(400);
    expect(((await asCoordinator.json()) as { message: string }).message).toContain('personaId is not accepted');
    expect((await say(a, { chatId: 'g-S-XF-ELDER', text: '接单 N-0001' })).status).toBe(400);

    const ok = await say(a, { text: '/help' });
    expect(ok.status).toBe(200);
    const mine = await waitUntil(async () => {
      const ms = await messages(a);
      return ms.some((m) => !m.mine) ? ms : null;
    }, "the desk's answer in A's chat");
    expect(mine.map((m) => m.text).join('\n')).toMatch(/\/my|我的需求/);
    // A's answer has arrived; B's chat holds none of it.
    expect(await messages(b)).toEqual([]);
    // The person behind A is a new web identity keyed by A's chat, not a seeded persona.
    const identity = await h.prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'web', externalId: a.chatId! } } });
    expect(identity).not.toBeNull();
    // and the seeded coordinator's own chat received nothing from A's attempt.
    expect(await h.prisma.webMessage.count({ where: { chatId: 'demo-coordinator' } })).toBe(0);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const a = await newBrowser();
    expect((await say(a, { text: '/help' }, { 'x-csrf-token': '' })).status).toBe(403);
    expect((await say(a, { text: '/help' }, { 'x-csrf-token': `${a.csrf!.slice(0, -1)}x` })).status).toBe(403);
    expect((await say(a, { text: '/help' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await say(a, { text: '/help' }, { origin: 'null' })).status).toBe(403);
    // Nothing of those reached the desk: A's chat is still empty once a real message is answered.
    expect((await say(a, { text: '/help' })).status).toBe(200);
    const ms = await waitUntil(async () => {
      const got = await messages(a);
      return got.some((m) => !m.mine) ? got : null;
    }, "the desk's answer");
    // One answer from the desk, and what A wrote kept once: the refused posts left nothing.
    expect(ms.filter((m) => !m.mine)).toHaveLength(1);
    expect(ms.filter((m) => m.mine).map((m) => m.text)).toEqual(['/help']);
  });

  it('refuses malformed, oversized and mixed events with a clear answer', async () => {
    const a = await newBrowser();
    const bad = async (payload: Record<string, unknown>) => {
      const r = await say(a, payload);
      expect(r.status).toBe(400);
      return ((await r.json()) as { message: string }).message;
    };
    expect(await bad({ text: 'hi', callbackData: 'x' })).toContain('exactly one of text, callbackData, location');
    expect(await bad({ location: { lat: 91, lng: 0 } })).toContain('location.lat');
    expect(await bad({ text: 'x'.repeat(20_001) })).toContain('text');
    expect(await bad({ clientMsgId: '../x', text: 'hi' })).toContain('clientMsgId');
    const huge = await say(a, { text: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
  });

  it('ends a session on request and after its lifetime', async () => {
    const a = await newBrowser();
    expect((await call('/api/web/session/end', { method: 'POST', browser: a, headers: { 'x-csrf-token': 'wrong', origin: `http://${host}` } })).status).toBe(
      403,
    );
    const end = await call('/api/web/session/end', { method: 'POST', browser: a, headers: { 'x-csrf-token': a.csrf!, origin: `http://${host}` } });
    expect(end.status).toBe(200);
    expect(end.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await call('/api/web/messages', { browser: a })).status).toBe(401);

    const b = await newBrowser();
    await h.prisma.webSession.update({ where: { chatId: b.chatId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call('/api/web/messages', { browser: b })).status).toBe(401);
    const c = await newBrowser();
    await h.prisma.webSession.update({ where: { chatId: c.chatId! }, data: { lastSeenAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect((await call('/api/web/messages', { browser: c })).status).toBe(401);
    // The cookie stores a token; the table only its hash.
    const token = c.cookie!.split('=')[1]!;
    expect(await h.prisma.webSession.count({ where: { tokenHash: token } })).toBe(0);
  });

  it('resumes a live session instead of making a new chat, and limits new ones per address', async () => {
    const a = await newBrowser();
    const again = await call('/api/web/session', { method: 'POST', browser: a, headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(((await again.json()) as { chatId: string }).chatId).toBe(a.chatId);
    expect(again.headers.get('set-cookie')).toBeNull();
    while (sessionsMade < SESSIONS_PER_HOUR) await newBrowser();
    const refused = await call('/api/web/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('answers only to its own host names, with strict security headers', async () => {
    const port = new URL(base).port;
    const page = await call('/');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+={0,2}'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect((await call('/api/web/messages')).headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    // DNS rebinding: the desk's address under an attacker's name.
    for (const name of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      expect({ name, status: await withHost('/', name) }).toEqual({ name, status: 421 });
    }
    expect(await withHost('/api/web/messages', `evil.example:${port}`)).toBe(421);
    // No Host at all: refused (Node answers 400 before any route).
    expect([400, 421]).toContain(await withHost('/', ''));
    expect(await withHost('/', `localhost:${port}`)).toBe(200);
    expect(await withHost('/', `LOCALHOST:${port}`)).toBe(200);
    // The health probe answers by address (no data, no cookies).
    expect(await withHost('/healthz', `10.0.0.7:${port}`)).toBe(200);
  });
});
