// Check-in that cannot be done from the sofa, and hours for time actually served (issue 10,
// item 6): the check-in code is shown on site only (never in a reminder, on any channel); a
// check-in needs that code or a live location within the site's radius, with a few attempts per
// person and call; a button alone checks nobody in. Hours are check-in to check-out; whoever
// never checked out gets nothing until a coordinator of the call's unit confirms them, then the
// time to the end.
import { renderWechat } from '@baiying/channels';
import type { ActorRow } from '@baiying/db';
import type { Channel, OutMessage } from '@baiying/domain';
import { callCheckButton } from '@baiying/features';
import { buttonRegistry, type Work } from '@baiying/kernel';
import { callDraft, coordinatorOf, createCall, volunteersOf } from '../../support/factories.js';
import { answer, callRow, callsHarness, codeOf, HOUR, MINUTE, recipientRow, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness();
const SITE = { lat: 31.36, lng: 119.82 };
/** About 55 m north of the site. */
const NEAR = { lat: SITE.lat + 0.0005, lng: SITE.lng };
/** About 1.1 km north of the site. */
const FAR = { lat: SITE.lat + 0.01, lng: SITE.lng };
/** A code no call code or time can contain (no month 13). */
const KNOWN_CODE = '135791';

type CheckInBy = { callId: string } | { code: string } | { location: { lat: number; lng: number; live?: boolean } };

describe('attendance: check-in needs the site code or a live location; hours are served time', () => {
  let world: CallsWorld;
  let callId: string;
  let coord: ActorRow;
  /** Three confirmed volunteers, one on each channel, and one who stays silent. */
  let vols: ActorRow[];
  let silent: ActorRow;

  const at = (ms: number) => world.clock.at(ms);
  const run = <T>(fn: (w: Work) => Promise<T>) => world.desk.uow.run(fn);
  const checkIn = (who: ActorRow, by: CheckInBy) => run((w) => world.desk.calls.checkIn.execute(w, who, by));
  const checkOut = (who: ActorRow) => run((w) => world.desk.calls.checkOut.execute(w, who, {}));
  const finish = () => run((w) => world.desk.calls.timer.execute(w, { callId, kind: 'finish' }));
  const confirm = (who: ActorRow) => run((w) => world.desk.calls.confirmAttendance.execute(w, who, { callId }));
  const recipient = (who: ActorRow) => recipientRow(world.h, callId, who.personId);
  const points = (hours: number) => Math.round(hours * world.h.config.pointsPerHour);
  const ledger = (who: ActorRow) => world.h.prisma.pointsEntry.findMany({ where: { personId: who.personId } });
  const wrongCode = (n: number) => String((Number(KNOWN_CODE) + n) % 1_000_000).padStart(6, '0');

  beforeEach(async () => {
    world = await fresh();
    const { h, desk, clock } = world;
    vols = [];
    for (const channel of ['telegram', 'wechat', 'web'] as Channel[])
      vols.push(...(await volunteersOf(h, 1, { team: 'S-HP-ELDER', channel, namePrefix: `到场${channel}` })));
    [silent] = (await volunteersOf(h, 1, { team: 'S-HP-ELDER', namePrefix: '未回复' })) as [ActorRow];
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
    await h.prisma.call.update({ where: { id: callId }, data: { checkCode: KNOWN_CODE } });
    for (const v of vols) expect(codeOf(await answer(desk, v, callId, true))).toBe('ok');
  });

  it('sends no check-in code and no check-in button in any reminder, on any channel', async () => {
    const { h, desk } = world;
    const registry = buttonRegistry([callCheckButton]);
    const budget = { telegram: 100, wechat: 100, web: 100 };
    expect(await run((w) => desk.calls.fanOut.execute(w, { callId, budget }))).toMatchObject({ done: false });
    expect(await run((w) => desk.calls.fanOut.execute(w, { callId, budget }))).toMatchObject({ done: true });
    expect(await run((w) => desk.calls.timer.execute(w, { callId, kind: 'remind-60' }))).toBe('reminded 3');
    expect(codeOf(await run((w) => desk.calls.remind.execute(w, coord, { callId })))).toBe('ok');
    const rows = await h.prisma.sentMessage.findMany({ where: { template: { in: ['call', 'call-reminder', 'call-nudge'] } } });
    // The reminder to the three who said yes (one per channel), the nudge to the silent.
    expect(
      rows
        .filter((r) => r.template === 'call-reminder')
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['telegram', 'web', 'wechat']);
    expect(await h.prisma.sentMessage.findFirst({ where: { template: 'call-nudge', purposeKey: { endsWith: silent.personId } } })).not.toBeNull();
    for (const row of rows) {
      const body = JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage;
      const shown = [renderWechat(body), renderWechat(body, false), ...(body.buttons ?? []).flat().map((b) => `${b.label} ${b.keyword ?? ''}`)].join('\n');
      expect({ template: row.template, channel: row.channel, leaks: shown.includes(KNOWN_CODE) }).toEqual({
        template: row.template,
        channel: row.channel,
        leaks: false,
      });
      expect(shown).not.toMatch(/签到\s*\d{6}/);
      // No button there checks anyone in.
      const checkIns = (body.buttons ?? []).flat().filter((b) => {
        const d = h.buttons.decode(b.data, registry, { channel: row.channel, chatId: row.chatId });
        return d.ok && d.def === callCheckButton;
      });
      expect(checkIns).toEqual([]);
    }
    // The code is in the coordinator's own tally (to show on site).
    expect(await run((w) => desk.calls.status.execute(w, coord, { callId }))).toMatchObject({
      ok: true,
      value: { tally: expect.stringContaining(`签到码 ${KNOWN_CODE}`) as unknown },
    });
  });

  it('refuses a check-in by button alone, with a clear answer', async () => {
    at(2 * HOUR);
    const [a] = vols as [ActorRow];
    expect(codeOf(await checkIn(a, { callId }))).toBe('call/check_in_needs_code');
    expect((await recipient(a)).checkedInAt).toBeNull();
    expect(codeOf(await checkIn(a, { code: KNOWN_CODE }))).toBe('ok');
    expect((await recipient(a)).checkedInAt).toEqual(world.clock.now());
  });

  it('limits wrong codes per person and call: then even the right code is refused', async () => {
    const [a, b] = vols as [ActorRow, ActorRow];
    const max = world.h.config.calls.checkInMaxAttempts;
    at(90 * MINUTE);
    for (let i = 1; i <= max; i++) expect(codeOf(await checkIn(a, { code: wrongCode(i) }))).toBe('call/bad_check_code');
    expect(codeOf(await checkIn(a, { code: KNOWN_CODE }))).toBe('call/check_in_locked');
    expect(codeOf(await checkIn(a, { location: { ...NEAR, live: true } }))).toBe('call/check_in_locked');
    expect((await recipient(a)).checkedInAt).toBeNull();
    // A burst at once does not get more tries than the limit.
    const burst = await Promise.all(Array.from({ length: max * 3 }, (_, i) => checkIn(b, { code: wrongCode(100 + i) })));
    expect(burst.filter((r) => codeOf(r) === 'call/bad_check_code')).toHaveLength(max);
    expect(burst.filter((r) => codeOf(r) === 'call/check_in_locked')).toHaveLength(max * 2);
    expect((await recipient(b)).checkInAttempts).toBe(max);
    expect(codeOf(await checkIn(b, { code: KNOWN_CODE }))).toBe('call/check_in_locked');
    // Another person is not affected; malformed input is refused as such.
    const [, , c] = vols as [ActorRow, ActorRow, ActorRow];
    expect(codeOf(await checkIn(c, { code: 'x'.repeat(21) }))).toBe('input/invalid');
    expect(codeOf(await checkIn(c, { code: KNOWN_CODE }))).toBe('ok');
  });

  it('takes a live location within the radius only, a few times at most', async () => {
    const [a, b] = vols as [ActorRow, ActorRow];
    const max = world.h.config.calls.checkInMaxAttempts;
    at(90 * MINUTE);
    // Coordinates a client posts (a map pin, the web page, typed) are not a live fix.
    expect(codeOf(await checkIn(a, { location: NEAR }))).toBe('call/location_not_live');
    expect(codeOf(await checkIn(a, { location: { ...NEAR, live: false } }))).toBe('call/location_not_live');
    const far = await checkIn(a, { location: { ...FAR, live: true } });
    expect(codeOf(far)).toBe('call/too_far');
    expect(far.ok ? null : far.detail).toMatchObject({ radius: 200 });
    expect((await recipient(a)).checkedInAt).toBeNull();
    expect(codeOf(await checkIn(a, { location: { ...NEAR, live: true } }))).toBe('ok');
    expect((await recipient(a)).checkedInAt).toEqual(world.clock.now());
    // Far fixes use up the attempts like wrong codes.
    for (let i = 0; i < max; i++) expect(codeOf(await checkIn(b, { location: { ...FAR, live: true } }))).toBe('call/too_far');
    expect(codeOf(await checkIn(b, { location: { ...NEAR, live: true } }))).toBe('call/check_in_locked');
    expect((await recipient(b)).checkedInAt).toBeNull();
  });

  it('credits checked-in-to-checked-out time; the never-checked-out get nothing until a coordinator of the unit confirms', async () => {
    const { h, clock } = world;
    const [a, b, c] = vols as [ActorRow, ActorRow, ActorRow];
    const xs = await coordinatorOf(h, 'I-XS');
    at(70 * MINUTE);
    expect(codeOf(await checkIn(a, { code: KNOWN_CODE }))).toBe('ok');
    expect(codeOf(await checkIn(b, { location: { ...NEAR, live: true } }))).toBe('ok');
    at(2 * HOUR);
    expect(codeOf(await checkIn(c, { code: KNOWN_CODE }))).toBe('ok');
    // a: in at 1:10, out at 3:34 → 2 h 24 min → 2.25 h.
    at(3 * HOUR + 34 * MINUTE);
    expect(await checkOut(a)).toEqual({ ok: true, value: { code: expect.any(String) as unknown, hours: 2.25, points: points(2.25) } });
    // Before the end nobody confirms (the others may still check out).
    expect(codeOf(await confirm(coord))).toBe('call/not_finished');

    // The finish credits nobody who never checked out, and tells the coordinator.
    at(6 * HOUR);
    expect(await finish()).toBe('unconfirmed 2');
    for (const who of [b, c]) {
      const row = await recipient(who);
      expect({ hours: row.hours, creditedAt: row.creditedAt, checkedOutAt: row.checkedOutAt }).toEqual({ hours: null, creditedAt: null, checkedOutAt: null });
      expect(await ledger(who)).toEqual([]);
    }
    const notice = await h.prisma.sentMessage.findFirstOrThrow({ where: { template: 'call-unconfirmed' } });
    expect(renderWechat(JSON.parse(h.cipher.decrypt(notice.bodyEnc)) as OutMessage)).toMatch(/2 人签到后未签退/);
    expect(await finish()).toBe('unconfirmed 2');
    expect(await h.prisma.sentMessage.count({ where: { template: 'call-unconfirmed' } })).toBe(1);

    // Wrong scope, wrong role: refused, nothing credited.
    expect(codeOf(await confirm(xs))).toBe('auth/out_of_scope');
    expect(codeOf(await confirm(b))).toBe('auth/not_coordinator');
    expect(codeOf(await run((w) => world.desk.calls.confirmAttendance.execute(w, coord, { callId: 'nope' })))).toBe('input/invalid');
    expect((await recipient(b)).creditedAt).toBeNull();

    // The coordinator confirms: b and c are credited to the end, once.
    expect(await confirm(coord)).toEqual({ ok: true, value: { code: expect.any(String) as unknown, n: 2 } });
    const endsAt = new Date(clock.t0.getTime() + 5 * HOUR);
    for (const [who, hours] of [
      [b, 3.75],
      [c, 3],
    ] as const) {
      const row = await recipient(who);
      expect({ hours: Number(row.hours), checkedOutAt: row.checkedOutAt }).toEqual({ hours, checkedOutAt: endsAt });
      expect(await ledger(who)).toEqual([expect.objectContaining({ sourceKey: `call_attendance:${callId}:${who.personId}`, delta: points(hours) })]);
    }
    const confirmed = await h.prisma.callEvent.findFirstOrThrow({ where: { callId, type: 'confirm_attendance' } });
    expect(confirmed).toMatchObject({ actorId: coord.personId, data: { n: 2 } });
    expect(codeOf(await confirm(coord))).toBe('call/nothing_to_confirm');
    expect(await finish()).toBe('unconfirmed 0');
    expect(Number((await recipient(a)).hours)).toBe(2.25);
    expect(await h.prisma.pointsEntry.count({ where: { sourceKey: { startsWith: `call_attendance:${callId}:` } } })).toBe(3);
    expect((await callRow(h, callId)).status).toBe('closed');
  });
});
