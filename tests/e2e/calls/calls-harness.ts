// Shared set-up of the calls' end-to-end tests on Telegram: the compiled bot and worker run as
// child processes against the fake Bot API, on the run's database seeded with the demo county
// and the cast below (made by the factories). Helpers talk, press buttons, wait for what the
// bot sends, create calls at the desk, and wait for the sending lanes to drain — the positive
// signal a test waits for before it asserts that something was NOT sent.
import type { AppConfig } from '@baiying/config';
import { loadConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { PurposeKey } from '@baiying/domain';
import type { CallDraft } from '@baiying/features';
import { FakeBotApi, type FakeChat, type FakeUser, type SendMethod, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { actorOf, coordinatorOf, createCall, volunteerOf } from '../../support/factories.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, outboundSettled, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

// --- the cast ------------------------------------------------------------------------------

export const coord: FakeUser = { id: 3101, first_name: '赵主任' }; // coordinator of 东湖镇 (I-DH)
export const county: FakeUser = { id: 3102, first_name: '孙主任' }; // coordinator of the county (C)
export const stationCoord: FakeUser = { id: 3103, first_name: '站长' }; // coordinator of 幸福社区 (S-XF)
export const v1: FakeUser = { id: 2101, first_name: '甲' }; // 幸福社区为老服务队
export const v2: FakeUser = { id: 2102, first_name: '乙' }; // 幸福社区为老服务队
export const v3: FakeUser = { id: 2103, first_name: '丙' }; // 幸福社区便民维修队
export const v4: FakeUser = { id: 2104, first_name: '丁' }; // 和平村助老队
export const vols = [v1, v2, v3, v4];
export const outsider: FakeUser = { id: 2201, first_name: '西山志愿者' }; // 西山社区: outside 东湖镇
/** The county's emergency team; its members live outside 东湖镇 (so daily calls there miss them). */
export const responders: FakeUser[] = [
  { id: 2301, first_name: '应急一' },
  { id: 2302, first_name: '应急二' },
  { id: 2303, first_name: '应急三' },
];
export const groupXF: FakeChat = { id: -5101, type: 'supergroup', title: '幸福社区为老服务队群' };
export const groupDH: FakeChat = { id: -5102, type: 'supergroup', title: '东湖镇为老助老队群' };
export const groupC: FakeChat = { id: -5103, type: 'supergroup', title: '县为老助老志愿服务队群' };
export const dm = (u: FakeUser): FakeChat => FakeBotApi.privateChat(u);

/** The data of the button labelled `text` on a message (throws naming the message when missing). */
export function buttonData(m: SentMessage, text: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (text.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${text} on message: ${m.text}`);
}

export function buttonCount(m: SentMessage): number {
  return m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat().length : 0;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class TelegramCalls {
  readonly fake: FakeBotApi;
  /** Telegram user id → person id. */
  readonly personOf = new Map<number, string>();
  apiBase = '';
  private cfg: AppConfig | undefined;
  private harness: DeskHarness | undefined;
  private bot: AppProcess | undefined;
  private worker: AppProcess | undefined;
  private api: AppProcess | undefined;

  constructor(private readonly o: { token: string; username: string; env?: Record<string, string> }) {
    this.fake = new FakeBotApi({ token: o.token, botInfo: { username: o.username, first_name: '百应' } });
  }

  get h(): DeskHarness {
    if (!this.harness) throw new Error('TelegramCalls: started in beforeAll');
    return this.harness;
  }

  get config(): AppConfig {
    if (!this.cfg) throw new Error('TelegramCalls: started in beforeAll');
    return this.cfg;
  }

  logs(): string {
    return `\n--- bot ---\n${this.bot?.output().slice(-3000) ?? ''}\n--- worker ---\n${this.worker?.output().slice(-2000) ?? ''}\n--- api ---\n${this.api?.output().slice(-2000) ?? ''}`;
  }

  async start(): Promise<void> {
    await this.fake.start();
    const env = testEnv({
      TELEGRAM_BOT_TOKEN: this.o.token,
      TELEGRAM_API_ROOT: this.fake.apiRoot,
      CALL_TALLY_REFRESH_MS: '500',
      OUTBOX_POLL_MS: '200',
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'log',
      API_PORT: '0',
      ...this.o.env,
    });
    this.cfg = loadConfig(env);
    this.harness = deskHarness(this.cfg, 5);
    // The seeded web team groups stay (every team is reachable); Telegram groups are bound below.
    await resetDatabase(this.h.prisma, this.h.cipher);
    await this.seedCast();
    this.worker = await startApp('worker', env, /startup reconcile/);
    this.bot = await startApp('bot', env, /Web chat: http:\/\/\S+\//);
    // The calls API is served by the console API (apps/api), not the bot.
    this.api = await startApp('api', env, /Console API: http:\/\/\S+\/api\/v1/);
    const port = /Console API: http:\/\/[^:/]+:(\d+)\//.exec(this.api.output())?.[1];
    if (!port) throw new Error(`no HTTP port in the console API's log${this.logs()}`);
    this.apiBase = `http://127.0.0.1:${port}/api/v1/calls`;
    // The bot answers once its long poll runs.
    const warm: FakeUser = { id: 999, first_name: 'warm-up' };
    this.fake.sendText(warm, dm(warm), '/help');
    await this.fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' }).catch((e: Error) => {
      throw new Error(`${e.message}${this.logs()}`);
    });
  }

  async stop(): Promise<void> {
    await this.api?.stop();
    await this.bot?.stop();
    await this.worker?.stop();
    await this.fake.stop();
    if (this.cfg) await flushPrefix(this.cfg.redisUrl, this.cfg.redisPrefix);
    await this.harness?.close();
  }

  private async seedCast(): Promise<void> {
    const tg = (u: FakeUser) => ({ channel: 'telegram' as const, externalId: String(u.id), name: u.first_name });
    const keep = (u: FakeUser, a: ActorRow) => this.personOf.set(u.id, a.personId);
    keep(coord, await coordinatorOf(this.h, 'I-DH', tg(coord)));
    keep(county, await coordinatorOf(this.h, 'C', tg(county)));
    keep(stationCoord, await coordinatorOf(this.h, 'S-XF', tg(stationCoord)));
    keep(v1, await volunteerOf(this.h, { teams: ['S-XF-ELDER'], ...tg(v1) }));
    keep(v2, await volunteerOf(this.h, { teams: ['S-XF-ELDER'], ...tg(v2) }));
    keep(v3, await volunteerOf(this.h, { teams: ['S-XF-REPAIR'], ...tg(v3) }));
    keep(v4, await volunteerOf(this.h, { teams: ['S-HP-ELDER'], ...tg(v4) }));
    keep(outsider, await volunteerOf(this.h, { teams: ['S-XS-EDU'], ...tg(outsider) }));
    for (const [i, r] of responders.entries()) keep(r, await volunteerOf(this.h, { teams: ['C-EMERGENCY'], station: i === 2 ? 'S-TY' : 'S-XS', ...tg(r) }));
    for (const [chat, teamCode] of [
      [groupXF, 'S-XF-ELDER'],
      [groupDH, 'I-DH-ELDER'],
      [groupC, 'C-ELDERLY'],
    ] as const) {
      const team = await this.h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } });
      await this.h.prisma.teamChat.create({ data: { teamId: team.id, channel: 'telegram', chatId: String(chat.id), title: chat.title ?? null } });
    }
  }

  // --- talking to the bot ------------------------------------------------------------------

  /** The first message in `chat` from `fromSeq` on matching `text`; on a timeout, with the apps' logs. */
  wait(chat: FakeChat | number, text: RegExp, fromSeq: number, timeoutMs = 20_000, method?: SendMethod): Promise<SentMessage> {
    const chatId = typeof chat === 'number' ? chat : chat.id;
    return this.fake.waitFor({ chatId, text, ...(method ? { method } : {}) }, { fromSeq, timeoutMs, description: String(text) }).catch((e: Error) => {
      throw new Error(`${e.message}${this.logs()}`);
    });
  }

  /** Sends `text` and waits for the reply matching `expect`. */
  async say(user: FakeUser, text: string, expect: RegExp, chat: FakeChat = dm(user)): Promise<SentMessage> {
    const from = this.fake.messages.length;
    this.fake.sendText(user, chat, text);
    return this.wait(chat, expect, from);
  }

  /** Sends `text` in the user's private chat and waits for a new message (not an edit) matching `expect`. */
  async ask(user: FakeUser, text: string, expect: RegExp): Promise<SentMessage> {
    const from = this.fake.messages.length;
    this.fake.sendText(user, dm(user), text);
    return this.wait(dm(user), expect, from, 20_000, 'sendMessage');
  }

  /** Presses a button; returns the toast text. */
  async press(user: FakeUser, m: SentMessage, label: RegExp): Promise<string> {
    const id = this.fake.pressButton(user, m, buttonData(m, label));
    const a = await this.fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 });
    return a.text ?? '';
  }

  /** A press of 参加 / 不能参加: acknowledged at once (✓), then the reply once the call's consumer applied it (decision 0037). */
  async answer(user: FakeUser, m: SentMessage, label: RegExp, reply: RegExp): Promise<string> {
    const from = this.fake.messages.length;
    const toast = await this.press(user, m, label);
    if (toast !== '✓') throw new Error(`press not recorded: ${toast}`);
    return (await this.wait(dm(user), reply, from)).text ?? '';
  }

  /** Presses a button and waits for the bot's next message matching `expect` in that chat. */
  async pressThen(user: FakeUser, m: SentMessage, label: RegExp, expect: RegExp): Promise<SentMessage> {
    const from = this.fake.messages.length;
    await this.press(user, m, label);
    return this.wait(m.chatId, expect, from);
  }

  /** The newest edit of a tally matching `text` (from `fromSeq` on). */
  tallyEdit(tally: SentMessage, text: RegExp, fromSeq = 0): Promise<SentMessage> {
    return this.fake
      .waitFor((m) => m.chatId === tally.chatId && m.method === 'editMessageText' && m.editOf === tally.messageId && text.test(m.text ?? ''), {
        fromSeq,
        timeoutMs: 20_000,
        description: `tally edit ${text}`,
      })
      .catch((e: Error) => {
        throw new Error(`${e.message}${this.logs()}`);
      });
  }

  /** Messages in a chat that mention `text`. */
  mentions(chat: FakeChat | FakeUser, text: string): SentMessage[] {
    return this.fake.chatMessages(chat.id).filter((m) => m.text?.includes(text));
  }

  // --- the desk ----------------------------------------------------------------------------

  actor(u: FakeUser): Promise<ActorRow> {
    const id = this.personOf.get(u.id);
    if (!id) throw new Error(`${u.first_name} is not in the cast`);
    return actorOf(this.h, id);
  }

  /** A call created at the desk by `by` (as the API or the chat flow would). */
  async callBy(by: FakeUser, draft: CallDraft): Promise<{ callId: string; code: string }> {
    return createCall(this.h.desk, await this.actor(by), draft);
  }

  /** The call's private message to `u` (with its answer buttons). */
  callMessage(u: FakeUser, code: string): Promise<SentMessage> {
    return this.wait(dm(u), new RegExp(`📣 志愿召集 ${escape(code)}`), 0, 30_000);
  }

  /** The coordinator's tally of the call, as first sent. */
  tally(u: FakeUser, code: string): Promise<SentMessage> {
    return this.fake
      .waitFor((m) => m.chatId === u.id && m.method === 'sendMessage' && (m.text ?? '').includes(`📋 召集 ${code}`), {
        timeoutMs: 20_000,
        description: `tally of ${code}`,
      })
      .catch((e: Error) => {
        throw new Error(`${e.message}${this.logs()}`);
      });
  }

  /**
   * Waits until nothing more is on its way: the call's fan-out (if named) is done with every
   * private message final, and the interactive and bulk lanes hold no job (waiting, delayed,
   * active). A test asserts that someone got nothing only after this.
   */
  async quiet(callId?: string): Promise<void> {
    const fail = (e: Error) => {
      throw new Error(`${e.message}${this.logs()}`);
    };
    if (callId) {
      await waitUntil(async () => (await this.h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).fanoutDoneAt, `the fan-out of ${callId}`).catch(fail);
    }
    await outboundSettled(this.h, callId ? PurposeKey.callMessagesOf(callId) : '').catch(fail);
  }
}

/** Starts the world before the file's tests and stops it after; checks Telegram's limits after each test. */
export function useTelegramCalls(o: { token: string; username: string; env?: Record<string, string> }): TelegramCalls {
  const t = new TelegramCalls(o);
  beforeAll(() => t.start(), 120_000);
  afterAll(() => t.stop(), 30_000);
  afterEach(() => {
    expect(t.fake.stats.limitBreaches).toBe(0);
  });
  return t;
}
