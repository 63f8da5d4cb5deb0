// Who may call whom, and what a call must look like: a coordinator's audience stays inside
// their subtree, volunteers and coordinators of another branch cannot manage a call, bad
// fields are refused by name, an audience that reaches nobody creates nothing, and a call's
// buttons cannot be forged.
import type { ActorRow } from '@baiying/db';
import { callAdminButton, callAnswerButton, callCheckButton, drainPresses, type CallDraft } from '@baiying/features';
import { buttonRegistry } from '@baiying/kernel';
import { PurposeKey, type OutMessage } from '@baiying/domain';
import { callDraft, coordinatorOf, createCall, volunteerOf, volunteersOf } from '../../support/factories.js';
import { callRow, callsHarness, codeOf, HOUR, ids, MINUTE, type CallsWorld } from './calls-fixture.js';

const { fresh } = callsHarness();

describe('a coordinator’s scope', () => {
  let world: CallsWorld;
  let dh: ActorRow;
  let county: ActorRow;
  let xs: ActorRow;
  /** Volunteers the factories put inside 东湖镇 (its stations 幸福社区, 和平村) and in 西山街道. */
  let dongHu: ActorRow[];
  let xiShan: ActorRow[];

  beforeEach(async () => {
    world = await fresh();
    const { h } = world;
    dh = await coordinatorOf(h, 'I-DH');
    county = await coordinatorOf(h, 'C');
    xs = await coordinatorOf(h, 'I-XS');
    dongHu = [
      ...(await volunteersOf(h, 3, { team: 'S-XF-ELDER', namePrefix: '东湖' })),
      ...(await volunteersOf(h, 3, { station: 'S-HP', namePrefix: '和平' })),
    ];
    xiShan = [...(await volunteersOf(h, 3, { team: 'S-XS-EDU', namePrefix: '西山' })), ...(await volunteersOf(h, 3, { station: 'S-TY', namePrefix: '桃源' }))];
  });

  const create = (who: ActorRow, d: CallDraft) => world.desk.uow.run((w) => world.desk.calls.create.execute(w, who, d));
  const preview = (who: ActorRow, d: CallDraft) => world.desk.uow.run((w) => world.desk.calls.preview.execute(w, who, d));

  it('keeps the audience inside the coordinator’s subtree', async () => {
    const { h, clock } = world;
    const outside = [
      { units: [{ code: 'S-XS', subtree: false }] },
      { units: [{ code: 'C', subtree: true }] },
      { teamCodes: ['S-XS-EDU'] },
      { teamCodes: ['C-EDUCATION'] },
      { everyone: true, teamCodes: ['I-XS-REPAIR'] },
    ];
    for (const audience of outside) {
      expect({ audience, r: codeOf(await create(dh, callDraft(clock.now(), { audience }))) }).toEqual({ audience, r: 'auth/out_of_scope' });
      expect({ audience, p: codeOf(await preview(dh, callDraft(clock.now(), { audience }))) }).toEqual({ audience, p: 'auth/out_of_scope' });
    }
    expect(await h.prisma.call.count()).toBe(0);

    // "Everyone" for the township reaches the approved volunteers of its units, and no one else.
    const { callId } = await createCall(world.desk, dh, callDraft(clock.now()));
    const dhUnits = await h.prisma.orgUnit.findMany({ where: { code: { in: ['I-DH', 'S-XF', 'S-HP'] } } });
    const inScope = (await h.prisma.volunteer.findMany({ where: { status: 'approved', stationId: { in: dhUnits.map((u) => u.id) } } }))
      .map((v) => v.personId)
      .sort();
    const reached = (await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => r.personId).sort();
    expect(reached).toEqual(inScope);
    expect(reached).toEqual(expect.arrayContaining(ids(dongHu)));
    expect(reached.filter((p) => ids(xiShan).includes(p))).toEqual([]);
    // The call belongs to the township, and its coordinator got the live tally.
    expect((await callRow(h, callId)).orgUnitId).toBe(dhUnits.find((u) => u.code === 'I-DH')!.id);
    const dhChat = await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: dh.personId } });
    expect(await h.prisma.sentMessage.findUnique({ where: { purposeKey: PurposeKey.callTally(callId) } })).toMatchObject({
      template: 'call-tally',
      channel: dhChat.channel,
      chatId: dhChat.chatId,
    });

    // The county reaches every approved volunteer, 西山's included: they were left out by scope alone.
    const all = await createCall(world.desk, county, callDraft(clock.now()));
    const everyone = (await h.prisma.volunteer.findMany({ where: { status: 'approved' } })).map((v) => v.personId).sort();
    const reachedAll = (await h.prisma.callRecipient.findMany({ where: { callId: all.callId } })).map((r) => r.personId).sort();
    expect(reachedAll).toEqual(everyone);
    expect(reachedAll).toEqual(expect.arrayContaining([...ids(dongHu), ...ids(xiShan)]));
  });

  it('refuses a volunteer without the coordinator role', async () => {
    const { h, desk, clock } = world;
    const volunteer = dongHu[0]!;
    const { callId } = await createCall(desk, dh, callDraft(clock.now()));
    expect(codeOf(await create(volunteer, callDraft(clock.now())))).toBe('auth/not_coordinator');
    expect(codeOf(await preview(volunteer, callDraft(clock.now())))).toBe('auth/not_coordinator');
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, volunteer, { callId })))).toBe('auth/not_coordinator');
    expect(codeOf(await desk.uow.run((w) => desk.calls.cancel.execute(w, volunteer, { callId })))).toBe('auth/not_coordinator');
    expect(codeOf(await desk.uow.run((w) => desk.calls.remind.execute(w, volunteer, { callId })))).toBe('auth/not_coordinator');
    expect(codeOf(await desk.uow.run((w) => desk.calls.extend.execute(w, volunteer, { callId, hours: 1 })))).toBe('auth/not_coordinator');
    expect(codeOf(await desk.uow.run((w) => desk.calls.status.execute(w, volunteer, { callId })))).toBe('auth/not_coordinator');
    expect(await h.prisma.call.count()).toBe(1);
    expect((await callRow(h, callId)).status).toBe('open');
  });

  it('refuses a coordinator of another branch, allows the one above', async () => {
    const { h, desk, clock } = world;
    const { callId } = await createCall(desk, dh, callDraft(clock.now()));
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, xs, { callId })))).toBe('auth/out_of_scope');
    expect(codeOf(await desk.uow.run((w) => desk.calls.cancel.execute(w, xs, { callId })))).toBe('auth/out_of_scope');
    expect(codeOf(await desk.uow.run((w) => desk.calls.extend.execute(w, xs, { callId, hours: 1 })))).toBe('auth/out_of_scope');
    expect(codeOf(await desk.uow.run((w) => desk.calls.remind.execute(w, xs, { callId })))).toBe('auth/out_of_scope');
    expect(codeOf(await desk.uow.run((w) => desk.calls.status.execute(w, xs, { callId })))).toBe('auth/out_of_scope');
    const call = await callRow(h, callId);
    expect(call.status).toBe('open');
    expect(call.nudgedAt).toBeNull();
    expect(await h.prisma.callEvent.count({ where: { callId, type: { not: 'create' } } })).toBe(0);
    // The county coordinator is above the township: allowed.
    expect(await desk.uow.run((w) => desk.calls.status.execute(w, county, { callId }))).toMatchObject({
      ok: true,
      value: { status: 'open', roster: { none: await h.prisma.callRecipient.count({ where: { callId } }) } },
    });
    expect(codeOf(await desk.uow.run((w) => desk.calls.close.execute(w, county, { callId })))).toBe('ok');
    expect((await callRow(h, callId)).status).toBe('closed');
  });

  it('refuses a forged or malformed answer button', async () => {
    const { h, desk, clock } = world;
    const { callId } = await createCall(desk, dh, callDraft(clock.now()));
    const other = await createCall(desk, dh, callDraft(clock.now()));
    // The buttons the desk handles, as the conversation engine registers them.
    const registry = buttonRegistry([callAnswerButton, callCheckButton, callAdminButton]);
    // Sealed for a volunteer's private chat, as the outbox sends it.
    const chat = { channel: 'telegram', chatId: '5551' };
    const sealed = (d: string) => h.buttons.seal(d, chat);
    const decode = (d: string) => h.buttons.decode(d, registry, chat);
    const data = sealed(h.buttons.encode(callAnswerButton, { callId, yes: true }));
    expect(decode(data)).toEqual({ ok: true, def: callAnswerButton, payload: { callId, yes: true } });
    const cut = data.lastIndexOf('.');
    const sig = data.slice(cut + 1);
    const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(decode(`${data.slice(0, cut + 1)}${flipped}`)).toEqual({ ok: false, reason: 'forged' });
    // A "yes" button turned into a "no" (or pointed at another call) with the old signature.
    expect(decode(data.replace(`.${callId}.y.`, `.${callId}.n.`))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(data.replace(callId, other.callId))).toEqual({ ok: false, reason: 'forged' });
    // The seal of another button does not carry over.
    const check = sealed(h.buttons.encode(callCheckButton, { callId, out: false }));
    expect(decode(`ca.${callId}.y.${check.split('.').slice(-2).join('.')}`)).toEqual({ ok: false, reason: 'forged' });
    // Unsealed, a tampered id, and junk around the data.
    expect(decode(`ca.${callId}.y`)).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(h.buttons.encode(callAnswerButton, { callId, yes: true }))).toEqual({ ok: false, reason: 'malformed' });
    expect(decode(`ca.not-a-uuid.y.${data.split('.').slice(-2).join('.')}`)).toEqual({ ok: false, reason: 'forged' });
    expect(decode(`${data} `)).toEqual({ ok: false, reason: 'malformed' });
    // Even correctly sealed, a payload whose fields do not parse is refused.
    expect(decode(sealed(h.buttons.encode(callAnswerButton, { callId: 'not-a-uuid', yes: true })))).toEqual({ ok: false, reason: 'malformed' });

    // Pressed in chat (through the conversation engine): the "参加" button of the message the
    // desk sent answers; the same button turned into "不能参加" is refused and changes nothing.
    expect(await desk.uow.run((w) => desk.calls.fanOut.execute(w, { callId, budget: { telegram: 100, wechat: 100, web: 100 } }))).toMatchObject({
      done: false,
    });
    const volunteer = dongHu[0]!;
    const sent = await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: PurposeKey.callMessage(callId, volunteer.personId) } });
    const yes = (JSON.parse(h.cipher.decrypt(sent.bodyEnc)) as OutMessage).buttons?.flat().find((b) => b.label.startsWith('参加'));
    expect(yes?.data).toMatch(/^ca\./);
    const engine = await h.engine({ desk });
    const press = async (data: string, n: number) =>
      (
        await engine.handle({
          channel: sent.channel,
          updateId: `press-${n}`,
          chat: { id: sent.chatId, kind: 'private' },
          from: { externalId: sent.chatId, displayName: '东湖1' },
          kind: 'callback',
          callback: { id: `cb-${n}`, data },
        })
      ).callbackAnswer?.text;
    // The press is recorded and acknowledged; the call's consumer applies it and replies.
    expect(await press(yes!.data, 1)).toBe('✓');
    expect(await press(yes!.data.replace(`.${callId}.y.`, `.${callId}.n.`), 2)).toContain('无效的操作');
    // The same update delivered again (a webhook retry) is not recorded twice.
    await press(yes!.data, 1);
    expect(await h.prisma.callPress.count({ where: { callId } })).toBe(1);
    await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
    expect((await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: volunteer.personId } } })).roster).toBe('confirmed');
    const reply = await h.prisma.sentMessage.findFirstOrThrow({ where: { template: 'call-answer', chatId: sent.chatId } });
    expect((JSON.parse(h.cipher.decrypt(reply.bodyEnc)) as OutMessage).text).toContain('报名成功');
  });
});

describe('a call’s fields and audience', () => {
  let world: CallsWorld;
  let dh: ActorRow;

  beforeEach(async () => {
    world = await fresh();
    dh = await coordinatorOf(world.h, 'I-DH');
  });

  it('refuses bad inputs by field and creates nothing', async () => {
    const { h, desk, clock } = world;
    const now = clock.now();
    const base = callDraft(now);
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
      ['startsAt', { startsAt: now, endsAt: new Date(now.getTime() + HOUR) }],
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
      const r = await desk.uow.run((w) => desk.calls.create.execute(w, dh, d));
      expect({ field, r }).toEqual({ field, r: { ok: false, code: 'call/bad_input', detail: { field } } });
      const p = await desk.uow.run((w) => desk.calls.preview.execute(w, dh, d));
      expect({ field, p }).toEqual({ field, p: { ok: false, code: 'call/bad_input', detail: { field } } });
    }
    expect(await h.prisma.call.count()).toBe(0);
    expect(await h.prisma.sentMessage.count()).toBe(0);
    // The same draft with its fields right is taken (the refusals were the fields, not the draft).
    expect(codeOf(await desk.uow.run((w) => desk.calls.create.execute(w, dh, base)))).toBe('ok');
  });

  it('refuses an audience that reaches nobody and creates no call', async () => {
    const { h, desk, clock } = world;
    const now = clock.now();
    const diver = await volunteerOf(h, { teams: ['S-HP-ELDER'], skills: ['无人机'] });
    await volunteerOf(h, { teams: ['S-XS-EDU'], skills: ['无人机'] }); // the same skill outside the scope
    // A team without members, a unit with no volunteers, a skill nobody has, nothing at all.
    for (const audience of [{ teamCodes: ['I-DH-LEGAL'] }, { units: [{ code: 'I-DH', subtree: false }] }, { skills: ['潜水'] }, {}]) {
      const r = await desk.uow.run((w) => desk.calls.create.execute(w, dh, callDraft(now, { audience })));
      expect({ audience, r: codeOf(r) }).toEqual({ audience, r: 'call/empty_audience' });
    }
    const unknown = await desk.uow.run((w) => desk.calls.create.execute(w, dh, callDraft(now, { audience: { units: [{ code: 'NOPE', subtree: true }] } })));
    expect(unknown).toEqual({ ok: false, code: 'call/unknown_unit', detail: { code: 'NOPE' } });
    expect(await h.prisma.call.count()).toBe(0);
    expect(await h.prisma.callRecipient.count()).toBe(0);
    expect(await h.prisma.callEvent.count()).toBe(0);
    expect(await h.prisma.sentMessage.count()).toBe(0);
    // The preview says zero without failing.
    expect(await desk.uow.run((w) => desk.calls.preview.execute(w, dh, callDraft(now, { audience: { teamCodes: ['I-DH-LEGAL'] } })))).toMatchObject({
      ok: true,
      value: { recipients: 0 },
    });
    // A skill reaches exactly those in scope who have it.
    const skilled = await createCall(desk, dh, callDraft(now, { audience: { skills: ['无人机'] } }));
    expect(skilled.recipients).toBe(1);
    expect((await h.prisma.callRecipient.findMany({ where: { callId: skilled.callId } })).map((r) => r.personId)).toEqual([diver.personId]);
  });
});
