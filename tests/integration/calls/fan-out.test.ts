// The fan-out of a call at the desk level: each step queues at most each channel's budget of
// private messages on the bulk lane and marks those recipients, a full lane on one channel
// does not hold up the others, concurrent steps never queue anyone twice, and the fan-out is
// done exactly when everyone is queued.
import type { ActorRow } from '@baiying/db';
import { PurposeKey, type Channel } from '@baiying/domain';
import { callDraft, coordinatorOf, createCall, volunteerOf, volunteersOf } from '../../support/factories.js';
import { callRow, callsHarness, ids, sentTo, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness();
type Budget = Record<Channel, number>;

describe('the fan-out', () => {
  let world: CallsWorld;
  let dh: ActorRow;
  /** Ten volunteers on web chat in the call's team; tests add others. */
  let web: ActorRow[];

  beforeEach(async () => {
    world = await fresh();
    dh = await coordinatorOf(world.h, 'I-DH');
    web = await volunteersOf(world.h, 10, { team: 'S-HP-ELDER', namePrefix: '网页' });
  });

  const teamCall = () =>
    createCall(world.desk, dh, callDraft(world.clock.now(), { headcount: 2, audience: { teamCodes: ['S-HP-ELDER'] } })).then((c) => c.callId);
  const step = (callId: string, budget: Budget) => world.desk.uow.run((w) => world.desk.calls.fanOut.execute(w, { callId, budget }));
  const messages = (callId: string) => world.h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: PurposeKey.callMessagesOf(callId) } } });
  const queuedIds = async (callId: string) =>
    (await world.h.prisma.callRecipient.findMany({ where: { callId, queuedAt: { not: null } } })).map((r) => r.personId).sort();

  it('gives each channel its own budget: a full lane does not hold up the others', async () => {
    const { h } = world;
    // 30 WeChat recipients sort first by id, the Telegram ones last; WeChat's lane is full (budget 0).
    const personId = (first: string, i: number) => `${first}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const wx: ActorRow[] = [];
    for (let i = 1; i <= 30; i++) wx.push(await volunteerOf(h, { teams: ['S-HP-ELDER'], channel: 'wechat', personId: personId('00000000', i) }));
    const tg: ActorRow[] = [];
    for (let i = 1; i <= 3; i++) tg.push(await volunteerOf(h, { teams: ['S-HP-ELDER'], channel: 'telegram', personId: personId('ffffffff', i) }));
    const callId = await teamCall();
    expect(await step(callId, { telegram: 3, wechat: 0, web: 0 })).toEqual({ queued: 3, done: false });
    expect(await queuedIds(callId)).toEqual(ids(tg));
    expect(await step(callId, { telegram: 0, wechat: 0, web: 4 })).toEqual({ queued: 4, done: false });
    expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: { not: null }, channel: 'web' } })).toBe(4);
    // Only WeChat's rows are left once the others' budgets took the rest: nothing to do, not done.
    expect(await step(callId, { telegram: 10, wechat: 0, web: 10 })).toEqual({ queued: 6, done: false });
    expect(await step(callId, { telegram: 10, wechat: 0, web: 10 })).toEqual({ queued: 0, done: false });
    expect((await callRow(h, callId)).fanoutDoneAt).toBeNull();
    expect(await queuedIds(callId)).toEqual(ids([...tg, ...web]));
    expect(await step(callId, { telegram: 0, wechat: 30, web: 0 })).toEqual({ queued: 30, done: false });
    expect(await step(callId, { telegram: 0, wechat: 1, web: 0 })).toEqual({ queued: 0, done: true });
    expect(await sentTo(h, PurposeKey.callMessagesOf(callId))).toEqual(ids([...wx, ...tg, ...web]));
  });

  it('fans out within the budget, marks progress, never twice for one recipient', async () => {
    const { h } = world;
    const tg = await volunteersOf(h, 25, { team: 'S-HP-ELDER', channel: 'telegram', namePrefix: 'tg' });
    const wx = await volunteersOf(h, 4, { team: 'S-HP-ELDER', channel: 'wechat', namePrefix: 'wx' });
    const callId = await teamCall();
    const recipients = await h.prisma.callRecipient.findMany({ where: { callId } });
    const channelOf = new Map<string, Channel>(recipients.map((r) => [r.personId, r.channel]));
    expect([...channelOf.keys()].sort()).toEqual(ids([...web, ...tg, ...wx]));
    const prefix = PurposeKey.callMessagesOf(callId);
    const perChannel = async () => {
      const rows = await messages(callId);
      const per: Budget = { telegram: 0, wechat: 0, web: 0 };
      for (const m of rows) per[m.channel]++;
      return { rows, per };
    };

    // No budget: nothing happens, not done.
    expect(await step(callId, { telegram: 0, wechat: 0, web: 0 })).toEqual({ queued: 0, done: false });
    expect((await perChannel()).rows).toHaveLength(0);

    // One step queues at most the budget per channel, and marks exactly those recipients.
    expect(await step(callId, { telegram: 10, wechat: 0, web: 3 })).toEqual({ queued: 13, done: false });
    let m = await perChannel();
    expect(m.per).toEqual({ telegram: 10, wechat: 0, web: 3 });
    expect(await queuedIds(callId)).toEqual(await sentTo(h, prefix));
    for (const r of m.rows) {
      expect(r).toMatchObject({ atMostOnce: true, template: 'call', status: 'pending' });
      // Each message goes to the recipient's own chat on their channel.
      const to = recipients.find((x) => PurposeKey.callMessage(callId, x.personId) === r.purposeKey)!;
      expect({ channel: r.channel, chatId: r.chatId }).toEqual({ channel: to.channel, chatId: to.chatId });
    }

    // Concurrent steps (overlapping reads are possible: no lock): each keeps within its budget, the
    // five together within five budgets, and nobody gets two.
    const before = m.per;
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => step(callId, { telegram: 2, wechat: 1, web: 1 })));
    for (const r of results) expect(r.queued).toBeLessThanOrEqual(4);
    m = await perChannel();
    expect(m.per.telegram - before.telegram).toBeLessThanOrEqual(10);
    expect(m.per.wechat - before.wechat).toBeLessThanOrEqual(5);
    expect(m.per.web - before.web).toBeLessThanOrEqual(5);
    expect(await queuedIds(callId)).toEqual(await sentTo(h, prefix));

    // Drain, a step at a time, then done exactly when everyone is queued.
    for (let guard = 0; ; guard++) {
      expect(guard).toBeLessThan(50);
      const r = await step(callId, { telegram: 7, wechat: 2, web: 2 });
      if (r.done) break;
      expect(r.queued).toBeGreaterThan(0);
      expect((await callRow(h, callId)).fanoutDoneAt).toBeNull();
    }
    m = await perChannel();
    expect(m.per).toEqual({ telegram: tg.length, wechat: wx.length, web: web.length });
    expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: null } })).toBe(0);
    // One message per recipient's chat.
    const chats = m.rows.map((r) => `${r.channel}:${r.chatId}`);
    expect(new Set(chats).size).toBe(recipients.length);
    expect((await callRow(h, callId)).fanoutDoneAt).toEqual(world.clock.now());
    // Done stays done.
    expect(await step(callId, { telegram: 100, wechat: 100, web: 100 })).toEqual({ queued: 0, done: true });
    expect(await messages(callId)).toHaveLength(recipients.length);
    // The delivery counts see every recipient queued, none sent yet (no sender runs here).
    expect(await world.desk.uow.run((w) => w.repos.calls.delivery(callId))).toEqual({
      recipients: recipients.length,
      queued: recipients.length,
      sent: 0,
      failed: 0,
      uncertain: 0,
    });
  });

  it('fans out concurrently from scratch without duplicates', async () => {
    const { h } = world;
    const tg = await volunteersOf(h, 60, { team: 'S-HP-ELDER', channel: 'telegram', namePrefix: 'tg' });
    const callId = await teamCall();
    for (let round = 0; round < 10; round++) {
      const rs = await Promise.all([0, 1, 2, 3].map(() => step(callId, { telegram: 9, wechat: 0, web: 4 })));
      if (rs.some((r) => r.done)) break;
    }
    for (let guard = 0; !(await step(callId, { telegram: 50, wechat: 50, web: 50 })).done; guard++) expect(guard).toBeLessThan(10);
    const rows = await messages(callId);
    expect(rows).toHaveLength(tg.length + web.length);
    expect(new Set(rows.map((r) => `${r.channel}:${r.chatId}`)).size).toBe(rows.length);
    expect(await sentTo(h, PurposeKey.callMessagesOf(callId))).toEqual(ids([...tg, ...web]));
    expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: null } })).toBe(0);
  });
});
