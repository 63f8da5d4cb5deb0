// The coordinators' console (apps/console, built into dist/console) in headless Chromium, served
// by the console API (in this process, as it serves it in production) beside the web chat (the
// bot app, in this process) on the run's database. A resident describes a need in the web chat;
// the console's login page shows a code; 孙主任 says `登录 <code>` in the web chat (a second
// browser); the console enters the needs list, opens the need, reveals it with a reason, and the
// audit page shows the reveal. Then English, a 390 px wide screen, a code locked by wrong
// secrets, a logged-out visit, and the read-only viewer (no reveal button; a forged reveal from
// the page is refused by the server).
// Any script error or CSP violation on a console page fails the test; on failure every open
// page is photographed into a temporary directory (its path is printed).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { localUrl, WatchedPages } from '../../support/console-pages.js';
import { routedNeed } from '../../support/needs.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';

/** Bound for every single wait on a page. */
const T = 20_000;
const NEED = { description: '我家老人腿脚不便，想找人上门理发', address: '幸福小区3号楼2单元501', phone: '13812345678' };

describe('The console in headless Chromium (served by the API, login through the web chat)', () => {
  let h: DeskHarness;
  let browser: Browser | undefined;
  let chatBase = '';
  let consoleBase = '';
  const watch = new WatchedPages('console-e2e-');
  /** Script errors and CSP violations on console pages: there must be none. */

  const open = (name: string, url: string, opts: { locale?: string; width?: number } = {}): Promise<Page> =>
    watch.open(browser!, name, url, {
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.width ? { viewport: { width: opts.width, height: 844 } } : {}),
      timeoutMs: T,
    });

  /** Runs a test's steps; on failure photographs every open page and says where. */
  const photographed = (fn: () => Promise<void>): Promise<void> => watch.photographed(fn);

  // --- the web chat (the resident and the coordinator) ----------------------------------------
  async function chatAs(persona: string): Promise<Page> {
    const page = await open(`chat-${persona}`, chatBase);
    const option = page.locator('#persona option', { hasText: persona });
    await option.waitFor({ state: 'attached', timeout: T });
    await page.locator('#persona').selectOption({ label: (await option.textContent()) ?? persona });
    await page.locator('nav#chats button.active', { hasText: '私聊' }).waitFor({ state: 'visible', timeout: T });
    return page;
  }
  async function say(page: Page, text: string): Promise<void> {
    await page.locator('#text').fill(text);
    await page.locator('#send').click();
    await page.locator('#log .msg.me', { hasText: text }).last().waitFor({ state: 'visible', timeout: T });
  }
  async function see(page: Page, text: RegExp): Promise<void> {
    await page.locator('#log .msg.bot', { hasText: text }).last().waitFor({ state: 'visible', timeout: T });
  }
  async function press(page: Page, text: RegExp, button: RegExp): Promise<void> {
    await see(page, text);
    await page.locator('#log .msg.bot', { hasText: text }).last().getByRole('button', { name: button }).click();
  }

  /** 王阿姨 describes her need in the web chat, step by step, and submits it; its code. */
  async function residentSubmitsNeed(): Promise<string> {
    const p = await chatAs('王阿姨');
    await say(p, NEED.description);
    await press(p, /我理解您需要：为老助老/, /是的/);
    await press(p, /哪个社区或村/, /^幸福社区$/);
    await see(p, /具体地址/);
    await say(p, NEED.address);
    await see(p, /什么时候/);
    await say(p, '明天上午');
    await see(p, /联系电话/);
    await say(p, NEED.phone);
    await press(p, /请确认/, /确认提交/);
    await see(p, /已提交，编号 N-\d{8}-\d{4}/);
    const text = await p
      .locator('#log .msg.bot', { hasText: /已提交，编号/ })
      .last()
      .innerText();
    return /N-\d{8}-\d{4}/.exec(text)![0];
  }

  // --- the console ------------------------------------------------------------------------------
  /** The document is no wider than the window (no page-level horizontal scrolling). */
  const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

  async function loginWithPersona(page: Page, persona: string): Promise<void> {
    await page.locator(`[data-persona="${persona}"]`).click();
    await page.waitForURL(/\/console\/needs/, { timeout: T });
  }

  const desk = new ConsoleDesk({ webGroups: true, bot: true });

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    browser = await launchBrowser();
    await desk.start();
    ({ h } = desk);
    chatBase = localUrl(desk.botBase);
    consoleBase = desk.consoleBase;
  }, 90_000);

  afterEach(() => {
    // Pages of one test do not carry over; problems are checked per test.
    expect(watch.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await watch.close();
    await closeBrowser(browser);
    await desk.stop();
  }, 40_000);

  it('is served under a strict CSP with no inline script, with history fallback; bad paths are refused', async () => {
    const base = consoleBase.replace(/\/console\/$/, '');
    const index = await fetch(`${base}/console/needs/some-id?x=1`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await index.text();
    expect(html).toContain('<div id="app">');
    // Every script is a file (no inline code), and no inline style element.
    expect([...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].every((m) => /\bsrc=/.test(m[1]!) && m[2]!.trim() === '')).toBe(true);
    expect(html).not.toMatch(/<style\b/);
    const redirect = await fetch(`${base}/console`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/console/']);
    // A missing asset is a 404, not the page; a path escaping the folder never reads outside it.
    expect((await fetch(`${base}/console/assets/nope-123.js`)).status).toBe(404);
    for (const evil of ['/console/..%2f..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/console/assets/..%2f..%2f..%2fpackage.json']) {
      const r = await fetch(`${base}${evil}`);
      expect(await r.text()).not.toContain('"name": "baiying"');
    }
    // The API keeps its own, stricter policy; a POST to a console path is no page.
    expect((await fetch(`${base}/healthz`)).headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${base}/console/needs`, { method: 'POST' })).status).toBe(404);
  });

  it('logs in by the code said in the web chat, lists, opens and reveals a need, and shows the reveal in the audit log', async () => {
    await photographed(async () => {
      const code = await residentSubmitsNeed();
      const con = await open('console', consoleBase, { width: 1366 });
      // A logged-out visit lands on the login page, which shows the code and its QR code.
      await con.waitForURL(/\/console\/login/, { timeout: T });
      const sayText = (await con.locator('[data-test="say"]').innerText({ timeout: T })).trim();
      expect(sayText).toMatch(/^登录 [A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await con.locator('[data-test="qr"]').waitFor({ state: 'visible', timeout: T });
      // The QR code is drawn: dark and light modules on the canvas (an untouched canvas is all clear).
      const qr = await con.locator('[data-test="qr"]').evaluate((el) => {
        const c = el as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
        };
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        let light = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (px[i + 3] === 0) continue;
          if (px[i]! < 128) dark++;
          else light++;
        }
        return { dark, light };
      });
      expect(qr.dark).toBeGreaterThan(1000);
      expect(qr.light).toBeGreaterThan(1000);
      expect(await con.locator('[data-test="login-state"]').innerText()).toContain('等待');

      const chat = await chatAs('孙主任');
      await say(chat, sayText);
      await see(chat, /管理后台已登录/);
      // The page's poll enters the console: the needs list, with the resident's need, masked.
      await con.waitForURL(/\/console\/needs/, { timeout: T });
      expect(await con.locator('[data-test="who"]').innerText()).toContain('孙主任');
      const row = con.locator('[data-test="needs-table"] tr', { hasText: code });
      await row.waitFor({ state: 'visible', timeout: T });
      const rowText = await row.innerText();
      expect(rowText).not.toContain(NEED.phone);
      expect(rowText).toMatch(/138\*+5678|138.*\*/);
      expect(rowText).not.toContain(NEED.address);
      expect(await con.locator('[data-test="nav"]').innerText()).toContain('审计');

      // Filters live in the URL: a code filter narrows the list, and the back button undoes it.
      await con.locator('input[data-test="f-q"]').fill('N-0000');
      await con.locator('[data-test="apply"]').click();
      await con.waitForURL(/q=N-0000/, { timeout: T });
      await con.locator('[data-test="needs-table"]', { hasText: '没有符合条件的需求' }).waitFor({ timeout: T });
      await con.goBack();
      await row.waitFor({ state: 'visible', timeout: T });
      // A malformed unit code (typed, or pasted into the URL) is the server's 400, shown on the page.
      await con.goto(`${consoleBase}needs?unit=${encodeURIComponent('东湖!')}`);
      await con.locator('.el-alert', { hasText: '请求参数有误：unit' }).waitFor({ timeout: T });
      await con.goBack();
      await row.waitFor({ state: 'visible', timeout: T });

      // The detail: masked, with the timeline; 查看 with a reason reveals the phone and address.
      await row.locator('[data-test="need-link"]').click();
      await con.waitForURL(/\/console\/needs\/[0-9a-f-]{36}$/, { timeout: T });
      expect(await con.locator('[data-test="need-title"]').innerText({ timeout: T })).toContain(code);
      expect(await con.locator('[data-test="masked-phone"]').innerText()).not.toContain(NEED.phone);
      expect(await con.locator('[data-test="timeline"]').innerText()).toContain('提交');
      await con.locator('[data-test="reveal"]').click();
      await con.locator('[data-test="reveal-reason"]').click();
      await con.locator('.el-select-dropdown__item', { hasText: '核实服务' }).click();
      await con.locator('[data-test="reveal-confirm"]').click();
      expect(await con.locator('[data-test="revealed-phone"]').innerText({ timeout: T })).toBe(NEED.phone);
      expect(await con.locator('[data-test="revealed-address"]').innerText()).toBe(NEED.address);
      expect(await con.locator('[data-test="revealed-description"]').innerText()).toContain('理发');

      // The audit page lists the reveal, with its reason.
      await con.locator('[data-test="nav"] a', { hasText: '审计' }).click();
      await con.waitForURL(/\/console\/audit/, { timeout: T });
      const reveal = con.locator('[data-test="audit-table"] tr', { has: con.locator('[data-action="reveal"]') });
      await reveal.first().waitFor({ state: 'visible', timeout: T });
      expect(await reveal.first().innerText()).toContain('核实服务');
      expect(await reveal.first().innerText()).toContain('孙主任');

      // English: Element Plus's texts and the console's own.
      await con.locator('[data-test="lang"]').click();
      await con.locator('[data-test="nav"]', { hasText: 'Audit log' }).waitFor({ timeout: T });
      expect(await con.locator('[data-test="nav"]').innerText()).toContain('Needs');
      expect(await con.locator('[data-test="audit-table"]').innerText()).toContain('Reveal personal data');
      await con.locator('[data-test="nav"] a', { hasText: 'Needs' }).click();
      await con.locator('[data-test="needs-table"] th', { hasText: 'Code' }).first().waitFor({ timeout: T });
      const rowEn = con.locator('[data-test="needs-table"] tr', { hasText: code });
      await rowEn.waitFor({ state: 'visible', timeout: T });
      expect(await rowEn.innerText()).toContain('Elderly care');
      expect(await con.locator('[data-test="who"]').innerText()).toContain('County administrator');

      // My sessions: this one is listed as current.
      await con.locator('[data-test="nav"] a', { hasText: 'My sessions' }).click();
      await con.locator('[data-test="sessions-table"] [data-test="current"]').waitFor({ timeout: T });

      // A 390 px wide screen: the menu folds away, nothing overflows the document.
      await con.setViewportSize({ width: 390, height: 844 });
      for (const to of ['needs', 'audit', 'sessions']) {
        await con.goto(`${consoleBase}${to}`);
        await con.locator('.main section').waitFor({ timeout: T });
        await con.locator('.el-table').first().waitFor({ timeout: T });
        expect([to, await overflow(con)]).toEqual([to, 0]);
      }
      expect(await con.locator('[data-test="nav"]').isVisible()).toBe(false);
      await con.locator('.menu-toggle').click();
      await con.locator('[data-test="nav"]').waitFor({ state: 'visible', timeout: T });
      await con.locator('[data-test="nav"] a', { hasText: 'Needs' }).click();
      await con.locator('[data-test="needs-table"] tr', { hasText: code }).waitFor({ timeout: T });
      expect(await overflow(con)).toBe(0);
      await con.locator('[data-test="needs-table"] [data-test="need-link"]').first().click();
      await con.locator('[data-test="need-title"]').waitFor({ timeout: T });
      expect(await overflow(con)).toBe(0);

      // Log out: the session ends on the server, and the console asks for a login again.
      await con.locator('[data-test="logout"]').click();
      await con.waitForURL(/\/console\/login/, { timeout: T });
      const me = await con.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
      expect(me).toBe(401);
    });
  }, 180_000);

  it('shows a code locked by three wrong secrets as locked, and gives a new code on request', async () => {
    await photographed(async () => {
      const con = await open('console-locked', `${consoleBase}login`);
      const said = (await con.locator('[data-test="say"]').innerText({ timeout: T })).trim();
      const [selector, secret] = said.replace('登录 ', '').split('-') as [string, string];
      // Three wrong secrets against this code's selector, said by 赵主任 (through the use case the
      // chat keyword calls: the web chat's page is driven in the test above).
      const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
      const id = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-dh' } } });
      const actor = await h.desk.uow.run((w) => w.repos.people.actor(id.personId));
      for (let k = 1; k <= 3; k++) {
        const wrong = [...secret].map((ch) => alphabet[(alphabet.indexOf(ch) + k) % alphabet.length]).join('');
        const r = await h.desk.uow.run((w) => h.desk.sessions.redeemLoginCode.execute(w, actor, { code: `${selector}-${wrong}` }));
        expect(r.ok).toBe(false);
      }
      await con.locator('[data-test="login-ended"]', { hasText: '锁定' }).waitFor({ timeout: T });
      expect(await con.locator('[data-test="qr"]').isVisible()).toBe(false);
      // The right code now is refused too; a new code starts afresh.
      expect(await con.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);
      await con.getByRole('button', { name: '获取新口令' }).click();
      await con.locator('[data-test="login-state"]').waitFor({ timeout: T });
      expect((await con.locator('[data-test="say"]').innerText()).trim()).not.toBe(said);
    });
  }, 60_000);

  it('sends a logged-out visit to the login page and back to where it was going after the login', async () => {
    await photographed(async () => {
      const page = await open('logged-out', `${consoleBase}audit?action=reveal`);
      await page.waitForURL(/\/console\/login\?next=/, { timeout: T });
      await page.locator('[data-test="say"]').waitFor({ timeout: T });
      expect(await page.locator('[data-test="nav"]').count()).toBe(0);
      await page.locator('[data-test="personas"]').waitFor({ timeout: T });
      await page.locator('[data-persona="demo-coord-dh"]').click();
      await page.waitForURL(/\/console\/audit\?action=reveal$/, { timeout: T });
      await page.locator('[data-test="audit-table"]').waitFor({ timeout: T });
    });
  }, 60_000);

  it('shows the viewer no reveal button and no audit page, refuses a forged reveal (403), and revokes another session of theirs', async () => {
    await photographed(async () => {
      // This test's own need, submitted at the desk (the web chat's intake is the test above).
      const { id: needId } = await routedNeed(h, 'demo-resident', { channel: 'web', teamCode: 'S-XF-ELDER', beneficiary: 'elderly', ...NEED });
      const page = await open('viewer', `${consoleBase}login`);
      await loginWithPersona(page, 'demo-viewer');
      expect(await page.locator('[data-test="who"]').innerText()).toContain('只读');
      const nav = await page.locator('[data-test="nav"]').innerText();
      expect(nav).toContain('需求');
      expect(nav).not.toContain('审计');
      await page.goto(`${consoleBase}needs/${needId}`);
      await page.locator('[data-test="need-title"]').waitFor({ timeout: T });
      await page.locator('[data-test="no-reveal"]').waitFor({ timeout: T });
      expect(await page.locator('[data-test="reveal"]').count()).toBe(0);
      // The audit route sends the viewer back to the list; the API refuses it anyway.
      await page.goto(`${consoleBase}audit`);
      await page.waitForURL(/\/console\/needs/, { timeout: T });
      // A forged reveal from the page, with the session's real CSRF token: refused by the server.
      const forged = await page.evaluate(async (id) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf: string };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrf };
        const reveal = await fetch(`/api/v1/needs/${id}/reveal`, { method: 'POST', headers, body: JSON.stringify({ reason: 'contact_resident' }) });
        const audit = await fetch('/api/v1/audit');
        return { reveal: reveal.status, body: await reveal.text(), audit: audit.status };
      }, needId);
      expect(forged.reveal).toBe(403);
      expect(forged.body).not.toContain(NEED.phone);
      expect(forged.audit).toBe(403);
      // My sessions: a second browser of the viewer's is listed and revoked from here.
      const other = await open('viewer-2', `${consoleBase}login`);
      await loginWithPersona(other, 'demo-viewer');
      await page.goto(`${consoleBase}sessions`);
      const rows = page.locator('[data-test="sessions-table"] tbody tr');
      await waitUntil(async () => (await rows.count()) === 2, "both of the viewer's sessions listed", T);
      await rows
        .filter({ hasNot: page.locator('[data-test="current"]') })
        .locator('[data-test="revoke"]')
        .click();
      await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
      await waitUntil(async () => (await rows.count()) === 1, 'the other session gone from the list', T);
      expect(await rows.locator('[data-test="current"]').count()).toBe(1);
      expect(await other.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);
      expect(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(200);
      // Nothing was revealed as the viewer: no audit row of theirs.
      const viewer = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-viewer' } } });
      await waitUntil(async () => (await h.prisma.auditLog.count({ where: { actorId: viewer.personId, action: 'login' } })) > 0, 'the viewer login audited');
      expect(await h.prisma.auditLog.count({ where: { actorId: viewer.personId, action: 'reveal' } })).toBe(0);
    });
  }, 60_000);
});
