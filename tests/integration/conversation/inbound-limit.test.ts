// Integration: the inbound limit, through the bot as it runs (web chat HTTP → ingress → engine
// → outbound → the web mailbox). A spammer beyond the per-person limit gets one polite answer,
// then silence; a group's chatter beyond the per-chat limit is dropped without a word while the
// desk's keywords still pass there; button presses and a message that signals danger are never
// limited; a job card still reaches its team group during the spam.
import type { INestApplication } from '@nestjs/common';
import { silentLogger } from '@baiying/domain';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, outboundSettled, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const PERSON = 5;
const CHAT = 8;
const TEAM_GROUP = 'g-S-XF-ELDER';
const POLITE = '您发得太快了';

describe('inbound limit', () => {
  const config = testConfig({ INBOUND_PERSON_PER_MINUTE: String(PERSON), INBOUND_CHAT_PER_MINUTE: String(CHAT) });
  let h: DeskHarness;
  let bot: INestApplication;
  let base: string;
  /** The demo page's session (its cookie and CSRF token): persona posts need one, as the page has. */
  let session = { cookie: '', csrf: '' };
  let seq = 0;

  const post = async (personaId: string, chatId: string, body: { text: string } | { callbackData: string }) => {
    const clientMsgId = `m${++seq}`;
    const r = await fetch(`${base}/api/web/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ personaId, chatId, clientMsgId, ...body }),
    });
    expect(r.status).toBe(200);
    return { updateId: `web:${personaId}:${clientMsgId}`, ...((await r.json()) as { duplicate: boolean; answer: { text: string } | null }) };
  };
  /** What the desk said in a chat (the chat also keeps what its person wrote: left out). */
  const mailbox = async (chatId: string): Promise<string[]> => {
    const r = await fetch(`${base}/api/web/chats/${chatId}/messages`);
    return ((await r.json()) as Array<{ text: string; mine: boolean }>).filter((m) => !m.mine).map((m) => m.text);
  };
  const processed = (updateIds: string[]) => h.prisma.processedUpdate.count({ where: { channel: 'web', updateId: { in: updateIds } } });

  beforeAll(async () => {
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    bot = await startBot(config);
    base = (await bot.getUrl()).replace('[::1]', '127.0.0.1');
    const started = await fetch(`${base}/api/web/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    session = { cookie: (started.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await started.json()) as { csrf: string }).csrf };
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('answers a spammer politely once, then stays silent, while a job card reaches its team group', async () => {
    const spammer = 'spam-1';
    const spam = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await post(spammer, spammer, { text: '我的需求' })).updateId);
      return ids;
    };
    // The spam and a need routed to the team meanwhile.
    const [ids, need] = await Promise.all([spam(PERSON + 10), routedNeed(h, 'limit-resident', { teamCode: 'S-XF-ELDER' })]);
    // Only the first PERSON were processed; the rest never reached the database.
    expect(await processed(ids)).toBe(PERSON);
    await outboundSettled(h, '');
    const seen = await mailbox(spammer);
    expect(seen.filter((t) => t.includes(POLITE))).toHaveLength(1);
    expect(seen).toHaveLength(PERSON + 1);
    expect((await mailbox(TEAM_GROUP)).some((t) => t.includes(need.code))).toBe(true);

    // Still over the limit: silence, but a message that signals danger is handled (the positive
    // signal that nothing else was going to arrive in between).
    const more = await spam(3);
    expect(await processed(more)).toBe(0);
    const danger = await post(spammer, spammer, { text: '救命！家里着火了，老人出不来' });
    expect(await processed([danger.updateId])).toBe(1);
    const after = await waitUntil(async () => {
      const m = await mailbox(spammer);
      return m.length > seen.length ? m : null;
    }, 'the answer to the danger message');
    expect(after.filter((t) => t.includes(POLITE))).toHaveLength(1);
    expect(after.slice(0, seen.length)).toEqual(seen);

    // A button press is never limited: it reaches the engine (here: refused as forged).
    const press = await post(spammer, spammer, { callbackData: 'xx.not-a-button' });
    expect(press.answer?.text).toContain('无效的操作');
  });

  it("drops a group's chatter beyond the chat limit without a word; the desk's keywords still pass", async () => {
    const group = 'g-S-XS-EDU';
    const chatter: string[] = [];
    // Different members, each well under their own limit: the group's window fills.
    for (let i = 0; i < CHAT + 3; i++) chatter.push((await post(`member-${i}`, group, { text: '大家好，今天天气不错' })).updateId);
    expect(await processed(chatter)).toBe(CHAT);
    // A keyword for the desk passes the full window (and is answered).
    const kw = await post('member-kw', group, { text: '我的需求' });
    expect(await processed([kw.updateId])).toBe(1);
    await outboundSettled(h, '');
    const seen = await mailbox(group);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('请私聊我');
    expect(seen.some((t) => t.includes(POLITE))).toBe(false);

    // One member over their own limit in a group: dropped silently too.
    const loud: string[] = [];
    for (let i = 0; i < PERSON + 2; i++) loud.push((await post('member-loud', 'g-S-XS-OTHER', { text: '我的需求' })).updateId);
    expect(await processed(loud)).toBe(PERSON);
    await outboundSettled(h, '');
    expect((await mailbox('g-S-XS-OTHER')).some((t) => t.includes(POLITE))).toBe(false);
  });

  it('admits rather than refuses everyone when the limiter (Redis) fails', async () => {
    const broken = {
      admit: () => Promise.reject(new Error('redis down')),
      firstNotice: () => Promise.reject(new Error('redis down')),
    };
    const ingress = h.desk.ingress(await h.engine(), broken, silentLogger);
    const ev = {
      channel: 'web' as const,
      updateId: 'broken-limiter-1',
      chat: { id: 'spam-1', kind: 'private' as const },
      from: { externalId: 'spam-1', displayName: '居民' },
      kind: 'text' as const,
      text: '我的需求',
    };
    expect(await ingress.handle(ev)).toEqual({ duplicate: false });
    expect(await processed([ev.updateId])).toBe(1);
  });
});
