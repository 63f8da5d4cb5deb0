// The console's browser tests watch every page they open: a script error or a CSP refusal is a
// failure of the test that opened the page (checked after each test), and a failing step leaves
// screenshots of the open pages behind.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from './browser.js';

/** A local server's URL as the browser should use it (cookies are set for localhost). */
export const localUrl = (base: string): string => base.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');

export class WatchedPages {
  /** Script errors and CSP refusals seen since the last `takeProblems`. */
  private readonly problems: string[] = [];
  private readonly pages: Array<{ name: string; page: Page }> = [];
  private readonly contexts: BrowserContext[] = [];
  private readonly shots: string;

  constructor(prefix: string) {
    this.shots = mkdtempSync(path.join(tmpdir(), prefix));
  }

  /** A page in a fresh browser context (its own cookies), watched, at `url`. */
  async open(
    browser: Browser,
    name: string,
    url: string,
    o: { locale?: string; viewport?: { width: number; height: number }; timeoutMs?: number } = {},
  ): Promise<Page> {
    const context = await newContext(browser, o.locale ?? 'zh-CN');
    this.contexts.push(context);
    const page = await context.newPage();
    if (o.viewport) await page.setViewportSize(o.viewport);
    page.on('pageerror', (e) => this.problems.push(`${name}: script error: ${e.message}`));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) this.problems.push(`${name}: CSP: ${m.text()}`);
    });
    this.pages.push({ name, page });
    await page.goto(url, { timeout: o.timeoutMs ?? 20_000 });
    return page;
  }

  /** Runs a test's steps; on failure, screenshots of every open page go with the error. */
  async photographed(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w]+/g, '-').slice(-50);
      for (const [i, p] of this.pages.entries())
        await p.page.screenshot({ path: path.join(this.shots, `${name}-${i}-${p.name}.png`), timeout: 5000 }).catch(() => undefined);
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n(screenshots of the open pages in ${this.shots})`, { cause: e });
    }
  }

  /** The problems seen since the last call (pages of one test do not carry over to the next). */
  takeProblems(): string[] {
    const seen = [...this.problems];
    this.problems.length = 0;
    this.pages.length = 0;
    return seen;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
  }
}
