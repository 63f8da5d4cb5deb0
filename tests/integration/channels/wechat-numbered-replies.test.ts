// WeChat numbered replies ("1", "2"): a number maps only to a menu that was delivered
// (sent_message status `sent`) within WECHAT_MENU_TTL_MINUTES; a queued menu the person never
// saw, an old menu or a number the menu on screen does not have gets a clear answer instead.
// WechatInbound reads the real database; the engine answers on it.
import { randomUUID } from 'node:crypto';
import { types, type Message } from 'wechaty';
import { WechatInbound } from '@baiying/channels';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const config = testConfig({ WECHAT_MENU_TTL_MINUTES: '30' });
let h: DeskHarness;
let inbound: WechatInbound;

beforeAll(async () => {
  h = deskHarness(config, 5);
  await resetDatabase(h.prisma, h.cipher);
  inbound = new WechatInbound(
    h.prisma,
    h.cipher,
    () => Date.now(),
    () => 'desk-account',
    config.wechat.menuTtlMs,
  );
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});

const MIN = 60_000;

/** A private text from a contact, as wechaty hands it over. */
function textFrom(contactId: string, text: string): Message {
  const m = {
    id: randomUUID(),
    self: () => false,
    date: () => new Date(),
    talker: () => ({ id: contactId, name: () => '居民' }),
    room: () => undefined,
    type: () => types.Message.Text,
    text: () => text,
  };
  return m as unknown as Message;
}

/** A message the desk wrote to the contact's chat, delivered `sentMinutesAgo` ago or still queued (null). */
async function menu(contactId: string, choices: string[], sentMinutesAgo: number | null): Promise<void> {
  const body: OutMessage = { text: '请选择', buttons: choices.length ? [choices.map((data, i) => ({ label: `选项${i + 1}`, data }))] : [] };
  await h.prisma.sentMessage.create({
    data: {
      purposeKey: `test.${randomUUID()}`,
      channel: 'wechat',
      chatId: `c:${contactId}`,
      template: 'reply',
      bodyEnc: h.cipher.encrypt(JSON.stringify(body)),
      ...(sentMinutesAgo === null ? { status: 'pending' } : { status: 'sent', sentAt: new Date(Date.now() - sentMinutesAgo * MIN), messageRef: 'm' }),
    },
  });
}

const contact = () => `wx-${randomUUID()}`;
const callbackOf = (ev: InboundEvent | null) => (ev?.kind === 'callback' ? ev.callback : ev?.kind);

describe('numbered replies', () => {
  it('map to the newest delivered menu, not a newer one still queued', async () => {
    const c = contact();
    await menu(c, ['seen.1', 'seen.2'], 2);
    await menu(c, ['queued.1', 'queued.2'], null);
    expect(callbackOf(await inbound.toEvent(textFrom(c, '2')))).toEqual({ id: expect.any(String) as unknown, data: 'seen.2' });
    // The event names the receiving account.
    expect((await inbound.toEvent(textFrom(c, '1')))?.updateId).toMatch(/^desk-account:/);
  });

  it('a menu never delivered answers nothing: the number gets a clear answer', async () => {
    const c = contact();
    await menu(c, ['queued.1', 'queued.2'], null);
    const ev = await inbound.toEvent(textFrom(c, '1'));
    expect(callbackOf(ev)).toEqual({ id: expect.any(String) as unknown, data: '', expired: true });

    // The engine answers it as such (on WeChat a toast is a message in the chat).
    const engine = await h.engine();
    await engine.handle(ev!);
    const replies = await h.prisma.sentMessage.findMany({ where: { chatId: `c:${c}`, purposeKey: { startsWith: 'r.wechat.' } } });
    expect(replies.map((r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage).text)).toEqual([expect.stringContaining('这个编号已失效') as unknown]);
  });

  it('a menu delivered longer ago than WECHAT_MENU_TTL_MINUTES has expired', async () => {
    const c = contact();
    await menu(c, ['old.1', 'old.2'], 31);
    expect(callbackOf(await inbound.toEvent(textFrom(c, '1')))).toMatchObject({ data: '', expired: true });
    await menu(c, ['fresh.1'], 29);
    expect(callbackOf(await inbound.toEvent(textFrom(c, '1')))).toMatchObject({ data: 'fresh.1' });
  });

  it('a number the menu on screen does not have gets the clear answer; with no menu about, a number is text', async () => {
    const c = contact();
    await menu(c, ['a.1', 'a.2'], 1);
    expect(callbackOf(await inbound.toEvent(textFrom(c, '3')))).toMatchObject({ data: '', expired: true });
    // A later question without choices (a form asking "how many people?"): the number is the answer.
    await menu(c, [], 0);
    expect(callbackOf(await inbound.toEvent(textFrom(c, '20')))).toBe('text');
    expect(callbackOf(await inbound.toEvent(textFrom(contact(), '1')))).toBe('text');
  });
});
