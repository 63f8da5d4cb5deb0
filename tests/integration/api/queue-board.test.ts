// The queue view (bull-board at /ops/queues/) in headless Chromium, under its own CSP: a county
// administrator's browser renders the queues and retries a failed job through the UI's own
// Retry all button (bull-board's axios echoes the XSRF-TOKEN cookie, so CSRF holds with no change to its
// code); a station coordinator's browser gets 403 and no queue. No CSP violation but the one
// stylesheet deliberately blocked (Google Fonts).
import type { INestApplication } from '@nestjs/common';
import { Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import type { AppConfig } from '@baiying/config';
import { QueueName } from '@baiying/queue';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { queueBoardCsp } from '../../../apps/api/src/ops/queue-board.js';
import { closeBrowser, launchBrowser, newContext } from '../../support/browser.js';
import { coordinatorOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
import { sessionRow } from './console-support.js';

describe('the queue view in a browser', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let browser: Browser;
  let base = '';
  let failedJobId = '';

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    // One failed export job (a throw-away consumer fails it, then stops).
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const failing = new Worker(
      QueueName.Exports,
      () => {
        throw new Error('planted failure');
      },
      { connection: connection as ConnectionOptions, prefix: config.redisPrefix },
    );
    try {
      await h.producer.add('run-export', { exportId: '00000000-0000-4000-8000-000000000001' }, { attempts: 1 });
      failedJobId = 'run-export_00000000-0000-4000-8000-000000000001';
      await waitUntil(async () => (await h.producer.queue(QueueName.Exports).getJobState(failedJobId)) === 'failed', 'the planted job failed');
    } finally {
      await failing.close();
      connection.disconnect();
    }
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await closeBrowser(browser);
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  async function pageAs(personId: string, locale: string): Promise<{ page: Page; csp: string[] }> {
    const context = await newContext(browser, locale);
    const s = await sessionRow(h.prisma, personId);
    const [name, value] = s.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    return { page, csp };
  }

  it('renders for a county administrator, whose Retry all button works under CSRF; no CSP violation but Google Fonts', async () => {
    const admin = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    const { page, csp } = await pageAs(admin, 'en-US');
    const r = await page.goto(`${base}/ops/queues/`);
    expect(r?.status()).toBe(200);
    expect(r?.headers()['content-security-policy']).toContain("'unsafe-hashes'");
    expect(r?.headers()['content-security-policy']).not.toContain("'unsafe-inline'");
    // Every queue of the desk is listed.
    for (const q of Object.values(QueueName)) await page.getByText(q, { exact: true }).first().waitFor();

    await page.goto(`${base}/ops/queues/queue/${QueueName.Exports}?status=failed`);
    await page
      .getByText(/planted failure/)
      .first()
      .waitFor();
    // The per-job buttons are unlabelled icons; "Retry all" of the failed list (this one job) is the same PUT family.
    await page.getByRole('button', { name: 'Retry all', exact: true }).click();
    const confirm = page.getByRole('button', { name: 'Confirm', exact: true });
    if (
      await confirm.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      await confirm.click();
    const state = await waitUntil(async () => {
      const s = await h.producer.queue(QueueName.Exports).getJobState(failedJobId);
      return s !== 'failed' ? s : null;
    }, 'the job retried from the page');
    expect(['waiting', 'prioritized', 'active']).toContain(state);
    expect(csp.filter((m) => !m.includes('fonts.googleapis.com'))).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('refuses a station coordinator: 403, no queue on the page', async () => {
    const coordinator = await coordinatorOf(h, 'S-XF', { name: '站长' });
    const { page } = await pageAs(coordinator.personId, 'zh-CN');
    const r = await page.goto(`${base}/ops/queues/`);
    expect(r?.status()).toBe(403);
    const text = await page.locator('body').innerText();
    expect(text).toContain('console/forbidden');
    for (const q of Object.values(QueueName)) expect(text).not.toContain(`"${q}"`);
    // The API behind the page says the same.
    const api = await page.request.get(`${base}/ops/queues/api/queues`);
    expect(api.status()).toBe(403);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('XSRF-TOKEN');
    await page.context().close();
  }, 60_000);

  it('allows by hash exactly the inline styles of the installed page, and nothing inline for scripts', () => {
    const csp = queueBoardCsp('<div style="a:b"><span style="c:d"></span></div><style>x{}</style><script>alert(1)</script>');
    expect(csp).toMatch(/style-src 'self' 'unsafe-hashes'( 'sha256-[A-Za-z0-9+/=]+'){3};/);
    expect(csp).toContain("script-src 'self';");
    expect(queueBoardCsp('<p>plain</p>')).toContain("style-src 'self';");
  });
});
