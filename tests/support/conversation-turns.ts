// "Turns and characters": what the standard conversations cost the people in them, measured on
// the running compiled apps through the fake Telegram Bot API. Used by the e2e suite
// (tests/e2e/conversation) and by `npm run bench` (its "conversation" section).
//
// A turn is one message a person sends or one button they press. The bot's characters are what
// that person is given to read: the text and button labels of every message sent in their chat,
// what each edit changed or added (decision 0039: the code points of the new version outside its
// longest common subsequence with the version before — a removal, of text or of buttons, costs
// nothing), plus the toasts answering their presses, counted in Unicode code points. The resident and the coordinator answer whatever the
// bot asks (an adaptive script: a question that is not asked costs nothing); taking and finishing
// a job and confirming it are button sequences.
import type { FieldCipher } from '@baiying/crypto';
import { nameColumns } from '@baiying/db';
import type { PrismaClient } from '@baiying/db';
import type { FakeBotApi, FakeChat, FakeUser, SentMessage } from './fake-telegram/fake-bot-api.js';

export interface ConversationFigures {
  /** Resident: first words → "已提交，编号 …". */
  need_turns: number;
  need_bot_chars: number;
  need_bot_messages: number;
  /** Volunteer: the job card → take → on my way → done with hours. */
  job_turns: number;
  job_bot_chars: number;
  job_bot_messages: number;
  /** Resident: after submitting → told who took it → confirm → rate (5 stars and a comment). */
  confirm_turns: number;
  confirm_bot_chars: number;
  confirm_bot_messages: number;
  /** Coordinator: `/call` → the call created and going out. */
  call_turns: number;
  call_bot_chars: number;
  call_bot_messages: number;
}

export const CONVERSATION_DEFINITION =
  'turns = messages a person sends + buttons they press; bot chars = code points of the text and button labels of every ' +
  "message sent in that person's chat (the job card in the group counts for the volunteer), of what each edit changed or " +
  'added (outside the longest common subsequence with the version before; removals cost 0), plus the toasts answering ' +
  'their presses; scenarios on Telegram (fake Bot API), zh-CN, adaptive answers to whatever the bot asks.';

type Action = { say: string } | { press: RegExp };

interface Step {
  when: RegExp;
  act: Action;
}

/** The people of one measurement: fresh Telegram ids from `base` on. */
export interface ConversationCast {
  resident: FakeUser;
  volunteer: FakeUser;
  coordinator: FakeUser;
  group: FakeChat;
}

export function conversationCast(base: number): ConversationCast {
  return {
    resident: { id: base + 1, first_name: '王阿姨', language_code: 'zh-hans' },
    volunteer: { id: base + 2, first_name: '李师傅', language_code: 'zh-hans' },
    coordinator: { id: base + 3, first_name: '赵主任', language_code: 'zh-hans' },
    group: { id: -(base + 4), type: 'supergroup', title: '幸福社区为老服务队群' },
  };
}

const dm = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private' });

const NEED = { description: '我家老人腿脚不便，想找人上门理发', address: '幸福小区3号楼2单元501', phone: '13812345678' };

/** The resident answers whatever intake asks (first match wins; the summary before its parts). */
const INTAKE: Step[] = [
  { when: /请确认/, act: { press: /确认提交/ } },
  { when: /我理解您需要/, act: { press: /是的/ } },
  { when: /哪个社区或村/, act: { press: /^幸福社区/ } },
  { when: /具体地址/, act: { say: NEED.address } },
  { when: /什么时候/, act: { say: '明天上午' } },
  { when: /联系电话/, act: { say: NEED.phone } },
  { when: /服务对象/, act: { press: /^老人/ } },
];

/** The coordinator answers whatever `/call` asks. */
const CALL: Step[] = [
  { when: /预览/, act: { press: /^发送/ } },
  { when: /请输入标题/, act: { say: '防汛搬沙袋' } },
  { when: /需要大家做什么/, act: { press: /^跳过/ } },
  { when: /在哪里集合/, act: { say: '东湖镇文化广场' } },
  { when: /什么时间/, act: { say: '明天上午9点到12点' } },
  { when: /需要多少人/, act: { say: '5' } },
  { when: /需要什么技能/, act: { press: /^跳过/ } },
  { when: /报名截止时间/, act: { press: /^到开始时截止/ } },
  { when: /发给谁/, act: { press: /^我管辖范围内的全部志愿者/ } },
];

function buttonsOf(m: SentMessage): Array<{ text: string; data: string | undefined }> {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  return kb.flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data : undefined }));
}

const chars = (s: string | undefined): number => (s ? [...s].length : 0);

/** What a reader sees of one message version: its text, then its button labels, one per line. */
const shown = (m: SentMessage): string[] => [...[m.text ?? '', ...buttonsOf(m).map((b) => b.text)].join('\n')];

/** Code points of `after` outside its longest common subsequence with `before`: what an edit changed or added. */
function changedChars(before: readonly string[], after: readonly string[]): number {
  let row = new Array<number>(after.length + 1).fill(0);
  for (const b of before) {
    const next = new Array<number>(after.length + 1).fill(0);
    for (let j = 1; j <= after.length; j++) next[j] = b === after[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return after.length - row[after.length]!;
}

/**
 * Reading cost of one recorded send or edit: a new message in full (text and labels; the line
 * breaks between labels are not counted), an edit by what it changed or added against the
 * version before it in `versions` (keyed by message id, updated here).
 */
function readingOf(m: SentMessage, versions: Map<number, string[]>): number {
  const now = shown(m);
  const before = m.editOf === undefined ? undefined : versions.get(m.editOf);
  versions.set(m.messageId, now);
  if (before) return changedChars(before, now);
  return chars(m.text) + buttonsOf(m).reduce((n, b) => n + chars(b.text), 0);
}

/** One person's side of a scenario: their turns, the toasts they got, where their chat began. */
class Side {
  turns = 0;
  toastChars = 0;

  constructor(
    readonly fake: FakeBotApi,
    readonly user: FakeUser,
    private readonly timeoutMs: number,
  ) {}

  say(text: string, chat: FakeChat = dm(this.user)): void {
    this.turns++;
    this.fake.sendText(this.user, chat, text);
  }

  async press(m: SentMessage, label: RegExp): Promise<string> {
    const b = buttonsOf(m).find((x) => label.test(x.text) && x.data);
    if (!b?.data)
      throw new Error(
        `no button ${label} on: ${m.text ?? ''} [${buttonsOf(m)
          .map((x) => x.text)
          .join(' | ')}]`,
      );
    this.turns++;
    const id = this.fake.pressButton(this.user, m, b.data);
    const answer = await this.fake.waitForCallbackAnswer(id, { timeoutMs: this.timeoutMs });
    this.toastChars += chars(answer.text);
    return answer.text ?? '';
  }

  /** The first new message (not an edit) in `chat` from `fromSeq` on matching `text`. */
  next(chat: FakeChat, text: RegExp, fromSeq: number): Promise<SentMessage> {
    return this.fake.waitFor((m) => m.seq >= fromSeq && m.chatId === chat.id && m.method === 'sendMessage' && text.test(m.text ?? ''), {
      timeoutMs: this.timeoutMs,
      description: `${this.user.first_name}: ${String(text)}`,
    });
  }
}

/** Answers the bot's questions by `steps` until a message matches `done`; returns that message. */
async function converse(side: Side, steps: readonly Step[], opening: string, done: RegExp, maxTurns = 20): Promise<SentMessage> {
  const chat = dm(side.user);
  const any = new RegExp([done, ...steps.map((s) => s.when)].map((r) => r.source).join('|'));
  let cursor = side.fake.messages.length;
  side.say(opening);
  for (;;) {
    const m = await side.next(chat, any, cursor);
    cursor = m.seq + 1;
    const text = m.text ?? '';
    if (done.test(text)) return m;
    if (side.turns >= maxTurns) throw new Error(`${side.user.first_name}: no end after ${maxTurns} turns; last: ${text}`);
    const step = steps.find((s) => s.when.test(text))!;
    if ('say' in step.act) side.say(step.act.say);
    else await side.press(m, step.act.press);
  }
}

/** Reading cost of the messages in `chatId` with seq in [from, to], and how many there were (edits read against every earlier version). */
function reading(fake: FakeBotApi, chatId: number, from: number, to: number): { chars: number; messages: number } {
  let total = 0;
  let messages = 0;
  const versions = new Map<number, string[]>();
  for (const m of fake.chatMessages(chatId)) {
    if (m.seq > to) break;
    const cost = readingOf(m, versions);
    if (m.seq < from) continue;
    total += cost;
    if (m.method === 'sendMessage') messages++;
  }
  return { chars: total, messages };
}

/**
 * Gives the cast their places (a volunteer of 幸福社区为老服务队 whose group is `cast.group`, a
 * coordinator of 东湖镇) and walks the four scenarios on the running apps.
 */
export async function measureConversation(
  fake: FakeBotApi,
  prisma: PrismaClient,
  cipher: FieldCipher,
  cast: ConversationCast,
  timeoutMs = 30_000,
): Promise<ConversationFigures> {
  const team = await prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
  const institute = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
  const identity = (u: FakeUser) => ({ create: { channel: 'telegram' as const, externalId: String(u.id), chatId: String(u.id) } });
  await prisma.person.create({
    data: {
      ...nameColumns(cipher, cast.volunteer.first_name),
      identities: identity(cast.volunteer),
      volunteer: {
        create: { stationId: team.orgUnitId, status: 'approved', approvedAt: new Date(), memberships: { create: { teamId: team.id, status: 'approved' } } },
      },
    },
  });
  await prisma.person.create({
    data: {
      ...nameColumns(cipher, cast.coordinator.first_name),
      identities: identity(cast.coordinator),
      roles: { create: { role: 'coordinator', orgUnitId: institute.id } },
    },
  });
  await prisma.teamChat.create({ data: { teamId: team.id, channel: 'telegram', chatId: String(cast.group.id), title: cast.group.title ?? null } });

  // 1. The resident files a need, in their own words, without a command.
  const resident = new Side(fake, cast.resident, timeoutMs);
  const needFrom = fake.messages.length;
  const saved = await converse(resident, INTAKE, NEED.description, /已提交，编号 N-\d{8}-\d{4}/);
  const code = /N-\d{8}-\d{4}/.exec(saved.text ?? '')![0];
  const needReading = reading(fake, cast.resident.id, needFrom, saved.seq);
  const need = { turns: resident.turns, chars: needReading.chars + resident.toastChars, messages: needReading.messages };

  // 2. The volunteer takes the card in the group, sets out, and reports it done with hours.
  const volunteer = new Side(fake, cast.volunteer, timeoutMs);
  const card = await fake.waitFor((m) => m.chatId === cast.group.id && m.method === 'sendMessage' && (m.text ?? '').includes(code), {
    fromSeq: needFrom,
    timeoutMs,
    description: `the job card for ${code}`,
  });
  const jobFrom = fake.messages.length;
  await volunteer.press(card, /我来接单/);
  const details = await volunteer.next(dm(cast.volunteer), new RegExp(`您已接单 ${code}`), jobFrom);
  await volunteer.press(details, /出发了/);
  const hours = await (async () => {
    const from = fake.messages.length;
    await volunteer.press(details, /已完成/);
    return volunteer.next(dm(cast.volunteer), /多少小时/, from);
  })();
  const recordedFrom = fake.messages.length;
  await volunteer.press(hours, /^2 ?小时/);
  const recorded = await volunteer.next(dm(cast.volunteer), /已记录 2 小时/, recordedFrom);
  const jobReading = reading(fake, cast.volunteer.id, jobFrom, recorded.seq);
  const job = { turns: volunteer.turns, chars: readingOf(card, new Map()) + jobReading.chars + volunteer.toastChars, messages: jobReading.messages + 1 };

  // 3. The resident hears who is coming, confirms it was done, and rates it.
  const rater = new Side(fake, cast.resident, timeoutMs);
  const confirmFrom = saved.seq + 1;
  const ask = await rater.next(dm(cast.resident), /是否已完成/, confirmFrom);
  let from = fake.messages.length;
  await rater.press(ask, /是，已完成/);
  const rate = await rater.next(dm(cast.resident), /请为这次服务打分/, from);
  from = fake.messages.length;
  await rater.press(rate, /^⭐⭐⭐⭐⭐/);
  await rater.next(dm(cast.resident), /还想说点什么/, from);
  from = fake.messages.length;
  rater.say('师傅手艺很好，谢谢！');
  const thanked = await rater.next(dm(cast.resident), /感谢您的评价/, from);
  const confirmReading = reading(fake, cast.resident.id, confirmFrom, thanked.seq);
  const confirm = { turns: rater.turns, chars: confirmReading.chars + rater.toastChars, messages: confirmReading.messages };

  // 4. The coordinator calls volunteers out.
  const coordinator = new Side(fake, cast.coordinator, timeoutMs);
  const callFrom = fake.messages.length;
  const created = await converse(coordinator, CALL, '/call', /召集 M-\d{8}-\d{3} 已创建/);
  // The live tally is part of what the coordinator is given; it may come just before or after.
  const tally = await coordinator.next(dm(cast.coordinator), /📋 召集 M-\d{8}-\d{3}/, callFrom);
  const callReading = reading(fake, cast.coordinator.id, callFrom, Math.max(created.seq, tally.seq));
  const call = { turns: coordinator.turns, chars: callReading.chars + coordinator.toastChars, messages: callReading.messages };

  return {
    need_turns: need.turns,
    need_bot_chars: need.chars,
    need_bot_messages: need.messages,
    job_turns: job.turns,
    job_bot_chars: job.chars,
    job_bot_messages: job.messages,
    confirm_turns: confirm.turns,
    confirm_bot_chars: confirm.chars,
    confirm_bot_messages: confirm.messages,
    call_turns: call.turns,
    call_bot_chars: call.chars,
    call_bot_messages: call.messages,
  };
}
