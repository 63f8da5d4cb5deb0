// The on-the-go pages on a phone (390×844, issue 12: needs, need detail, dispatch, calls, a call,
// emergency, volunteers) in headless Chromium, logged in as 赵主任 (东湖镇's coordinator): the
// document never scrolls sideways (wide tables scroll inside their own box), the navigation is
// reachable through the collapsed menu, and every primary button is at least 44 px tall (a
// thumb's target). Script errors and CSP refusals fail the test; a failure leaves screenshots.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { Browser, Page } from 'playwright-core';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { localUrl, WatchedPages } from '../../support/console-pages.js';
import { callDraft, createCall } from '../../support/factories.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const T = 20_000;
const PHONE = { width: 390, height: 844 };
const TOUCH_PX = 44;

interface Fit {
  scrollWidth: number;
  innerWidth: number;
  /** Visible primary buttons (and the menu toggle) shorter than a touch target. */
  small: string[];
  /** Visible primary buttons measured. */
  buttons: number;
}

describe('The console on a phone (390×844)', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication | undefined;
  let browser: Browser | undefined;
  let consoleBase = '';
  let needId = '';
  let callCode = '';
  const watch = new WatchedPages('console-mobile-e2e-');

  /** The page as laid out: document width against the viewport; primary buttons' heights (run in the page). */
  const MEASURE = `(() => {
    const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
    const targets = [...document.querySelectorAll('.el-button--primary, .menu-toggle')].filter(visible);
    const height = (e) => e.getBoundingClientRect().height;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      small: targets.filter((e) => height(e) < ${TOUCH_PX}).map((e) => (e.textContent || '').trim() + ' (' + Math.round(height(e)) + ' px)'),
      buttons: targets.length,
    };
  })()`;
  const measure = (page: Page): Promise<Fit> => page.evaluate(MEASURE) as Promise<Fit>;

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    browser = await launchBrowser();
    config = testConfig({ OUTBOX_POLL_MS: '100', API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    needId = (await routedNeed(h, 'mobile-resident', { description: '帮老人买药，药店在镇东头的路口旁边', address: '幸福小区3号楼' })).id;
    const dh = await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-dh' } });
    const actor = await h.desk.uow.run((w) => w.repos.people.actor(dh.personId));
    callCode = (await createCall(h.desk, actor, callDraft(new Date()))).code;
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
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix).catch(() => undefined);
    await h?.close().catch(() => undefined);
  }, 40_000);

  it('fits each on-the-go page in the width, with the menu reachable and primary buttons a thumb can hit', async () => {
    await watch.photographed(async () => {
      const con = await watch.open(browser!, 'phone', consoleBase, { viewport: PHONE, timeoutMs: T });
      await con.waitForURL(/\/console\/login/, { timeout: T });
      expect(await measure(con)).toMatchObject({ small: [] });
      await con.locator('[data-persona="demo-coord-dh"]').click();
      await con.waitForURL(/\/console\/needs/, { timeout: T });

      const pages: Array<[string, string, string]> = [
        ['needs', 'needs', '.el-table__row'],
        ['need', `needs/${needId}`, '[data-test="timeline"]'],
        ['dispatch', 'dispatch', '[data-test="board-need"]'],
        ['calls', 'calls', '[data-test="call-link"]'],
        ['call', `calls/${callCode}`, '[data-test="tally-counts"]'],
        ['emergency', 'emergency', '[data-test="modes-table"] .el-table__row'],
        ['volunteers', 'volunteers', '[data-test="volunteers-table"] .el-table__row'],
      ];
      const misfits: string[] = [];
      for (const [name, route, ready] of pages) {
        await con.goto(`${consoleBase}${route}`, { timeout: T });
        await con.locator(ready).first().waitFor({ state: 'visible', timeout: T });
        await con
          .locator('.el-loading-mask')
          .first()
          .waitFor({ state: 'detached', timeout: T })
          .catch(() => undefined);
        const fit = await measure(con);
        if (fit.scrollWidth > fit.innerWidth) misfits.push(`${name}: document ${fit.scrollWidth} px wide in ${fit.innerWidth}`);
        if (fit.small.length) misfits.push(`${name}: buttons under ${TOUCH_PX} px: ${fit.small.join(', ')}`);
        // The side navigation is folded away; the menu button opens it and a link there navigates.
        const nav = con.locator('[data-test="nav"]');
        expect({ name, navShown: await nav.isVisible() }).toEqual({ name, navShown: false });
        await con.locator('.menu-toggle').click();
        const link = nav.locator('a', { hasText: '应急' });
        await link.waitFor({ state: 'visible', timeout: T });
        const box = (await link.boundingBox())!;
        expect({ name, inView: box.x >= 0 && box.x + box.width <= PHONE.width }).toEqual({ name, inView: true });
        await con.locator('.menu-toggle').click();
        await link.waitFor({ state: 'hidden', timeout: T });
      }
      // The menu takes the coordinator somewhere: open it and follow a link.
      await con.locator('.menu-toggle').click();
      await con.locator('[data-test="nav"] a', { hasText: '志愿者' }).click();
      await con.waitForURL(/\/console\/volunteers/, { timeout: T });
      expect(misfits).toEqual([]);
    });
  }, 120_000);
});
