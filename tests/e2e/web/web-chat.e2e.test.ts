// End to end through the local web chat page in headless Chromium: the compiled bot (web chat
// on, no Telegram) and worker run as child processes on the run's database, seeded with the
// demo county and its web groups. Two browser contexts act as people would, picking a persona
// in the select, clicking chats and buttons and typing: 王阿姨 submits a need, 李师傅 takes it
// from his team's group chat, marks it done with hours, and 王阿姨 confirms and rates it.
//
// Each test stands alone: before it the database is emptied down to the demo county and its
// personas (resetWorld), both pages are opened afresh, and a test that starts later in the loop
// creates the need (and the take) it starts from through the use cases.
import { loadConfig } from '@baiying/config';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { closeBrowser, launchBrowser, newContext } from '../../support/browser.js';
import { resetWorld } from '../../support/e2e-world.js';
import { openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, type DeskHarness } from '../../support/test-env.js';

/** Bound for every single wait on the page. */
const T = 20_000;
const GROUP_CHAT = 'g-S-XF-ELDER';
const SCREENSHOT = '/tmp/web-chat.png';
/** What 王阿姨 asks for (typed in the intake test, submitted at the desk in the others). */
const NEED = { description: '我家老人腿脚不便，想找人上门理发', address: '幸福小区3号楼2单元501', phone: '13812345678' };

/** Runs `fn`, and on failure adds what the page's chat log showed, so a timeout says why. */
async function onPage<R>(page: Page, what: string, fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (e) {
    const log = await page
      .locator('#log')
      .innerText({ timeout: 1000 })
      .catch(() => '(log unreadable)');
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${what} failed: ${message}\n--- #log (tail) ---\n${log.slice(-2000)}`, { cause: e });
  }
}

/** The latest bot message whose text (buttons included) matches. */
function botMessage(page: Page, text: RegExp | string): Locator {
  return page.locator('#log .msg.bot', { hasText: text }).last();
}

/** Waits until the bot says something matching, and returns that message. */
async function see(page: Page, text: RegExp | string): Promise<Locator> {
  const m = botMessage(page, text);
  await onPage(page, `waiting for bot message ${String(text)}`, () => m.waitFor({ state: 'visible', timeout: T }));
  return m;
}

/** Clicks a button on the latest bot message matching `text`. */
async function press(page: Page, text: RegExp | string, button: RegExp): Promise<void> {
  const m = await see(page, text);
  await onPage(page, `pressing ${String(button)} on ${String(text)}`, () => m.getByRole('button', { name: button }).click({ timeout: T }));
}

/** Types into the input, sends, and waits for the own bubble. */
async function type(page: Page, text: string): Promise<void> {
  await onPage(page, `typing ${text}`, async () => {
    await page.locator('#text').fill(text, { timeout: T });
    await page.locator('#send').click({ timeout: T });
    await page.locator('#log .msg.me', { hasText: text }).last().waitFor({ state: 'visible', timeout: T });
    // The input is cleared once the message is sent.
    if ((await page.locator('#text').inputValue({ timeout: T })) !== '') throw new Error('input not cleared after sending');
  });
}

/** Opens a chat from the list on the left and waits until it is the active one. */
async function openChat(page: Page, name: RegExp): Promise<void> {
  await onPage(page, `opening chat ${String(name)}`, async () => {
    await page.locator('nav#chats').getByRole('button', { name }).click({ timeout: T });
    await page.locator('nav#chats button.active', { hasText: name }).waitFor({ state: 'visible', timeout: T });
  });
}

describe('Web chat end to end (headless Chromium)', () => {
  let env: Record<string, string> | undefined;
  let h: DeskHarness | undefined;
  let worker: AppProcess | undefined;
  let bot: AppProcess | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let baseUrl = '';
  let resident: Page;
  let volunteer: Page;
  /** Script errors and failed API calls seen by any page during a test: there must be none. */
  const pageErrors: string[] = [];

  /** A page in its own context (own localStorage), showing the persona's private chat. */
  async function openAs(personaName: string): Promise<Page> {
    const context = await newContext(browser!);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${personaName}: ${e.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 400) pageErrors.push(`${personaName}: HTTP ${r.status()} ${r.url()}`);
    });
    await page.goto(baseUrl, { timeout: T });
    await onPage(page, `choosing persona ${personaName}`, async () => {
      const option = page.locator('#persona option', { hasText: personaName });
      await option.waitFor({ state: 'attached', timeout: T });
      const label = (await option.textContent({ timeout: T })) ?? personaName;
      await page.locator('#persona').selectOption({ label }, { timeout: T });
      await page.locator('nav#chats button.active', { hasText: '私聊' }).waitFor({ state: 'visible', timeout: T });
    });
    return page;
  }

  /** The desk's view of a demo persona (by its web key). */
  async function demoActor(key: string) {
    const desk = h!.desk;
    const id = await h!.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: key } } });
    return desk.uow.run((w) => w.repos.people.actor(id.personId));
  }

  /** 王阿姨's need as she describes it in the intake test, submitted and routed to 幸福社区为老服务队. */
  const givenNeed = () => routedNeed(h!, 'demo-resident', { channel: 'web', teamCode: 'S-XF-ELDER', beneficiary: 'elderly', ...NEED });

  beforeAll(async () => {
    browser = await launchBrowser(); // first: a missing Chromium fails at once, saying how to install it
    env = testEnv({ WEB_CHAT_ENABLED: 'true', OUTBOX_POLL_MS: '200', LOG_LEVEL: 'log' });
    // The apps' configuration (same database and queue prefix): needs created here are sent by them.
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher);
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /Web chat: http:\/\/\S+\//);
    const url = /Web chat: (http:\/\/\S+\/)/.exec(bot.output())?.[1];
    if (!url) throw new Error(`no web chat URL in the bot's output:\n${bot.output().slice(-2000)}`);
    baseUrl = url;
  }, 90_000);

  beforeEach(async () => {
    await resetWorld(h!, { demo: { webGroups: true } });
    pageErrors.length = 0;
    resident = await openAs('王阿姨');
    volunteer = await openAs('李师傅');
  }, 60_000);

  afterEach(async () => {
    // Every step runs even when the test failed; a failed test leaves a picture of where the
    // resident's page stood.
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w]+/g, '-').slice(-60);
    await resident?.screenshot({ path: `/tmp/web-chat-${name}.png`, timeout: 5000 }).catch(() => undefined);
    for (const c of contexts) await c.close().catch(() => undefined);
    contexts = [];
    expect(pageErrors).toEqual([]);
  }, 30_000);

  afterAll(async () => {
    // Every step runs even when an earlier one fails, so Jest always exits.
    await closeBrowser(browser);
    await bot?.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await h?.close().catch(() => undefined);
    if (env) await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!).catch(() => undefined);
  }, 40_000);

  it('shows the personas and the volunteer their team group', async () => {
    expect(await resident.title()).toContain('百应');
    const options = await resident.locator('#persona option').allTextContents();
    for (const name of ['新居民', '王阿姨', '李师傅', '张护士', '赵主任', '孙主任']) expect(options.join('\n')).toContain(name);
    expect(await resident.locator('nav#chats button').allTextContents()).toEqual(['和百应私聊']);
    const groups = volunteer.locator(`nav#chats button[data-chat="${GROUP_CHAT}"]`);
    expect(await groups.textContent({ timeout: T })).toContain('幸福社区为老服务队');
  });

  it('lets the resident describe a need and submit it, step by step', async () => {
    const p = resident;
    await type(p, NEED.description);
    await press(p, /我理解您需要：为老助老/, /是的/);
    // Each answered picker is rewritten in place to the choice made, without buttons (decision 0039).
    expect(await (await see(p, '类别：为老助老 ✓')).getByRole('button').count()).toBe(0);
    await press(p, /哪个社区或村/, /^幸福社区$/);
    expect(await (await see(p, '社区：幸福社区 ✓')).getByRole('button').count()).toBe(0);
    expect(await p.getByRole('button', { name: /^(是的|幸福社区)$/ }).count()).toBe(0);
    await see(p, /具体地址/);
    await type(p, NEED.address);
    await see(p, /什么时候/);
    await type(p, '明天上午');
    await see(p, /联系电话/);
    // "老人" in the first message already said who it is for: no beneficiary question.
    await type(p, NEED.phone);
    const summary = await see(p, /请确认/);
    const text = await summary.innerText({ timeout: T });
    expect(text).toContain(NEED.phone);
    expect(text).toContain('对象：老人');
    expect(text).toContain(NEED.address);
    await press(p, /请确认/, /确认提交/);
    const saved = await see(p, /已提交，编号 N-\d{8}-\d{4}/);
    const confirmed = await see(p, /✓ 确认提交/);
    expect(await confirmed.innerText({ timeout: T })).toContain('对象：老人');
    expect(await confirmed.getByRole('button').count()).toBe(0);
    const code = /N-\d{8}-\d{4}/.exec(await saved.innerText({ timeout: T }))![0];
    // Saved as 王阿姨's, as she said it.
    const need = await h!.prisma.need.findUniqueOrThrow({ where: { code }, include: { station: true } });
    expect(need.residentId).toBe((await demoActor('demo-resident')).personId);
    expect(need).toMatchObject({ channel: 'web', categoryCode: 'elderly', beneficiary: 'elderly' });
    expect(need.station.code).toBe('S-XF');
    expect(h!.cipher.decrypt(need.phoneEnc!)).toBe(NEED.phone);
    expect(h!.cipher.decrypt(need.addressEnc!)).toBe(NEED.address);
  }, 90_000);

  it('posts a masked job card in the team group; 李师傅 takes it and the card names him', async () => {
    const { id, code: n } = await givenNeed();
    const v = volunteer;
    await openChat(v, /幸福社区为老服务队/);
    const card = await see(v, new RegExp(`新需求 ${n}`));
    const cardText = await card.innerText({ timeout: T });
    expect(cardText).toContain('幸福社区');
    expect(cardText).not.toContain('1381234');
    expect(cardText).not.toContain('3号楼');
    expect(cardText).not.toContain('理发');
    await press(v, new RegExp(`新需求 ${n}`), /我来接单/);
    await onPage(v, 'waiting for the toast', () => v.locator('#toast', { hasText: /接单成功/ }).waitFor({ state: 'visible', timeout: T }));
    // The card is edited in place: it names the taker and has no button left.
    const taken = v
      .locator('#log .msg.bot')
      .filter({ hasText: n })
      .filter({ hasText: /已由 李师傅 接单/ })
      .last();
    await onPage(v, 'waiting for the edited card', () => taken.waitFor({ state: 'visible', timeout: T }));
    expect(await taken.getByRole('button').count()).toBe(0);
    expect(await v.getByRole('button', { name: /我来接单/ }).count()).toBe(0);
    // The resident hears who took it, and the desk agrees.
    await see(resident, new RegExp(`李师傅 接下了您的需求 ${n}`));
    const need = await h!.prisma.need.findUniqueOrThrow({ where: { id } });
    expect(need).toMatchObject({ status: 'claimed', claimedById: (await demoActor('demo-vol-li')).personId });
  }, 60_000);

  it('walks on-my-way and done with hours; the resident confirms and rates 5 stars; the database agrees', async () => {
    const li = await demoActor('demo-vol-li');
    const need = await givenNeed();
    const taken = await takeInGroup(h!, li, await openDispatchOf(h!, need.id));
    if (!taken.ok) throw new Error(`take refused: ${taken.code}`);
    const n = need.code;
    const v = volunteer;
    const r = resident;
    const details = await see(v, new RegExp(`您已接单 ${n}`));
    const detailText = await details.innerText({ timeout: T });
    expect(detailText).toContain(NEED.phone);
    expect(detailText).toContain(NEED.address);
    await press(v, new RegExp(`您已接单 ${n}`), /出发了/);
    await see(r, new RegExp(`李师傅 已出发（${n}）`));
    await press(v, new RegExp(`您已接单 ${n}`), /已完成/);
    await press(v, /多少小时/, /^2 小时/);
    await see(v, /已记录 2 小时/);

    await press(r, /是否已完成/, /是，已完成/);
    await press(r, /请为这次服务打分/, /^⭐⭐⭐⭐⭐ 5星$/);
    await see(r, /还想说点什么/);
    await type(r, '师傅手艺很好，谢谢！');
    await see(r, /感谢您的评价/);

    await see(v, /2 小时和 20 积分已计入/);
    await type(v, '/me');
    const me = await see(v, /累计服务/);
    expect(await me.innerText({ timeout: T })).toContain('累计服务 2 小时');
    await r.screenshot({ path: SCREENSHOT, timeout: T });

    // The database agrees: confirmed, taken by 李师傅, rated 5, his 2 hours credited.
    const db = h!.prisma;
    const done = await db.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(done.status).toBe('confirmed');
    expect(done.claimedById).toBe(li.personId);
    const rating = await db.rating.findUniqueOrThrow({ where: { needId: need.id } });
    expect(rating).toMatchObject({ score: 5, comment: null });
    expect(h!.cipher.decrypt(rating.commentEnc!)).toBe('师傅手艺很好，谢谢！');
    const records = await db.serviceRecord.findMany({ where: { needId: need.id } });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ volunteerId: li.personId, status: 'credited' });
    expect(records[0]!.hours.toNumber()).toBe(2);
  }, 120_000);
});
