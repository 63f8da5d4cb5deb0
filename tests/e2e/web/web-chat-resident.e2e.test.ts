// The web chat as a resident sees it outside demo mode, in headless Chromium against the bot app
// (in-process) under its real Content-Security-Policy: no persona switcher, a chat of this
// browser's own that survives a reload, a need described and answered there, and another
// browser that sees none of it. Any CSP violation or script error fails the test.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { closeBrowser, launchBrowser, newContext } from '../../support/browser.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const T = 20_000;

describe('Web chat for residents (headless Chromium, no demo)', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let base = '';
  /** Script errors, CSP violations and failed API calls on any page: there must be none. */
  const problems: string[] = [];

  async function open(locale = 'zh-CN'): Promise<Page> {
    const context = await newContext(browser!, locale);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(base, { timeout: T });
    await page.locator('#log .msg.bot').first().waitFor({ state: 'visible', timeout: T });
    return page;
  }

  async function type(page: Page, text: string): Promise<void> {
    await page.locator('#text').fill(text);
    await page.locator('#send').click();
    await page.locator('#log .msg.me', { hasText: text }).last().waitFor({ state: 'visible', timeout: T });
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    config = testConfig({ WEB_CHAT_DEMO: 'false', OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    bot = await startBot(config);
    base = (await bot.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await closeBrowser(browser);
    await bot?.close();
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix);
    await h?.close();
  }, 30_000);

  it('gives each browser its own chat, kept across a reload, and nothing of anyone else', async () => {
    const resident = await open();
    // No persona switcher and no chat list outside demo mode.
    expect(await resident.locator('#personaBox').isVisible()).toBe(false);
    expect(await resident.locator('#chats').isVisible()).toBe(false);

    await type(resident, '/help');
    await resident
      .locator('#log .msg.bot', { hasText: /我的需求|\/my/ })
      .first()
      .waitFor({ state: 'visible', timeout: T });
    await type(resident, '家里老人想找人上门理发');
    // The desk understood and asks what is missing (a button or a question), in this chat.
    const asked = resident.locator('#log .msg.bot').nth(1);
    await asked.waitFor({ state: 'visible', timeout: T });
    const before = await resident.locator('#log .msg.bot').count();

    // A reload keeps the session (HttpOnly cookie): the same chat and its history come back.
    await resident.reload();
    await resident
      .locator('#log .msg.bot')
      .nth(before - 1)
      .waitFor({ state: 'visible', timeout: T });
    expect(await resident.locator('#log .msg.bot', { hasText: /我的需求|\/my/ }).count()).toBeGreaterThan(0);
    // What the resident wrote came back too, on their side, in order.
    await resident.locator('#log .msg.me', { hasText: '家里老人想找人上门理发' }).waitFor({ state: 'visible', timeout: T });
    expect(await resident.locator('#log .msg.me').allInnerTexts()).toEqual(['/help', '家里老人想找人上门理发']);
    const cookies = await contexts[0]!.cookies();
    expect(cookies.find((c) => c.name === 'baiying_chat')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    // The page's script cannot read it.
    expect(await resident.evaluate('document.cookie')).toBe('');

    // Another browser: its own empty chat (the welcome hint only).
    const other = await open();
    expect(await other.locator('#log .msg.bot').allInnerTexts()).toEqual([expect.stringContaining('说说您需要什么帮助')]);

    expect(problems).toEqual([]);
  }, 90_000);

  /** The page's own words, the sizes of what is pressed, and the fonts it declares. */
  interface Chrome {
    lang: string;
    title: string;
    send: string;
    placeholder: string;
    location: string;
    font: string;
    pressables: Array<{ h: number; w: number; font: number }>;
  }
  // Run in the page (a string: the tests are compiled without the DOM's types).
  const CHROME = `(() => {
    const q = (s) => document.querySelector(s);
    const box = (el) => { const r = el.getBoundingClientRect(); return { h: r.height, w: r.width, font: parseFloat(getComputedStyle(el).fontSize) }; };
    return {
      lang: document.documentElement.lang, title: document.title, send: q('#send').textContent, placeholder: q('#text').placeholder,
      location: q('#loc').getAttribute('aria-label'), font: getComputedStyle(document.body).fontFamily,
      pressables: [...document.querySelectorAll('#send, #loc, #text, #log button')].map(box),
    };
  })()`;
  const chrome = (page: Page): Promise<Chrome> => page.evaluate(CHROME) as Promise<Chrome>;

  it('speaks Chinese only to a Chinese resident: labels, sizes, fonts', async () => {
    const page = await open('zh-CN');
    await type(page, '家里水管漏水了，想找人来修');
    await page.locator('#log .msg.bot button').first().waitFor({ state: 'visible', timeout: T });
    const c = await chrome(page);
    expect(c).toMatchObject({ lang: 'zh-CN', title: '百应 · 网页聊天', send: '发送', placeholder: '在这里输入…', location: '发送我的位置' });
    expect(c.font).toMatch(/PingFang SC/);
    expect(c.font).toMatch(/Noto Sans CJK SC/);
    // Big enough to read and to press: 16 px text, 44 px targets.
    for (const b of c.pressables) expect(b.font >= 16 && b.h >= 44 && b.w >= 44).toBe(true);
    const bot = await page.locator('#log .msg.bot').allInnerTexts();
    expect(bot.filter((t) => /[A-Za-z]{4,}/.test(t.replace(/N-\d+-\d+/g, '')))).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('speaks English only to a resident who writes English from an English browser', async () => {
    const page = await open('en-US');
    // Before any word from the desk, the browser's language: English labels.
    expect((await chrome(page)).send).toBe('Send');
    await type(page, 'My elderly mother needs a haircut at home');
    const asked = page.locator('#log .msg.bot', { hasText: /I understand you need: Elderly care/ });
    await asked
      .first()
      .waitFor({ state: 'visible', timeout: T })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}\nthe page shows: ${(await page.locator('#log .msg').allInnerTexts()).join(' | ')}`);
      });
    const c = await chrome(page);
    expect(c).toMatchObject({ lang: 'en', title: 'Baiying · Web chat', send: 'Send', placeholder: 'Type here…', location: 'Send my location' });
    for (const b of c.pressables) expect(b.font >= 16 && b.h >= 44 && b.w >= 44).toBe(true);
    const said = [...(await page.locator('#log .msg.bot').allInnerTexts()), ...(await page.locator('#log button').allInnerTexts())];
    expect(said.filter((t) => /[\u3400-\u9fff]/.test(t))).toEqual([]);
    // A reload: the same chat, their words, the same language.
    await page.reload();
    await page.locator('#log .msg.me', { hasText: 'My elderly mother' }).waitFor({ state: 'visible', timeout: T });
    await page
      .locator('#log .msg.bot', { hasText: /I understand you need/ })
      .first()
      .waitFor({ state: 'visible', timeout: T });
    expect((await chrome(page)).send).toBe('Send');
    expect(problems).toEqual([]);
  }, 60_000);

  it('switches language from the page’s own toggle, and the desk follows the choice', async () => {
    const page = await open('zh-CN');
    await type(page, '家里水管漏水了');
    await page.locator('#log .msg.bot button').first().waitFor({ state: 'visible', timeout: T });
    expect(await page.locator('#lang').innerText()).toBe('English');
    await page.locator('#lang').click();
    // The page at once, then the desk's answer in English; the page does not flip back meanwhile.
    expect((await chrome(page)).send).toBe('Send');
    await page.locator('#log .msg.bot', { hasText: 'OK, I will write to you in English from now on.' }).waitFor({ state: 'visible', timeout: T });
    const c = await chrome(page);
    expect(c).toMatchObject({ lang: 'en', send: 'Send', placeholder: 'Type here…' });
    expect(await page.locator('#lang').innerText()).toBe('中文');
    // What follows is answered in English: the person's choice is kept on the server.
    await type(page, '/help');
    await page.locator('#log .msg.bot', { hasText: /Residents: just describe your need/ }).waitFor({ state: 'visible', timeout: T });
    expect(await h.prisma.person.count({ where: { locale: 'en', localeSource: 'chosen' } })).toBeGreaterThan(0);
    // And back.
    await page.locator('#lang').click();
    await page.locator('#log .msg.bot', { hasText: '好的，以后我都用中文和您说。' }).waitFor({ state: 'visible', timeout: T });
    expect((await chrome(page)).send).toBe('发送');
    expect(problems).toEqual([]);
  }, 60_000);
});
