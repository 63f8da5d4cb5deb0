// The console's login without passwords, end to end over real HTTP: the login page (apps/api)
// asks for a code; a staff member says `登录 <code>` in the web chat (apps/bot, demo persona
// switcher as the person); the page's poll turns into a session. Then the abuse cases: wrong,
// replayed and expired codes, a resident's code, brute force → lockout; nothing logged in.
import { coordinatorOf, residentOf } from '../../support/factories.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';
import { http, type Caller } from './console-support.js';

interface Page {
  pre: string;
  code: string;
}

describe('Console login by a code said in chat (登录口令)', () => {
  let h: DeskHarness;
  let botBase = '';
  let apiBase = '';
  let web: { cookie: string; csrf: string };
  let serial = 0;

  const cookieOf = (setCookie: string, name: string): string => {
    const m = new RegExp(`${name}=([A-Za-z0-9_-]+)`).exec(setCookie);
    if (!m) throw new Error(`no ${name} cookie in ${setCookie}`);
    return `${name}=${m[1]}`;
  };

  async function loginPage(ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36'): Promise<Page> {
    const r = await http(apiBase, 'POST', '/api/v1/auth/login-codes', { headers: { 'user-agent': ua } }, {});
    expect(r.status).toBe(201);
    expect(r.setCookie).toMatch(/^baiying_console_login=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const body = r.body as { code: string };
    expect(body.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    return { pre: cookieOf(r.setCookie, 'baiying_console_login'), code: body.code };
  }

  /** The person with web identity `who` says `text` in their private web chat. */
  async function say(who: string, text: string): Promise<void> {
    const r = await http(
      botBase,
      'POST',
      '/api/web/events',
      { cookie: web.cookie, csrf: web.csrf, headers: { origin: botBase } },
      { clientMsgId: `m${++serial}x${Date.now()}`, personaId: who, chatId: who, text },
    );
    expect(r.status).toBe(200);
  }

  async function press(who: string, data: string): Promise<void> {
    const r = await http(
      botBase,
      'POST',
      '/api/web/events',
      { cookie: web.cookie, csrf: web.csrf, headers: { origin: botBase } },
      { clientMsgId: `b${++serial}x${Date.now()}`, personaId: who, chatId: who, callbackData: data },
    );
    expect(r.status).toBe(200);
  }

  /** The bot's newest message to `who` containing `zh`. */
  async function botSaid(who: string, zh: string): Promise<{ text: string; buttons: Array<Array<{ data: string }>> | null }> {
    return waitUntil(async () => {
      const r = await http(botBase, 'GET', `/api/web/chats/${who}/messages`);
      const ms = (r.body as Array<{ text: string; bot?: boolean; buttons: Array<Array<{ data: string }>> | null }>).filter((m) => m.text.includes(zh));
      return ms[ms.length - 1] ?? null;
    }, `the bot's "${zh}" to ${who}`);
  }

  const poll = (p: Page) => http(apiBase, 'GET', '/api/v1/auth/login-codes/current', { cookie: p.pre });

  async function consoleSessions(personId: string): Promise<number> {
    return h.prisma.webSession.count({ where: { personId, kind: 'console' } });
  }

  const desk = new ConsoleDesk({ bot: true });

  beforeAll(async () => {
    await desk.start();
    ({ h } = desk);
    botBase = desk.botBase;
    apiBase = desk.apiBase;
    const r = await http(botBase, 'POST', '/api/web/session', {}, {});
    web = { cookie: cookieOf(r.setCookie, 'baiying_chat'), csrf: (r.body as { csrf: string }).csrf };
  }, 90_000);

  afterAll(async () => {
    await desk.stop();
  });

  it('logs a coordinator in within two seconds of saying the code, and tells them from where', async () => {
    const coord = await coordinatorOf(h, 'I-DH', { name: '钱主任' });
    const externalId = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: coord.personId } })).externalId;
    const page = await loginPage();
    expect((await poll(page)).body).toMatchObject({ state: 'pending' });
    const saidAt = Date.now();
    await say(externalId, `登录 ${page.code.toLowerCase().replace('-', ' ')}`);
    const approved = await waitUntil(
      async () => {
        const r = await poll(page);
        return (r.body as { state: string }).state === 'approved' ? r : null;
      },
      'the page logged in',
      5000,
      250,
    );
    expect(Date.now() - saidAt).toBeLessThan(2000);
    expect(approved.setCookie).toMatch(/baiying_console=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const me: Caller = { cookie: cookieOf(approved.setCookie, 'baiying_console') };
    const who = await http(apiBase, 'GET', '/api/v1/auth/me', me);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ personId: coord.personId, role: 'coordinator' });
    // The pre-session is spent: polling again logs nobody in a second time.
    expect((await poll(page)).body).toMatchObject({ state: 'used' });
    expect(await consoleSessions(coord.personId)).toBe(1);
    // The bot says when and from which browser, with "不是我".
    const msg = await botSaid(externalId, '管理后台已登录');
    expect(msg.text).toContain('Chrome · Windows');
    expect(await h.prisma.auditLog.count({ where: { actorId: coord.personId, action: 'login' } })).toBe(1);

    // "不是我" revokes that session at once.
    const notMe = msg.buttons?.[0]?.[0]?.data;
    expect(notMe).toBeDefined();
    await press(externalId, notMe!);
    await waitUntil(async () => (await http(apiBase, 'GET', '/api/v1/auth/me', me)).status === 401, 'the session revoked');
    expect(await h.prisma.auditLog.count({ where: { actorId: coord.personId, action: 'login_refused' } })).toBe(1);
  });

  it('refuses wrong, replayed and expired codes, and a resident saying a valid code; nothing logs in', async () => {
    const coord = await coordinatorOf(h, 'I-XS', { name: '孔主任' });
    const coordKey = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: coord.personId } })).externalId;
    const resident = await residentOf(h, { name: '路人' });
    const residentKey = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: resident.personId } })).externalId;

    // A resident says a live code: refused as not staff; the page stays pending.
    const page = await loginPage();
    await say(residentKey, `登录 ${page.code}`);
    await botSaid(residentKey, '只有协调员');
    expect((await poll(page)).body).toMatchObject({ state: 'pending' });
    expect(await consoleSessions(resident.personId)).toBe(0);

    // A wrong code (right shape, nobody's): refused.
    await say(coordKey, '登录 ZZZZ-ZZZZ');
    await botSaid(coordKey, '登录口令无效');

    // The right code once; said again (replayed) it is refused and makes no second session.
    await say(coordKey, `/login ${page.code}`);
    await waitUntil(async () => ((await poll(page)).body as { state: string }).state === 'approved', 'approved');
    const before = await h.prisma.consoleLogin.count({ where: { personId: coord.personId, approvedAt: { not: null } } });
    const sent = await h.prisma.sentMessage.count({ where: { chatId: coordKey } });
    await say(coordKey, `登录 ${page.code}`);
    await waitUntil(async () => (await h.prisma.sentMessage.count({ where: { chatId: coordKey } })) > sent, 'the replay answered');
    expect(await h.prisma.consoleLogin.count({ where: { personId: coord.personId, approvedAt: { not: null } } })).toBe(before);
    expect(await consoleSessions(coord.personId)).toBe(1);

    // An expired code: refused, and its page reports expired.
    const late = await loginPage();
    await h.prisma.consoleLogin.updateMany({ where: { selector: late.code.slice(0, 4), consumedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await poll(late)).body).toMatchObject({ state: 'expired' });
    const answered = await h.prisma.sentMessage.count({ where: { chatId: coordKey } });
    await say(coordKey, `登录 ${late.code}`);
    await waitUntil(async () => (await h.prisma.sentMessage.count({ where: { chatId: coordKey } })) > answered, 'the expired code answered');
    expect((await poll(late)).body).toMatchObject({ state: 'expired' });
    expect(await consoleSessions(coord.personId)).toBe(1);
  });

  it('locks a pre-session after a few wrong secrets, and a person after a few wrong codes', async () => {
    const coord = await coordinatorOf(h, 'S-HP', { name: '吴站长' });
    const key = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: coord.personId } })).externalId;
    const page = await loginPage();
    const selector = page.code.slice(0, 4);
    const right = page.code.slice(5);
    const wrong = ['2345', '6789', 'ABCD', 'EFGH'].filter((s) => s !== right).slice(0, 3);
    for (const s of wrong) await say(key, `登录 ${selector}-${s}`);
    await waitUntil(async () => ((await poll(page)).body as { state: string }).state === 'locked', 'the pre-session locked');
    // Now even the right code is refused.
    const answered = await h.prisma.sentMessage.count({ where: { chatId: key } });
    await say(key, `登录 ${page.code}`);
    await waitUntil(async () => (await h.prisma.sentMessage.count({ where: { chatId: key } })) > answered, 'the right code on a locked page answered');
    expect((await poll(page)).body).toMatchObject({ state: 'locked' });
    // Two more failures (5 in all) pause this person: even a fresh right code is refused.
    await say(key, '登录 YYYY-YYYY');
    const fresh = await loginPage();
    await say(key, `登录 ${fresh.code}`);
    await botSaid(key, '输错次数太多');
    expect((await poll(fresh)).body).toMatchObject({ state: 'pending' });
    expect(await consoleSessions(coord.personId)).toBe(0);
  });

  it('gives a single-use login link for /console (staff only)', async () => {
    const coord = await coordinatorOf(h, 'S-XF', { name: '郑站长' });
    const key = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: coord.personId } })).externalId;
    await say(key, '/console');
    const msg = await botSaid(key, '登录链接');
    const url = /https?:\/\/\S+\/api\/v1\/auth\/link\/[A-Za-z0-9_-]{43}/.exec(msg.text)?.[0];
    expect(url).toBeDefined();
    const path = new URL(url!).pathname;
    const first = await http(apiBase, 'GET', path);
    expect(first.status).toBe(303);
    const me = { cookie: cookieOf(first.setCookie, 'baiying_console') };
    expect((await http(apiBase, 'GET', '/api/v1/auth/me', me)).body).toMatchObject({ personId: coord.personId });
    // Used once: the second visit is refused and makes no session.
    expect((await http(apiBase, 'GET', path)).status).toBe(400);
    expect(await consoleSessions(coord.personId)).toBe(1);
    const resident = await residentOf(h, { name: '过客' });
    const rkey = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: resident.personId } })).externalId;
    await say(rkey, '/console');
    await botSaid(rkey, '只有协调员');
  });

  it('lists and revokes own sessions, logs out (CSRF needed), and audits each', async () => {
    const personas = await http(apiBase, 'GET', '/api/v1/auth/demo/personas');
    expect(personas.status).toBe(200);
    expect((personas.body as Array<{ key: string }>).map((p) => p.key).sort()).toEqual(['demo-coord-county', 'demo-coord-dh', 'demo-staff-xf', 'demo-viewer']);
    expect((personas.body as Array<{ key: string; role: string }>).find((p) => p.key === 'demo-viewer')?.role).toBe('viewer');
    const login = async () => {
      const r = await http(apiBase, 'POST', '/api/v1/auth/demo/login', {}, { persona: 'demo-coord-dh' });
      expect(r.status).toBe(200);
      return { cookie: cookieOf(r.setCookie, 'baiying_console'), csrf: (r.body as { csrf: string }).csrf };
    };
    const a = await login();
    const b = await login();
    const list = await http(apiBase, 'GET', '/api/v1/auth/sessions', a);
    const rows = list.body as Array<{ id: string; current: boolean }>;
    expect(rows.filter((r) => r.current)).toHaveLength(1);
    const other = rows.find((r) => !r.current)!;
    // Without the CSRF token: refused.
    expect((await http(apiBase, 'DELETE', `/api/v1/auth/sessions/${other.id}`, { cookie: a.cookie })).status).toBe(403);
    expect((await http(apiBase, 'DELETE', `/api/v1/auth/sessions/${other.id}`, a)).status).toBe(200);
    expect((await http(apiBase, 'GET', '/api/v1/auth/me', b)).status).toBe(401);
    expect((await http(apiBase, 'POST', '/api/v1/auth/logout', { cookie: a.cookie })).status).toBe(403);
    expect((await http(apiBase, 'POST', '/api/v1/auth/logout', a)).status).toBe(200);
    expect((await http(apiBase, 'GET', '/api/v1/auth/me', a)).status).toBe(401);
    const person = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-dh' } })).personId;
    const actions = (await h.prisma.auditLog.findMany({ where: { actorId: person } })).map((r) => r.action).sort();
    expect(actions).toEqual(['login', 'login', 'logout', 'session_revoked']);
    // The trail is append-only.
    await expect(h.prisma.$executeRawUnsafe(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it("prunes login requests a day past their expiry (the worker's reconciliation), keeping recent ones", async () => {
    const now = new Date();
    const old = await h.prisma.consoleLogin.create({ data: { kind: 'code', createdAt: now, expiresAt: new Date(now.getTime() - 2 * 86_400_000) } });
    const recent = await h.prisma.consoleLogin.create({ data: { kind: 'code', createdAt: now, expiresAt: new Date(now.getTime() - 60_000) } });
    await h.desk.uow.run((w) => w.repos.privacy.pruneExpiredCodes(now));
    expect(await h.prisma.consoleLogin.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await h.prisma.consoleLogin.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
