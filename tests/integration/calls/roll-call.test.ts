// The roll-call (报名) of a call at the desk level: exact counts and a first-come waiting list
// under 500 simultaneous answers (recorded concurrently while the call's consumer applies them,
// as the bot and the worker do; decision 0037), promotion when a confirmed volunteer withdraws,
// and the answers refused after the close, the start, a cancel, or from someone the call never reached.
import type { ActorRow } from '@baiying/db';
import { answerOutcome, PurposeKey, type RosterStatus } from '@baiying/domain';
import { drainPresses } from '@baiying/features';
import { replayPresses } from '../../support/call-model.js';
import { callDraft, coordinatorOf, createCall, volunteerOf, volunteersOf } from '../../support/factories.js';
import { answer, callRow, callsHarness, codeOf, HOUR, MINUTE, recipientRow, type CallsWorld } from './calls-fixture.js';

const POOL = 30;
const { fresh } = callsHarness(POOL);

/** Runs at most `n` of the given tasks at a time, the others wait their turn (FIFO). */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

const emptyCounts = (): Record<RosterStatus, number> => ({ none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 });

describe('the roll-call under 500 simultaneous answers', () => {
  const HEADCOUNT = 100;
  const N = 500;

  /** Each volunteer's answers, in their own order: the five kinds of behaviour. */
  const script = (i: number): boolean[] => [[true], [false], [true, false], [false, true], [true, true]][i % 5]!;

  /** Applies the answers one after another with the pure rule: counts don't depend on interleaving. */
  function sequentialModel(): { counts: Record<RosterStatus, number>; yesSteps: number } {
    const state: RosterStatus[] = Array.from({ length: N }, () => 'none');
    const waiting: number[] = [];
    let confirmed = 0;
    let yesSteps = 0;
    for (let i = 0; i < N; i++) {
      for (const yes of script(i)) {
        const cur = state[i]!;
        const o = answerOutcome(cur, yes, confirmed - (cur === 'confirmed' ? 1 : 0), HEADCOUNT);
        switch (o.kind) {
          case 'unchanged':
            break;
          case 'confirmed':
            yesSteps++;
            confirmed++;
            state[i] = 'confirmed';
            break;
          case 'waitlisted':
            yesSteps++;
            waiting.push(i);
            state[i] = 'waitlisted';
            break;
          case 'declined':
            state[i] = 'declined';
            break;
          case 'withdrawn':
            if (cur === 'waitlisted') waiting.splice(waiting.indexOf(i), 1);
            state[i] = 'withdrawn';
            if (o.promote) {
              confirmed--;
              const next = waiting.shift();
              if (next !== undefined) {
                state[next] = 'confirmed';
                confirmed++;
              }
            }
            break;
        }
      }
    }
    const counts = emptyCounts();
    for (const s of state) counts[s]++;
    return { counts, yesSteps };
  }

  let world: CallsWorld;
  let vols: ActorRow[];
  let callId: string;

  beforeAll(async () => {
    world = await fresh();
    vols = await volunteersOf(world.h, N, { team: 'S-HP-ELDER', namePrefix: '并发' });
    const coord = await coordinatorOf(world.h, 'I-DH');
    ({ callId } = await createCall(world.desk, coord, callDraft(world.clock.now(), { headcount: HEADCOUNT, audience: { teamCodes: ['S-HP-ELDER'] } })));
  }, 120_000);

  it('keeps exact counts, never overfills, and orders the waiting list', async () => {
    const { h, desk } = world;
    expect(await h.prisma.callRecipient.count({ where: { callId } })).toBe(N);
    // While the answers run, committed states are sampled: no snapshot may show an overfill.
    let storming = true;
    let samples = 0;
    let mostConfirmed = 0;
    const sampler = (async () => {
      while (storming) {
        mostConfirmed = Math.max(mostConfirmed, await h.prisma.callRecipient.count({ where: { callId, roster: 'confirmed' } }));
        samples++;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    // All 500 start at once: each press is recorded in its own transaction (as the bot's turn
    // does), while the call's consumer applies what has been recorded, batch after batch (as the
    // worker's call-answers job does). The gate keeps at most 2 × the pool's transactions waiting.
    const gate = limiter(2 * POOL);
    let recording = true;
    let batches = 0;
    const consumer = (async () => {
      while (recording) {
        await drainPresses(desk.uow, desk.calls.applyAnswers, callId, (a) => (batches += a.applied ? 1 : 0));
        await new Promise((r) => setTimeout(r, 20));
      }
      await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    })();
    const settled = await Promise.allSettled(
      vols.map(async (v, i) => {
        const out: string[] = [];
        for (const yes of script(i)) out.push(codeOf(await gate(() => desk.uow.run((w) => desk.calls.answer.execute(w, v, { callId, yes })))));
        return out;
      }),
    );
    recording = false;
    await consumer;
    storming = false;
    await sampler;
    // The consumer really ran beside the presses (several batches), and every press was applied.
    expect(batches).toBeGreaterThan(1);
    expect(await h.prisma.callPress.count({ where: { callId, appliedAt: null } })).toBe(0);
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : s.value.filter((c) => c !== 'ok')));
    expect(failures).toEqual([]);
    // The sampler really watched the storm (it takes seconds), and never saw more than the headcount.
    expect(samples).toBeGreaterThan(3);
    expect(mostConfirmed).toBeLessThanOrEqual(HEADCOUNT);

    const model = sequentialModel();
    expect(model.counts).toEqual({ none: 0, confirmed: HEADCOUNT, waitlisted: 200, declined: 100, withdrawn: 100 });
    const rows = await h.prisma.callRecipient.findMany({ where: { callId } });
    const counts = emptyCounts();
    for (const r of rows) counts[r.roster]++;
    expect(counts).toEqual(model.counts);
    expect(await desk.uow.run((w) => w.repos.calls.counts(callId))).toEqual(model.counts);

    // Every person's place and number equal the presses replayed one at a time in the order applied.
    const presses = await h.prisma.callPress.findMany({ where: { callId }, orderBy: { applyOrder: 'asc' } });
    expect(presses.map((p) => p.applyOrder)).toEqual(presses.map((_, k) => k + 1));
    expect(presses.length).toBe(vols.reduce((n, _, i) => n + script(i).length, 0));
    const replay = replayPresses(
      vols.map((v) => v.personId),
      presses,
      HEADCOUNT,
    );
    expect(rows.filter((r) => replay.places.get(r.personId)!.roster !== r.roster || replay.places.get(r.personId)!.seq !== r.rosterSeq)).toEqual([]);
    expect(replay.counts).toEqual(model.counts);
    expect(replay.mostConfirmed).toBeLessThanOrEqual(HEADCOUNT);
    // Each person ends where their own answers put them.
    const byPerson = new Map(rows.map((r) => [r.personId, r]));
    const ends: RosterStatus[][] = [['confirmed', 'waitlisted'], ['declined'], ['withdrawn'], ['confirmed', 'waitlisted'], ['confirmed', 'waitlisted']];
    const misplaced = vols.flatMap((v, i) =>
      ends[i % 5]!.includes(byPerson.get(v.personId)!.roster) ? [] : [{ i, roster: byPerson.get(v.personId)!.roster }],
    );
    expect(misplaced).toEqual([]);

    // Every "yes" that changed something took its own number, 1 to the call's counter.
    const seqs = rows.map((r) => r.rosterSeq).filter((s): s is number => s !== null);
    expect(seqs.length).toBe(model.yesSteps);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: model.yesSteps }, (_, k) => k + 1));
    expect((await callRow(h, callId)).answerSeq).toBe(model.yesSteps);

    // The waiting list comes strictly after everyone confirmed (first come, first served).
    const confirmedSeqs = rows.filter((r) => r.roster === 'confirmed').map((r) => r.rosterSeq!);
    const waitSeqs = rows.filter((r) => r.roster === 'waitlisted').map((r) => r.rosterSeq!);
    expect(Math.max(...confirmedSeqs)).toBeLessThan(Math.min(...waitSeqs));

    // Promotions during the storm: one event each, and one message to each promoted person only.
    const promoted = (await h.prisma.callEvent.findMany({ where: { callId, type: 'promoted' } })).map((e) => (e.data as { personId: string }).personId);
    expect(promoted.length).toBeGreaterThan(0);
    expect(new Set(promoted).size).toBe(promoted.length);
    const promotionKeys = (await h.prisma.sentMessage.findMany({ where: { template: 'call-promoted' } })).map((m) => m.purposeKey).sort();
    expect(promotionKeys).toEqual(promoted.map((p) => PurposeKey.callPromoted(callId, p)).sort());
    // Events: one per change of place.
    const events = await h.prisma.callEvent.groupBy({ by: ['type'], where: { callId }, _count: { _all: true } });
    const ev = Object.fromEntries(events.map((e) => [e.type, e._count._all]));
    expect((ev['confirmed'] ?? 0) + (ev['waitlisted'] ?? 0)).toBe(model.yesSteps);
    expect(ev['declined']).toBe(200); // "no" only, and "no" before "yes"
    expect(ev['withdrawn']).toBe(100);

    // Now some confirmed withdraw one at a time: the first waiting are promoted, in order.
    const waitlist = rows.filter((r) => r.roster === 'waitlisted').sort((a, b) => a.rosterSeq! - b.rosterSeq!);
    const leaving = rows.filter((r) => r.roster === 'confirmed').slice(0, 5);
    const actorById = new Map(vols.map((v) => [v.personId, v]));
    for (const l of leaving) expect(await answer(desk, actorById.get(l.personId)!, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
    const after = new Map((await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => [r.personId, r]));
    for (const w of waitlist.slice(0, 5)) {
      expect(after.get(w.personId)!.roster).toBe('confirmed');
      expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: PurposeKey.callPromoted(callId, w.personId) } })).toMatchObject({
        template: 'call-promoted',
      });
    }
    for (const w of waitlist.slice(5)) expect(after.get(w.personId)!.roster).toBe('waitlisted');
    for (const l of leaving) expect(after.get(l.personId)!.roster).toBe('withdrawn');
    expect(await desk.uow.run((w) => w.repos.calls.counts(callId))).toEqual({ none: 0, confirmed: HEADCOUNT, waitlisted: 195, declined: 100, withdrawn: 105 });
    // The next in line is the sixth.
    expect((await desk.uow.run((w) => w.repos.calls.firstWaitlisted(callId)))?.personId).toBe(waitlist[5]!.personId);
  }, 300_000);
});

describe('answers the roll-call refuses', () => {
  let world: CallsWorld;
  let dh: ActorRow;
  let vols: ActorRow[];

  beforeEach(async () => {
    world = await fresh();
    dh = await coordinatorOf(world.h, 'I-DH');
    vols = await volunteersOf(world.h, 3, { team: 'S-HP-ELDER', namePrefix: '报名' });
  });

  const teamCall = (over: Parameters<typeof callDraft>[1] = {}) =>
    createCall(world.desk, dh, callDraft(world.clock.now(), { audience: { teamCodes: ['S-HP-ELDER'] }, ...over }));

  it('refuses answers from someone the call did not reach, and changes nothing', async () => {
    const { h, desk } = world;
    const { callId } = await teamCall();
    const elsewhere = await volunteerOf(h, { teams: ['S-XS-EDU'] });
    const xs = await coordinatorOf(h, 'I-XS');
    const before = await callRow(h, callId);
    const eventsBefore = await h.prisma.callEvent.count({ where: { callId } });
    expect(codeOf(await answer(desk, elsewhere, callId, true))).toBe('call/not_recipient');
    expect(codeOf(await answer(desk, elsewhere, callId, false))).toBe('call/not_recipient');
    expect(codeOf(await answer(desk, xs, callId, true))).toBe('call/not_recipient');
    const after = await callRow(h, callId);
    expect({ seq: after.answerSeq, version: after.version }).toEqual({ seq: before.answerSeq, version: before.version });
    expect(await h.prisma.callEvent.count({ where: { callId } })).toBe(eventsBefore);
    expect(await h.prisma.callRecipient.findUnique({ where: { callId_personId: { callId, personId: elsewhere.personId } } })).toBeNull();
    expect(await h.prisma.callRecipient.count({ where: { callId, roster: { not: 'none' } } })).toBe(0);
  });

  it('refuses "yes" after the close, lets a confirmed volunteer withdraw and promotes the first waiting', async () => {
    const { h, desk } = world;
    const [first, second, third] = vols as [ActorRow, ActorRow, ActorRow];
    const { callId } = await teamCall({ headcount: 1 });
    expect(await answer(desk, first, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    expect(await answer(desk, second, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, dh, { callId })))).toBe('ok');
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, dh, { callId })))).toBe('call/closed');
    expect(codeOf(await answer(desk, third, callId, true))).toBe('call/closed');
    expect((await recipientRow(h, callId, third.personId)).roster).toBe('none');
    // Withdrawing still works after the close, and the first waiting takes the place.
    expect(await answer(desk, first, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
    expect((await recipientRow(h, callId, first.personId)).roster).toBe('withdrawn');
    expect((await recipientRow(h, callId, second.personId)).roster).toBe('confirmed');
    expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: PurposeKey.callPromoted(callId, second.personId) } })).toMatchObject({
      template: 'call-promoted',
    });
    // Changing one's mind back is a new "yes": refused while closed.
    expect(codeOf(await answer(desk, first, callId, true))).toBe('call/closed');
    expect((await recipientRow(h, callId, first.personId)).roster).toBe('withdrawn');
  });

  it('refuses withdrawing once the call has started', async () => {
    const { h, desk, clock } = world;
    const [v] = vols as [ActorRow];
    const { callId } = await teamCall({ startsAt: new Date(clock.t0.getTime() + 2 * HOUR), endsAt: new Date(clock.t0.getTime() + 3 * HOUR) });
    expect(await answer(desk, v, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    clock.at(2 * HOUR - MINUTE);
    expect(await answer(desk, v, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
    expect(await answer(desk, v, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    clock.at(2 * HOUR + MINUTE);
    expect(codeOf(await answer(desk, v, callId, false))).toBe('call/started');
    expect((await recipientRow(h, callId, v.personId)).roster).toBe('confirmed');
  });

  it('refuses answers after a cancel, and another cancel or an extension', async () => {
    const { h, desk } = world;
    const [yes, late] = vols as [ActorRow, ActorRow];
    const { callId } = await teamCall();
    expect(await answer(desk, yes, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    expect(codeOf(await desk.uow.run((w) => desk.calls.cancel.execute(w, dh, { callId })))).toBe('ok');
    expect(codeOf(await answer(desk, late, callId, true))).toBe('call/cancelled');
    expect(codeOf(await answer(desk, yes, callId, false))).toBe('call/cancelled');
    expect(codeOf(await desk.uow.run((w) => desk.calls.cancel.execute(w, dh, { callId })))).toBe('call/cancelled');
    expect(codeOf(await desk.uow.run((w) => desk.calls.extend.execute(w, dh, { callId, hours: 2 })))).toBe('call/cancelled');
    expect((await recipientRow(h, callId, yes.personId)).roster).toBe('confirmed');
    expect((await recipientRow(h, callId, late.personId)).roster).toBe('none');
  });
});
