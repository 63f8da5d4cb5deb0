// The console's office pages in headless Chromium (apps/console built into dist/console, served
// by the API in this process, beside the web chat of the bot in this process): 赵主任 approves a
// volunteer's application per team on the volunteers page, switches 东湖镇 to emergency mode with
// a reason, opens a team and its groups; 孙主任 (county administrator) adds a keyword to a
// category in the settings, and the running bot understands a resident's next message by it.
// Any script error or CSP violation fails the test; on failure every open page is photographed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { ConversationService } from '../../../apps/bot/src/conversation.provider.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { localUrl, WatchedPages } from '../../support/console-pages.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';
import { nameColumns } from '@baiying/db';

const T = 20_000;

describe('The console office pages in headless Chromium', () => {
  let h: DeskHarness;
  let bot: INestApplication | undefined;
  let browser: Browser | undefined;
  let chatBase = '';
  let consoleBase = '';
  const watch = new WatchedPages('console-office-e2e-');

  const open = (name: string, url: string, width = 1366): Promise<Page> => watch.open(browser!, name, url, { viewport: { width, height: 800 }, timeoutMs: T });

  const photographed = (fn: () => Promise<void>): Promise<void> => watch.photographed(fn);

  async function consoleAs(persona: string): Promise<Page> {
    const con = await open(`console-${persona}`, consoleBase);
    await con.waitForURL(/\/console\/login/, { timeout: T });
    await con.locator(`[data-persona="${persona}"]`).click();
    await con.waitForURL(/\/console\/needs/, { timeout: T });
    return con;
  }

  async function chatAs(persona: string): Promise<Page> {
    const page = await open(`chat-${persona}`, chatBase);
    const option = page.locator('#persona option', { hasText: persona });
    await option.waitFor({ state: 'attached', timeout: T });
    await page.locator('#persona').selectOption({ label: (await option.textContent()) ?? persona });
    await page.locator('nav#chats button.active', { hasText: '私聊' }).waitFor({ state: 'visible', timeout: T });
    return page;
  }

  const desk = new ConsoleDesk({ webGroups: true, bot: true });

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    browser = await launchBrowser();
    await desk.start();
    ({ h } = desk);
    bot = desk.bot!;
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

  it('approves an application per team, switches emergency mode with a reason, and shows a team’s groups', async () => {
    await photographed(async () => {
      const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'I-DH-ELDER' } });
      const applicant = await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, '周申请'),
          phoneEnc: h.cipher.encrypt('13700001111'),
          volunteer: {
            create: { stationId: (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } })).id, memberships: { create: { teamId: team.id } } },
          },
        },
        include: { volunteer: { include: { memberships: true } } },
      });
      const membership = applicant.volunteer!.memberships[0]!.id;

      const con = await consoleAs('demo-coord-dh');
      await con.locator('[data-test="nav"] a', { hasText: '志愿者' }).click();
      await con.waitForURL(/\/console\/volunteers/, { timeout: T });
      await con.locator('[data-test="volunteers-table"]', { hasText: '李师傅' }).waitFor({ timeout: T });
      // Filters live in the URL: only the applications awaiting this coordinator.
      await con.goto(`${consoleBase}volunteers?pending=true`);
      await con.locator('[data-test="v-pending"].is-checked').waitFor({ timeout: T });
      expect(await con.locator('[data-test="volunteers-table"]').innerText()).not.toContain('李师傅');
      const row = con.locator(`[data-membership="${membership}"]`);
      await row.waitFor({ state: 'visible', timeout: T });
      const rowText = await con.locator('[data-test="volunteers-table"] tr', { hasText: '周申请' }).innerText();
      expect(rowText).toContain('137****1111');
      expect(rowText).not.toContain('13700001111');
      await row.locator('[data-test="approve"]').click();
      await con.locator('.el-message', { hasText: '已处理：周申请' }).waitFor({ timeout: T });
      expect((await h.prisma.teamMembership.findUniqueOrThrow({ where: { id: membership } })).status).toBe('approved');
      expect(await h.prisma.auditLog.count({ where: { action: 'approval', detail: { path: ['volunteerId'], equals: applicant.id } } })).toBe(1);

      // The volunteer's page.
      await con.goto(`${consoleBase}volunteers/${applicant.id}`);
      expect(await con.locator('[data-test="volunteer-name"]').innerText({ timeout: T })).toBe('周申请');

      // Emergency: 东湖镇 in daily mode; switch on with a reason.
      await con.locator('[data-test="nav"] a', { hasText: '应急' }).click();
      await con.locator('[data-mode="I-DH:off"]').waitFor({ timeout: T });
      await con.locator('[data-test="switch-I-DH"]').click();
      await con.locator('input[data-test="mode-reason"]').fill('暴雨红色预警');
      await con.locator('[data-test="mode-confirm"]').click();
      await con.locator('[data-mode="I-DH:on"]').waitFor({ timeout: T });
      expect(await con.locator('[data-test="mode-history"]').innerText()).toContain('暴雨红色预警');
      expect((await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } })).emergencyMode).toBe(true);
      // The county above is shown without a switch.
      await con.locator('[data-mode="C:off"]').waitFor({ timeout: T });
      expect(await con.locator('[data-test="switch-C"]').count()).toBe(0);

      // Teams: the station's team with its bound web group.
      await con.locator('[data-test="nav"] a', { hasText: '队伍' }).click();
      const teamLink = con.locator('[data-test="teams-table"] a', { hasText: '幸福社区为老服务队' });
      await teamLink.waitFor({ timeout: T });
      await teamLink.click();
      await con.waitForURL(/\/console\/teams\/[0-9a-f-]{36}$/, { timeout: T });
      expect(await con.locator('[data-test="team-name"]').innerText({ timeout: T })).toBe('幸福社区为老服务队');
      await con.locator('[data-test="groups-table"] [data-health]').first().waitFor({ timeout: T });
      // Not a county administrator: no settings.
      expect(await con.locator('[data-test="nav"]').innerText()).not.toContain('设置');
      await h.prisma.orgUnit.update({ where: { code: 'I-DH' }, data: { emergencyMode: false } });
    });
  }, 120_000);

  it('lets the county administrator add a category keyword that the running bot uses at once', async () => {
    await photographed(async () => {
      const con = await consoleAs('demo-coord-county');
      await con.locator('[data-test="nav"] a', { hasText: '设置' }).click();
      await con.waitForURL(/\/console\/settings/, { timeout: T });
      const keywords = con.locator('[data-test="keywords-culture"]');
      await keywords.waitFor({ timeout: T });
      const service = bot!.get(ConversationService);
      const generation = service.understander!.generation;
      await keywords.click();
      await con.keyboard.type('晾衣竿');
      await con.keyboard.press('Enter');
      await con.keyboard.press('Escape');
      await con.locator('[data-test="save-culture"]').click();
      await con.locator('.el-message', { hasText: '已保存' }).waitFor({ timeout: T });
      expect((await h.prisma.category.findUniqueOrThrow({ where: { code: 'culture' } })).keywords).toContain('晾衣竿');
      await waitUntil(async () => service.understander!.generation > generation, 'the bot reloaded its categories');

      // A resident says the word in the web chat: culture is offered first.
      const chat = await chatAs('王阿姨');
      await chat.locator('#text').fill('晾衣竿');
      await chat.locator('#send').click();
      const first = chat.locator('#log .msg.bot').last().getByRole('button').first();
      await first.waitFor({ timeout: T });
      expect(await first.innerText()).toContain('文化');
    });
  }, 120_000);
});
