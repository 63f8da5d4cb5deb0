// Answers recorded, then applied by the call's consumer (decision 0037): one batch decides in
// arrival order exactly as one-at-a-time would (withdrawals promote the first waiting, a rejoin
// goes to the end), each presser gets their own reply in the chat they pressed from and in the
// order they pressed, a repeated press changes nothing, a call closed while presses wait refuses
// their "yes" but takes their "no", bad presses are refused before they are recorded, recorded
// presses survive without a consumer, and the consumer's last look waits for a press being recorded.
import type { ActorRow } from '@baiying/db';
import { PurposeKey, type OutMessage } from '@baiying/domain';
import { drainPresses } from '@baiying/features';
import { callDraft, coordinatorOf, createCall, volunteerOf, volunteersOf } from '../../support/factories.js';
import { waitUntil } from '../../support/test-env.js';
import { callRow, callsHarness, codeOf, recipientRow, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness(6);

describe('answers recorded and applied by the call consumer', () => {
  let world: CallsWorld;
  let dh: ActorRow;
  let vols: ActorRow[];

  beforeEach(async () => {
    world = await fresh();
    dh = await coordinatorOf(world.h, 'I-DH');
    vols = await volunteersOf(world.h, 3, { team: 'S-HP-ELDER', namePrefix: '排队' });
  });

  const teamCall = (headcount: number) => createCall(world.desk, dh, callDraft(world.clock.now(), { headcount, audience: { teamCodes: ['S-HP-ELDER'] } }));
  const press = (v: ActorRow, callId: string, yes: boolean) => world.desk.uow.run((w) => world.desk.calls.answer.execute(w, v, { callId, yes }));
  const pressed = async (v: ActorRow, callId: string, yes: boolean): Promise<bigint> => {
    const r = await press(v, callId, yes);
    if (!r.ok) throw new Error(r.code);
    return r.value.pressId;
  };
  const replyText = async (callId: string, id: bigint) => {
    const row = await world.h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: PurposeKey.callPressReply(callId, id.toString()) } });
    return { chatId: row.chatId, seq: row.seq, text: (JSON.parse(world.h.cipher.decrypt(row.bodyEnc)) as OutMessage).text };
  };

  it('decides one batch in arrival order, promotes the first waiting, and replies to each press in order', async () => {
    const { h, desk } = world;
    const [a, b, c] = vols as [ActorRow, ActorRow, ActorRow];
    const { callId } = await teamCall(1);
    // Recorded, nothing applied yet: the roster has not moved.
    const ids = [
      await pressed(a, callId, true), // a confirmed (1)
      await pressed(b, callId, true), // b waiting (2)
      await pressed(c, callId, true), // c waiting (3)
      await pressed(a, callId, false), // a withdraws: b promoted
      await pressed(a, callId, true), // a waits again, at the end (4)
      await pressed(b, callId, false), // b withdraws: c promoted
    ];
    expect(await h.prisma.callRecipient.count({ where: { callId, roster: { not: 'none' } } })).toBe(0);
    const batches: number[] = [];
    expect(await drainPresses(desk.uow, desk.calls.applyAnswers, callId, (x) => batches.push(x.applied))).toBe(6);
    expect(batches.filter((n) => n > 0)).toEqual([6]);
    expect((await recipientRow(h, callId, a.personId)).roster).toBe('waitlisted');
    expect((await recipientRow(h, callId, a.personId)).rosterSeq).toBe(4);
    expect((await recipientRow(h, callId, b.personId)).roster).toBe('withdrawn');
    expect((await recipientRow(h, callId, c.personId)).roster).toBe('confirmed');
    expect((await callRow(h, callId)).answerSeq).toBe(4);
    // One batch's events share their time; each names the press that caused it.
    const order = (e: { type: string; data: unknown }) => Number((e.data as { press: string }).press) * 2 + (e.type === 'promoted' ? 1 : 0);
    const events = (await h.prisma.callEvent.findMany({ where: { callId, type: { not: 'create' } } })).sort((x, y) => order(x) - order(y));
    expect(events.map((e) => e.type)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'withdrawn', 'promoted', 'waitlisted', 'withdrawn', 'promoted']);
    expect(events.filter((e) => e.type === 'promoted').map((e) => (e.data as { personId: string }).personId)).toEqual([b.personId, c.personId]);
    // a's three replies, in a's chat, in the order a pressed.
    const replies = await Promise.all([ids[0]!, ids[3]!, ids[4]!].map((id) => replyText(callId, id)));
    expect(replies.map((r) => r.text)).toEqual([
      expect.stringContaining('报名成功'),
      expect.stringContaining('已为您取消报名'),
      expect.stringContaining('人数已满'),
    ]);
    expect(new Set(replies.map((r) => r.chatId)).size).toBe(1);
    expect([...replies.map((r) => r.seq)].sort((x, y) => Number(x - y))).toEqual(replies.map((r) => r.seq));
    // Each promoted person is told once.
    const promoted = await h.prisma.sentMessage.findMany({ where: { template: 'call-promoted' } });
    expect(promoted.map((m) => m.purposeKey).sort()).toEqual([PurposeKey.callPromoted(callId, b.personId), PurposeKey.callPromoted(callId, c.personId)].sort());
    // Nothing left: another drain applies nothing and writes nothing.
    const version = (await callRow(h, callId)).version;
    expect(await drainPresses(desk.uow, desk.calls.applyAnswers, callId)).toBe(0);
    expect((await callRow(h, callId)).version).toBe(version);
  });

  it('takes a repeated press as no change, with its own reply saying so', async () => {
    const { h, desk } = world;
    const [a] = vols as [ActorRow];
    const { callId } = await teamCall(2);
    const first = await pressed(a, callId, true);
    const again = await pressed(a, callId, true);
    await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    expect((await h.prisma.callPress.findMany({ where: { callId }, orderBy: { id: 'asc' } })).map((p) => p.outcome)).toEqual([
      'confirmed',
      'unchanged:confirmed',
    ]);
    expect((await replyText(callId, first)).text).toContain('报名成功');
    expect((await replyText(callId, again)).text).toContain('已记录过了');
    expect(await h.prisma.callEvent.count({ where: { callId, type: 'confirmed' } })).toBe(1);
    expect((await callRow(h, callId)).answerSeq).toBe(1);
  });

  it('refuses a waiting yes once the call was closed, and still takes a waiting no', async () => {
    const { h, desk } = world;
    const [a, b] = vols as [ActorRow, ActorRow];
    const { callId, code } = await teamCall(2);
    await pressed(a, callId, true);
    await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    const lateYes = await pressed(b, callId, true);
    const lateNo = await pressed(a, callId, false);
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, dh, { callId })))).toBe('ok');
    // A press after the close is refused before it is recorded.
    expect(codeOf(await press(b, callId, true))).toBe('call/closed');
    await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    expect((await h.prisma.callPress.findUniqueOrThrow({ where: { id: lateYes } })).outcome).toBe('call/closed');
    expect((await replyText(callId, lateYes)).text).toContain(`召集 ${code} 已截止报名`);
    expect((await h.prisma.callPress.findUniqueOrThrow({ where: { id: lateNo } })).outcome).toBe('withdrawn');
    expect((await recipientRow(h, callId, a.personId)).roster).toBe('withdrawn');
    expect((await recipientRow(h, callId, b.personId)).roster).toBe('none');
    expect(await h.prisma.callPress.count({ where: { callId } })).toBe(3);
  });

  it('refuses bad presses before recording them, and keeps recorded ones until a consumer applies them', async () => {
    const { h, desk } = world;
    const [a] = vols as [ActorRow];
    const { callId } = await teamCall(2);
    const outsider = await volunteerOf(h, { teams: ['S-XS-EDU'] });
    expect(codeOf(await press(outsider, callId, true))).toBe('call/not_recipient');
    expect(codeOf(await press(a, 'not-a-uuid', true))).toBe('input/invalid');
    expect(codeOf(await press(a, '00000000-0000-4000-8000-000000000000', true))).toBe('call/not_found');
    expect(codeOf(await desk.uow.run((w) => desk.calls.answer.execute(w, a, { callId, yes: true, from: { channel: 'telegram', chatId: '' } })))).toBe(
      'input/invalid',
    );
    expect(await h.prisma.callPress.count()).toBe(0);
    // Recorded with no consumer running: it waits, and the reconciler can name its call.
    const id = await pressed(a, callId, true);
    expect(await desk.uow.read((r) => r.presses.callsWithPending())).toEqual([callId]);
    expect((await recipientRow(h, callId, a.personId)).roster).toBe('none');
    await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    expect((await h.prisma.callPress.findUniqueOrThrow({ where: { id } })).appliedAt).not.toBeNull();
    expect(await desk.uow.read((r) => r.presses.callsWithPending())).toEqual([]);
  });

  it("makes the consumer's last look wait for a press being recorded, and then see it", async () => {
    const { h, desk } = world;
    const [a] = vols as [ActorRow];
    const { callId } = await teamCall(2);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let recorded = false;
    // A press recorded in a transaction that has not committed yet.
    const recording = desk.uow.run(async (w) => {
      await w.repos.presses.record({ callId, personId: a.personId, yes: true, channel: 'web', chatId: 'x', at: w.now });
      recorded = true;
      await held;
    });
    await waitUntil(() => Promise.resolve(recorded || null), 'press recorded');
    const look = desk.uow.run((w) => w.repos.presses.pendingAfterLast(callId));
    // The positive signal: the last look is waiting on the press's lock.
    await waitUntil(
      async () =>
        (await h.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0]!.n > 0n || null,
      'last look waiting',
    );
    release();
    await recording;
    expect(await look).toBe(true);
  });
});
