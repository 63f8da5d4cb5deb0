// The console's numbers pages in headless Chromium (apps/console built into dist/console, served by
// the API in this process; the exports queue consumed by the real job in this process): a
// coordinator (赵主任, 东湖镇) opens 总览 — the figures equal the reports API's, the charts are drawn
// (non-blank canvases, each with its table), a click on the station treemap lands on that
// station's needs list; on 公示 publishes the frozen month, corrects it into version 2, sees the
// residents' score and the public page logged out (old version still there); on 导出 asks for an
// xlsx, follows it to done and downloads it (exceljs reads it back), makes and revokes a pull token;
// the snapshot's "export the four lists" link asks for that workbook.
// The read-only viewer sees the dashboard but no publish or correct button, and forged publish,
// correction and token requests with the session's real CSRF token are refused (403).
// Any script error or CSP violation on a console page fails the test; on failure every open page is
// photographed into a temporary directory (its path is printed).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { AppConfig } from '@baiying/config';
import { JobRegistry } from '@baiying/kernel';
import { startQueueWorker, type RunningWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';
import type { Browser, Page } from 'playwright-core';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { consoleDir } from '../../../apps/api/src/http/console-static.js';
import { closeBrowser, launchBrowser } from '../../support/browser.js';
import { WatchedPages } from '../../support/console-pages.js';
import { actorOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const T = 20_000;
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const PHONE = '13912340000';
const ADDRESS = '幸福小区7栋101';
/** The frozen month of the test (ended: the freeze is the worker's month-end job, run here directly). */
const MONTH = '2026-11';

interface OverviewBody {
  current: { figures: { needs: Record<string, number>; satisfaction: { rated: number }; hours: { credited: number; activeVolunteers: number } } };
  previous: { figures: { needs: Record<string, number> } };
}
interface ChartsBody {
  demandByCategory: unknown[];
  needsByStation: Array<{ station: { code: string }; needs: number; query: Record<string, string> }>;
  heat: unknown[];
}

describe('The console numbers pages in Chromium: 总览, 公示, 导出', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication | undefined;
  let worker: RunningWorker | undefined;
  let browser: Browser | undefined;
  let base = '';
  let consoleBase = '';
  let dir = '';
  const watch = new WatchedPages('console-numbers-e2e-');
  let fulfilledCode = '';
  let unfulfilledCode = '';
  let draftSnapshot = '';

  const open = (name: string, url: string, width = 1366, height = 768): Promise<Page> =>
    watch.open(browser!, name, url, { viewport: { width, height }, timeoutMs: T });

  const photographed = (fn: () => Promise<void>): Promise<void> => watch.photographed(fn);

  async function loginAs(persona: string, width?: number): Promise<Page> {
    const page = await open(persona, `${consoleBase}login`, width);
    await page.locator(`[data-persona="${persona}"]`).click();
    await page.waitForURL(/\/console\/needs/, { timeout: T });
    return page;
  }

  const overflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
  const getJson = <R>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<R>;

  /** Coloured pixels on a chart's canvas (an undrawn canvas has none). */
  const inked = (page: Page, name: string) =>
    page
      .locator(`[data-test="canvas-${name}"] canvas`)
      .first()
      .evaluate((el) => {
        const c = el as unknown as {
          width: number;
          height: number;
          getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
        };
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 0 && (px[i]! < 230 || px[i + 1]! < 230 || px[i + 2]! < 230)) n++;
        return n;
      });

  beforeAll(async () => {
    if (!existsSync(path.join(consoleDir(), 'index.html'))) throw new Error(`${consoleDir()}/index.html missing: run npm run build (npm test does)`);
    dir = mkdtempSync(path.join(tmpdir(), 'console-numbers-exports-'));
    browser = await launchBrowser();
    config = testConfig({ API_PORT: '0', EXPORT_DIR: dir, OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 6);
    await resetDatabase(h.prisma, h.cipher);
    // Today: three needs at 幸福社区 (one done by 李师傅 with 2 hours, one for a child, one open).
    const li = await actorOf(h, (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-vol-li' } })).personId);
    const a = await routedNeed(h, 'num-res-1', { teamCode: 'S-XF-ELDER', phone: PHONE, address: ADDRESS, beneficiary: 'elderly' });
    await doneBy(h, li, a.id, 2);
    await routedNeed(h, 'num-res-2', { teamCode: 'S-XF-ELDER', beneficiary: 'child' });
    await routedNeed(h, 'num-res-3', { teamCode: 'S-XF-REPAIR', category: 'repair' });
    // November: one fulfilled (done) and one unfulfilled with a promised date, then the month frozen.
    const b = await routedNeed(h, 'num-res-4', { teamCode: 'S-XF-ELDER', phone: '13912341111' });
    await doneBy(h, li, b.id, 1);
    const c = await routedNeed(h, 'num-res-5', { teamCode: 'S-XF-REPAIR', category: 'repair' });
    await h.prisma.need.update({ where: { id: b.id }, data: { createdAt: new Date('2026-11-12T02:00:00Z') } });
    await h.prisma.need.update({
      where: { id: c.id },
      data: { createdAt: new Date('2026-11-20T02:00:00Z'), status: 'unfulfilled', promisedDate: new Date('2026-12-20T00:00:00Z') },
    });
    fulfilledCode = b.code;
    unfulfilledCode = c.code;
    const dh = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    const frozen = await h.desk.uow.run((w) => h.desk.publicity.freeze.execute(w, { unitId: dh.id, month: MONTH }));
    if (!frozen.ok) throw new Error(frozen.code);
    // Another month, left a draft, for the viewer's forged publish.
    const xf = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const draft = await h.desk.uow.run((w) => h.desk.publicity.freeze.execute(w, { unitId: xf.id, month: '2026-10' }));
    if (!draft.ok) throw new Error(draft.code);
    draftSnapshot = draft.value.snapshotId;
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
    consoleBase = `${base}/console/`;
    worker = startQueueWorker(QueueName.Exports, new JobRegistry(h.desk.jobs(silent)), {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      concurrency: 1,
    });
  }, 120_000);

  afterEach(() => {
    expect(watch.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await watch.close();
    await closeBrowser(browser);
    await worker?.close().catch(() => undefined);
    await api?.close().catch(() => undefined);
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix).catch(() => undefined);
    await h?.close().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 40_000);

  it('总览: figures equal the API, charts are drawn with their tables, a station click drills down to its needs list; fits 390 px', async () => {
    await photographed(async () => {
      const page = await loginAs('demo-coord-dh');
      await page.locator('[data-test="nav"] a', { hasText: '总览' }).click();
      await page.waitForURL(/\/console\/dashboard/, { timeout: T });
      await page.locator('[data-test="fig-received"]').waitFor({ timeout: T });
      for (const period of ['today', 'month'] as const) {
        if (period !== 'today') {
          await page.locator(`[data-test="period-${period}"]`).click();
          await page.waitForURL(new RegExp(`period=${period}`), { timeout: T });
        }
        const o = await getJson<OverviewBody>(page, `/api/v1/reports/overview?period=${period}`);
        expect(o.current.figures.needs.received).toBeGreaterThanOrEqual(3);
        await waitUntil(
          async () => (await page.locator('[data-test="fig-received"]').innerText()).trim() === String(o.current.figures.needs.received),
          `received on the page (${period})`,
          T,
        );
        for (const k of ['received', 'dispatched', 'taken', 'done', 'confirmed', 'unfulfilled', 'cancelled', 'open']) {
          expect([period, k, (await page.locator(`[data-test="fig-${k}"]`).innerText()).trim()]).toEqual([period, k, String(o.current.figures.needs[k])]);
          expect([period, k, (await page.locator(`[data-test="prev-${k}"]`).innerText()).trim()]).toEqual([period, k, String(o.previous.figures.needs[k])]);
        }
        expect((await page.locator('[data-test="fig-rated"]').innerText()).trim()).toBe(String(o.current.figures.satisfaction.rated));
        expect((await page.locator('[data-test="fig-hours"]').innerText()).trim()).toBe(String(o.current.figures.hours.credited));
        expect((await page.locator('[data-test="fig-active"]').innerText()).trim()).toBe(String(o.current.figures.hours.activeVolunteers));
      }
      expect((await page.locator('[data-test="fig-done"]').innerText()).trim()).not.toBe('0');

      // The charts: drawn (ink on each canvas), each with the table of the API's items.
      const charts = await getJson<ChartsBody>(page, '/api/v1/reports/charts?period=month');
      for (const name of ['demand', 'stations', 'trend', 'teams', 'groups', 'heat'])
        await waitUntil(async () => (await inked(page, name)) > 200, `chart ${name} drawn`, T);
      await page.locator('[data-test="table-toggle-demand"]').click();
      expect(await page.locator('[data-test="table-demand"] tbody tr').count()).toBe(charts.demandByCategory.length);
      expect(await page.locator('[data-test="table-demand"] th').first().innerText()).toBe('日期');
      await page.locator('[data-test="table-toggle-heat"]').click();
      expect(await page.locator('[data-test="table-heat"] tbody tr').count()).toBe(charts.heat.length);
      await page.locator('[data-test="table-toggle-heat"]').click();
      await page.locator('[data-test="canvas-heat"]').waitFor({ state: 'visible', timeout: T });

      // 1366×768: nothing overflows. A click on the one station of the treemap opens its needs list.
      expect(await overflow(page)).toBe(0);
      expect(charts.needsByStation.map((s) => s.station.code)).toEqual(['S-XF']);
      const station = charts.needsByStation[0]!;
      await page.locator('[data-test="canvas-stations"]').scrollIntoViewIfNeeded();
      const box = (await page.locator('[data-test="canvas-stations"]').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForURL(/\/console\/needs\?/, { timeout: T });
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(station.query);
      const rows = page.locator('[data-test="needs-table"] tbody tr');
      await waitUntil(async () => (await rows.count()) === Math.min(20, station.needs), `the station's ${station.needs} needs listed`, T);
      for (const text of await rows.allInnerTexts()) expect(text).toContain('幸福社区');
      // Back on the dashboard, a table link drills down the same way (keyboard users).
      await page.goBack();
      await page.locator('[data-test="table-toggle-stations"]').click();
      await page.locator('[data-test="table-stations"] a').first().click();
      await page.waitForURL(/\/console\/needs\?/, { timeout: T });
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(station.query);

      // English, and 390 px wide: the charts still draw and nothing overflows.
      await page.locator('[data-test="lang"]').click();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${consoleBase}dashboard?period=week`);
      await page.locator('[data-test="figures"]', { hasText: 'Received' }).waitFor({ timeout: T });
      await waitUntil(async () => (await inked(page, 'stations')) > 200, 'the treemap drawn at 390 px', T);
      expect(await overflow(page)).toBe(0);
    });
  }, 120_000);

  it('公示: publishes the frozen month, corrects it into version 2, shows the residents’ score and the public page logged out', async () => {
    await photographed(async () => {
      const page = await loginAs('demo-coord-dh');
      await page.goto(`${consoleBase}publicity?month=${MONTH}`);
      const row = page.locator('[data-test="snapshots-table"] tbody tr', { hasText: '东湖镇' });
      await row.waitFor({ timeout: T });
      await row.locator('[data-test="open-snapshot"]').click();
      await page.locator('[data-test="snapshot-state"]', { hasText: '已冻结待发布' }).waitFor({ timeout: T });
      expect(await page.locator('[data-test="list-fulfilled"]').innerText()).toContain(fulfilledCode);
      expect(await page.locator('[data-test="list-unfulfilled"]').innerText()).toContain(unfulfilledCode);
      expect(await page.locator('[data-test="snapshot"]').innerText()).not.toContain(PHONE.slice(-4));
      expect(await page.locator('[data-test="public-link"]').count()).toBe(0);

      await page.locator('[data-test="publish"]').click();
      await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
      await page.locator('[data-test="snapshot-state"]', { hasText: '已公示' }).waitFor({ timeout: T });
      expect(await page.locator('[data-test="publish"]').count()).toBe(0);
      const dh = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
      const snap = await h.prisma.publicitySnapshot.findFirstOrThrow({ where: { month: MONTH, version: 1, orgUnitId: dh.id } });
      expect(snap.status).toBe('published');
      expect(await h.prisma.auditLog.count({ where: { action: 'publicity_publish', orgUnitId: snap.orgUnitId } })).toBe(1);

      // A resident scores the fulfilled item (as the chat's star buttons record it): the console shows it.
      const need = await h.prisma.need.findUniqueOrThrow({ where: { code: fulfilledCode } });
      await waitUntil(async () => (await h.prisma.publicityScore.count({ where: { needId: need.id } })) === 1, 'the score invite', T);
      await h.prisma.publicityScore.update({ where: { needId: need.id }, data: { score: 4, source: 'chat', scoredAt: new Date() } });

      // A correction: the unfulfilled item's public reason and steps; version 2, still published.
      await page.locator('[data-test="correct"]').click();
      await page.locator('textarea[data-test="correct-summary"]').fill('补充未兑现原因');
      await page.locator(`input[data-test="reason-${unfulfilledCode}"]`).fill('等待配件');
      await page.locator(`input[data-test="steps-${unfulfilledCode}"]`).fill('配件到货后上门');
      await page.locator('[data-test="correct-submit"]').click();
      await page.locator('[data-test="snapshot-title"]', { hasText: '第 2 版' }).waitFor({ timeout: T });
      await page.locator('[data-test="snapshot-state"]', { hasText: '已公示' }).waitFor({ timeout: T });
      expect(await page.locator('[data-test="snapshot-summary"]').innerText()).toContain('补充未兑现原因');
      expect(await page.locator('[data-test="changes"]').innerText()).toContain('等待配件');
      expect(await page.locator('[data-test="versions"] li').count()).toBe(2);
      expect(await page.locator(`[data-test="score-${fulfilledCode}"]`).innerText()).toBe('★★★★☆');
      expect(await page.locator('[data-test="list-unfulfilled"]').innerText()).toContain('配件到货后上门');

      // The public page, logged out: version 2, and version 1 still at its own address.
      const href = await page.locator('[data-test="public-link"]').getAttribute('href');
      expect(href).toBe(`/gongshi/I-DH/${MONTH}/v2`);
      const anon = await open('public', `${base}${href}`);
      await anon.getByRole('heading', { level: 1 }).filter({ hasText: MONTH }).waitFor({ timeout: T });
      const html = await anon.content();
      expect(html).toContain(fulfilledCode);
      expect(html).toContain('等待配件');
      expect(html).not.toContain(PHONE);
      expect(html).not.toContain(ADDRESS);
      expect((await fetch(`${base}/gongshi/I-DH/${MONTH}/v1`)).status).toBe(200);
      // (A fresh browser context: no session cookie at all.)
      expect(await anon.context().cookies()).toEqual([]);

      // The four lists as an xlsx: the snapshot's link opens 导出 with the kind, unit and month filled in.
      await page.locator('[data-test="export-lists"]').click();
      await page.waitForURL(/\/console\/exports\?kind=four_lists/, { timeout: T });
      expect(await page.locator('input[data-test="e-month"]').inputValue()).toBe(MONTH);
      expect(await page.locator('input[data-test="e-unit"]').inputValue()).toBe('I-DH');
      await page.locator('[data-test="e-request"]').click();
      const first = page.locator('[data-test="exports-table"] tbody tr').first();
      await first.locator('[data-test="download"]').waitFor({ timeout: 60_000 });
      expect(await first.innerText()).toContain('四张清单');
    });
  }, 120_000);

  it('导出: asks for an xlsx, follows it to done, downloads it (exceljs reads it), and makes and revokes a pull token', async () => {
    await photographed(async () => {
      const page = await loginAs('demo-coord-dh');
      await page.locator('[data-test="nav"] a', { hasText: '导出' }).click();
      await page.waitForURL(/\/console\/exports/, { timeout: T });
      // The list as the API has it (earlier exports of this person's), shown before asking for one more.
      const rowsBefore = (await getJson<{ items: unknown[] }>(page, '/api/v1/exports')).items.length;
      await waitUntil(async () => (await page.locator('[data-test="exports-table"] tbody tr').count()) === rowsBefore, 'my exports listed', T);
      await page.locator('[data-test="e-request"]').click();
      await waitUntil(async () => (await page.locator('[data-test="exports-table"] tbody tr').count()) === rowsBefore + 1, 'the new export listed', T);
      // The newest row (this request): followed until it has its link.
      const link = page.locator('[data-test="exports-table"] tbody tr').first().locator('[data-test="download"]');
      await link.waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-test="exports-table"] tbody tr').first().innerText()).toContain('已完成');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['需求明细']);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['需求编号', '状态', '服务类别']);
      const inScope = await h.prisma.need.count({ where: { station: { code: { in: ['S-XF', 'S-HP'] } } } });
      expect(ws.rowCount - 1).toBe(inScope);
      const cells: string[] = [];
      ws.eachRow((r) => cells.push(JSON.stringify(r.values)));
      expect(cells.join('\n')).not.toContain(PHONE);
      expect(cells.join('\n')).not.toContain(ADDRESS);
      const job = await h.prisma.exportJob.findFirstOrThrow({ where: { status: 'done', kind: 'needs' } });
      expect(await h.prisma.auditLog.count({ where: { action: 'export', detail: { path: ['exportId'], equals: job.id } } })).toBe(1);

      // A pull token: shown once, pulls a csv, revoked → refused.
      await page.locator('input[data-test="t-label"]').fill('县文明办');
      await page.locator('[data-test="t-create"]').click();
      const url = (await page.locator('[data-test="token-url"]').innerText({ timeout: T })).trim();
      expect(url).toMatch(/\/api\/v1\/pull\/[A-Za-z0-9_-]{43}$/);
      const pulled = await fetch(url.replace('127.0.0.1', 'localhost'));
      expect(pulled.status).toBe(200);
      expect(await pulled.text()).toContain(fulfilledCode);
      await page.locator('[data-test="tokens-table"] [data-test="t-revoke"]').click();
      await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
      await page.locator('[data-test="tokens-table"] [data-test="revoked"]').waitFor({ timeout: T });
      expect((await fetch(url)).status).toBe(401);
      expect(await overflow(page)).toBe(0);
    });
  }, 120_000);

  it('refuses the read-only viewer publishing: no button, and forged publish, correction and token requests are 403', async () => {
    await photographed(async () => {
      const page = await loginAs('demo-viewer');
      // The viewer reads the dashboard of the county.
      await page.goto(`${consoleBase}dashboard`);
      await page.locator('[data-test="fig-received"]').waitFor({ timeout: T });
      await page.goto(`${consoleBase}publicity?id=${draftSnapshot}`);
      await page.locator('[data-test="snapshot-state"]', { hasText: '已冻结待发布' }).waitFor({ timeout: T });
      await page.locator('[data-test="read-only"]').waitFor({ timeout: T });
      expect(await page.locator('[data-test="publish"]').count()).toBe(0);
      expect(await page.locator('[data-test="correct"]').count()).toBe(0);
      const forged = await page.evaluate(async (id) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf: string };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrf };
        const publish = await fetch(`/api/v1/publicity/snapshots/${id}/publish`, { method: 'POST', headers, body: '{}' });
        const correct = await fetch(`/api/v1/publicity/snapshots/${id}/corrections`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ summary: 'x', refresh: true }),
        });
        const token = await fetch('/api/v1/export-tokens', { method: 'POST', headers, body: JSON.stringify({ kind: 'needs', label: 'x' }) });
        return [publish.status, correct.status, token.status];
      }, draftSnapshot);
      expect(forged).toEqual([403, 403, 403]);
      const xf = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
      const still = await h.prisma.publicitySnapshot.findMany({ where: { orgUnitId: xf.id, month: '2026-10' } });
      expect(still.map((s) => [s.version, s.status])).toEqual([[1, 'draft']]);
      // The exports page offers the viewer neither unmasked exports nor pull tokens.
      await page.goto(`${consoleBase}exports`);
      await page.locator('[data-test="export-form"]').waitFor({ timeout: T });
      expect(await page.locator('[data-test="e-reveal"]').count()).toBe(0);
      expect(await page.locator('[data-test="token-form"]').count()).toBe(0);
    });
  }, 60_000);
});
