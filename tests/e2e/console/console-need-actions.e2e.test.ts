// The need page's actions in headless Chromium (apps/console built into dist/console, served by
// the API in this process; the bot in this process long-polls a local fake Telegram Bot API):
// 赵主任 opens a resident's need, reassigns it to 东湖镇为老助老队 — whose Telegram group receives
// the job card through the fake server — then closes it with a promised date (限时兑现); the
// page shows each step in the timeline and offers no action the new state forbids.
// Any script error or CSP violation fails the test; on failure every open page is photographed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { Browser, Page } from 'playwright-core';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { localUrl, WatchedPages } from '../../support/console-pages.js';
import { bindGroup, coordinatorAs } from '../../support/e2e-world.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const T = 20_000;
const TOKEN = '123456:TEST-token_for_need_actions';
const GROUP = -100_777_0001;

describe('The need page’s actions in headless Chromium, the card through the fake Telegram server', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_actions_bot', first_name: '百应' } });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication | undefined;
  let api: INestApplication | undefined;
  let browser: Browser | undefined;
  let consoleBase = '';
  const watch = new WatchedPages('console-need-actions-e2e-');

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    await fake.start();
    browser = await launchBrowser();
    config = testConfig({ OUTBOX_POLL_MS: '100', API_PORT: '0', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    h = deskHarness(config, 5);
    // Every team has a web group (so the need is first routed to 幸福社区's own team); 东湖镇's
    // elderly-care team also has a Telegram group.
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    const binder = await coordinatorAs(h, { channel: 'telegram', externalId: '77101', name: '绑定员' }, 'I-DH');
    await bindGroup(h, binder, 'I-DH-ELDER', { channel: 'telegram', chatId: String(GROUP), title: '东湖镇为老助老队群' });
    bot = await startBot(config);
    api = await startApi(config);
    consoleBase = `${localUrl(await api.getUrl())}/console/`;
  }, 90_000);

  afterEach(() => {
    expect(watch.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await watch.close();
    await closeBrowser(browser);
    await api?.close().catch(() => undefined);
    await bot?.close().catch(() => undefined);
    await fake.stop();
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix).catch(() => undefined);
    await h?.close().catch(() => undefined);
  }, 40_000);

  async function act(page: Page, action: string, fill: () => Promise<void>): Promise<void> {
    await page.locator(`[data-test="act-${action}"]`).click();
    await page.locator('[data-test="act-dialog"]').waitFor({ state: 'visible', timeout: T });
    await fill();
    await page.locator('[data-test="act-confirm"]').click();
    await page.locator('[data-test="act-result"]').waitFor({ state: 'visible', timeout: T });
  }

  it('reassigns to another team (its Telegram group gets the card) and closes with a promised date', async () => {
    await watch.photographed(async () => {
      const need = await routedNeed(h, 'resident-actions-e2e', { channel: 'web', teamCode: 'S-XF-ELDER', description: '想请人每周陪老人散步' });
      const page = await watch.open(browser!, 'console-dh', consoleBase, { viewport: { width: 1366, height: 800 }, timeoutMs: T });
      await page.waitForURL(/\/console\/login/, { timeout: T });
      await page.locator('[data-persona="demo-coord-dh"]').click();
      await page.waitForURL(/\/console\/needs/, { timeout: T });
      await page.goto(`${consoleBase}needs/${need.id}`);
      await page.locator('[data-test="need-actions"]').waitFor({ timeout: T });
      // The server's list for a dispatched need: no verify.
      expect(await page.locator('[data-test^="act-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))).toEqual([
        'act-reassign',
        'act-close',
        'act-cancel',
        'act-category',
      ]);

      const from = fake.messages.length;
      await act(page, 'reassign', async () => {
        await page.locator('[data-test="act-team"]').click();
        await page.locator('.el-select-dropdown__item', { hasText: 'I-DH-ELDER' }).click();
      });
      const card = await fake.waitFor(
        { chatId: GROUP, text: new RegExp(need.code.slice(-4)) },
        { fromSeq: from, timeoutMs: T, description: 'the job card in the new team’s group' },
      );
      expect(card.text).not.toContain('想请人每周陪老人散步');
      const open = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: need.id, status: 'open' }, include: { team: true } });
      expect(open.team!.code).toBe('I-DH-ELDER');
      await page.locator('[data-test="timeline"]', { hasText: '协调员改派' }).waitFor({ timeout: T });

      const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      await act(page, 'close', async () => {
        const input = page.locator('[data-test="act-promised"] input');
        await input.fill(day);
        await input.press('Enter');
        await page.locator('[data-test="act-reason"] textarea').fill('本周志愿者不足，下周安排');
      });
      await page.locator('[data-test="timeline"]', { hasText: '关闭（未能满足）' }).waitFor({ timeout: T });
      expect(await page.locator('[data-test="need-actions"]').count()).toBe(0);
      const row = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      expect(row.status).toBe('unfulfilled');
      expect(row.promisedDate!.toISOString().slice(0, 10)).toBe(day);
      // The group's card is closed (edited) once the round ends.
      await waitUntil(async () => (await h.prisma.sentMessage.count({ where: { editOf: { startsWith: `card.${open.id}.` } } })) > 0, 'the card closed');
      expect(await h.prisma.auditLog.count({ where: { needId: need.id, action: { in: ['need_reassign', 'need_close'] } } })).toBe(2);
    });
  }, 120_000);
});
