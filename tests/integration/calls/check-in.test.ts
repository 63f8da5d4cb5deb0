// 签到 / 签退 on the day of a call, on the test's clock: check-in opens an hour before the start
// for the confirmed only (by the six-digit code or a live location within the radius), check-out
// credits floored quarter hours and points once, and whoever is still checked in at the finish is
// credited (capped at the end) only once a coordinator confirms. Limits and leaks:
// attendance-security.test.ts.
import type { ActorRow } from '@baiying/db';
import { PurposeKey } from '@baiying/domain';
import { callDraft, coordinatorOf, createCall, volunteersOf } from '../../support/factories.js';
import { answer, callRow, callsHarness, codeOf, HOUR, MINUTE, recipientRow, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness();
const SITE = { lat: 31.36, lng: 119.82 };

type CheckInBy = { code: string } | { location: { lat: number; lng: number; live: boolean } };

describe('check-in, check-out and hours', () => {
  let world: CallsWorld;
  let callId: string;
  let checkCode: string;
  /** Three confirmed (the headcount) and d on the waiting list. */
  let a: ActorRow;
  let b: ActorRow;
  let c: ActorRow;
  let d: ActorRow;
  let coord: ActorRow;

  const at = (ms: number) => world.clock.at(ms);
  const checkIn = (who: ActorRow, by: CheckInBy) => world.desk.uow.run((w) => world.desk.calls.checkIn.execute(w, who, by));
  const checkOut = (who: ActorRow, id?: string) => world.desk.uow.run((w) => world.desk.calls.checkOut.execute(w, who, id ? { callId: id } : {}));
  const finish = () => world.desk.uow.run((w) => world.desk.calls.timer.execute(w, { callId, kind: 'finish' }));
  const confirm = () => world.desk.uow.run((w) => world.desk.calls.confirmAttendance.execute(w, coord, { callId }));
  const recipient = (who: ActorRow) => recipientRow(world.h, callId, who.personId);
  const points = (hours: number) => Math.round(hours * world.h.config.pointsPerHour);

  /** a by code and b by location at 1:10, c by code at the start (2:00). */
  async function everyoneArrives(): Promise<void> {
    at(70 * MINUTE);
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('ok');
    expect(codeOf(await checkIn(b, { location: { lat: SITE.lat + 0.0005, lng: SITE.lng, live: true } }))).toBe('ok');
    at(2 * HOUR);
    expect(codeOf(await checkIn(c, { code: checkCode }))).toBe('ok');
  }

  beforeEach(async () => {
    world = await fresh();
    const { h, desk, clock } = world;
    [a, b, c, d] = (await volunteersOf(h, 4, { team: 'S-HP-ELDER', namePrefix: '签到' })) as [ActorRow, ActorRow, ActorRow, ActorRow];
    coord = await coordinatorOf(h, 'I-DH');
    const t0 = clock.t0.getTime();
    ({ callId } = await createCall(
      desk,
      coord,
      callDraft(clock.now(), {
        headcount: 3,
        site: SITE,
        radiusM: 200,
        startsAt: new Date(t0 + 2 * HOUR),
        endsAt: new Date(t0 + 5 * HOUR),
        audience: { teamCodes: ['S-HP-ELDER'] },
      }),
    ));
    checkCode = (await callRow(h, callId)).checkCode;
    for (const v of [a, b, c, d]) expect(codeOf(await answer(desk, v, callId, true))).toBe('ok');
    expect((await recipient(d)).roster).toBe('waitlisted');
  });

  it('opens check-in an hour before the start, to the confirmed only', async () => {
    at(30 * MINUTE);
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/nothing_to_check_in');
    expect(codeOf(await checkIn(b, { location: { ...SITE, live: true } }))).toBe('call/nothing_to_check_in');
    at(HOUR - MINUTE);
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/nothing_to_check_in');
    expect((await recipient(a)).checkedInAt).toBeNull();
    expect((await recipient(b)).checkedInAt).toBeNull();
    // From an hour before: the confirmed check in, the waiting list does not.
    at(HOUR);
    expect(codeOf(await checkIn(d, { code: checkCode }))).toBe('call/nothing_to_check_in');
    expect((await recipient(d)).checkedInAt).toBeNull();
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('ok');
    expect((await recipient(a)).checkedInAt).toEqual(world.clock.now());
  });

  it('checks in by code and by a live location within the radius, once each', async () => {
    at(70 * MINUTE);
    const wrong = String((Number(checkCode) + 1) % 1_000_000).padStart(6, '0');
    expect(codeOf(await checkIn(a, { code: wrong }))).toBe('call/bad_check_code');
    expect((await recipient(a)).checkedInAt).toBeNull();
    expect(await checkIn(a, { code: ` ${checkCode} ` })).toMatchObject({
      ok: true,
      value: { call: { id: callId }, code: expect.stringMatching(/^M-\d{8}-\d{3}$/) as unknown, title: '防汛搬沙袋' },
    });
    expect((await recipient(a)).checkedInAt).toEqual(world.clock.now());
    // A second check-in (a double tap) does not move the time.
    at(75 * MINUTE);
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/already_checked_in');
    expect((await recipient(a)).checkedInAt).toEqual(new Date(world.clock.t0.getTime() + 70 * MINUTE));

    // About 1.1 km north: too far for a 200 m radius.
    const far = await checkIn(b, { location: { lat: SITE.lat + 0.01, lng: SITE.lng, live: true } });
    expect(codeOf(far)).toBe('call/too_far');
    expect(far.ok ? null : far.detail).toMatchObject({ radius: 200 });
    expect(far.ok ? 0 : Number(far.detail?.['meters'])).toBeGreaterThan(1000);
    expect((await recipient(b)).checkedInAt).toBeNull();
    // About 55 m away: in.
    expect(codeOf(await checkIn(b, { location: { lat: SITE.lat + 0.0005, lng: SITE.lng, live: true } }))).toBe('ok');
    expect((await recipient(b)).checkedInAt).toEqual(world.clock.now());

    at(2 * HOUR);
    expect(codeOf(await checkIn(c, { code: checkCode }))).toBe('ok');
    expect((await recipient(c)).checkedInAt).toEqual(world.clock.now());
    const byHow = (await world.h.prisma.callEvent.findMany({ where: { callId, type: 'check_in' } })).map((e) => [e.actorId, (e.data as { by: string }).by]);
    expect(byHow.sort()).toEqual(
      [
        [a.personId, 'code'],
        [b.personId, 'location'],
        [c.personId, 'code'],
      ].sort(),
    );
  });

  it('credits floored quarter hours and points at check-out, once', async () => {
    const { h, desk } = world;
    await everyoneArrives();
    // In at 1:10, out at 3:34: 2 h 24 min → 2.25 h (floored to the quarter).
    at(3 * HOUR + 34 * MINUTE);
    expect(await checkOut(a)).toEqual({ ok: true, value: { code: expect.any(String) as unknown, hours: 2.25, points: points(2.25) } });
    const row = await recipient(a);
    expect(Number(row.hours)).toBe(2.25);
    expect(row.checkedOutAt).toEqual(world.clock.now());
    expect(row.creditedAt).toEqual(world.clock.now());
    expect(await h.prisma.pointsEntry.findUniqueOrThrow({ where: { sourceKey: `call_attendance:${callId}:${a.personId}` } })).toMatchObject({
      personId: a.personId,
      delta: points(2.25),
    });
    expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: PurposeKey.callCredited(callId, a.personId) } })).toMatchObject({
      template: 'hours-credited',
    });
    // Nothing more to check out (d never checked in); the ledger holds one entry.
    expect(codeOf(await checkOut(a))).toBe('call/not_checked_in');
    expect(codeOf(await checkOut(a, callId))).toBe('call/not_checked_in');
    expect(codeOf(await checkOut(d, callId))).toBe('call/not_checked_in');
    expect(await h.prisma.pointsEntry.findMany({ where: { personId: a.personId } })).toEqual([expect.objectContaining({ delta: points(2.25) })]);
    // The volunteer's record counts the call's hours and points.
    expect(await desk.uow.run((w) => desk.volunteers.record.execute(w, a))).toMatchObject({ ok: true, value: { hours: 2.25, points: points(2.25) } });
    // b and c are still on site.
    expect((await recipient(b)).creditedAt).toBeNull();
    expect((await recipient(c)).creditedAt).toBeNull();
  });

  it('credits those still checked in at the finish only when a coordinator confirms, capped at the end, exactly once', async () => {
    const { h, desk, clock } = world;
    await everyoneArrives();
    at(3 * HOUR + 34 * MINUTE);
    expect(codeOf(await checkOut(a))).toBe('ok');
    // Before the end, the finish timer does nothing.
    at(4 * HOUR);
    expect(await finish()).toBe('skipped');
    expect((await recipient(b)).creditedAt).toBeNull();
    at(6 * HOUR);
    expect(await finish()).toBe('unconfirmed 2');
    expect((await recipient(b)).creditedAt).toBeNull();
    expect(await h.prisma.pointsEntry.count({ where: { personId: { in: [b.personId, c.personId] } } })).toBe(0);
    // Two confirmations at once credit nobody twice.
    expect((await Promise.all([confirm(), confirm()])).map(codeOf).sort()).toEqual(['call/nothing_to_confirm', 'ok']);
    const endsAt = new Date(clock.t0.getTime() + 5 * HOUR);
    // b: 1:10 → 5:00 = 3 h 50 min → 3.75 h; c: 2:00 → 5:00 = 3 h.
    for (const [who, hours] of [
      [b, 3.75],
      [c, 3],
    ] as const) {
      const row = await recipient(who);
      expect(Number(row.hours)).toBe(hours);
      expect(row.checkedOutAt).toEqual(endsAt);
      expect(row.creditedAt).toEqual(clock.now());
      expect(await h.prisma.pointsEntry.findMany({ where: { personId: who.personId } })).toEqual([
        expect.objectContaining({ sourceKey: `call_attendance:${callId}:${who.personId}`, delta: points(hours) }),
      ]);
      expect(await desk.uow.run((w) => desk.volunteers.record.execute(w, who))).toMatchObject({ ok: true, value: { hours } });
    }
    // a was credited at check-out and not again; d never checked in.
    expect(Number((await recipient(a)).hours)).toBe(2.25);
    expect((await recipient(d)).hours).toBeNull();
    expect(await h.prisma.pointsEntry.count({ where: { sourceKey: { startsWith: `call_attendance:${callId}:` } } })).toBe(3);
    expect((await callRow(h, callId)).status).toBe('closed');
    // Two finish timers at once still credit nobody twice.
    expect(await Promise.all([finish(), finish()])).toEqual(['unconfirmed 0', 'unconfirmed 0']);
    expect(await h.prisma.pointsEntry.count()).toBe(3);
    // After the end nobody checks in.
    expect(codeOf(await checkIn(d, { code: checkCode }))).toBe('call/nothing_to_check_in');
    expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/nothing_to_check_in');
  });
});
