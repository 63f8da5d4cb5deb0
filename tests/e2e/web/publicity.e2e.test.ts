// 张榜公示 in headless Chromium with JavaScript disabled: a coordinator publishes the month's
// lists through the console API; the public page is visible logged out, prints as an A4 notice
// (the score forms hidden), and the resident scores their fulfilled item with the code the bot
// sent them in chat — a plain form post, no script. Any CSP violation fails the test.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { OutMessage } from '@baiying/domain';
import type { Browser, BrowserContext } from 'playwright-core';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { actorOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow } from '../../integration/api/console-support.js';

const T = 20_000;

describe('公示 page in Chromium without JavaScript: publish → visible logged out → score', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let base = '';
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  }, 60_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await closeBrowser(browser);
    await api?.close();
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix);
    await h?.close();
  });

  it('publishes through the API, shows the page logged out with JavaScript off, prints, and takes the score', async () => {
    // A need fulfilled in November, frozen as the month-end timer does.
    const li = await actorOf(h, (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-vol-li' } })).personId);
    const need = await routedNeed(h, 'e2e-pub-resident', { teamCode: 'S-XF-ELDER', phone: '13911112222', address: '解放路18号3栋501' });
    await doneBy(h, li, need.id, 2);
    await h.prisma.need.update({ where: { id: need.id }, data: { createdAt: new Date('2026-11-12T02:00:00Z') } });
    const unit = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const frozen = await h.desk.uow.run((w) => h.desk.publicity.freeze.execute(w, { unitId: unit.id, month: '2026-11' }));
    if (!frozen.ok) throw new Error(frozen.code);

    // The coordinator of 东湖镇 publishes over HTTP (session cookie + CSRF token).
    const coord = await sessionRow(h.prisma, (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-dh' } })).personId);
    const published = await http(
      base,
      'POST',
      `/api/v1/publicity/snapshots/${frozen.value.snapshotId}/publish`,
      { cookie: coord.cookie, csrf: coord.csrf, headers: { origin: base } },
      {},
    );
    expect(published.status).toBe(200);
    const invite = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `need.${need.id}.score_invite.` } } });
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4})/.exec((JSON.parse(h.cipher.decrypt(invite.bodyEnc)) as OutMessage).text)![1]!;

    // Logged out (a fresh context, no cookie), JavaScript disabled.
    context = await browser!.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 1100, height: 800 } });
    context.setDefaultTimeout(T);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    await page.goto(`${base}/gongshi/S-XF/2026-11`, { timeout: T });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '幸福社区 2026-11' }).waitFor({ state: 'visible' });
    await page.getByRole('heading', { name: '四、落实清单' }).waitFor({ state: 'visible' });
    expect(await page.locator('.qr svg').isVisible()).toBe(true);
    const row = page.locator('tr', { has: page.locator(`[id="${need.code}"]`) });
    expect(await row.isVisible()).toBe(true);
    const form = row.locator('form.score');
    expect(await form.isVisible()).toBe(true);
    const html = await page.content();
    expect(html).not.toContain('13911112222');
    expect(html).not.toContain('解放路');

    // The A4 print view hides the forms and the navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await form.isVisible()).toBe(false);
    expect(await page.locator('nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // A wrong code first: the page says so and records nothing.
    await form.locator('input[name="code"]').fill('AAAA-AAAA');
    await form.locator('button[type="submit"]').click();
    await page.locator('.notice.error').waitFor({ state: 'visible' });
    expect(await page.locator('.notice.error').textContent()).toContain('点评码不对');
    // The resident's code: a native form post, a redirect, the thanks and the stars.
    const again = page.locator('tr', { has: page.locator(`[id="${need.code}"]`) }).locator('form.score');
    await again.locator('input[name="code"]').fill(code);
    await again.locator('select[name="score"]').selectOption('5');
    await again.locator('button[type="submit"]').click();
    await page.locator('.notice', { hasText: '谢谢您的点评' }).waitFor({ state: 'visible' });
    expect(page.url()).toContain('/gongshi/S-XF/2026-11?scored=1');
    const scoredRow = page.locator('tr', { has: page.locator(`[id="${need.code}"]`) });
    expect(await scoredRow.textContent()).toContain('★★★★★');
    expect(await scoredRow.locator('form.score').count()).toBe(0);
    const score = await h.prisma.publicityScore.findUniqueOrThrow({ where: { needId: need.id } });
    expect([score.score, score.source]).toEqual([5, 'page']);
    expect(problems).toEqual([]);
  }, 90_000);
});
