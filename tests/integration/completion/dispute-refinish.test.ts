// A dispute ("还没有") and a re-finish: the credit clock restarts from the re-finish, for the
// timer the first report scheduled and for the reconciler alike, and the re-finish may not
// record more hours than the first report did.
import type { ActorRow } from '@baiying/db';
import { silentLogger } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import type { JobControl, JobEnsurer } from '@baiying/kernel';
import type { JobName, JobPayloads } from '@baiying/queue';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const HOUR = 3_600_000;

describe('dispute and re-finish', () => {
  const config = testConfig({ CREDIT_TIMEOUT_HOURS: '48' });
  let h: DeskHarness;
  let desk: Desk;
  let li: ActorRow;
  // Starts at the real time and only moves forward.
  let now = new Date();

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.withClock({ now: () => now });
    li = await desk.uow.run(async (w) => w.repos.people.actor((await w.repos.people.resolve('web', 'demo-vol-li', null, '李师傅', null)).personId));
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  /** The worker's credit-timeout handler, with a job control that records a deferral. */
  async function fireCreditTimer(serviceRecordId: string): Promise<{ result?: unknown; deferredMs?: number }> {
    const handler = desk.jobs(silentLogger).find((j) => j.feature === 'completion')!.handlers['credit-timeout']!;
    let deferredMs: number | undefined;
    const control: JobControl = {
      stopping: false,
      deferTo: (ms) => {
        deferredMs = ms;
        return Promise.reject(new Error('deferred'));
      },
    };
    try {
      return { result: await handler({ serviceRecordId }, control) };
    } catch (e) {
      if (deferredMs === undefined) throw e;
      return { deferredMs };
    }
  }

  /** What the completion reconciler would (re-)create, with its delays. */
  async function reconcileDelays(): Promise<Map<string, number>> {
    const delays = new Map<string, number>();
    const ensurer: JobEnsurer = {
      ensure: <K extends JobName>(name: K, payload: JobPayloads[K], delayMs: number) => {
        if (name === 'credit-timeout') delays.set((payload as JobPayloads['credit-timeout']).serviceRecordId, delayMs);
        return Promise.resolve(true);
      },
    };
    await desk.jobs(silentLogger).find((j) => j.feature === 'completion')!.reconcile!({ ensurer, clock: { now: () => now } });
    return delays;
  }

  it('restarts the credit clock at the re-finish and caps the hours at the first report', async () => {
    const need = await routedNeed(h, 'res-dispute', { stationCode: 'S-XF' }, desk);
    const t0 = now.getTime();
    await doneBy(h, li, need.id, '2', desk);
    const rec = await h.prisma.serviceRecord.findFirstOrThrow({ where: { needId: need.id } });
    expect(Number(rec.hours)).toBe(2);

    // An hour later the resident says it is not done yet.
    now = new Date(t0 + HOUR);
    const disputed = await desk.uow.run((w) => desk.completion.respond.execute(w, need.actor, { need: { needId: need.id }, done: false }));
    expect(disputed).toEqual({ ok: true, value: { code: need.code, confirmed: false } });
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });

    // Another hour later the volunteer reports done again: more hours than the first report are refused.
    now = new Date(t0 + 2 * HOUR);
    const check = await desk.uow.run((w) => desk.claims.checkFinish.execute(w, li, { claimId: claim.id }));
    expect(check).toMatchObject({ ok: true, value: { maxHours: 2 } });
    for (const hours of [5, '24', 2.25]) {
      const r = await desk.uow.run((w) => desk.claims.finish.execute(w, li, { claim: { claimId: claim.id }, hours }));
      expect(r).toEqual({ ok: false, code: 'claim/hours_above_first', detail: { max: 2 } });
    }
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('claimed');
    const again = await desk.uow.run((w) => desk.claims.finish.execute(w, li, { claim: { claimId: claim.id }, hours: 1.5 }));
    expect(again).toEqual({ ok: true, value: { code: need.code, hours: 1.5 } });
    // The resident is asked to confirm again.
    expect(await h.prisma.sentMessage.count({ where: { template: 'need-ask-confirm', purposeKey: { contains: need.id } } })).toBe(2);

    // The first report's timer fires at its own due time: nothing is credited, it waits for the new one.
    now = new Date(t0 + 48 * HOUR + 60_000);
    const early = await fireCreditTimer(rec.id);
    expect(early).toEqual({ deferredMs: 2 * HOUR - 60_000 });
    expect(await h.prisma.serviceRecord.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ status: 'pending' });
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('done');
    // The reconciler re-creates the timer for the re-finish's due time, not the first report's.
    expect((await reconcileDelays()).get(rec.id)).toBe(2 * HOUR - 60_000);

    // The full delay after the re-finish: credited by rule, with the re-finish's hours.
    now = new Date(t0 + 50 * HOUR + 1000);
    expect(await fireCreditTimer(rec.id)).toEqual({ result: 'credited' });
    const credited = await h.prisma.serviceRecord.findUniqueOrThrow({ where: { id: rec.id } });
    expect({ status: credited.status, by: credited.creditedBy, hours: Number(credited.hours) }).toEqual({ status: 'credited', by: 'timeout', hours: 1.5 });
    expect(await fireCreditTimer(rec.id)).toEqual({ result: 'skipped' });
  });

  it('takes the first report as the hours of a re-finish that gives none, when it is below the default', async () => {
    const need = await routedNeed(h, 'res-dispute-2', { stationCode: 'S-XF' }, desk);
    await doneBy(h, li, need.id, '0.5', desk);
    await desk.uow.run((w) => desk.completion.respond.execute(w, need.actor, { need: { needId: need.id }, done: false }));
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    const r = await desk.uow.run((w) => desk.claims.finish.execute(w, li, { claim: { claimId: claim.id } }));
    expect(r).toEqual({ ok: true, value: { code: need.code, hours: 0.5 } });
  });
});
