// Retention (docs/privacy.md): with the clock under the test's control, the reconciler's
// retention pass anonymises or deletes exactly what is past its period and nothing else, and a
// second pass finds nothing left to do.
import { randomUUID } from 'node:crypto';
import { silentLogger } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import type { JobEnsurer } from '@baiying/kernel';
import { residentOf } from '../../support/factories.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const DAY = 86_400_000;

describe('retention', () => {
  const config = testConfig();
  let h: DeskHarness;
  let desk: Desk;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.withClock({ now: () => now });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  /** The privacy feature's part of the worker's reconciliation. */
  async function retentionPass(): Promise<Record<string, number>> {
    const ensurer: JobEnsurer = { ensure: () => Promise.resolve(false) };
    return desk.jobs(silentLogger).find((j) => j.feature === 'privacy')!.reconcile!({ ensurer, clock: { now: () => now } });
  }

  /** A need cancelled by its resident, last changed `days` ago. */
  async function closedNeed(resident: string, days: number) {
    const need = await routedNeed(h, resident, { stationCode: 'S-XF', phone: '13800138000', address: '幸福路 1 号' }, desk);
    const r = await desk.uow.run((w) => desk.intake.cancel.execute(w, need.actor, { needId: need.id }));
    expect(r.ok).toBe(true);
    await h.prisma.$executeRaw`UPDATE need SET "updatedAt" = ${ago(days)} WHERE id = ${need.id}::uuid`;
    return need;
  }

  it('anonymises closed needs past the period and deletes old dialogue, messages and expired codes, nothing else', async () => {
    const oldClosed = await closedNeed('ret-a', 181);
    const recentClosed = await closedNeed('ret-b', 179);
    const oldOpen = await routedNeed(h, 'ret-c', { stationCode: 'S-XF', address: '幸福路 3 号' }, desk);
    await h.prisma.$executeRaw`UPDATE need SET "updatedAt" = ${ago(400)} WHERE id = ${oldOpen.id}::uuid`;

    // Dialogue state: idle 31 days and 29 days.
    const cipher = h.cipher;
    await h.prisma.conversationState.createMany({
      data: [
        { channel: 'web', chatKey: 'ret-dlg-old', flow: 'intake', dataEnc: cipher.encrypt('{}'), updatedAt: ago(31) },
        { channel: 'web', chatKey: 'ret-dlg-new', flow: 'intake', dataEnc: cipher.encrypt('{}'), updatedAt: ago(29) },
      ],
    });
    await h.prisma.$executeRaw`UPDATE conversation_state SET "updatedAt" = ${ago(31)} WHERE "chatKey" = 'ret-dlg-old'`;
    // Sent messages: old and sent, old but still pending, recent and sent.
    const sent = (key: string, days: number, status: 'sent' | 'pending') =>
      h.prisma.sentMessage.create({
        data: {
          purposeKey: key,
          channel: 'web',
          chatId: 'ret-chat',
          template: 'reply',
          bodyEnc: cipher.encrypt('{"text":"hi"}'),
          status,
          createdAt: ago(days),
        },
      });
    await sent('ret:old-sent', 91, 'sent');
    await sent('ret:old-pending', 91, 'pending');
    await sent('ret:new-sent', 89, 'sent');
    // Web chat mailbox.
    await h.prisma.webMessage.createMany({
      data: [
        { chatId: 'ret-web', text: 'old', createdAt: ago(91) },
        { chatId: 'ret-web', text: 'new', createdAt: ago(89) },
      ],
    });
    // Dead letters (encrypted inbound events) by their last failure.
    const letter = (updateId: string, days: number) => ({
      channel: 'web' as const,
      updateId,
      payloadEnc: cipher.encrypt('{}'),
      error: 'boom',
      attempts: 3,
      firstFailureAt: ago(days),
      lastFailureAt: ago(days),
    });
    await h.prisma.deadLetter.createMany({ data: [letter('ret-dl-old', 91), letter('ret-dl-new', 89)] });
    // Codes, tokens and sessions: expired (or revoked) against still valid.
    const person = await residentOf(h);
    const later = new Date(now.getTime() + DAY);
    await h.prisma.linkCode.createMany({
      data: [
        { codeHash: 'ret-code-old', selector: 'RETOLD', personId: person.personId, expiresAt: new Date(now.getTime() - 1000) },
        { codeHash: 'ret-code-new', selector: 'RETNEW', personId: person.personId, expiresAt: later },
      ],
    });
    await h.prisma.apiToken.createMany({
      data: [
        { tokenHash: 'ret-tok-expired', personId: person.personId, expiresAt: ago(1) },
        { tokenHash: 'ret-tok-revoked', personId: person.personId, expiresAt: later, revokedAt: ago(1) },
        { tokenHash: 'ret-tok-valid', personId: person.personId, expiresAt: later },
      ],
    });
    const session = (hash: string, expiresAt: Date) => ({ tokenHash: hash, kind: 'console', personId: person.personId, csrfToken: randomUUID(), expiresAt });
    await h.prisma.webSession.createMany({ data: [session('ret-ses-old', ago(1)), session('ret-ses-new', later)] });

    const report = await retentionPass();
    expect(report).toEqual({ needsAnonymised: 1, dialoguesDeleted: 1, sentMessagesDeleted: 1, webMessagesDeleted: 1, deadLettersDeleted: 1, codesDeleted: 4 });

    // The old closed need: personal fields gone, statistics kept.
    const a = await h.prisma.need.findUniqueOrThrow({ where: { id: oldClosed.id } });
    expect(h.cipher.decrypt(a.descriptionEnc)).toBe('[已删除]');
    expect(a).toMatchObject({ addressEnc: null, phoneEnc: null, locationEnc: null, wantedTime: null, status: 'cancelled', categoryCode: 'elderly' });
    expect(a.anonymisedAt).toEqual(now);
    const events = await h.prisma.needEvent.findMany({ where: { needId: oldClosed.id } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => JSON.stringify(e.data) === '{}')).toBe(true);
    // The resident is not erased by retention: their account stays.
    expect(await h.prisma.channelIdentity.count({ where: { personId: oldClosed.actor.personId } })).toBe(1);
    // The recent closed need and the old open one keep everything.
    for (const id of [recentClosed.id, oldOpen.id]) {
      const n = await h.prisma.need.findUniqueOrThrow({ where: { id } });
      expect(h.cipher.decrypt(n.descriptionEnc)).toBe('需要帮助');
      expect(n.addressEnc).not.toBeNull();
      expect(n.anonymisedAt).toBeNull();
    }
    expect((await h.prisma.conversationState.findMany({ where: { chatKey: { startsWith: 'ret-dlg' } } })).map((s) => s.chatKey)).toEqual(['ret-dlg-new']);
    expect(
      (await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: 'ret:' } }, orderBy: { purposeKey: 'asc' } })).map((m) => m.purposeKey),
    ).toEqual(['ret:new-sent', 'ret:old-pending']);
    expect((await h.prisma.webMessage.findMany({ where: { chatId: 'ret-web' } })).map((m) => m.text)).toEqual(['new']);
    expect((await h.prisma.deadLetter.findMany({ where: { updateId: { startsWith: 'ret-dl' } } })).map((d) => d.updateId)).toEqual(['ret-dl-new']);
    expect((await h.prisma.linkCode.findMany({ where: { personId: person.personId } })).map((c) => c.selector)).toEqual(['RETNEW']);
    expect((await h.prisma.apiToken.findMany({ where: { personId: person.personId } })).map((t) => t.tokenHash)).toEqual(['ret-tok-valid']);
    expect((await h.prisma.webSession.findMany({ where: { personId: person.personId } })).map((s) => s.tokenHash)).toEqual(['ret-ses-new']);

    // A second pass has nothing left to do.
    expect(await retentionPass()).toEqual({
      needsAnonymised: 0,
      dialoguesDeleted: 0,
      sentMessagesDeleted: 0,
      webMessagesDeleted: 0,
      deadLettersDeleted: 0,
      codesDeleted: 0,
    });
  });
});
