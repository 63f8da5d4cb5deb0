// A PII leak scan. The compiled bot and worker run as child processes at the most verbose log
// level, against the fake Telegram Bot API and with the web chat on, while the standard
// scenarios run end to end with distinctive personal data of their own: a volunteer registers
// with a phone; a resident files a need with health details, an address, a free-text time and a
// phone; it is taken in the group, the taker gets the details privately, releases it with a
// reason, another takes, finishes, and the resident confirms and rates with a comment; a web
// resident files a need over HTTP that is done and rated; a call (一呼百应) is answered; a third
// resident files a need, cancels it and erases their data (删除我的数据); a WeChat resident
// (wechaty-puppet-mock: that bot runs in this process, its output captured) walks the loop too.
//
// Then everything the desk wrote is searched for the planted values in every form they could
// leak as (tests/support/leak/planted.ts): the apps' whole output, every Redis command of the
// run (MONITOR) and every key and value left under the run's prefix (BullMQ jobs included),
// every message the fake Bot API delivered, the web chat's and the outbox's messages (decrypted),
// and every text-like column of every table except values that really are ciphertext.
// Allowed: the owner's own private chat, the details the taker of a need gets privately, a
// coordinator's release alert with the taker's reason (decision 0017). A person's own display
// name is no exception any more: it is stored encrypted (decision 0027). Anything else is a leak.
import type { EventEmitter } from 'node:events';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@baiying/config';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import type { ActorRow } from '@baiying/db';
import { callDraft, createCall } from '../../support/factories.js';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { bindGroup, coordinatorAs, volunteerAs } from '../../support/e2e-world.js';
import { scanDatabase, type ColumnReport } from '../../support/leak/database-scan.js';
import { chineseName, marker, phone, type Planted } from '../../support/leak/planted.js';
import { dumpPrefix, RedisMonitor, type DumpedKey } from '../../support/leak/redis-capture.js';
import { LeakScanner, type Allow } from '../../support/leak/scanner.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, outboundSettled, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '777001:LEAK-scan_token';
const T = 20_000;
const dm = (u: FakeUser): FakeChat => FakeBotApi.privateChat(u);
const CODE = /N-\d{8}-\d{4}/;
/** What the taker of a need is told privately (the need's details). */
const DETAILS = /您已接单 (N-\d{8}-\d{4})/;

function buttonData(m: SentMessage, label: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (label.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${label} on message: ${m.text}`);
}

/** The run's cast: Telegram ids in a block of their own. */
const base = 7_700_000 + Math.floor(Math.random() * 100_000) * 10;
const users = {
  coord: { id: base + 1, first_name: '赵主任' },
  volA: { id: base + 2, first_name: '李师傅' },
  volB: { id: base + 3, first_name: '张护士' },
  R1: { id: base + 4, first_name: chineseName() },
  R3: { id: base + 5, first_name: chineseName() },
} satisfies Record<string, FakeUser>;
const stationGroup: FakeChat = { id: -(base + 51), type: 'supergroup', title: '幸福社区为老服务队群' };
const instituteGroup: FakeChat = { id: -(base + 52), type: 'supergroup', title: '东湖镇为老助老队群' };

/** The planted values, one set per scenario. */
function plantAll(): Record<string, Planted> {
  const m = () => marker();
  const r1 = { health: m(), address: m(), time: m(), comment: m(), reason: m() };
  const r2 = { health: m(), address: m(), comment: m() };
  const r3 = { address: m(), description: m() };
  const v: Planted[] = [
    { label: 'VA.phone', kind: 'phone', owner: 'volA', value: phone() },
    { label: 'R1.name', kind: 'name', owner: 'R1', value: users.R1.first_name },
    { label: 'R1.phone', kind: 'phone', owner: 'R1', value: phone() },
    {
      label: 'R1.description',
      kind: 'health',
      owner: 'R1',
      value: `我家老人患有阿尔茨海默病和高血压（病历${r1.health}），腿脚不便，想找人上门理发`,
      marker: r1.health,
    },
    {
      label: 'R1.address',
      kind: 'address',
      owner: 'R1',
      value: `幸福小区${10 + Math.floor(Math.random() * 80)}号楼2单元门牌${r1.address}`,
      marker: r1.address,
    },
    { label: 'R1.time', kind: 'time', owner: 'R1', value: `明天上午十点以后，备注${r1.time}`, marker: r1.time },
    { label: 'R1.comment', kind: 'comment', owner: 'R1', value: `师傅很耐心，手艺好，点赞${r1.comment}`, marker: r1.comment },
    { label: 'VA.reason', kind: 'reason', owner: 'volA', value: `临时要去医院复诊，抱歉${r1.reason}`, marker: r1.reason },
    { label: 'R2.phone', kind: 'phone', owner: 'R2', value: phone() },
    {
      label: 'R2.description',
      kind: 'health',
      owner: 'R2',
      value: `我家老人中风后行动不便，有糖尿病（编号${r2.health}），想找人上门理发`,
      marker: r2.health,
    },
    {
      label: 'R2.address',
      kind: 'address',
      owner: 'R2',
      value: `幸福小区${10 + Math.floor(Math.random() * 80)}号楼5单元门牌${r2.address}`,
      marker: r2.address,
    },
    { label: 'R2.comment', kind: 'comment', owner: 'R2', value: `很满意，下次还找您${r2.comment}`, marker: r2.comment },
    { label: 'R3.name', kind: 'name', owner: 'R3', value: users.R3.first_name },
    { label: 'R3.phone', kind: 'phone', owner: 'R3', value: phone() },
    {
      label: 'R3.address',
      kind: 'address',
      owner: 'R3',
      value: `幸福小区${10 + Math.floor(Math.random() * 80)}号楼1单元门牌${r3.address}`,
      marker: r3.address,
    },
  ];
  const r4 = { health: m(), address: m(), comment: m() };
  v.push(
    { label: 'R4.name', kind: 'name', owner: 'R4', value: chineseName() },
    { label: 'R4.phone', kind: 'phone', owner: 'R4', value: phone() },
    {
      label: 'R4.description',
      kind: 'health',
      owner: 'R4',
      value: `我家老人心脏做过搭桥手术（记录${r4.health}），腿脚不便，想找人上门理发`,
      marker: r4.health,
    },
    {
      label: 'R4.address',
      kind: 'address',
      owner: 'R4',
      value: `幸福小区${10 + Math.floor(Math.random() * 80)}号楼3单元门牌${r4.address}`,
      marker: r4.address,
    },
    { label: 'R4.comment', kind: 'comment', owner: 'R4', value: `服务周到，非常感谢${r4.comment}`, marker: r4.comment },
  );
  const out: Record<string, Planted> = {};
  for (const p of v) out[p.label] = p;
  // The third resident says the phone inside the description (the understanding picks it out).
  out['R3.description'] = {
    label: 'R3.description',
    kind: 'description',
    owner: 'R3',
    value: `我家老人想找人上门理发，电话${out['R3.phone']!.value}，情况${r3.description}`,
    marker: r3.description,
  };
  return out;
}

describe('PII leak scan over the end-to-end scenarios', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_leak_bot', first_name: '百应' } });
  const P = plantAll();
  const scanner = new LeakScanner(Object.values(P));
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess | undefined;
  let worker: AppProcess | undefined;
  let monitor: RedisMonitor | undefined;
  let webBase = '';
  const started = Date.now();
  /** Who owns which private chat (Telegram user id or web chat id → cast key). */
  const ownerOfChat = new Map<string, string>(Object.entries(users).map(([k, u]) => [String(u.id), k]));

  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000) ?? ''}\n--- worker ---\n${worker?.output().slice(-1500) ?? ''}`;
  const withLogs = <R>(p: Promise<R>): Promise<R> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}${logs()}`);
    });
  const wait = (chat: FakeChat, text: RegExp, fromSeq: number, timeoutMs = T) =>
    withLogs(fake.waitFor({ chatId: chat.id, text }, { fromSeq, timeoutMs, description: String(text) }));

  async function say(user: FakeUser, chat: FakeChat, text: string, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    fake.sendText(user, chat, text);
    return wait(chat, expect, from);
  }

  async function pressAnswer(user: FakeUser, m: SentMessage, label: RegExp): Promise<string> {
    const id = fake.pressButton(user, m, buttonData(m, label));
    return (await withLogs(fake.waitForCallbackAnswer(id, { timeoutMs: T }))).text ?? '';
  }

  async function press(user: FakeUser, chat: FakeChat, m: SentMessage, label: RegExp, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    await pressAnswer(user, m, label);
    return wait(chat, expect, from);
  }

  const cardFor = (code: string, fromSeq: number) =>
    withLogs(
      fake.waitFor((m) => m.seq >= fromSeq && m.chatId === stationGroup.id && m.method === 'sendMessage' && (m.text ?? '').includes(`新需求 ${code}`), {
        timeoutMs: T,
        description: `a card for ${code}`,
      }),
    );

  /**
   * A Telegram intake in words, answering whatever is asked until the summary; returns the code.
   * `answers` holds what the resident types for the address, the time and the phone.
   */
  async function intakeOnTelegram(user: FakeUser, a: { description: string; address: string; time: string; phone: string | null }): Promise<string> {
    const me = dm(user);
    const ASKS = /具体地址|什么时候|联系电话|服务对象|请确认|哪个社区或村|我理解您需要|请选择最接近的类别|不太确定/;
    let m = await say(user, me, a.description, ASKS);
    for (let i = 0; i < 10 && !/请确认/.test(m.text ?? ''); i++) {
      const text = m.text ?? '';
      if (/我理解您需要：为老助老/.test(text)) m = await press(user, me, m, /是的/, ASKS);
      else if (/我理解您需要|不太确定/.test(text)) m = await press(user, me, m, /换一个类别/, ASKS);
      else if (/请选择最接近的类别/.test(text)) m = await press(user, me, m, /^为老助老$/, ASKS);
      else if (/哪个社区或村/.test(text)) m = await press(user, me, m, /^幸福社区$/, ASKS);
      else if (/具体地址/.test(text)) m = await say(user, me, a.address, ASKS);
      else if (/什么时候/.test(text)) m = await say(user, me, a.time, ASKS);
      else if (/联系电话/.test(text)) m = a.phone ? await say(user, me, a.phone, ASKS) : await press(user, me, m, /跳过/, ASKS);
      else if (/服务对象/.test(text)) m = await press(user, me, m, /^老人/, ASKS);
    }
    const saved = await press(user, me, m, /确认提交/, /已提交，编号 N-\d{8}-\d{4}/);
    return CODE.exec(saved.text!)![0];
  }

  // --- the web chat over HTTP (a resident's own session, no persona) ------------------------

  interface WebMessage {
    seq: string;
    text: string;
    buttons: Array<Array<{ label: string; data: string }>>;
  }
  const web = { cookie: '', csrf: '', chatId: '', n: 0 };

  async function webStart(): Promise<void> {
    const r = await fetch(`${webBase}api/web/session`, { method: 'POST' });
    const body = (await r.json()) as { chatId: string; csrf: string };
    web.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    web.csrf = body.csrf;
    web.chatId = body.chatId;
    ownerOfChat.set(body.chatId, 'R2');
  }

  async function webMessages(): Promise<WebMessage[]> {
    const r = await fetch(`${webBase}api/web/messages?limit=200`, { headers: { cookie: web.cookie } });
    return (await r.json()) as WebMessage[];
  }

  /** Posts an event and waits for a new bot message (after the last one seen) matching `expect`. */
  async function webSay(event: { text: string } | { callbackData: string }, expect: RegExp): Promise<WebMessage> {
    const before = (await webMessages()).reduce((max, m) => Math.max(max, Number(m.seq)), 0);
    const r = await fetch(`${webBase}api/web/events`, {
      method: 'POST',
      headers: { cookie: web.cookie, 'x-csrf-token': web.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ clientMsgId: `leak-${++web.n}`, ...event }),
    });
    if (r.status !== 200) throw new Error(`web event refused: ${r.status} ${await r.text()}`);
    return withLogs(
      waitUntil(async () => (await webMessages()).find((m) => Number(m.seq) > before && expect.test(m.text)), `web message ${String(expect)}`, T, 100),
    );
  }

  const webButton = (m: WebMessage, label: RegExp): string => {
    const b = m.buttons.flat().find((x) => label.test(x.label));
    if (!b) throw new Error(`no button ${label} on web message: ${m.text}`);
    return b.data;
  };

  async function intakeOnWeb(a: { description: string; address: string; time: string; phone: string }): Promise<string> {
    const ASKS = /具体地址|什么时候|联系电话|服务对象|请确认|哪个社区或村|我理解您需要|请选择最接近的类别|不太确定/;
    let m = await webSay({ text: a.description }, ASKS);
    for (let i = 0; i < 10 && !/请确认/.test(m.text); i++) {
      if (/我理解您需要：为老助老/.test(m.text)) m = await webSay({ callbackData: webButton(m, /是的/) }, ASKS);
      else if (/我理解您需要|不太确定/.test(m.text)) m = await webSay({ callbackData: webButton(m, /换一个类别/) }, ASKS);
      else if (/请选择最接近的类别/.test(m.text)) m = await webSay({ callbackData: webButton(m, /^为老助老$/) }, ASKS);
      else if (/哪个社区或村/.test(m.text)) m = await webSay({ callbackData: webButton(m, /^幸福社区$/) }, ASKS);
      else if (/具体地址/.test(m.text)) m = await webSay({ text: a.address }, ASKS);
      else if (/什么时候/.test(m.text)) m = await webSay({ text: a.time }, ASKS);
      else if (/联系电话/.test(m.text)) m = await webSay({ text: a.phone }, ASKS);
      else if (/服务对象/.test(m.text)) m = await webSay({ callbackData: webButton(m, /^老人/) }, ASKS);
    }
    const saved = await webSay({ callbackData: webButton(m, /确认提交/) }, /已提交，编号 N-\d{8}-\d{4}/);
    return CODE.exec(saved.text)![0];
  }

  // --- WeChat: the bot in this process with wechaty-puppet-mock -----------------------------

  let inProcessBot: INestApplication | undefined;
  /** What this process wrote to stdout/stderr while the in-process bot ran. */
  const captured: string[] = [];
  let restoreStreams = (): void => undefined;
  /** Every message the bot said on WeChat: chat `c:<contact>` or `r:<room>`. */
  const wechatSaid: Array<{ chat: string; text: string }> = [];

  function teeStreams(): void {
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const tee =
      (write: typeof out): typeof out =>
      (chunk: string | Uint8Array, ...rest: unknown[]) => {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
      };
    process.stdout.write = tee(out);
    process.stderr.write = tee(err);
    restoreStreams = () => {
      process.stdout.write = out;
      process.stderr.write = err;
      restoreStreams = () => undefined;
    };
  }

  async function wechatPhase(p: Record<string, Planted>, owners: Map<string, string>): Promise<void> {
    const mocker = new mock.Mocker();
    const puppet = new PuppetMock({ mocker });
    teeStreams();
    inProcessBot = await startBot(loadConfig({ ...env, WECHAT_MIN_GAP_MS: '20', WECHAT_PER_MINUTE: '1000' }), { wechatPuppet: puppet });
    const self = mocker.createContact({ name: '百应' });
    mocker.login(self);
    const resident = mocker.createContact({ name: p['R4.name']!.value });
    const volunteer = mocker.createContact({ name: '王师傅' });
    owners.set(`c:${resident.id}`, 'R4');
    owners.set(`c:${volunteer.id}`, 'volW');
    const vol = await volunteerAs(h, { channel: 'wechat', externalId: volunteer.id, chatId: `c:${volunteer.id}`, name: '王师傅' }, ['S-XF-ELDER']);
    expect(vol.personId).toBeTruthy();
    const room = mocker.createRoom({ memberIdList: [self.id, volunteer.id], topic: '幸福社区为老服务队' });
    const coordinator = await h.desk.uow.run(async (w) => {
      const c = await h.prisma.channelIdentity.findUniqueOrThrow({
        where: { channel_externalId: { channel: 'telegram', externalId: String(users.coord.id) } },
      });
      return w.repos.people.actor(c.personId);
    });
    await bindGroup(h, coordinator, 'S-XF-ELDER', { channel: 'wechat', chatId: `r:${room.id}`, title: '幸福社区为老服务队' });
    type Said = { text(): string; talker(): { id: string }; room(): { id: string } | undefined };
    const heard = (chat: string, inRoom: boolean) => (m: Said) => {
      if (m.talker().id !== self.id || (!inRoom && m.room())) return;
      wechatSaid.push({ chat, text: m.text() });
    };
    (room as unknown as EventEmitter).on('message', heard(`r:${room.id}`, true));
    (resident as unknown as EventEmitter).on('message', heard(`c:${resident.id}`, false));
    (volunteer as unknown as EventEmitter).on('message', heard(`c:${volunteer.id}`, false));
    const next = (chat: string, re: RegExp, from: number) =>
      withLogs(waitUntil(async () => wechatSaid.slice(from).find((x) => x.chat === chat && re.test(x.text)), `WeChat ${chat} ${String(re)}`, T, 20));
    // A numbered reply answers a menu once its delivery is recorded (a person never answers faster).
    const delivered = (chat: string) =>
      waitUntil(
        async () => (await h.prisma.sentMessage.count({ where: { channel: 'wechat', chatId: chat, status: { in: ['pending', 'sending'] } } })) === 0,
        `messages to ${chat} recorded as delivered`,
      );
    const choice = (text: string, label: RegExp): string => {
      const line = text.split('\n').find((l) => /回复 \d+：/.test(l) && label.test(l.replace(/^.*回复 \d+：/, '')));
      if (!line) throw new Error(`no choice ${label} in: ${text}`);
      return /回复 (\d+)：/.exec(line)![1]!;
    };
    const me = `c:${resident.id}`;
    const say = async (text: string, expect: RegExp) => {
      const from = wechatSaid.length;
      await delivered(me);
      resident.say(text).to(self);
      return next(me, expect, from);
    };
    const ASKS = /具体地址|什么时候|联系电话|服务对象|请确认|哪个社区或村|对吗|请选择最接近的类别|不太确定/;
    let m = await say(`${p['R4.description']!.value}，电话${p['R4.phone']!.value}`, ASKS);
    for (let i = 0; i < 10 && !/请确认/.test(m.text); i++) {
      if (/我理解您需要：为老助老/.test(m.text)) m = await say(choice(m.text, /是的/), ASKS);
      else if (/对吗|不太确定/.test(m.text)) m = await say(choice(m.text, /换一个类别/), ASKS);
      else if (/请选择最接近的类别/.test(m.text)) m = await say(choice(m.text, /^为老助老$/), ASKS);
      else if (/哪个社区或村/.test(m.text)) m = await say(choice(m.text, /^幸福社区$/), ASKS);
      else if (/具体地址/.test(m.text)) m = await say(p['R4.address']!.value, ASKS);
      else if (/什么时候/.test(m.text)) m = await say('周六上午', ASKS);
      else if (/联系电话/.test(m.text)) m = await say(p['R4.phone']!.value, ASKS);
      else if (/服务对象/.test(m.text)) m = await say(choice(m.text, /^老人/), ASKS);
    }
    const saved = await say(choice(m.text, /确认提交/), /已提交，编号 N-\d{8}-\d{4}/);
    const code = CODE.exec(saved.text)![0];
    for (const k of ['R4.description', 'R4.address', 'R4.phone', 'R4.comment']) p[k]!.needCode = code;
    const roomChat = `r:${room.id}`;
    await next(roomChat, new RegExp(`新需求 ${code}`), 0);
    let from = wechatSaid.length;
    volunteer.say(`接单 ${code}`).to(room);
    await next(roomChat, /接下了/, from);
    await next(`c:${volunteer.id}`, new RegExp(`您已接单 ${code}`), from);
    from = wechatSaid.length;
    volunteer.say(`完成 ${code} 2小时`).to(room);
    await next(roomChat, /已记录 2 小时/, from);
    const ask = await next(me, /是否已完成/, from);
    const rate = await say(choice(ask.text, /是，已完成/), /请为这次服务打分[\s\S]*⭐⭐⭐⭐⭐/);
    await say(choice(rate.text, /^⭐{5}(\s|$)/), /还想说点什么/);
    await say(p['R4.comment']!.value, /感谢您的评价/);
  }

  beforeAll(async () => {
    await fake.start();
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WEB_CHAT_ENABLED: 'true',
      OUTBOX_POLL_MS: '200',
      RECONCILE_INTERVAL_SECONDS: '5',
      CALL_TALLY_REFRESH_MS: '500',
      // The most verbose level the apps have: the scan sees the worst case.
      LOG_LEVEL: 'verbose',
    });
    // Every Redis command from here on, on a connection of its own (ioredis opens a second for MONITOR).
    monitor = new RedisMonitor(env.REDIS_URL!, env.REDIS_PREFIX!);
    await monitor.start((n, text) => scanner.scan('redis-command', `command #${n}`, text));
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /long polling/);
    await waitUntil(async () => /Web chat: (http:\/\/\S+\/)/.exec(bot!.output())?.[1], 'the web chat URL in the bot output').then((u) => {
      webBase = u.replace('localhost', '127.0.0.1');
    });
    const warm: FakeUser = { id: base + 9, first_name: 'warm-up' };
    fake.sendText(warm, dm(warm), '/help');
    await wait(dm(warm), /居民：直接描述需求即可/, 0, 60_000);
  }, 120_000);

  afterAll(async () => {
    await inProcessBot?.close();
    restoreStreams();
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await monitor?.stop();
    await h?.close();
    if (env) await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  }, 30_000);

  it('finds none of the planted personal data outside encrypted columns, the owner’s chat and the taker’s details', async () => {
    // --- the desk: a coordinator of 东湖镇, the groups bound, volunteer B ---------------------
    const coordinator = await coordinatorAs(h, { channel: 'telegram', externalId: String(users.coord.id), name: '赵主任' }, 'I-DH');
    await bindGroup(h, coordinator, 'S-XF-ELDER', { channel: 'telegram', chatId: String(stationGroup.id), title: stationGroup.title });
    await bindGroup(h, coordinator, 'I-DH-ELDER', { channel: 'telegram', chatId: String(instituteGroup.id), title: instituteGroup.title });
    const volB: ActorRow = await volunteerAs(h, { channel: 'telegram', externalId: String(users.volB.id), name: '张护士' }, ['S-XF-ELDER']);
    expect(volB.personId).toBeTruthy();

    // --- volunteer A registers in chat with a phone; the coordinator approves -------------------
    const { volA, coord, R1, R3 } = users;
    await say(volA, dm(volA), '/register', /姓名/);
    await say(volA, dm(volA), '李师傅', /手机号/);
    const vaPhone = P['VA.phone']!.value;
    const stations = await say(volA, dm(volA), `${vaPhone.slice(0, 3)} ${vaPhone.slice(3, 7)} ${vaPhone.slice(7)}`, /实践站/);
    const teams = await press(volA, dm(volA), stations, /幸福社区/, /选择要加入的队伍/);
    const toggled = await press(volA, dm(volA), teams, /幸福社区为老服务队/, /选择要加入的队伍/);
    await press(volA, dm(volA), toggled, /选好了/, /特长/);
    let from = fake.messages.length;
    await say(volA, dm(volA), '理发', /等待管理员审核/);
    const request = await wait(dm(coord), /新志愿者申请：李师傅/, from);
    expect(request.text).toContain(`${vaPhone.slice(0, 3)}****${vaPhone.slice(7)}`);
    await pressAnswer(coord, request, /批准/);
    await wait(dm(volA), /注册已通过/, from);

    // --- resident 1 on Telegram: health details, address, free-text time, phone ---------------
    const code1 = await intakeOnTelegram(R1, {
      description: P['R1.description']!.value,
      address: P['R1.address']!.value,
      time: P['R1.time']!.value,
      phone: P['R1.phone']!.value.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1-$2-$3'),
    });
    for (const k of ['R1.description', 'R1.address', 'R1.time', 'R1.phone', 'R1.comment', 'VA.reason']) P[k]!.needCode = code1;
    const need1 = await h.prisma.need.findUniqueOrThrow({ where: { code: code1 } });
    expect(h.cipher.decrypt(need1.addressEnc!)).toBe(P['R1.address']!.value);
    // Taken in the group by A, who gets the details privately and releases it with a reason.
    const card = await cardFor(code1, 0);
    expect(await pressAnswer(volA, card, /我来接单/)).toContain('接单成功');
    const detailsA = await wait(dm(volA), new RegExp(`您已接单 ${code1}`), 0);
    expect(detailsA.text).toContain(P['R1.address']!.value);
    from = fake.messages.length;
    await press(volA, dm(volA), detailsA, /放弃/, /放弃 .* 的原因/);
    await say(volA, dm(volA), P['VA.reason']!.value, /已放弃/);
    // B takes the re-posted card, sets off, finishes; the resident confirms and rates with a comment.
    const repost = await cardFor(code1, from);
    expect(await pressAnswer(users.volB, repost, /我来接单/)).toContain('接单成功');
    const detailsB = await wait(dm(users.volB), new RegExp(`您已接单 ${code1}`), from);
    from = fake.messages.length;
    expect(await pressAnswer(users.volB, detailsB, /出发了/)).toContain('已告诉居民您出发了');
    const hours = await press(users.volB, dm(users.volB), detailsB, /已完成/, /多少小时/);
    await press(users.volB, dm(users.volB), hours, /^2 小时/, /已记录 2 小时/);
    const confirm = await wait(dm(R1), /是否已完成/, from);
    const rate = await press(R1, dm(R1), confirm, /是，已完成/, /请为这次服务打分/);
    await press(R1, dm(R1), rate, /^⭐{5}(\s|$)/, /还想说点什么/);
    await say(R1, dm(R1), P['R1.comment']!.value, /感谢您的评价/);

    // --- resident 2 on the web chat (HTTP, their own session) ----------------------------------
    await webStart();
    const code2 = await intakeOnWeb({
      description: P['R2.description']!.value,
      address: P['R2.address']!.value,
      time: '后天下午',
      phone: P['R2.phone']!.value,
    });
    for (const k of ['R2.description', 'R2.address', 'R2.phone', 'R2.comment']) P[k]!.needCode = code2;
    from = fake.messages.length;
    const card2 = await cardFor(code2, 0);
    expect(await pressAnswer(volA, card2, /我来接单/)).toContain('接单成功');
    const detailsA2 = await wait(dm(volA), new RegExp(`您已接单 ${code2}`), from);
    const hours2 = await press(volA, dm(volA), detailsA2, /已完成/, /多少小时/);
    await press(volA, dm(volA), hours2, /^2 小时/, /已记录 2 小时/);
    const confirm2 = await withLogs(
      waitUntil(async () => (await webMessages()).find((m) => m.text.includes(code2) && /是否已完成/.test(m.text)), 'the web confirmation question', T, 100),
    );
    const rate2 = await webSay({ callbackData: webButton(confirm2, /是，已完成/) }, /请为这次服务打分/);
    await webSay({ callbackData: webButton(rate2, /^⭐{4}(\s|$)/) }, /还想说点什么/);
    await webSay({ text: P['R2.comment']!.value }, /感谢您的评价/);

    // --- a call (一呼百应) answered by the volunteer who registered a phone ---------------------
    const call = await createCall(h.desk, coordinator, callDraft(new Date(), { headcount: 2 }));
    const callMsg = await wait(dm(volA), new RegExp(`📣 志愿召集 ${call.code}`), 0, 30_000);
    // The press is recorded at once (✓) and the worker's consumer applies it and replies (decision 0037).
    await press(volA, dm(volA), callMsg, /^参加/, /报名成功/);
    const tally = await withLogs(
      fake.waitFor((m) => m.chatId === coord.id && (m.text ?? '').includes(`📋 召集 ${call.code}`) && /✅ 参加 1\//.test(m.text ?? ''), {
        timeoutMs: T,
        description: 'the tally with one yes',
      }),
    );
    // The coordinator's roll-call shows the phone masked (maskPhone): that form is not a leak.
    expect(tally.text).toContain(`${vaPhone.slice(0, 3)}****${vaPhone.slice(7)}`);

    // --- resident 3: a need with the phone in the description, cancelled, then erased ----------
    const code3 = await intakeOnTelegram(R3, { description: P['R3.description']!.value, address: P['R3.address']!.value, time: '下周一', phone: null });
    await say(R3, dm(R3), `取消 ${code3}`, /已取消/);
    const offer = await say(R3, dm(R3), '删除我的数据', /确定要删除您的个人数据吗/);
    await press(R3, dm(R3), offer, /确认删除/, /您的个人数据已删除/);

    // --- WeChat (wechaty-puppet-mock): the bot runs in this process with the mock puppet ---------
    // (a puppet cannot cross processes); its output is captured from this process's streams.
    await withLogs(outboundSettled(h, '', 30_000));
    await bot!.stop();
    await wechatPhase(P, ownerOfChat);

    // --- everything is out: then the apps stop, so their output and Redis are final -------------
    await withLogs(outboundSettled(h, '', 30_000));
    await inProcessBot?.close();
    inProcessBot = undefined;
    restoreStreams();
    await worker!.stop();
    await monitor!.stop();
    const dump = await dumpPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);

    // --- the scan -------------------------------------------------------------------------------
    const coverage: Record<string, number> = {};
    // 1. The apps' whole output.
    for (const [name, output] of [
      ['bot', bot!.output()],
      ['worker', worker!.output()],
      ['in-process bot (WeChat)', captured.join('')],
    ] as const) {
      const lines = output.split('\n');
      coverage[`${name} log lines`] = lines.length;
      lines.forEach((line, i) => scanner.scan('log', `${name} line ${i + 1}`, line));
    }
    // 2. Redis: every key under the prefix, and its value (BullMQ's job hashes: data, returnvalue, failedReason …).
    coverage['redis keys'] = dump.length;
    coverage['bullmq jobs'] = dump.filter((k: DumpedKey) => k.type === 'hash' && /\ndata\n|^data\n/.test(k.value)).length;
    expect(dump.filter((k) => k.value.startsWith('(unread type'))).toEqual([]);
    for (const k of dump) {
      scanner.scan('redis-key', k.key, k.key);
      scanner.scan('redis-value', `${k.key} (${k.type})`, k.value);
    }
    // Private chats (a person's own: channel identities, plus the erased resident's) and coordinators' chats.
    const identities = await h.prisma.channelIdentity.findMany({ include: { person: { include: { roles: true } } } });
    const privateChats = new Set([...identities.map((i) => `${i.channel}/${i.chatId}`), `telegram/${R3.id}`]);
    const coordinatorChats = new Set(identities.filter((i) => i.person.roles.some((r) => r.role === 'coordinator')).map((i) => i.chatId));
    /** need code → the private chats of everyone who took it (released or not). */
    const takers = new Map<string, Set<string>>();
    /** need code → the private chats of whoever completed it (they read the resident's rating comment). */
    const completers = new Map<string, Set<string>>();
    for (const c of await h.prisma.claim.findMany({ include: { need: true, volunteer: { include: { identities: true } } } })) {
      const set = takers.get(c.need.code) ?? new Set<string>();
      for (const i of c.volunteer.identities) set.add(i.chatId);
      takers.set(c.need.code, set);
      if (c.status === 'completed')
        completers.set(c.need.code, new Set([...(completers.get(c.need.code) ?? []), ...c.volunteer.identities.map((i) => i.chatId)]));
    }
    /**
     * What may appear in a message to `chat` (null: not a private chat): its owner's own data; in
     * the message telling a taker the details of a need, that need's details; in a coordinator's
     * release alert, the taker's reason (decision 0017: coordinators see release reasons).
     */
    const allowInChat =
      (chat: string | null, text: string, detailsOf?: string): Allow =>
      (p) => {
        if (chat === null) return null;
        if (ownerOfChat.get(chat) === p.owner) return 'the owner’s own chat';
        if (detailsOf && takers.get(detailsOf)?.has(chat) && p.needCode === detailsOf && p.kind !== 'name') return `the taker’s details of ${detailsOf}`;
        if (p.kind === 'comment' && p.needCode && completers.get(p.needCode)?.has(chat) && text.includes(`居民对 ${p.needCode} 的评价`)) {
          return `the rating comment to the volunteer who did ${p.needCode}`;
        }
        if (p.kind === 'reason' && coordinatorChats.has(chat) && p.needCode && text.includes(`放弃了 ${p.needCode}`)) {
          return `a coordinator’s release alert of ${p.needCode} (decision 0017)`;
        }
        return null;
      };
    // 3. Messages the fake Bot API delivered: in a group nothing may appear; in a private chat, its
    // owner's data, and the details of a need in the message that tells its taker.
    const detailsIn = new Map<string, string>();
    for (const m of fake.messages) {
      const d = DETAILS.exec(m.text ?? '');
      if (d && m.chatId > 0 && m.method === 'sendMessage') detailsIn.set(`${m.chatId}/${m.messageId}`, d[1]!);
    }
    for (const m of fake.messages) {
      const text = `${m.text ?? ''}\n${m.replyMarkup ? JSON.stringify(m.replyMarkup) : ''}`;
      const allow = allowInChat(m.chatId > 0 ? String(m.chatId) : null, text, detailsIn.get(`${m.chatId}/${m.editOf ?? m.messageId}`));
      scanner.scan('telegram-message', `${m.method} to ${m.chatId} #${m.messageId}`, text, allow);
    }
    // Every message the mock puppet delivered (rooms: nothing allowed).
    for (const [i, w] of wechatSaid.entries()) {
      scanner.scan('wechat-message', `to ${w.chat} #${i + 1}`, w.text, allowInChat(w.chat.startsWith('c:') ? w.chat : null, w.text, DETAILS.exec(w.text)?.[1]));
    }
    coverage['wechat messages'] = wechatSaid.length;
    for (const a of fake.callbackAnswers) scanner.scan('telegram-message', `answerCallbackQuery ${a.callbackQueryId}`, a.text ?? '');
    // 4. The web chat's mailbox and the outbox, decrypted (they hold every message of every channel).
    for (const r of await h.prisma.webMessage.findMany()) {
      const text = `${h.cipher.decryptOptional(r.textEnc) ?? ''}\n${r.text ?? ''}\n${JSON.stringify(r.buttons)}`;
      scanner.scan('web-message', `web chat ${r.chatId} #${r.seq}`, text, allowInChat(privateChats.has(`web/${r.chatId}`) ? r.chatId : null, text));
    }
    for (const r of await h.prisma.sentMessage.findMany()) {
      const body = h.cipher.decrypt(r.bodyEnc);
      const chat = privateChats.has(`${r.channel}/${r.chatId}`) ? r.chatId : null;
      scanner.scan('sent-message', `${r.channel} ${r.chatId} ${r.purposeKey}`, body, allowInChat(chat, body, DETAILS.exec(body)?.[1]));
    }
    // 5. Every clear text-like cell of every table, with no exception: names are encrypted too
    // (person.displayNameEnc, decision 0027), so not even a person's own row holds one in clear.
    const columns: ColumnReport[] = await scanDatabase(h.prisma, h.cipher, (cell) =>
      scanner.scan('database', `${cell.table}.${cell.column} row ${cell.row}`, cell.value),
    );
    const tables = new Set(columns.map((c) => c.table));
    coverage['database tables'] = tables.size;
    coverage['database columns'] = columns.length;
    coverage['database rows'] = [...tables].reduce((n, t) => n + (columns.find((c) => c.table === t)?.rows ?? 0), 0);
    coverage['database clear cells'] = scanner.scanned.get('database') ?? 0;
    coverage['database ciphertext cells'] = columns.reduce((n, c) => n + c.ciphertext, 0);
    coverage['redis commands (all clients)'] = monitor!.stats.commands;
    coverage['redis commands (this run)'] = monitor!.stats.ownCommands;
    coverage['telegram messages'] = fake.messages.length;
    coverage['seconds'] = Math.round((Date.now() - started) / 1000);
    const encrypted = columns.filter((c) => c.nonNull > 0 && c.ciphertext === c.nonNull).map((c) => `${c.table}.${c.column}`);

    // The erased resident is gone from the database, including the display name.
    expect(scanner.hits.filter((x) => x.source === 'database' && x.label.startsWith('R3.'))).toEqual([]);
    // The scan saw what it should have: the allowed places did carry the data (no blind spot).
    const allowed = scanner.hits.filter((x) => x.allowedAs !== null);
    for (const label of ['R1.address', 'R1.phone', 'R1.description', 'R2.address', 'R2.phone']) {
      expect(allowed.some((x) => x.label === label && x.allowedAs?.startsWith('the taker'))).toBe(true);
    }
    // Each resident's rating comment reached the volunteer who did the job (and only them).
    for (const label of ['R1.comment', 'R2.comment', 'R4.comment']) {
      expect(allowed.some((x) => x.label === label && x.allowedAs?.startsWith('the rating comment'))).toBe(true);
    }
    expect(encrypted).toEqual(
      expect.arrayContaining(['need.addressEnc', 'need.phoneEnc', 'need.descriptionEnc', 'rating.commentEnc', 'claim.releaseReasonEnc']),
    );
    console.log(
      `PII leak scan: ${JSON.stringify(coverage)}\nencrypted columns: ${encrypted.join(', ')}\nallowed hits: ${allowed.length}\n${LeakScanner.describe(scanner.leaks())}`,
    );
    expect(LeakScanner.describe(scanner.leaks())).toBe('');
  }, 300_000);
});
