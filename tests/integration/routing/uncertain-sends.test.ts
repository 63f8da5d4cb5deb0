// Interactive sends are at most once (decision 0004, amended): a job card or reply is claimed
// before the platform call; a sender that dies (or gets an answer it cannot read) leaves the
// claim, which turns `uncertain` and is never sent again. Then nothing important is lost
// silently: an uncertain group card of a round nobody took is posted again once, as a new card
// with a note; a taken one is not; an uncertain status message about a need alerts the need's
// coordinators; a dialogue reply is only counted.
import type { ChannelSender } from '@baiying/channels';
import { NotSentError, OutboundDispatcher } from '@baiying/channels';
import type { OutMessage } from '@baiying/domain';
import { routingJobs } from '@baiying/features';
import { outboxJobs, type JobControl } from '@baiying/kernel';
import { openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { volunteerOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

let h: DeskHarness;
beforeAll(async () => {
  h = deskHarness(testConfig(), 5);
  await resetDatabase(h.prisma, h.cipher);
});
afterAll(async () => {
  await flushPrefix(h.config.redisUrl, h.config.redisPrefix);
  await h.close();
});

/** A web sender that records what it was asked to send and fails the way it is told to. */
function sender(fail: () => Error | null): ChannelSender & { sent: OutMessage[] } {
  const sent: OutMessage[] = [];
  return {
    channel: 'web',
    sent,
    send: (_chat, msg) => {
      sent.push(msg);
      const e = fail();
      return e ? Promise.reject(e) : Promise.resolve({ messageRef: `m${sent.length}` });
    },
    edit: () => Promise.resolve(),
    reserve: () => Promise.resolve(0),
    backOff: () => Promise.resolve(),
  };
}
const control: JobControl = { stopping: false, deferTo: (ms) => Promise.reject(new Error(`deferred ${ms} ms`)) };
const quiet = { warn: () => undefined, error: () => undefined };
const never = { ensure: () => Promise.resolve(false) };
const now = { now: () => new Date() };

/** The lease ran out: claims older than BROADCAST_CLAIM_LEASE_SECONDS, then the outbox's reconcile. */
async function leaseRunsOut(ids: string[]): Promise<Record<string, number>> {
  await h.prisma.sentMessage.updateMany({ where: { id: { in: ids }, status: 'sending' }, data: { claimedAt: new Date(Date.now() - 3_600_000) } });
  return outboxJobs(h.desk.uow, h.prisma, h.producer, h.config).reconcile!({ ensurer: never, clock: now });
}
const reconcileRouting = () => routingJobs(h.desk.uow, h.prisma, h.desk.routing).reconcile!({ ensurer: never, clock: now });

async function cardOf(needId: string) {
  const dispatchId = await openDispatchOf(h, needId);
  return h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `card.${dispatchId}.` }, template: 'job-card' } });
}

describe('interactive sends at most once', () => {
  it('a card whose send ended ambiguously is never sent again, turns uncertain, and is posted once more as a new card while untaken', async () => {
    const need = await routedNeed(h, 'uncertain-card-resident');
    const card = await cardOf(need.id);
    // The platform call fails in a way that does not say whether the message arrived.
    const s = sender(() => new Error('socket hang up'));
    const d = new OutboundDispatcher(h.prisma, h.cipher, [s], quiet);
    await expect(d.process({ sentMessageId: card.id }, control)).rejects.toThrow('socket hang up');
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('sending');
    // BullMQ retries the job: the claim holds, nothing goes out again.
    expect(await d.process({ sentMessageId: card.id }, control)).toBe('skipped');
    expect(s.sent).toHaveLength(1);

    const report = await leaseRunsOut([card.id]);
    expect(report['uncertain']).toBeGreaterThanOrEqual(1);
    expect(report['uncertainInteractive']).toBeGreaterThanOrEqual(1);
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('uncertain');
    expect(await d.process({ sentMessageId: card.id }, control)).toBe('skipped');
    expect(s.sent).toHaveLength(1);

    // Nobody took it: posted again once, as a new card with the note and its take button.
    expect((await reconcileRouting())['cardsAgain']).toBe(1);
    const again = await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: `${card.purposeKey}.again` } });
    expect({ template: again.template, status: again.status, chatId: again.chatId }).toEqual({
      template: 'job-card-again',
      status: 'pending',
      chatId: card.chatId,
    });
    const body = JSON.parse(h.cipher.decrypt(again.bodyEnc)) as OutMessage;
    expect(body.text).toContain(need.code);
    expect(body.text).toContain('上一张卡片可能未送达');
    expect(body.buttons?.flat().some((b) => /接单/.test(b.label))).toBe(true);
    // Once: the next reconcile adds nothing.
    expect((await reconcileRouting())['cardsAgain']).toBe(0);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `${card.purposeKey}.again` } } })).toBe(1);
  });

  it('an uncertain card of a round already taken is not posted again', async () => {
    const need = await routedNeed(h, 'uncertain-taken-resident');
    const card = await cardOf(need.id);
    await h.prisma.sentMessage.update({ where: { id: card.id }, data: { status: 'sending', claimedAt: new Date() } });
    const v = await volunteerOf(h, { teams: ['S-XF-ELDER'] });
    const taken = await takeInGroup(h, v, card.purposeKey.split('.')[1]!);
    expect(taken.ok).toBe(true);
    await leaseRunsOut([card.id]);
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('uncertain');
    expect((await reconcileRouting())['cardsAgain']).toBe(0);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: `${card.purposeKey}.again` } })).toBe(0);
  });

  it('a refused connection releases the claim (certainly not delivered), so the message goes later', async () => {
    const need = await routedNeed(h, 'refused-resident');
    const card = await cardOf(need.id);
    // Earlier tests' rows to this group would hold this card back (per-chat order): out of the way.
    await h.prisma.sentMessage.updateMany({ where: { chatId: card.chatId, status: 'pending', id: { not: card.id } }, data: { status: 'sent' } });
    let refuse = true;
    const s = sender(() => (refuse ? new NotSentError('connect ECONNREFUSED') : null));
    const d = new OutboundDispatcher(h.prisma, h.cipher, [s], quiet);
    await expect(d.process({ sentMessageId: card.id }, control)).rejects.toThrow('ECONNREFUSED');
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('pending');
    refuse = false;
    expect(await d.process({ sentMessageId: card.id }, control)).toBe('sent');
    expect(s.sent).toHaveLength(2);
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: card.id } })).status).toBe('sent');
  });

  it('an uncertain status message about a need alerts its coordinators; an uncertain dialogue reply is only counted', async () => {
    const need = await routedNeed(h, 'uncertain-status-resident');
    const status = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `need.${need.id}.` } } });
    const reply = await h.prisma.sentMessage.create({
      data: {
        purposeKey: 'turn.test.uncertain-reply',
        channel: 'web',
        chatId: 'uncertain-status-resident',
        template: 'reply',
        bodyEnc: h.cipher.encrypt('{"text":"?"}'),
      },
    });
    await h.prisma.sentMessage.updateMany({ where: { id: { in: [status.id, reply.id] } }, data: { status: 'sending', claimedAt: new Date() } });
    const report = await leaseRunsOut([status.id, reply.id]);
    expect(report['uncertainInteractive']).toBe(2);
    const alerts = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `alert.uncertain.${status.id}.` } } });
    expect(alerts.length).toBeGreaterThan(0);
    for (const a of alerts) expect((JSON.parse(h.cipher.decrypt(a.bodyEnc)) as OutMessage).text).toContain(need.code);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `alert.uncertain.${reply.id}` } } })).toBe(0);
  });
});
