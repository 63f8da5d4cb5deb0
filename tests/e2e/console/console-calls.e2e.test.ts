// 一呼百应 and 派单 in the console, in headless Chromium: the console API, the bot (web chat) and
// the worker run in this process on the run's database. 赵主任 creates a call on the calls page
// (the preview first, as in chat); 张护士 and 李师傅 get it in the web chat and answer 参加; the
// call's page shows the tally and the roster move by SSE (the page never polls); extend and
// close work from the page. Then the needs list and the dispatch board: a need routed while they are open
// appears without a reload, with its SLA countdown; escalated by the desk, it shows so.
// Any script error or CSP violation fails the test; on failure every open page is photographed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { localUrl, WatchedPages } from '../../support/console-pages.js';
import { routedNeed } from '../../support/needs.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';

const T = 20_000;

describe('Calls and the dispatch board in the console (headless Chromium, live by SSE)', () => {
  let h: DeskHarness;
  let browser: Browser | undefined;
  let chatBase = '';
  let consoleBase = '';
  const watch = new WatchedPages('console-calls-e2e-');

  const open = (name: string, url: string, width = 1366): Promise<Page> => watch.open(browser!, name, url, { viewport: { width, height: 800 }, timeoutMs: T });

  const photographed = (fn: () => Promise<void>): Promise<void> => watch.photographed(fn);

  async function chatAs(persona: string): Promise<Page> {
    const page = await open(`chat-${persona}`, chatBase, 800);
    const option = page.locator('#persona option', { hasText: persona });
    await option.waitFor({ state: 'attached', timeout: T });
    await page.locator('#persona').selectOption({ label: (await option.textContent()) ?? persona });
    await page.locator('nav#chats button.active', { hasText: '私聊' }).waitFor({ state: 'visible', timeout: T });
    return page;
  }

  /** Answers 参加 on the call's message in the volunteer's private web chat. */
  async function join(persona: string, code: string): Promise<void> {
    const p = await chatAs(persona);
    const msg = p.locator('#log .msg.bot', { hasText: `志愿召集 ${code}` }).last();
    await msg.waitFor({ state: 'visible', timeout: 30_000 });
    await msg.getByRole('button', { name: /^参加/ }).click();
  }

  async function consoleAs(persona: string): Promise<Page> {
    const con = await open(`console-${persona}`, `${consoleBase}login`);
    await con.locator(`[data-persona="${persona}"]`).click();
    await con.waitForURL(/\/console\/needs/, { timeout: T });
    return con;
  }

  const desk = new ConsoleDesk({ env: { CALL_TALLY_REFRESH_MS: '300' }, webGroups: true, worker: true, bot: true });

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    browser = await launchBrowser();
    await desk.start();
    ({ h } = desk);
    chatBase = localUrl(desk.botBase);
    consoleBase = desk.consoleBase;
  }, 90_000);

  afterEach(() => {
    expect(watch.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await watch.close();
    await closeBrowser(browser);
    await desk.stop();
  }, 40_000);

  it('creates a call after its preview, and watches the tally and roster move by SSE as volunteers answer in the web chat', async () => {
    await photographed(async () => {
      const con = await consoleAs('demo-coord-dh');
      await con.locator('[data-test="nav"] a', { hasText: '一呼百应' }).click();
      await con.waitForURL(/\/console\/calls$/, { timeout: T });
      await con.locator('[data-test="new-call"]').click();
      await con.locator('input[data-test="c-title"]').fill('幸福社区助老活动');
      await con.locator('input[data-test="c-place"]').fill('幸福社区活动室');
      await con.locator('input[data-test="c-headcount"]').fill('2');
      await con.locator('[data-test="c-everyone"]').uncheck();
      await con.locator('input[data-test="c-units"]').fill('S-XF');
      // Create stays disabled until the server's preview answered.
      expect(await con.locator('[data-test="c-create"]').isDisabled()).toBe(true);
      // A bad draft is refused by the same rules as chat, shown on the page.
      await con.locator('input[data-test="c-headcount"]').fill('0');
      await con.locator('[data-test="c-preview"]').click();
      await con.locator('[data-test="call-error"]').waitFor({ timeout: T });
      await con.locator('input[data-test="c-headcount"]').fill('2');
      await con.locator('[data-test="c-preview"]').click();
      const preview = await con.locator('[data-test="call-preview"]').innerText({ timeout: T });
      expect(preview).toMatch(/将发送给 [1-9]\d* 位志愿者/);
      await con.locator('[data-test="c-create"]').click();
      await con.waitForURL(/\/console\/calls\/M-\d{8}-\d{3}$/, { timeout: T });
      const code = decodeURIComponent(/calls\/(M-\d{8}-\d{3})$/.exec(con.url())![1]!);
      expect(await con.locator('[data-test="call-status"]').innerText({ timeout: T })).toContain('报名中');
      await con.locator('[data-test="live"]').waitFor({ timeout: T });
      expect(await con.locator('[data-test="n-confirmed"]').innerText()).toBe('0');

      // 张护士 answers in the web chat: the console's count moves without a reload.
      await join('张护士', code);
      await con.locator('[data-test="n-confirmed"]', { hasText: '1' }).waitFor({ timeout: T });
      await con.locator('[data-test="roster"] tr', { hasText: '张护士' }).waitFor({ timeout: T });
      await join('李师傅', code);
      await con.locator('[data-test="n-confirmed"]', { hasText: '2' }).waitFor({ timeout: T });
      await con.locator('[data-test="roster"] tr', { hasText: '李师傅' }).waitFor({ timeout: T });
      expect(await con.locator('[data-test="tally"]').innerText()).toContain('张护士');

      // The controls chat has: extend, then stop answers.
      await con.locator('input[data-test="extend-hours"]').fill('3');
      await con.locator('[data-test="op-extend"]').click();
      await con.locator('.el-message', { hasText: '已完成' }).first().waitFor({ timeout: T });
      // Recorded as chat's 延长 is (the deadline never moves past the start).
      const call = await h.prisma.call.findUniqueOrThrow({ where: { code } });
      expect(await h.prisma.callEvent.count({ where: { callId: call.id, type: 'extend' } })).toBe(1);
      await con.locator('[data-test="op-close"]').click();
      await con.locator('[data-test="call-status"]', { hasText: '已截止' }).waitFor({ timeout: T });
      expect((await h.prisma.call.findUniqueOrThrow({ where: { code } })).status).toBe('closed');

      // The list shows it, with its answers.
      await con.locator('a', { hasText: '返回召集列表' }).click();
      const row = con.locator('[data-test="calls-table"] tr', { hasText: code });
      await row.waitFor({ timeout: T });
      expect(await row.locator('[data-test="call-answers"]').innerText()).toBe('2 / 2');
    });
  }, 150_000);

  it('updates the needs list and the dispatch board live: a new need with its SLA countdown, then escalated', async () => {
    await photographed(async () => {
      const con = await consoleAs('demo-coord-dh');
      // The needs list: a need submitted and routed in the meantime appears without a reload.
      await con.locator('[data-test="live"]').waitFor({ timeout: T });
      const early = await routedNeed(h, 'res-needs-live', { teamCode: 'S-XF-ELDER' });
      await con.locator('[data-test="needs-table"] tr', { hasText: early.code }).waitFor({ timeout: T });
      await con.locator('[data-test="nav"] a', { hasText: '派单' }).click();
      await con.waitForURL(/\/console\/dispatch$/, { timeout: T });
      await con.locator('[data-test="live"]').waitFor({ timeout: T });
      // Routed while the board is open: it appears without a reload, counting down.
      const need = await routedNeed(h, 'res-board-e2e', { teamCode: 'S-XF-ELDER' });
      const row = con.locator('[data-test="board"] tr', { has: con.locator(`[data-code="${need.code}"]`) });
      await row.waitFor({ timeout: T });
      const first = await row.locator('[data-test="countdown"]').innerText();
      expect(first).toMatch(/^剩 /);
      // The countdown ticks in the browser between fetches.
      await waitUntil(async () => (await row.locator('[data-test="countdown"]').innerText()) !== first, 'the countdown to tick', 5000);
      expect(await row.innerText()).toContain('村站');
      // Its SLA runs out and the desk escalates it: the board shows it one tier up, escalated.
      const d = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: need.id, status: 'open' } });
      await h.prisma.dispatch.update({ where: { id: d.id }, data: { slaDueAt: new Date(Date.now() - 1000) } });
      await h.desk.uow.run((w) => h.desk.routing.escalate.execute(w, { dispatchId: d.id }));
      await row.locator('[data-test="escalated"]').waitFor({ timeout: T });
      expect(await row.innerText()).not.toContain('村站');
      expect(Number((await con.locator('[data-test="n-escalated"]').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
      // A phone-sized screen: nothing overflows the document.
      await con.setViewportSize({ width: 390, height: 844 });
      expect(await con.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
    });
  }, 90_000);
});
