// Single-choice pickers on Telegram (decision 0039): the compiled bot and worker against the fake
// Bot API. Once answered, a picker is edited to the choice made and loses its keyboard; a double
// tap (the second press arriving before the edit did) is answered as expired and changes nothing;
// the summary pressed twice submits one need.
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { startTelegramDesk, type TelegramDesk } from '../../support/telegram-desk.js';
import type { DeskHarness } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_pickers';
const T = 20_000;

const keyboard = (m: SentMessage) => (m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat() : []);
function button(m: SentMessage, label: RegExp): string {
  const b = keyboard(m).find((x) => label.test(x.text) && 'callback_data' in x);
  if (!b || !('callback_data' in b) || !b.callback_data) throw new Error(`no button ${label} on: ${m.text}`);
  return b.callback_data;
}

describe('Telegram pickers that remember', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_pickers_bot', first_name: '百应' } });
  let desk: TelegramDesk | undefined;
  const h = (): DeskHarness => desk!.h;

  const withLogs = <R>(p: Promise<R>): Promise<R> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}\n${desk?.logs() ?? ''}`);
    });
  /** The first new message (not an edit) in `chat` from `from` on matching `text`. */
  const next = (chat: FakeChat, text: RegExp, from: number) =>
    withLogs(
      fake.waitFor((m) => m.seq >= from && m.chatId === chat.id && m.method === 'sendMessage' && text.test(m.text ?? ''), {
        timeoutMs: T,
        description: String(text),
      }),
    );
  /** The edit of message `m` (its newest version once `done` holds). */
  const editOf = (m: SentMessage, done: (e: SentMessage) => boolean = () => true) =>
    withLogs(fake.waitFor((e) => e.editOf === m.messageId && e.chatId === m.chatId && done(e), { timeoutMs: T, description: `an edit of ${m.text}` }));
  const answerTo = (id: string) => withLogs(fake.waitForCallbackAnswer(id, { timeoutMs: T }));

  beforeAll(async () => {
    desk = await startTelegramDesk(fake, TOKEN);
  }, 120_000);

  afterAll(() => desk?.stop());

  it('edits each answered picker to the choice made, refuses a double tap, and submits once', async () => {
    const resident: FakeUser = { id: 810_001, first_name: '王阿姨', language_code: 'zh-hans' };
    const me: FakeChat = { id: resident.id, type: 'private' };
    let from = fake.messages.length;
    fake.sendText(resident, me, '我家老人腿脚不便，想找人上门理发');
    const proposal = await next(me, /我理解您需要：为老助老/, from);
    // A double tap: both presses leave before the edit arrives; the second is expired.
    from = fake.messages.length;
    const first = fake.pressButton(resident, proposal, button(proposal, /是的/));
    const second = fake.pressButton(resident, proposal, button(proposal, /是的/));
    expect(await answerTo(first)).toMatchObject({ text: '✓', showAlert: false });
    expect(await answerTo(second)).toMatchObject({ text: '这个按钮已过期。', showAlert: true });
    const chosen = await editOf(proposal);
    expect(chosen.method).toBe('editMessageText');
    expect(chosen.text).toBe('类别：为老助老 ✓');
    expect(keyboard(chosen)).toEqual([]);
    const stations = await next(me, /哪个社区或村/, from);
    // The station picker: edited to the community chosen; the question is asked once.
    from = fake.messages.length;
    await answerTo(fake.pressButton(resident, stations, button(stations, /^幸福社区$/)));
    expect(await editOf(stations)).toMatchObject({ text: '社区：幸福社区 ✓' });
    const address = await next(me, /具体地址/, from);
    expect(fake.chatMessages(me.id).filter((m) => m.method === 'sendMessage' && /哪个社区或村/.test(m.text ?? ''))).toHaveLength(1);
    // Typed: the question keeps its words and loses its 跳过.
    from = fake.messages.length;
    fake.sendText(resident, me, '幸福小区3号楼2单元501');
    const typed = await editOf(address);
    expect([typed.text, keyboard(typed)]).toEqual([address.text, []]);
    await next(me, /什么时候/, from);
    from = fake.messages.length;
    fake.sendText(resident, me, '明天上午');
    await next(me, /联系电话/, from);
    from = fake.messages.length;
    fake.sendText(resident, me, '13812345678');
    const summary = await next(me, /请确认/, from);
    // The summary pressed twice: one need, the summary says it was submitted and has no buttons.
    from = fake.messages.length;
    const submit = fake.pressButton(resident, summary, button(summary, /确认提交/));
    const again = fake.pressButton(resident, summary, button(summary, /确认提交/));
    await answerTo(submit);
    expect(await answerTo(again)).toMatchObject({ showAlert: true });
    const saved = await next(me, /已提交，编号 N-\d{8}-\d{4}/, from);
    const submitted = await editOf(summary);
    expect(submitted.text).toBe(`${summary.text}\n✓ 确认提交`);
    expect(keyboard(submitted)).toEqual([]);
    const code = /N-\d{8}-\d{4}/.exec(saved.text ?? '')![0];
    expect(await h().prisma.need.count({ where: { resident: { identities: { some: { channel: 'telegram', externalId: String(resident.id) } } } } })).toBe(1);
    expect(await h().prisma.need.findUnique({ where: { code } })).toMatchObject({ categoryCode: 'elderly' });
    // The second press only got its alert: its transaction (committed before the alert was
    // answered) wrote no message after the saved one.
    const newest = await h().prisma.sentMessage.findFirstOrThrow({ where: { chatId: String(me.id), editOf: null }, orderBy: { seq: 'desc' } });
    expect(h().cipher.decrypt(newest.bodyEnc)).toContain(code);
    expect(fake.stats.limitBreaches).toBe(0);
  }, 120_000);
});
