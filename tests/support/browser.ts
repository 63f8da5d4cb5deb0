// Headless Chromium for browser tests, driven by playwright-core (no bundled browser: the
// system's Chromium is used). A missing browser fails loudly with how to install it.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. on a developer's machine). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium with a fresh, throwaway profile. */
export async function launchBrowser(timeoutMs = 30_000): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (as root): apt-get update && apt-get install -y chromium` +
        ' — or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: timeoutMs });
}

/** A fresh context (own cookies and localStorage) with a desktop-sized window and a Chinese (or the given) locale. */
export async function newContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** Closes the browser, giving up after a bound so a hung browser never keeps Jest alive. */
export async function closeBrowser(browser: Browser | undefined, timeoutMs = 10_000): Promise<void> {
  if (!browser) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([browser.close().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
