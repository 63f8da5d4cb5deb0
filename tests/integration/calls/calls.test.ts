// 一呼百应 at the desk level, on the real database: the roll-call under 500 simultaneous
// answers, who may call whom, input checks, check-in/out with hours and points (the clock
// under the test's control), and the coordinator's controls and the fan-out's budget.
// Jobs go to Redis after commit; no worker runs here, so everything is asserted on rows.
import { seedBulkVolunteers, type ActorRow, type Channel } from '@baiying/db';
import { Desk, type CallDraft } from '@baiying/desk';
import { answerOutcome, type RosterStatus } from '@baiying/domain';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from './support/test-env.js';

const MINUTE = 60_000;
const POOL = 30;

/** Runs at most `n` of the given tasks at a time, the others wait their turn (FIFO). */
function limiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T,>(task: () => Promise<T>): Promise<T> => {
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
const HOUR = 60 * MINUTE;

type Outcome = { ok: true } | { ok: false; code: string; detail?: Record<string, string | number> };
const codeOf = (r: Outcome): string => (r.ok ? 'ok' : r.code);

describe('mobilisation (一呼百应)', () => {
  const config = testConfig();
  let h: DeskHarness;

  beforeAll(() => {
    h = deskHarness(config, POOL);
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  // --- helpers ------------------------------------------------------------------------------

  const actor = (personId: string, desk: Desk = h.desk): Promise<ActorRow> => desk.uow.run((w) => w.repos.people.actor(personId));

  async function demo(key: string, desk: Desk = h.desk): Promise<ActorRow> {
    const id = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: key } } });
    return actor(id.personId, desk);
  }

  /** A coordinator of `unitCode` with a web identity. */
  async function coordinatorOf(unitCode: string, key: string): Promise<ActorRow> {
    const unit = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
    const person = await h.prisma.person.create({
      data: { displayName: key, identities: { create: { channel: 'web', externalId: key, chatId: key } }, roles: { create: { role: 'coordinator', orgUnitId: unit.id } } },
    });
    return actor(person.id);
  }

  async function actors(personIds: string[], desk: Desk = h.desk): Promise<ActorRow[]> {
    return desk.uow.run(async (w) => {
      const out: ActorRow[] = [];
      for (const id of personIds) out.push(await w.repos.people.actor(id));
      return out;
    });
  }

  function draft(now: Date, over: Partial<CallDraft> = {}): CallDraft {
    return {
      title: '防汛搬沙袋',
      description: '东湖大堤加固，需要青壮年',
      placeText: '东湖大堤北闸口',
      startsAt: new Date(now.getTime() + 48 * HOUR),
      endsAt: new Date(now.getTime() + 52 * HOUR),
      headcount: 10,
      audience: { everyone: true },
      ...over,
    };
  }

  async function createCall(coord: ActorRow, d: CallDraft, desk: Desk = h.desk): Promise<string> {
    const r = await desk.uow.run((w) => desk.mobilisation.create(w, coord, d));
    if (!r.ok) throw new Error(`create failed: ${r.code} ${JSON.stringify(r.detail ?? {})}`);
    return r.value.callId;
  }

  const answer = (a: ActorRow, callId: string, yes: boolean, desk: Desk = h.desk) => desk.uow.run((w) => desk.mobilisation.answer(w, a, callId, yes));

  const sentWith = (prefix: string) => h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: prefix } } });

  async function rosterOf(callId: string) {
    return h.prisma.callRecipient.findMany({ where: { callId } });
  }

  // --- 1. the tally under concurrency -------------------------------------------------------

  describe('tally under 500 simultaneous answers', () => {
    const HEADCOUNT = 100;
    const N = 500;
    let coord: ActorRow;
    let vols: ActorRow[];
    let callId: string;

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
      const counts: Record<RosterStatus, number> = { none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 };
      for (const s of state) counts[s]++;
      return { counts, yesSteps };
    }

    beforeAll(async () => {
      await resetDatabase(h.prisma, h.cipher);
      const seeded = await seedBulkVolunteers(h.prisma, { count: N, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', namePrefix: '并发' });
      vols = await actors(seeded.map((s) => s.personId));
      coord = await demo('demo-coord-dh');
      callId = await createCall(coord, draft(new Date(), { headcount: HEADCOUNT, audience: { teamCodes: ['S-HP-ELDER'] } }));
    }, 120_000);

    it('keeps exact counts, never overfills, and orders the waiting list', async () => {
      expect(await h.prisma.callRecipient.count({ where: { callId } })).toBe(N);
      // All 500 start at once. The database never sees more transactions than the pool holds
      // (30); the gate only keeps the rest queued here rather than in the pool, whose fixed
      // 20 s wait (UnitOfWork maxWait) a busy 2-CPU machine can exceed: answers to one call are
      // serialised on its row lock at ~25-50 a second here, so the 500th would wait ~10-20 s.
      const gate = limiter(2 * POOL);
      const settled = await Promise.allSettled(
        vols.map(async (v, i) => {
          const out: string[] = [];
          for (const yes of script(i)) out.push(codeOf(await gate(() => answer(v, callId, yes))));
          return out;
        }),
      );
      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : s.value.filter((c) => c !== 'ok')));
      expect(failures).toEqual([]);

      const model = sequentialModel();
      expect(model.counts).toEqual({ none: 0, confirmed: HEADCOUNT, waitlisted: 200, declined: 100, withdrawn: 100 });
      const rows = await rosterOf(callId);
      const counts: Record<RosterStatus, number> = { none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 };
      for (const r of rows) counts[r.roster]++;
      expect(counts).toEqual(model.counts);
      expect(counts.confirmed).toBeLessThanOrEqual(HEADCOUNT);
      const repoCounts = await h.desk.uow.run((w) => w.repos.calls.counts(callId));
      expect(repoCounts).toEqual(model.counts);

      // Each person ends where their own answers put them.
      const byPerson = new Map(rows.map((r) => [r.personId, r]));
      vols.forEach((v, i) => {
        const r = byPerson.get(v.personId)!;
        const expected = [['confirmed', 'waitlisted'], ['declined'], ['withdrawn'], ['confirmed', 'waitlisted'], ['confirmed', 'waitlisted']][i % 5]!;
        expect(expected).toContain(r.roster);
      });

      // Every "yes" that changed something took its own number; the call's counter is the last one.
      const seqs = rows.map((r) => r.rosterSeq).filter((s): s is number => s !== null);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs.length).toBe(model.yesSteps);
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.answerSeq).toBe(model.yesSteps);
      expect(Math.max(...seqs)).toBe(model.yesSteps);
      expect(Math.min(...seqs)).toBe(1);

      // The waiting list comes strictly after everyone confirmed (first come, first served).
      const confirmedSeqs = rows.filter((r) => r.roster === 'confirmed').map((r) => r.rosterSeq!);
      const waitSeqs = rows.filter((r) => r.roster === 'waitlisted').map((r) => r.rosterSeq!);
      expect(Math.max(...confirmedSeqs)).toBeLessThan(Math.min(...waitSeqs));

      // Promotions during the storm: one event and one message each, to the promoted person.
      const promotedEvents = await h.prisma.callEvent.count({ where: { callId, type: 'promoted' } });
      expect(promotedEvents).toBeGreaterThan(0);
      expect((await sentWith(`call.${callId}.promoted.`)).length).toBe(promotedEvents);
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
      for (const l of leaving) {
        const r = await answer(actorById.get(l.personId)!, callId, false);
        expect(r.ok && r.value.roster).toBe('withdrawn');
      }
      const after = new Map((await rosterOf(callId)).map((r) => [r.personId, r]));
      for (const w of waitlist.slice(0, 5)) {
        expect(after.get(w.personId)!.roster).toBe('confirmed');
        expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: `call.${callId}.promoted.${w.personId}` } })).not.toBeNull();
      }
      for (const w of waitlist.slice(5)) expect(after.get(w.personId)!.roster).toBe('waitlisted');
      for (const l of leaving) expect(after.get(l.personId)!.roster).toBe('withdrawn');
      expect(await h.desk.uow.run((w) => w.repos.calls.counts(callId))).toEqual({ none: 0, confirmed: HEADCOUNT, waitlisted: 195, declined: 100, withdrawn: 105 });
      // The next in line is the sixth.
      const next = await h.desk.uow.run((w) => w.repos.calls.firstWaitlisted(callId));
      expect(next?.personId).toBe(waitlist[5]!.personId);
    }, 300_000);
  });

  // --- 2. authorization ---------------------------------------------------------------------

  describe('authorization', () => {
    let dh: ActorRow;
    let county: ActorRow;
    let xs: ActorRow;
    let li: ActorRow;
    let zhang: ActorRow;
    let chen: ActorRow;

    beforeAll(async () => {
      await resetDatabase(h.prisma, h.cipher);
      await seedBulkVolunteers(h.prisma, { count: 6, stationCodes: ['S-XF', 'S-HP'], channel: 'web', chatIdBase: 100, namePrefix: '东湖' });
      await seedBulkVolunteers(h.prisma, { count: 6, stationCodes: ['S-XS', 'S-TY'], channel: 'web', chatIdBase: 200, namePrefix: '西山' });
      dh = await demo('demo-coord-dh');
      county = await demo('demo-coord-county');
      xs = await coordinatorOf('I-XS', 'auth-coord-xs');
      li = await demo('demo-vol-li');
      zhang = await demo('demo-vol-zhang');
      chen = await demo('demo-vol-chen');
    }, 60_000);

    it('keeps a coordinator’s audience inside their subtree', async () => {
      const now = new Date();
      const before = await h.prisma.call.count();
      for (const audience of [{ units: [{ code: 'S-XS', subtree: false }] }, { units: [{ code: 'C', subtree: true }] }, { teamCodes: ['S-XS-EDU'] }, { teamCodes: ['C-EDUCATION'] }, { everyone: true, teamCodes: ['I-XS-REPAIR'] }]) {
        const r = await h.desk.uow.run((w) => h.desk.mobilisation.create(w, dh, draft(now, { audience })));
        expect(codeOf(r)).toBe('auth/out_of_scope');
        const p = await h.desk.uow.run((w) => h.desk.mobilisation.preview(w, dh, draft(now, { audience })));
        expect(codeOf(p)).toBe('auth/out_of_scope');
      }
      expect(await h.prisma.call.count()).toBe(before);

      // "Everyone" for the township reaches its volunteers only.
      const callId = await createCall(dh, draft(now));
      const rows = await h.prisma.callRecipient.findMany({ where: { callId } });
      const dhUnits = await h.prisma.orgUnit.findMany({ where: { code: { in: ['I-DH', 'S-XF', 'S-HP'] } } });
      const expected = await h.prisma.volunteer.findMany({ where: { status: 'approved', stationId: { in: dhUnits.map((u) => u.id) } } });
      expect(expected.length).toBe(8); // 李师傅, 张护士 and six seeded
      expect(rows.map((r) => r.personId).sort()).toEqual(expected.map((v) => v.personId).sort());
      expect(rows.some((r) => r.personId === chen.personId)).toBe(false);
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.orgUnitId).toBe(dhUnits.find((u) => u.code === 'I-DH')!.id);
      // The coordinator got their tally message.
      expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: `call.${callId}.tally` } })).not.toBeNull();

      // The county reaches everyone.
      const all = await createCall(county, draft(now));
      expect(await h.prisma.callRecipient.count({ where: { callId: all } })).toBe(await h.prisma.volunteer.count({ where: { status: 'approved' } }));
    });

    it('refuses a volunteer without the coordinator role', async () => {
      const now = new Date();
      const callId = await createCall(dh, draft(now));
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.create(w, li, draft(now))))).toBe('auth/not_coordinator');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.preview(w, li, draft(now))))).toBe('auth/not_coordinator');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, li, callId)))).toBe('auth/not_coordinator');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.cancel(w, li, callId)))).toBe('auth/not_coordinator');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, li, callId)))).toBe('auth/not_coordinator');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, li, callId, 1)))).toBe('auth/not_coordinator');
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('open');
    });

    it('refuses a coordinator of another branch, allows the one above', async () => {
      const callId = await createCall(dh, draft(new Date()));
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, xs, callId)))).toBe('auth/out_of_scope');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.cancel(w, xs, callId)))).toBe('auth/out_of_scope');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, xs, callId, 1)))).toBe('auth/out_of_scope');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, xs, callId)))).toBe('auth/out_of_scope');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.rosterText(w, xs, callId)))).toBe('auth/out_of_scope');
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.status).toBe('open');
      expect(call.nudgedAt).toBeNull();
      expect(await h.prisma.callEvent.count({ where: { callId, type: { not: 'create' } } })).toBe(0);
      // The county coordinator is above the township: allowed.
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, county, callId)))).toBe('ok');
    });

    it('refuses answers from non-recipients and changes nothing', async () => {
      const callId = await createCall(dh, draft(new Date()));
      const before = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      const eventsBefore = await h.prisma.callEvent.count({ where: { callId } });
      expect(codeOf(await answer(chen, callId, true))).toBe('call/not_recipient');
      expect(codeOf(await answer(chen, callId, false))).toBe('call/not_recipient');
      expect(codeOf(await answer(xs, callId, true))).toBe('call/not_recipient');
      const after = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect({ seq: after.answerSeq, version: after.version }).toEqual({ seq: before.answerSeq, version: before.version });
      expect(await h.prisma.callEvent.count({ where: { callId } })).toBe(eventsBefore);
      expect(await h.prisma.callRecipient.findUnique({ where: { callId_personId: { callId, personId: chen.personId } } })).toBeNull();
      expect(await h.prisma.callRecipient.count({ where: { callId, roster: { not: 'none' } } })).toBe(0);
    });

    it('refuses "yes" after close, lets a confirmed volunteer withdraw until the start and promotes', async () => {
      const callId = await createCall(dh, draft(new Date(), { headcount: 1 }));
      const extra = (await h.prisma.callRecipient.findMany({ where: { callId, personId: { notIn: [li.personId, zhang.personId] } } }))[0]!;
      const third = await actor(extra.personId);
      expect(await answer(li, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
      expect(await answer(zhang, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, dh, callId)))).toBe('ok');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, dh, callId)))).toBe('call/closed');
      expect(codeOf(await answer(third, callId, true))).toBe('call/closed');
      expect((await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: third.personId } } })).roster).toBe('none');
      // Withdrawing still works after the close, and the first waiting takes the place.
      expect(await answer(li, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
      const rows = new Map((await rosterOf(callId)).map((r) => [r.personId, r]));
      expect(rows.get(li.personId)!.roster).toBe('withdrawn');
      expect(rows.get(zhang.personId)!.roster).toBe('confirmed');
      expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: `call.${callId}.promoted.${zhang.personId}` } })).not.toBeNull();
      // Changing one's mind back is a new "yes": refused while closed.
      expect(codeOf(await answer(li, callId, true))).toBe('call/closed');
    });

    it('refuses withdrawing once the call has started', async () => {
      let clock = new Date();
      const desk = new Desk({ ...h.desk.deps, now: () => clock });
      const t0 = clock;
      const callId = await createCall(dh, draft(t0, { startsAt: new Date(t0.getTime() + 2 * HOUR), endsAt: new Date(t0.getTime() + 3 * HOUR) }), desk);
      expect(await answer(li, callId, true, desk)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
      clock = new Date(t0.getTime() + 2 * HOUR + MINUTE);
      expect(codeOf(await answer(li, callId, false, desk))).toBe('call/started');
      expect((await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: li.personId } } })).roster).toBe('confirmed');
    });

    it('refuses answers after cancel', async () => {
      const callId = await createCall(dh, draft(new Date()));
      expect(await answer(li, callId, true)).toMatchObject({ ok: true });
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.cancel(w, dh, callId)))).toBe('ok');
      expect(codeOf(await answer(zhang, callId, true))).toBe('call/cancelled');
      expect(codeOf(await answer(li, callId, false))).toBe('call/cancelled');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.cancel(w, dh, callId)))).toBe('call/cancelled');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, dh, callId, 2)))).toBe('call/cancelled');
      expect((await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: li.personId } } })).roster).toBe('confirmed');
    });

    it('refuses a forged or malformed call_answer button', async () => {
      const callId = await createCall(dh, draft(new Date()));
      const data = h.desk.codec.encode({ kind: 'call_answer', callId, yes: true });
      expect(h.desk.codec.decode(data)).toEqual({ ok: true, action: { kind: 'call_answer', callId, yes: true } });
      const sig = data.slice(data.lastIndexOf('.') + 1);
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      expect(h.desk.codec.decode(`${data.slice(0, data.lastIndexOf('.') + 1)}${flipped}`)).toEqual({ ok: false, reason: 'forged' });
      // A "yes" button turned into a "no" (or pointed at another call) with the old signature.
      expect(h.desk.codec.decode(data.replace(`.${callId}.y.`, `.${callId}.n.`))).toEqual({ ok: false, reason: 'forged' });
      const other = await createCall(dh, draft(new Date()));
      expect(h.desk.codec.decode(data.replace(callId, other))).toEqual({ ok: false, reason: 'forged' });
      // The signature of another action does not carry over.
      const checkData = h.desk.codec.encode({ kind: 'call_check', callId, out: false });
      expect(h.desk.codec.decode(`ca.${callId}.y.${checkData.slice(checkData.lastIndexOf('.') + 1)}`)).toEqual({ ok: false, reason: 'forged' });
      // Unsigned.
      expect(h.desk.codec.decode(`ca.${callId}.y`).ok).toBe(false);
      expect(h.desk.codec.decode(`ca.not-a-uuid.y.${sig}`)).toEqual({ ok: false, reason: 'malformed' });
      expect(h.desk.codec.decode(`${data} `)).toEqual({ ok: false, reason: 'malformed' });
    });
  });

  // --- 3. validation ------------------------------------------------------------------------

  describe('validation', () => {
    let dh: ActorRow;

    beforeAll(async () => {
      await resetDatabase(h.prisma, h.cipher);
      dh = await demo('demo-coord-dh');
    }, 60_000);

    it('refuses bad inputs with the field and creates nothing', async () => {
      const now = new Date();
      const base = draft(now);
      const cases: Array<[string, Partial<CallDraft>]> = [
        ['title', { title: '' }],
        ['title', { title: '   ' }],
        ['title', { title: '长'.repeat(61) }],
        ['place', { placeText: ' ' }],
        ['headcount', { headcount: 0 }],
        ['headcount', { headcount: 1e9 }],
        ['headcount', { headcount: 2.5 }],
        ['headcount', { headcount: -3 }],
        ['endsAt', { endsAt: new Date(base.startsAt.getTime() - HOUR) }],
        ['endsAt', { endsAt: base.startsAt }],
        ['endsAt', { endsAt: new Date(base.startsAt.getTime() + 8 * 24 * HOUR) }],
        ['startsAt', { startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() + HOUR) }],
        ['startsAt', { startsAt: new Date(Number.NaN) }],
        ['answerBy', { answerBy: new Date(base.startsAt.getTime() + MINUTE) }],
        ['answerBy', { answerBy: new Date(now.getTime() - MINUTE) }],
        ['site', { site: { lat: 200, lng: 119.8 } }],
        ['site', { site: { lat: 31.3, lng: -181 } }],
        ['site', { site: { lat: Number.NaN, lng: 119.8 } }],
        ['radiusM', { radiusM: 5 }],
        ['skills', { skills: [' '] }],
      ];
      for (const [field, over] of cases) {
        const d = { ...base, ...over };
        const r = await h.desk.uow.run((w) => h.desk.mobilisation.create(w, dh, d));
        expect({ field, r }).toEqual({ field, r: { ok: false, code: 'call/bad_input', detail: { field } } });
        const p = await h.desk.uow.run((w) => h.desk.mobilisation.preview(w, dh, d));
        expect({ field, p }).toEqual({ field, p: { ok: false, code: 'call/bad_input', detail: { field } } });
      }
      expect(await h.prisma.call.count()).toBe(0);
      expect(await h.prisma.sentMessage.count()).toBe(0);
    });

    it('refuses an audience that reaches nobody and creates no call', async () => {
      const now = new Date();
      // A team without members, a unit with no volunteers, a skill nobody has, nothing at all.
      for (const audience of [{ teamCodes: ['I-DH-LEGAL'] }, { units: [{ code: 'S-HP', subtree: false }] }, { skills: ['潜水'] }, {}]) {
        const r = await h.desk.uow.run((w) => h.desk.mobilisation.create(w, dh, draft(now, { audience })));
        expect(codeOf(r)).toBe('call/empty_audience');
      }
      const unknown = await h.desk.uow.run((w) => h.desk.mobilisation.create(w, dh, draft(now, { audience: { units: [{ code: 'NOPE', subtree: true }] } })));
      expect(unknown).toEqual({ ok: false, code: 'call/unknown_unit', detail: { code: 'NOPE' } });
      expect(await h.prisma.call.count()).toBe(0);
      expect(await h.prisma.callRecipient.count()).toBe(0);
      expect(await h.prisma.callEvent.count()).toBe(0);
      expect(await h.prisma.sentMessage.count()).toBe(0);
      // The preview says zero without failing.
      const p = await h.desk.uow.run((w) => h.desk.mobilisation.preview(w, dh, draft(now, { audience: { teamCodes: ['I-DH-LEGAL'] } })));
      expect(p).toMatchObject({ ok: true, value: { recipients: 0 } });
      // A skill a volunteer in scope has reaches exactly them.
      const skilled = await createCall(dh, draft(now, { audience: { skills: ['护理'] } }));
      const rows = await h.prisma.callRecipient.findMany({ where: { callId: skilled } });
      const zhang = await demo('demo-vol-zhang');
      expect(rows.map((r) => r.personId)).toEqual([zhang.personId]);
    });
  });

  // --- 4. check-in, check-out and hours -----------------------------------------------------

  describe('check-in, check-out and hours', () => {
    const SITE = { lat: 31.36, lng: 119.82 };
    let clock: Date;
    let desk: Desk;
    let t0: Date;
    let callId: string;
    let checkCode: string;
    let a: ActorRow;
    let b: ActorRow;
    let c: ActorRow;
    let d: ActorRow;

    const at = (ms: number) => {
      clock = new Date(t0.getTime() + ms);
    };
    const checkIn = (who: ActorRow, by: { callId: string } | { code: string } | { location: { lat: number; lng: number } }) => desk.uow.run((w) => desk.mobilisation.checkIn(w, who, by));
    const checkOut = (who: ActorRow, id?: string) => desk.uow.run((w) => desk.mobilisation.checkOut(w, who, id));
    const recipient = (who: ActorRow) => h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: who.personId } } });

    beforeAll(async () => {
      await resetDatabase(h.prisma, h.cipher);
      // Whole minutes so quarter hours come out exact.
      t0 = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE);
      clock = t0;
      desk = new Desk({ ...h.desk.deps, now: () => clock });
      const seeded = await seedBulkVolunteers(h.prisma, { count: 4, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', channel: 'web', chatIdBase: 300, namePrefix: '签到' });
      const four = await actors(seeded.map((s) => s.personId), desk);
      if (four.length !== 4) throw new Error('expected four volunteers');
      [a, b, c, d] = four as [ActorRow, ActorRow, ActorRow, ActorRow];
      const coord = await demo('demo-coord-dh', desk);
      callId = await createCall(
        coord,
        draft(t0, { headcount: 3, site: SITE, radiusM: 200, startsAt: new Date(t0.getTime() + 2 * HOUR), endsAt: new Date(t0.getTime() + 5 * HOUR), audience: { teamCodes: ['S-HP-ELDER'] } }),
        desk,
      );
      checkCode = (await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).checkCode;
      for (const v of [a, b, c, d]) expect(await answer(v, callId, true, desk)).toMatchObject({ ok: true });
      expect((await recipient(d)).roster).toBe('waitlisted');
    }, 60_000);

    it('opens check-in an hour before the start', async () => {
      at(30 * MINUTE);
      expect(codeOf(await checkIn(a, { callId }))).toBe('call/check_in_closed');
      expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/nothing_to_check_in');
      expect(codeOf(await checkIn(b, { location: SITE }))).toBe('call/nothing_to_check_in');
      expect((await recipient(a)).checkedInAt).toBeNull();
      // Only the confirmed check in.
      at(70 * MINUTE);
      expect(codeOf(await checkIn(d, { callId }))).toBe('call/not_confirmed');
      expect(codeOf(await checkIn(d, { code: checkCode }))).toBe('call/nothing_to_check_in');
    });

    it('checks in by code, by location within the radius, and by button', async () => {
      at(70 * MINUTE);
      const wrong = String((Number(checkCode) + 1) % 1_000_000).padStart(6, '0');
      expect(codeOf(await checkIn(a, { code: wrong }))).toBe('call/bad_check_code');
      expect((await recipient(a)).checkedInAt).toBeNull();
      expect(await checkIn(a, { code: ` ${checkCode} ` })).toEqual({ ok: true, value: expect.objectContaining({ title: '防汛搬沙袋' }) as unknown });
      expect((await recipient(a)).checkedInAt).toEqual(clock);
      expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/already_checked_in');

      // About 1.1 km north: too far for a 200 m radius.
      const far = await checkIn(b, { location: { lat: SITE.lat + 0.01, lng: SITE.lng } });
      expect(codeOf(far)).toBe('call/too_far');
      expect(far.ok ? null : far.detail).toMatchObject({ radius: 200 });
      expect(far.ok ? 0 : Number(far.detail?.['meters'])).toBeGreaterThan(1000);
      expect((await recipient(b)).checkedInAt).toBeNull();
      // About 55 m away: in.
      expect(codeOf(await checkIn(b, { location: { lat: SITE.lat + 0.0005, lng: SITE.lng } }))).toBe('ok');
      expect((await recipient(b)).checkedInAt).toEqual(clock);

      at(2 * HOUR);
      expect(codeOf(await checkIn(c, { callId }))).toBe('ok');
      expect((await recipient(c)).checkedInAt).toEqual(clock);
      const byHow = (await h.prisma.callEvent.findMany({ where: { callId, type: 'check_in' } })).map((e) => (e.data as { by: string }).by).sort();
      expect(byHow).toEqual(['button', 'code', 'location']);
    });

    it('credits floored quarter hours and points at check-out, once', async () => {
      // In at 1:10, out at 3:34: 2 h 24 min → 2.25 h (floored to the quarter).
      at(3 * HOUR + 34 * MINUTE);
      const r = await checkOut(a);
      expect(r).toEqual({ ok: true, value: expect.objectContaining({ hours: 2.25, points: Math.round(2.25 * config.pointsPerHour) }) as unknown });
      const row = await recipient(a);
      expect(Number(row.hours)).toBe(2.25);
      expect(row.checkedOutAt).toEqual(clock);
      expect(row.creditedAt).toEqual(clock);
      const entry = await h.prisma.pointsEntry.findUniqueOrThrow({ where: { sourceKey: `call_attendance:${callId}:${a.personId}` } });
      expect(entry).toMatchObject({ personId: a.personId, delta: Math.round(2.25 * config.pointsPerHour) });
      expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: `call.${callId}.credited.${a.personId}` } })).not.toBeNull();
      // Nothing more to check out; the ledger holds one entry.
      expect(codeOf(await checkOut(a))).toBe('call/not_checked_in');
      expect(codeOf(await checkOut(d, callId))).toBe('call/not_checked_in');
      expect(await h.prisma.pointsEntry.count({ where: { personId: a.personId } })).toBe(1);
      expect(await h.desk.uow.run((w) => w.repos.calls.attendanceHours(a.personId))).toBe(2.25);
    });

    it('credits those still checked in when the call finishes, capped at the end, exactly once', async () => {
      at(4 * HOUR);
      expect(await desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'finish'))).toBe('skipped');
      expect((await recipient(b)).creditedAt).toBeNull();
      at(6 * HOUR);
      expect(await desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'finish'))).toBe('credited 2');
      expect(await desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'finish'))).toBe('credited 0');
      const endsAt = new Date(t0.getTime() + 5 * HOUR);
      // b: 1:10 → 5:00 = 3 h 50 min → 3.75 h; c: 2:00 → 5:00 = 3 h.
      for (const [who, hours] of [[b, 3.75], [c, 3]] as const) {
        const row = await recipient(who);
        expect(Number(row.hours)).toBe(hours);
        expect(row.checkedOutAt).toEqual(endsAt);
        expect(row.creditedAt).not.toBeNull();
        const entries = await h.prisma.pointsEntry.findMany({ where: { personId: who.personId } });
        expect(entries).toEqual([expect.objectContaining({ sourceKey: `call_attendance:${callId}:${who.personId}`, delta: Math.round(hours * config.pointsPerHour) })]);
      }
      // a was credited at check-out and not again; d never checked in.
      expect(Number((await recipient(a)).hours)).toBe(2.25);
      expect((await recipient(d)).hours).toBeNull();
      expect(await h.prisma.pointsEntry.count({ where: { sourceKey: { startsWith: `call_attendance:${callId}:` } } })).toBe(3);
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('closed');
      // Two finish timers at once still credit nobody twice.
      const again = await Promise.all([0, 1].map(() => desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'finish'))));
      expect(again).toEqual(['credited 0', 'credited 0']);
      expect(await h.prisma.pointsEntry.count()).toBe(3);
      // After the end nobody checks in.
      expect(codeOf(await checkIn(d, { callId }))).toBe('call/not_confirmed');
      expect(codeOf(await checkIn(a, { code: checkCode }))).toBe('call/nothing_to_check_in');
    });
  });

  // --- 5. the coordinator's controls and the fan-out -----------------------------------------

  describe('controls and fan-out', () => {
    let dh: ActorRow;
    let vols: ActorRow[];

    beforeEach(async () => {
      await resetDatabase(h.prisma, h.cipher);
      dh = await demo('demo-coord-dh');
      const seeded = await seedBulkVolunteers(h.prisma, { count: 10, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', channel: 'web', chatIdBase: 400, namePrefix: '控制' });
      vols = await actors(seeded.map((s) => s.personId));
    }, 60_000);

    const teamCall = (over: Partial<CallDraft> = {}) => createCall(dh, draft(new Date(), { headcount: 2, audience: { teamCodes: ['S-HP-ELDER'] }, ...over }));

    it('reminds the silent once, and only them', async () => {
      const callId = await teamCall();
      expect(await answer(vols[0]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
      expect(await answer(vols[1]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
      expect(await answer(vols[2]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
      expect(await answer(vols[3]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'declined' } });
      expect(await answer(vols[4]!, callId, true)).toMatchObject({ ok: true });
      expect(await answer(vols[4]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
      const silent = vols.slice(5).map((v) => v.personId).sort();
      // Reminding while the call is still going out would waste the one reminder: refused…
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, dh, callId)))).toBe('call/still_sending');
      // …until the fan-out has queued the call for everyone.
      for (let i = 0; i < 2; i++) await h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, { telegram: 100, wechat: 100, web: 100 }));

      const r = await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, dh, callId));
      expect(r).toMatchObject({ ok: true, value: { reminded: silent.length } });
      const rows = await sentWith(`call.${callId}.nudge.`);
      expect(rows.map((m) => m.purposeKey.slice(`call.${callId}.nudge.`.length)).sort()).toEqual(silent);
      for (const m of rows) expect(m).toMatchObject({ atMostOnce: true, template: 'call-nudge', status: 'pending' });
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.nudgedAt).not.toBeNull();

      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, dh, callId)))).toBe('call/already_reminded');
      expect((await sentWith(`call.${callId}.nudge.`)).length).toBe(silent.length);
      expect(await h.prisma.callEvent.count({ where: { callId, type: 'remind_silent' } })).toBe(1);
    });

    it('tells everyone who said yes when the call is cancelled', async () => {
      const callId = await teamCall();
      for (const i of [0, 1, 2]) expect(await answer(vols[i]!, callId, true)).toMatchObject({ ok: true });
      expect(await answer(vols[3]!, callId, false)).toMatchObject({ ok: true });
      expect(await answer(vols[4]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'waitlisted' } });
      expect(await answer(vols[4]!, callId, false)).toMatchObject({ ok: true, value: { roster: 'withdrawn' } });
      const r = await h.desk.uow.run((w) => h.desk.mobilisation.cancel(w, dh, callId));
      expect(r).toMatchObject({ ok: true, value: { told: 3 } });
      const told = (await sentWith(`call.${callId}.cancelled.`)).map((m) => m.purposeKey.slice(`call.${callId}.cancelled.`.length)).sort();
      expect(told).toEqual([vols[0]!, vols[1]!, vols[2]!].map((v) => v.personId).sort());
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.status).toBe('cancelled');
      expect(call.closedAt).not.toBeNull();
      // Fan-out of a cancelled call stops without sending.
      expect(await h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, { telegram: 10, wechat: 10, web: 10 }))).toEqual({ queued: 0, done: true });
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).fanoutDoneAt).not.toBeNull();
      expect((await sentWith(`call.${callId}.m.`)).length).toBe(0);
      // Reminders and remind-silent stop too.
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.remindSilent(w, dh, callId)))).toBe('call/closed');
      expect(await h.desk.uow.run((w) => h.desk.mobilisation.onTimer(w, callId, 'remind-60'))).toBe('skipped');
    });

    it('extends the deadline, never past the start, and reopens a closed call', async () => {
      const now = new Date();
      const startsAt = new Date(now.getTime() + 48 * HOUR);
      const answerBy = new Date(now.getTime() + 40 * HOUR);
      const callId = await teamCall({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), answerBy });
      const r1 = await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, dh, callId, 2));
      expect(r1).toMatchObject({ ok: true, value: { answerBy: new Date(answerBy.getTime() + 2 * HOUR) } });
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).answerBy).toEqual(new Date(answerBy.getTime() + 2 * HOUR));
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, dh, callId, 0)))).toBe('call/bad_input');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, dh, callId, -1)))).toBe('call/bad_input');
      expect(codeOf(await h.desk.uow.run((w) => h.desk.mobilisation.close(w, dh, callId)))).toBe('ok');
      const r2 = await h.desk.uow.run((w) => h.desk.mobilisation.extend(w, dh, callId, 24));
      expect(r2).toMatchObject({ ok: true, value: { answerBy: startsAt } });
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.answerBy).toEqual(startsAt);
      expect(call.status).toBe('open');
      expect(call.closedAt).toBeNull();
      expect(await answer(vols[0]!, callId, true)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
      expect(await h.prisma.callEvent.count({ where: { callId, type: 'extend' } })).toBe(2);
      // The old deadline timer, firing at its time, does not close the extended call.
      expect(await h.desk.uow.run((w) => h.desk.mobilisation.onTimer(w, callId, 'deadline'))).toBe('skipped');
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('open');
    });

    it('closes at the deadline: no new "yes" after answerBy', async () => {
      let clock = new Date();
      const desk = new Desk({ ...h.desk.deps, now: () => clock });
      const t0 = clock;
      const callId = await createCall(dh, draft(t0, { headcount: 5, audience: { teamCodes: ['S-HP-ELDER'] }, answerBy: new Date(t0.getTime() + HOUR) }), desk);
      clock = new Date(t0.getTime() + HOUR + MINUTE);
      expect(codeOf(await answer(vols[0]!, callId, true, desk))).toBe('call/closed');
      expect(await desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'deadline'))).toBe('closed');
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('closed');
      expect(await desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'deadline'))).toBe('skipped');
    });

    it('lets an extension racing the deadline timer win', async () => {
      let clock = new Date();
      const desk = new Desk({ ...h.desk.deps, now: () => clock });
      const t0 = clock;
      const callId = await createCall(dh, draft(t0, { headcount: 5, audience: { teamCodes: ['S-HP-ELDER'] }, answerBy: new Date(t0.getTime() + HOUR) }), desk);
      clock = new Date(t0.getTime() + HOUR);
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
        const r = await desk.mobilisation.extend(w, dh, callId, 2);
        extended();
        await gate;
        return r;
      });
      await inside;
      const timer = desk.uow.run((w) => desk.mobilisation.onTimer(w, callId, 'deadline'));
      try {
        // The timer is blocked behind the extension's row lock.
        await waitUntil(async () => {
          const rows = await h.prisma.$queryRaw<Array<{ n: bigint }>>`
            SELECT count(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`;
          return Number(rows[0]?.n ?? 0) > 0;
        }, 'the deadline timer to wait for the extension');
      } finally {
        release();
      }
      expect(codeOf(await ext)).toBe('ok');
      expect(await timer).toBe('skipped');
      const call = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
      expect(call.status).toBe('open');
      expect(call.answerBy).toEqual(new Date(t0.getTime() + 3 * HOUR));
      expect(await answer(vols[0]!, callId, true, desk)).toMatchObject({ ok: true, value: { roster: 'confirmed' } });
    });

    it('gives each channel its own budget: a full lane does not hold up the others', async () => {
      // 30 WeChat recipients sort first, the Telegram ones last; WeChat's lane is full (budget 0).
      const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-HP-ELDER' } });
      const make = async (channel: Channel, first: string, i: number) => {
        const id = `${first}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
        await h.prisma.person.create({
          data: {
            id,
            displayName: `${channel}${i}`,
            identities: { create: { channel, externalId: `${channel}-lane-${i}`, chatId: `${channel}-lane-${i}` } },
            volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: { teamId: team.id } } } },
          },
        });
        return id;
      };
      const wx: string[] = [];
      for (let i = 1; i <= 30; i++) wx.push(await make('wechat', '00000000', i));
      const tg: string[] = [];
      for (let i = 1; i <= 3; i++) tg.push(await make('telegram', 'ffffffff', i));
      const callId = await teamCall();
      const step = (budget: Record<Channel, number>) => h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, budget));
      expect(await step({ telegram: 3, wechat: 0, web: 0 })).toEqual({ queued: 3, done: false });
      const queued = await h.prisma.callRecipient.findMany({ where: { callId, queuedAt: { not: null } } });
      expect(queued.map((r) => r.personId).sort()).toEqual(tg.sort());
      expect(await step({ telegram: 0, wechat: 0, web: 4 })).toEqual({ queued: 4, done: false });
      expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: { not: null }, channel: 'web' } })).toBe(4);
      // Only WeChat's budget-less rows left elsewhere: nothing to do, not done.
      expect(await step({ telegram: 10, wechat: 0, web: 10 })).toEqual({ queued: 6, done: false });
      expect(await step({ telegram: 10, wechat: 0, web: 10 })).toEqual({ queued: 0, done: false });
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).fanoutDoneAt).toBeNull();
      expect(await step({ telegram: 0, wechat: 30, web: 0 })).toEqual({ queued: 30, done: false });
      expect(await step({ telegram: 0, wechat: 1, web: 0 })).toEqual({ queued: 0, done: true });
      expect((await sentWith(`call.${callId}.m.`)).length).toBe(wx.length + tg.length + 10);
    });

    it('fans out within the budget, marks progress, never twice for one recipient', async () => {
      const tg = await seedBulkVolunteers(h.prisma, { count: 25, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', channel: 'telegram', chatIdBase: 9_000_000, namePrefix: 'tg' });
      const wx = await seedBulkVolunteers(h.prisma, { count: 4, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', channel: 'wechat', chatIdBase: 8_000_000, namePrefix: 'wx' });
      const callId = await teamCall();
      const channelOf = new Map<string, Channel>((await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => [r.personId, r.channel]));
      expect(channelOf.size).toBe(10 + tg.length + wx.length);
      const prefix = `call.${callId}.m.`;
      const messages = async () => {
        const rows = await sentWith(prefix);
        const per: Record<Channel, number> = { telegram: 0, wechat: 0, web: 0 };
        for (const m of rows) per[m.channel]++;
        return { rows, per };
      };
      const queuedIds = async () => (await h.prisma.callRecipient.findMany({ where: { callId, queuedAt: { not: null } } })).map((r) => r.personId).sort();
      const step = (budget: Record<Channel, number>) => h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, budget));

      // No budget: nothing happens, not done.
      expect(await step({ telegram: 0, wechat: 0, web: 0 })).toEqual({ queued: 0, done: false });
      expect((await messages()).rows.length).toBe(0);

      // One step queues at most the budget per channel, and marks exactly those recipients.
      expect(await step({ telegram: 10, wechat: 0, web: 3 })).toEqual({ queued: 13, done: false });
      let m = await messages();
      expect(m.per).toEqual({ telegram: 10, wechat: 0, web: 3 });
      expect(await queuedIds()).toEqual(m.rows.map((r) => r.purposeKey.slice(prefix.length)).sort());
      for (const r of m.rows) {
        expect(r).toMatchObject({ atMostOnce: true, template: 'call', status: 'pending' });
        expect(r.channel).toBe(channelOf.get(r.purposeKey.slice(prefix.length)));
      }

      // Repeated and concurrent steps: the budget of each step holds overall, and nobody gets two.
      const before = m.per;
      const results = await Promise.all([0, 1, 2, 3, 4].map(() => step({ telegram: 2, wechat: 1, web: 1 })));
      for (const r of results) expect(r.queued).toBeLessThanOrEqual(4);
      m = await messages();
      expect(m.per.telegram - before.telegram).toBeLessThanOrEqual(10);
      expect(m.per.wechat - before.wechat).toBeLessThanOrEqual(5);
      expect(m.per.web - before.web).toBeLessThanOrEqual(5);
      expect(await queuedIds()).toEqual(m.rows.map((r) => r.purposeKey.slice(prefix.length)).sort());

      // Drain, a step at a time, then done exactly when everyone is queued.
      let guard = 0;
      for (;;) {
        const r = await step({ telegram: 7, wechat: 2, web: 2 });
        if (r.done) break;
        expect(++guard).toBeLessThan(50);
        expect(r.queued).toBeGreaterThan(0);
        expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).fanoutDoneAt).toBeNull();
      }
      m = await messages();
      expect(m.per).toEqual({ telegram: tg.length, wechat: wx.length, web: 10 });
      expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: null } })).toBe(0);
      // One message per recipient chat.
      const chats = m.rows.map((r) => `${r.channel}:${r.chatId}`);
      expect(new Set(chats).size).toBe(chats.length);
      expect(chats.length).toBe(channelOf.size);
      expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).fanoutDoneAt).not.toBeNull();
      // Done stays done.
      expect(await step({ telegram: 100, wechat: 100, web: 100 })).toEqual({ queued: 0, done: true });
      expect((await messages()).rows.length).toBe(channelOf.size);
      // The delivery counts see every recipient queued.
      expect(await h.desk.uow.run((w) => w.repos.calls.delivery(callId))).toMatchObject({ recipients: channelOf.size, queued: channelOf.size, sent: 0 });
    });

    it('fans out concurrently from scratch without duplicates', async () => {
      await seedBulkVolunteers(h.prisma, { count: 60, stationCodes: ['S-HP'], teamCode: 'S-HP-ELDER', channel: 'telegram', chatIdBase: 9_100_000, namePrefix: 'tg' });
      const callId = await teamCall();
      const total = await h.prisma.callRecipient.count({ where: { callId } });
      for (let round = 0; round < 10; round++) {
        const rs = await Promise.all([0, 1, 2, 3].map(() => h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, { telegram: 9, wechat: 0, web: 4 }))));
        if (rs.some((r) => r.done)) break;
      }
      let guard = 0;
      while (!(await h.desk.uow.run((w) => h.desk.mobilisation.fanoutStep(w, callId, { telegram: 50, wechat: 50, web: 50 }))).done) expect(++guard).toBeLessThan(10);
      const rows = await sentWith(`call.${callId}.m.`);
      expect(rows.length).toBe(total);
      expect(new Set(rows.map((r) => r.chatId)).size).toBe(total);
      expect(await h.prisma.callRecipient.count({ where: { callId, queuedAt: null } })).toBe(0);
    });
  });
});
