// The limits on claims: a cap on the jobs one volunteer holds, a cooling-off after too many
// releases, and the no-progress timeout that gives a job back to its team — on the real database
// and queues, with the clock under the test's control.
import { nameColumns } from '@baiying/db';
import type { ActorRow } from '@baiying/db';
import { silentLogger, type OutMessage } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import type { JobControl, JobEnsurer } from '@baiying/kernel';
import type { JobName, JobPayloads } from '@baiying/queue';
import { groupOf, openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const HOUR = 3_600_000;
const TEAM = 'S-XF-ELDER';

describe('claim limits', () => {
  const config = testConfig({ CLAIM_ACTIVE_LIMIT: '2', CLAIM_RELEASE_LIMIT: '2', CLAIM_RELEASE_WINDOW_HOURS: '24', CLAIM_NO_PROGRESS_HOURS: '48' });
  let h: DeskHarness;
  let desk: Desk;
  let seq = 0;
  const chatOf = new Map<string, string>();
  // Starts at the real time and only moves forward.
  let now = new Date();

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.withClock({ now: () => now });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  async function volunteer(): Promise<ActorRow> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: TEAM } });
    const id = `limits-vol-${++seq}`;
    const person = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, `志愿者${seq}`),
        identities: { create: { channel: 'web', externalId: id, chatId: id } },
        volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: { teamId: team.id, status: 'approved' } } } },
      },
    });
    chatOf.set(person.id, id);
    return desk.uow.run((w) => w.repos.people.actor(person.id));
  }

  const need = () => routedNeed(h, `limits-res-${++seq}`, { teamCode: TEAM, address: '幸福小区3号楼', phone: '13912345678' }, desk);
  const take = async (v: ActorRow, needId: string) => takeInGroup(h, v, await openDispatchOf(h, needId), desk);
  const detailsSentTo = (v: ActorRow) => h.prisma.sentMessage.count({ where: { template: 'job-details', chatId: chatOf.get(v.personId)! } });
  const activeClaim = (needId: string) => h.prisma.claim.findFirstOrThrow({ where: { needId, status: 'active' } });

  /** The worker's claim-timeout handler, with a job control that records a deferral. */
  async function fireTimeout(claimId: string): Promise<{ result?: unknown; deferredMs?: number }> {
    const handler = desk.jobs(silentLogger).find((j) => j.feature === 'claims')!.handlers['claim-timeout']!;
    let deferredMs: number | undefined;
    const control: JobControl = {
      stopping: false,
      deferTo: (ms) => {
        deferredMs = ms;
        return Promise.reject(new Error('deferred'));
      },
    };
    try {
      return { result: await handler({ claimId }, control) };
    } catch (e) {
      if (deferredMs === undefined) throw e;
      return { deferredMs };
    }
  }

  /** The timers the claims reconciler would (re-)create, with their delays. */
  async function reconcileDelays(): Promise<Map<string, number>> {
    const delays = new Map<string, number>();
    const ensurer: JobEnsurer = {
      ensure: <K extends JobName>(name: K, payload: JobPayloads[K], delayMs: number) => {
        if (name === 'claim-timeout') delays.set((payload as JobPayloads['claim-timeout']).claimId, delayMs);
        return Promise.resolve(true);
      },
    };
    await desk.jobs(silentLogger).find((j) => j.feature === 'claims')!.reconcile!({ ensurer, clock: { now: () => now } });
    return delays;
  }

  it('refuses a take beyond the cap of active jobs, naming it, and sends no details', async () => {
    const v = await volunteer();
    const [a, b, c] = [await need(), await need(), await need()];
    expect((await take(v, a.id)).ok).toBe(true);
    expect((await take(v, b.id)).ok).toBe(true);
    expect(await take(v, c.id)).toEqual({ ok: false, code: 'claim/too_many', detail: { max: 2 } });
    // Typed in the team group, the refusal names the cap.
    const g = await groupOf(h, await openDispatchOf(h, c.id));
    const engine = await h.engine({ desk });
    const from = chatOf.get(v.personId)!;
    await engine.handle({
      channel: g.channel,
      updateId: `lim${++seq}`,
      chat: { id: g.chatId, kind: 'group' },
      from: { externalId: from, displayName: from },
      kind: 'text',
      text: `接单 ${c.code}`,
    });
    const reply = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: g.chatId }, orderBy: { seq: 'desc' } });
    expect((JSON.parse(h.cipher.decrypt(reply.bodyEnc)) as OutMessage).text).toContain('每人最多 2 个');
    expect(await detailsSentTo(v)).toBe(2);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('dispatched');
    // Reporting one done makes room again (it waits for the resident, not for the volunteer).
    await desk.uow.run((w) => desk.claims.finish.execute(w, v, { claim: { needCode: a.code }, hours: 1 }));
    expect(await take(v, c.id)).toMatchObject({ ok: true });
  });

  it('lets only one of two simultaneous takes through when one place is left', async () => {
    const v = await volunteer();
    expect((await take(v, (await need()).id)).ok).toBe(true);
    const [x, y] = [await need(), await need()];
    const [dx, dy] = [await openDispatchOf(h, x.id), await openDispatchOf(h, y.id)];
    const results = await Promise.all([takeInGroup(h, v, dx, desk), takeInGroup(h, v, dy, desk)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'claim/too_many' });
    expect(await h.prisma.claim.count({ where: { volunteerId: v.personId, status: 'active' } })).toBe(2);
  });

  it('refuses takes after too many releases within the window, until the cooling-off ends', async () => {
    const v = await volunteer();
    const start = now.getTime();
    for (let i = 0; i < 2; i++) {
      const n = await need();
      expect((await take(v, n.id)).ok).toBe(true);
      now = new Date(now.getTime() + HOUR);
      const r = await desk.uow.run((w) => desk.claims.release.execute(w, v, { claim: { needCode: n.code }, reason: '临时有事' }));
      expect(r.ok).toBe(true);
    }
    // Released at start+1h and start+2h: the first ages out of the 24 h window at start+25h.
    const next = await need();
    expect(await take(v, next.id)).toEqual({ ok: false, code: 'claim/cooling_off', detail: { max: 2, window: 24, wait: 23 } });
    expect(await detailsSentTo(v)).toBe(2);
    expect((await h.prisma.dispatch.findFirstOrThrow({ where: { needId: next.id } })).status).toBe('open');
    now = new Date(start + 25 * HOUR + 1000);
    expect(await take(v, next.id)).toMatchObject({ ok: true });
  });

  it('returns a job with no progress to the team, tells the volunteer and alerts coordinators', async () => {
    const v = await volunteer();
    const n = await need();
    const t0 = now.getTime();
    expect((await take(v, n.id)).ok).toBe(true);
    const claim = await activeClaim(n.id);
    // The timer is a delayed job in Redis, scheduled by the take.
    expect(await h.producer.exists('claim-timeout', { claimId: claim.id })).toBe(true);

    // Early: it waits. Setting off is progress and moves the due time.
    now = new Date(t0 + HOUR);
    expect(await fireTimeout(claim.id)).toEqual({ deferredMs: 47 * HOUR });
    now = new Date(t0 + 10 * HOUR);
    expect(await desk.uow.run((w) => desk.claims.setOff.execute(w, v, { claimId: claim.id }))).toMatchObject({ ok: true });
    now = new Date(t0 + 48 * HOUR + 60_000);
    expect(await fireTimeout(claim.id)).toEqual({ deferredMs: 10 * HOUR - 60_000 });
    expect((await reconcileDelays()).get(claim.id)).toBe(10 * HOUR - 60_000);

    now = new Date(t0 + 58 * HOUR + 1000);
    expect(await fireTimeout(claim.id)).toEqual({ result: 'returned' });
    const ended = await h.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect({ status: ended.status, reason: ended.releaseReason }).toEqual({ status: 'released', reason: 'timeout' });
    const row = await h.prisma.need.findUniqueOrThrow({ where: { id: n.id } });
    expect({ status: row.status, claimedById: row.claimedById }).toEqual({ status: 'dispatched', claimedById: null });
    const reopened = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: n.id, status: 'open' }, include: { team: true } });
    expect(reopened.team?.code).toBe(TEAM);
    expect(await h.prisma.sentMessage.count({ where: { template: 'claim-timed-out', chatId: chatOf.get(v.personId)! } })).toBe(1);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `alert.claim_timeout.${claim.id}.` } } })).toBeGreaterThan(0);
    // Once only; and the timed-out claim counts as a release.
    expect(await fireTimeout(claim.id)).toEqual({ result: 'skipped' });
    expect((await reconcileDelays()).has(claim.id)).toBe(false);
    expect(await h.prisma.claim.count({ where: { volunteerId: v.personId, status: 'released' } })).toBe(1);
  });

  it('leaves a job that waits for the resident alone, and re-arms the timer when the resident disputes', async () => {
    const v = await volunteer();
    const n = await need();
    const t0 = now.getTime();
    expect((await take(v, n.id)).ok).toBe(true);
    const claim = await activeClaim(n.id);
    await desk.uow.run((w) => desk.claims.finish.execute(w, v, { claim: { claimId: claim.id }, hours: 1 }));
    expect((await reconcileDelays()).has(claim.id)).toBe(false);
    now = new Date(t0 + 49 * HOUR);
    expect(await fireTimeout(claim.id)).toEqual({ result: 'skipped' });
    expect((await h.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('active');
    await desk.uow.run((w) => desk.completion.respond.execute(w, n.actor, { need: { needId: n.id }, done: false }));
    expect((await reconcileDelays()).get(claim.id)).toBe(48 * HOUR);
  });

  it('ignores a malformed or unknown claim id', async () => {
    expect(await fireTimeout('not-a-uuid')).toEqual({ result: 'skipped' });
    expect(await fireTimeout('00000000-0000-4000-8000-000000000000')).toEqual({ result: 'skipped' });
  });
});
