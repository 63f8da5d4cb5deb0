// The coordinator's controls of a call, at the desk level on the test's clock: remind the
// silent (once, only after the call reached everyone), cancel (everyone who said yes is told,
// sending stops), extend (never past the start; reopens), and the answer deadline — including
// an extension that races the deadline timer.
import type { ActorRow } from '@baiying/db';
import { PurposeKey } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import { callDraft, coordinatorOf, createCall, volunteersOf } from '../../support/factories.js';
import { answer, callRow, callsHarness, codeOf, HOUR, ids, MINUTE, sentTo, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness();
const ALL = { telegram: 100, wechat: 100, web: 100 };

describe('the coordinator’s controls', () => {
  let world: CallsWorld;
  let dh: ActorRow;
  let vols: ActorRow[];

  beforeEach(async () => {
    world = await fresh();
    dh = await coordinatorOf(world.h, 'I-DH');
    vols = await volunteersOf(world.h, 10, { team: 'S-HP-ELDER', namePrefix: '控制' });
  });

  const teamCall = (over: Parameters<typeof callDraft>[1] = {}) =>
    createCall(world.desk, dh, callDraft(world.clock.now(), { headcount: 2, audience: { teamCodes: ['S-HP-ELDER'] }, ...over })).then((c) => c.callId);
  const run = <T>(fn: (w: Work) => Promise<T>): Promise<T> => world.desk.uow.run(fn);

  it('reminds the silent once, only them, and only after the call reached everyone', async () => {
    const { h, desk } = world;
    const callId = await teamCall();
    expect(await answer(desk, vols[0]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    expect(await answer(desk, vols[1]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    expect(await answer(desk, vols[2]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
    expect(await answer(desk, vols[3]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'declined' } });
    expect(await answer(desk, vols[4]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
    expect(await answer(desk, vols[4]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
    const silent = ids(vols.slice(5));
    // Reminding while the call is still going out would waste the one reminder: refused…
    expect(codeOf(await run((w) => desk.calls.remind.execute(w, dh, { callId })))).toBe('call/still_sending');
    expect((await callRow(h, callId)).nudgedAt).toBeNull();
    // …until the fan-out has queued the call for everyone (one step queues all ten, the next finds it done).
    expect(await run((w) => desk.calls.fanOut.execute(w, { callId, budget: ALL }))).toEqual({ queued: 10, done: false });
    expect(await run((w) => desk.calls.fanOut.execute(w, { callId, budget: ALL }))).toEqual({ queued: 0, done: true });

    expect(await run((w) => desk.calls.remind.execute(w, dh, { callId }))).toMatchObject({ ok: true, value: { reminded: silent.length } });
    expect(await sentTo(h, PurposeKey.callNudgesOf(callId))).toEqual(silent);
    for (const m of await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: PurposeKey.callNudgesOf(callId) } } })) {
      expect(m).toMatchObject({ atMostOnce: true, template: 'call-nudge', status: 'pending' });
    }
    expect((await callRow(h, callId)).nudgedAt).toEqual(world.clock.now());

    expect(codeOf(await run((w) => desk.calls.remind.execute(w, dh, { callId })))).toBe('call/already_reminded');
    expect(await sentTo(h, PurposeKey.callNudgesOf(callId))).toEqual(silent);
    expect(await h.prisma.callEvent.count({ where: { callId, type: 'remind_silent' } })).toBe(1);
  });

  it('tells everyone who said yes when the call is cancelled, and stops sending', async () => {
    const { h, desk } = world;
    const callId = await teamCall();
    for (const i of [0, 1, 2]) expect(codeOf(await answer(desk, vols[i]!, callId, true))).toBe('ok');
    expect(await answer(desk, vols[3]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'declined' } });
    expect(await answer(desk, vols[4]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
    expect(await answer(desk, vols[4]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
    expect(await run((w) => desk.calls.cancel.execute(w, dh, { callId }))).toMatchObject({ ok: true, value: { told: 3 } });
    // The two confirmed and the one still waiting; not who declined or withdrew.
    expect(await sentTo(h, PurposeKey.callCancelledOf(callId))).toEqual(ids(vols.slice(0, 3)));
    const call = await callRow(h, callId);
    expect(call.status).toBe('cancelled');
    expect(call.closedAt).toEqual(world.clock.now());
    // The fan-out of a cancelled call stops without sending.
    expect(await run((w) => desk.calls.fanOut.execute(w, { callId, budget: ALL }))).toEqual({ queued: 0, done: true });
    expect((await callRow(h, callId)).fanoutDoneAt).not.toBeNull();
    expect(await sentTo(h, PurposeKey.callMessagesOf(callId))).toEqual([]);
    // Reminders and remind-silent stop too.
    expect(codeOf(await run((w) => desk.calls.remind.execute(w, dh, { callId })))).toBe('call/closed');
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'remind-60' }))).toBe('skipped');
    expect(await h.prisma.sentMessage.count({ where: { template: { in: ['call-nudge', 'call-reminder'] } } })).toBe(0);
  });

  it('sends the reminder before the start to the confirmed only', async () => {
    const { h, desk } = world;
    const callId = await teamCall();
    for (const i of [0, 1, 2]) expect(codeOf(await answer(desk, vols[i]!, callId, true))).toBe('ok');
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'remind-60' }))).toBe('reminded 2');
    const keys = (await h.prisma.sentMessage.findMany({ where: { template: 'call-reminder' } })).map((m) => m.purposeKey).sort();
    expect(keys).toEqual(
      vols
        .slice(0, 2)
        .map((v) => PurposeKey.callReminder(callId, 60, v.personId))
        .sort(),
    );
    // After the start there is nothing to remind of.
    world.clock.at(48 * HOUR);
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'remind-30' }))).toBe('skipped');
  });

  it('extends the deadline, never past the start, and reopens a closed call', async () => {
    const { h, desk, clock } = world;
    const startsAt = new Date(clock.t0.getTime() + 48 * HOUR);
    const answerBy = new Date(clock.t0.getTime() + 40 * HOUR);
    const callId = await teamCall({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), answerBy });
    expect(await run((w) => desk.calls.extend.execute(w, dh, { callId, hours: 2 }))).toMatchObject({
      ok: true,
      value: { answerBy: new Date(answerBy.getTime() + 2 * HOUR) },
    });
    expect((await callRow(h, callId)).answerBy).toEqual(new Date(answerBy.getTime() + 2 * HOUR));
    for (const hours of [0, -1, Number.NaN]) expect(codeOf(await run((w) => desk.calls.extend.execute(w, dh, { callId, hours })))).toBe('call/bad_input');
    expect(codeOf(await run((w) => desk.calls.close.execute(w, dh, { callId })))).toBe('ok');
    expect(await run((w) => desk.calls.extend.execute(w, dh, { callId, hours: 24 }))).toMatchObject({ ok: true, value: { answerBy: startsAt } });
    const call = await callRow(h, callId);
    expect(call.answerBy).toEqual(startsAt);
    expect(call.status).toBe('open');
    expect(call.closedAt).toBeNull();
    expect(await answer(desk, vols[0]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    expect(await h.prisma.callEvent.count({ where: { callId, type: 'extend' } })).toBe(2);
    // The old deadline timer, firing at its time, does not close the extended call.
    clock.at(40 * HOUR);
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'deadline' }))).toBe('skipped');
    expect((await callRow(h, callId)).status).toBe('open');
    // Once started, nothing extends it.
    clock.at(48 * HOUR);
    expect(codeOf(await run((w) => desk.calls.extend.execute(w, dh, { callId, hours: 1 })))).toBe('call/started');
  });

  it('closes at the deadline: no new "yes" after answerBy', async () => {
    const { h, desk, clock } = world;
    const callId = await teamCall({ headcount: 5, answerBy: new Date(clock.t0.getTime() + HOUR) });
    // Early (a re-added job): not yet.
    clock.at(HOUR - 2 * MINUTE);
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'deadline' }))).toBe('skipped');
    expect((await callRow(h, callId)).status).toBe('open');
    clock.at(HOUR + MINUTE);
    expect(codeOf(await answer(desk, vols[0]!, callId, true))).toBe('call/closed');
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'deadline' }))).toBe('closed');
    const call = await callRow(h, callId);
    expect(call.status).toBe('closed');
    expect(call.closedAt).toEqual(clock.now());
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'deadline' }))).toBe('skipped');
    expect(await h.prisma.callEvent.count({ where: { callId, type: 'deadline' } })).toBe(1);
  });

  it('lets an extension racing the deadline timer win', async () => {
    const { h, desk, clock } = world;
    const callId = await teamCall({ headcount: 5, answerBy: new Date(clock.t0.getTime() + HOUR) });
    clock.at(HOUR);
    // The coordinator extends right at the deadline; the deadline timer fires meanwhile.
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let extended = (): void => undefined;
    const inside = new Promise<void>((r) => {
      extended = r;
    });
    const ext = desk.uow.run(async (w) => {
      const r = await desk.calls.extend.execute(w, dh, { callId, hours: 2 });
      extended();
      await gate;
      return r;
    });
    await inside;
    const timer = desk.uow.run((w) => desk.calls.timer.execute(w, { callId, kind: 'deadline' }));
    try {
      // The positive signal that the timer is blocked behind the extension's row lock.
      await waitForLockWait(world);
    } finally {
      release();
    }
    expect(codeOf(await ext)).toBe('ok');
    expect(await timer).toBe('skipped');
    const call = await callRow(h, callId);
    expect(call.status).toBe('open');
    expect(call.answerBy).toEqual(new Date(clock.t0.getTime() + 3 * HOUR));
    expect(await answer(desk, vols[0]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
  });
});

/** Waits until some session of this database waits for a lock. */
async function waitForLockWait({ h }: CallsWorld): Promise<void> {
  const end = Date.now() + 15_000;
  for (;;) {
    const rows = await h.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`;
    if (Number(rows[0]?.n ?? 0) > 0) return;
    if (Date.now() > end) throw new Error('timed out waiting for the deadline timer to wait for the extension');
    await new Promise((r) => setTimeout(r, 20));
  }
}
