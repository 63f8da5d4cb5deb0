// Volunteer registration (desk.volunteers.register), the coordinators' decision per team
// (desk.volunteers.decide, desk.volunteers.pending) and a volunteer's record
// (desk.volunteers.record), on the real database. Each test starts from a freshly seeded demo
// county and brings its own people.
import { nameColumns, personName } from '@baiying/db';
import { randomUUID } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import type { OutMessage, Result } from '@baiying/domain';
import { approveButton, type Desk, type RegisterVolunteerCommand } from '@baiying/features';
import { buttonRegistry, type ButtonDef } from '@baiying/kernel';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const PHONE = '13912345678';
const MASKED = '139****5678';

const config = testConfig();
const autoConfig = testConfig({ VOLUNTEER_AUTO_APPROVE: 'true' });
let h: DeskHarness;
/** The same database with auto-approval on. */
let auto: DeskHarness;

beforeAll(() => {
  h = deskHarness(config, 5);
  auto = deskHarness(autoConfig, 2);
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await flushPrefix(autoConfig.redisUrl, autoConfig.redisPrefix);
  await auto.close();
  await h.close();
});
beforeEach(async () => {
  await resetDatabase(h.prisma, h.cipher);
});

const codeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.code);
const actor = (personId: string) => h.desk.uow.run((w) => w.repos.people.actor(personId));
const unitId = async (code: string) => (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;
const teamId = async (code: string) => (await h.prisma.team.findUniqueOrThrow({ where: { code } })).id;

/** Someone new on the web chat. */
const newcomer = () => h.desk.uow.run((w) => w.repos.people.resolve('web', `web-${randomUUID()}`, null, '新人', null));

async function coordinatorOf(unitCode: string): Promise<ActorRow> {
  const key = `coord-${unitCode}-${randomUUID()}`;
  const p = await h.prisma.person.create({
    data: {
      ...nameColumns(h.cipher, key),
      identities: { create: { channel: 'web', externalId: key, chatId: key } },
      roles: { create: { role: 'coordinator', orgUnitId: await unitId(unitCode) } },
    },
  });
  return actor(p.id);
}

async function form(over: Partial<RegisterVolunteerCommand> = {}): Promise<RegisterVolunteerCommand> {
  return {
    name: '刘晓',
    phone: PHONE,
    stationId: await unitId('S-XF'),
    teamIds: [await teamId('S-XF-ELDER'), await teamId('I-DH-ELDER')],
    skills: ['理发', '电工'],
    ...over,
  };
}

const register = (who: ActorRow, input: RegisterVolunteerCommand, desk: Desk = h.desk) => desk.uow.run((w) => desk.volunteers.register.execute(w, who, input));
/** The handle of a volunteer's membership of a team (what the approval buttons carry). */
const membershipOf = async (personId: string, teamCode: string) =>
  (await h.prisma.teamMembership.findFirstOrThrow({ where: { volunteerId: personId, team: { code: teamCode } } })).id;
const decideId = (who: ActorRow, membershipId: string, approve: boolean) =>
  h.desk.uow.run((w) => h.desk.volunteers.decide.execute(w, who, { membershipId, approve }));
const decide = async (who: ActorRow, personId: string, approve: boolean, teamCode = 'S-XF-ELDER') =>
  decideId(who, await membershipOf(personId, teamCode), approve);
const pendingFor = async (who: ActorRow) => {
  const r = await h.desk.uow.run((w) => h.desk.volunteers.pending.execute(w, who));
  return r.ok ? r.value.map((m) => `${personName(h.cipher, m.volunteer.person)} ${m.team.code}`).sort() : r.code;
};
const statusOf = async (personId: string) =>
  Object.fromEntries(
    (await h.prisma.teamMembership.findMany({ where: { volunteerId: personId }, include: { team: true } })).map((m) => [m.team.code, m.status]),
  );
const emergencyMembers = async () => {
  const county = await unitId('C');
  return h.desk.uow.run((w) => w.repos.emergency.members(county));
};
const record = (who: ActorRow) => h.desk.uow.run((w) => h.desk.volunteers.record.execute(w, who));

/** The approval requests about `personId`, one per (team, coordinator). */
async function approvalAlerts(personId: string): Promise<Array<{ chat: string; team: string; m: OutMessage & { channel: string } }>> {
  const rows = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `approval.${personId}.` }, template: 'coordinator-alert' } });
  const teams = await h.prisma.team.findMany();
  return rows.map((r) => ({
    chat: r.chatId,
    team: teams.find((t) => r.purposeKey.includes(t.id))!.code,
    m: { ...(JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage), channel: r.channel },
  }));
}

/** A newcomer registered at S-XF and still pending. */
async function pendingVolunteer(): Promise<ActorRow> {
  const who = await newcomer();
  const r = await register(who, await form());
  if (!r.ok) throw new Error(`register failed: ${r.code}`);
  return actor(who.personId);
}

describe('registering', () => {
  it('records a pending volunteer and asks, per team, the coordinators who cover that team, with the phone masked', async () => {
    const station = await coordinatorOf('S-XF');
    const elsewhere = await coordinatorOf('I-XS');
    const who = await newcomer();
    expect(await register(who, await form({ phone: '+86 139-1234-5678' }))).toEqual({ ok: true, value: { approved: false, pending: true } });

    const v = await h.prisma.volunteer.findUniqueOrThrow({
      where: { personId: who.personId },
      include: { memberships: { include: { team: true } }, person: true },
    });
    expect(v).toMatchObject({ status: 'pending', stationId: await unitId('S-XF'), skills: ['理发', '电工'], approvedAt: null });
    expect(v.memberships.map((m) => `${m.team.code} ${m.status}`).sort()).toEqual(['I-DH-ELDER pending', 'S-XF-ELDER pending']);
    // The full number is kept, encrypted, with a hash to find it by.
    expect(personName(h.cipher, v.person)).toBe('刘晓');
    expect(h.cipher.decrypt(v.person.phoneEnc!)).toBe(PHONE);
    expect(v.person.phoneHash).toBe(h.cipher.hash(PHONE));
    // No team counts before it is approved.
    expect((await actor(who.personId)).volunteer).toEqual({ status: 'pending', stationId: await unitId('S-XF'), teamIds: [] });

    // The station's team is asked of the station's coordinator and those above it; the
    // township's team only of the township's and the county's. Never 西山's.
    const alerts = await approvalAlerts(who.personId);
    const chatOf = async (who: ActorRow) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: who.personId } })).chatId;
    expect(alerts.map((a) => `${a.team} ${a.chat}`).sort()).toEqual(
      [
        `S-XF-ELDER ${await chatOf(station)}`,
        'S-XF-ELDER demo-coord-county',
        'S-XF-ELDER demo-coord-dh',
        'I-DH-ELDER demo-coord-county',
        'I-DH-ELDER demo-coord-dh',
      ].sort(),
    );
    expect(alerts.map((a) => a.chat)).not.toContain(await chatOf(elsewhere));
    const registry = buttonRegistry([approveButton as ButtonDef<object>]);
    for (const { chat, team, m } of alerts) {
      expect({ chat, masked: m.text.includes(MASKED), full: m.text.includes(PHONE) || m.text.includes('139-1234-5678') }).toEqual({
        chat,
        masked: true,
        full: false,
      });
      expect(m.text).toContain('刘晓');
      expect(m.text).toContain('幸福社区');
      const membershipId = await membershipOf(who.personId, team);
      const payloads = m.buttons!.flat().map((b) => h.buttons.decode(b.data, registry, { channel: m.channel, chatId: chat }));
      expect(payloads).toEqual([
        { ok: true, def: approveButton, payload: { membershipId, approve: true } },
        { ok: true, def: approveButton, payload: { membershipId, approve: false } },
      ]);
    }
    // No message anywhere carries the full number.
    for (const row of await h.prisma.sentMessage.findMany()) expect(h.cipher.decrypt(row.bodyEnc)).not.toContain(PHONE);
  });

  it('keeps only teams of the station and the units above it', async () => {
    const who = await newcomer();
    const outside = [await teamId('S-XS-EDU'), await teamId('I-XS-REPAIR'), await teamId('S-HP-ELDER')];
    const inside = [await teamId('S-XF-ELDER'), await teamId('C-ELDERLY')];
    expect(codeOf(await register(who, await form({ teamIds: [...outside, ...inside, inside[0]!] })))).toBe('ok');
    const memberships = await h.prisma.teamMembership.findMany({ where: { volunteerId: who.personId }, include: { team: true } });
    expect(memberships.map((m) => m.team.code).sort()).toEqual(['C-ELDERLY', 'S-XF-ELDER']);
  });

  it('refuses when no team is left, and stores nothing', async () => {
    const who = await newcomer();
    const outside = [await teamId('S-XS-EDU'), await teamId('I-XS-REPAIR')];
    expect(await register(who, await form({ teamIds: outside }))).toEqual({ ok: false, code: 'team/not_found', detail: { code: '-' } });
    expect(await register(who, await form({ teamIds: [] }))).toEqual({ ok: false, code: 'team/not_found', detail: { code: '-' } });
    // A station that does not exist (or a unit that is not a station) is refused as such.
    expect(await register(who, await form({ stationId: randomUUID() }))).toEqual({ ok: false, code: 'input/invalid', detail: { field: 'stationId' } });
    expect(await h.prisma.volunteer.count({ where: { personId: who.personId } })).toBe(0);
    const fresh = await h.prisma.person.findUniqueOrThrow({ where: { id: who.personId } });
    expect({ name: personName(h.cipher, fresh), clear: fresh.displayNameClear, phoneEnc: fresh.phoneEnc, phoneHash: fresh.phoneHash }).toEqual({
      name: '新人',
      clear: null,
      phoneEnc: null,
      phoneHash: null,
    });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `approval.${who.personId}` } } })).toBe(0);
  });

  it('refuses what is not a mobile number', async () => {
    const who = await newcomer();
    for (const phone of ['12345', '23912345678', '1391234567', '139123456789', 'abc', '', '0571-8888888', '139 1234 567x']) {
      expect({ phone, r: codeOf(await register(who, await form({ phone }))) }).toEqual({ phone, r: 'input/not_a_phone' });
    }
    expect(await h.prisma.volunteer.count({ where: { personId: who.personId } })).toBe(0);
  });

  it('refuses a malformed form', async () => {
    const who = await newcomer();
    for (const over of [{ name: '   ' }, { name: 'x'.repeat(33) }, { stationId: 'S-XF' }, { teamIds: ['S-XF-ELDER'] }, { phone: '1'.repeat(41) }]) {
      expect({ over, r: codeOf(await register(who, await form(over))) }).toEqual({ over, r: 'input/invalid' });
    }
  });

  it('refuses someone already registered', async () => {
    const v = await pendingVolunteer();
    expect(await register(v, await form({ name: '又一次' }))).toEqual({ ok: false, code: 'volunteer/already_registered' });
    expect(
      await register(await actor((await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-vol-li' } })).personId), await form()),
    ).toEqual({
      ok: false,
      code: 'volunteer/already_registered',
    });
    expect(personName(h.cipher, await h.prisma.person.findUniqueOrThrow({ where: { id: v.personId } }))).toBe('刘晓');
  });

  it('approves at once, without alerts, when VOLUNTEER_AUTO_APPROVE is on', async () => {
    const who = await newcomer();
    expect(await register(who, await form(), auto.desk)).toEqual({ ok: true, value: { approved: true, pending: false } });
    const v = await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: who.personId } });
    expect(v.status).toBe('approved');
    expect(v.approvedAt).toBeInstanceOf(Date);
    expect(await statusOf(who.personId)).toEqual({ 'S-XF-ELDER': 'approved', 'I-DH-ELDER': 'approved' });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `approval.${who.personId}` } } })).toBe(0);
  });

  it('never auto-approves an emergency team: it waits for a coordinator who covers it', async () => {
    const who = await newcomer();
    const teams = [await teamId('S-XF-ELDER'), await teamId('C-EMERGENCY')];
    expect(await register(who, await form({ teamIds: teams }), auto.desk)).toEqual({ ok: true, value: { approved: true, pending: true } });
    expect(await statusOf(who.personId)).toEqual({ 'S-XF-ELDER': 'approved', 'C-EMERGENCY': 'pending' });
    expect((await actor(who.personId)).volunteer?.teamIds).toEqual([await teamId('S-XF-ELDER')]);
    expect(await emergencyMembers()).not.toContain(who.personId);
    // Only the county's coordinators are asked, only about the emergency team.
    expect((await approvalAlerts(who.personId)).map((a) => `${a.team} ${a.chat}`)).toEqual(['C-EMERGENCY demo-coord-county']);
  });
});

describe('deciding', () => {
  it('lets a coordinator in scope approve one team, exactly once', async () => {
    const v = await pendingVolunteer();
    const dh = await coordinatorOf('I-DH');
    expect(await decide(dh, v.personId, true)).toEqual({
      ok: true,
      value: { name: '刘晓', team: '幸福社区为老服务队', teamEn: 'Xingfu elderly care team', decided: true },
    });
    expect(await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: v.personId } })).toMatchObject({ status: 'approved', approvedById: dh.personId });
    expect(await statusOf(v.personId)).toEqual({ 'S-XF-ELDER': 'approved', 'I-DH-ELDER': 'pending' });
    const told = await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: `approval.${v.personId}.decided.${await teamId('S-XF-ELDER')}` } });
    expect(told.template).toBe('volunteer-decided');
    expect((JSON.parse(h.cipher.decrypt(told.bodyEnc)) as OutMessage).text).toContain('您的志愿者注册已通过审核：幸福社区为老服务队！');

    // Again, by anyone in scope, either way: already decided, nothing changes.
    expect(await decide(dh, v.personId, true)).toEqual({
      ok: true,
      value: { name: '刘晓', team: '幸福社区为老服务队', teamEn: 'Xingfu elderly care team', decided: false },
    });
    expect(await decide(await coordinatorOf('S-XF'), v.personId, false)).toEqual({
      ok: true,
      value: { name: '刘晓', team: '幸福社区为老服务队', teamEn: 'Xingfu elderly care team', decided: false },
    });
    expect(await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: v.personId } })).toMatchObject({ status: 'approved', approvedById: dh.personId });
    expect(await statusOf(v.personId)).toEqual({ 'S-XF-ELDER': 'approved', 'I-DH-ELDER': 'pending' });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `approval.${v.personId}.decided` } } })).toBe(1);
  });

  it('rejects the volunteer once every team is rejected', async () => {
    const v = await pendingVolunteer();
    const dh = await coordinatorOf('I-DH');
    expect(await decide(dh, v.personId, false)).toMatchObject({ ok: true, value: { decided: true } });
    expect((await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: v.personId } })).status).toBe('pending');
    expect(await decide(dh, v.personId, false, 'I-DH-ELDER')).toMatchObject({ ok: true, value: { decided: true } });
    expect((await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: v.personId } })).status).toBe('rejected');
    expect(await decide(dh, v.personId, true)).toMatchObject({ ok: true, value: { decided: false } });
    expect(await statusOf(v.personId)).toEqual({ 'S-XF-ELDER': 'rejected', 'I-DH-ELDER': 'rejected' });
  });

  it('a station coordinator cannot admit anyone to a county team, emergency or not', async () => {
    const who = await newcomer();
    const teams = [await teamId('S-XF-ELDER'), await teamId('C-EMERGENCY'), await teamId('C-ELDERLY')];
    expect(await register(who, await form({ teamIds: teams }))).toEqual({ ok: true, value: { approved: false, pending: true } });
    const station = await coordinatorOf('S-XF');
    // Their own station's team: yes. That makes the volunteer approved, but only for that team.
    expect(await decide(station, who.personId, true)).toMatchObject({ ok: true, value: { decided: true } });
    expect(await decide(station, who.personId, true, 'C-EMERGENCY')).toEqual({ ok: false, code: 'auth/out_of_scope' });
    expect(await decide(station, who.personId, true, 'C-ELDERLY')).toEqual({ ok: false, code: 'auth/out_of_scope' });
    expect(await statusOf(who.personId)).toEqual({ 'S-XF-ELDER': 'approved', 'C-EMERGENCY': 'pending', 'C-ELDERLY': 'pending' });
    expect((await actor(who.personId)).volunteer).toMatchObject({ status: 'approved', teamIds: [await teamId('S-XF-ELDER')] });
    // Not an emergency-team member: no private urgent cards.
    expect(await emergencyMembers()).not.toContain(who.personId);

    // The county's coordinator may; then the volunteer is one.
    expect(await decide(await coordinatorOf('C'), who.personId, true, 'C-EMERGENCY')).toMatchObject({ ok: true, value: { decided: true } });
    expect(await emergencyMembers()).toContain(who.personId);
  });

  it('lists pending teams per team, only those the coordinator covers', async () => {
    const who = await newcomer();
    const teams = [await teamId('S-XF-ELDER'), await teamId('I-DH-ELDER'), await teamId('C-EMERGENCY')];
    await register(who, await form({ teamIds: teams }));
    expect(await pendingFor(await coordinatorOf('S-XF'))).toEqual(['刘晓 S-XF-ELDER']);
    expect(await pendingFor(await coordinatorOf('I-DH'))).toEqual(['刘晓 I-DH-ELDER', '刘晓 S-XF-ELDER']);
    expect(await pendingFor(await coordinatorOf('C'))).toEqual(['刘晓 C-EMERGENCY', '刘晓 I-DH-ELDER', '刘晓 S-XF-ELDER']);
    expect(await pendingFor(await coordinatorOf('I-XS'))).toEqual([]);
    expect(await pendingFor(await newcomer())).toBe('auth/not_coordinator');
    await decide(await coordinatorOf('S-XF'), who.personId, true);
    expect(await pendingFor(await coordinatorOf('I-DH'))).toEqual(['刘晓 I-DH-ELDER']);
  });

  it('refuses coordinators of other units, people who are not coordinators, and unknown memberships', async () => {
    const v = await pendingVolunteer();
    expect(await decide(await coordinatorOf('I-XS'), v.personId, true)).toEqual({ ok: false, code: 'auth/out_of_scope' });
    expect(await decide(await coordinatorOf('S-HP'), v.personId, true)).toEqual({ ok: false, code: 'auth/out_of_scope' });
    // A station coordinator does not cover the township's team.
    expect(await decide(await coordinatorOf('S-XF'), v.personId, true, 'I-DH-ELDER')).toEqual({ ok: false, code: 'auth/out_of_scope' });
    expect(await decide(await newcomer(), v.personId, true)).toEqual({ ok: false, code: 'auth/not_coordinator' });
    expect(await decide(v, v.personId, true)).toEqual({ ok: false, code: 'auth/not_coordinator' });
    // An old button carrying the person, not a membership, finds nothing.
    expect(await decideId(await coordinatorOf('C'), v.personId, true)).toEqual({ ok: false, code: 'volunteer/not_found' });
    expect(await decideId(await coordinatorOf('C'), randomUUID(), true)).toEqual({ ok: false, code: 'volunteer/not_found' });
    expect(codeOf(await decideId(await coordinatorOf('C'), 'not-a-uuid', true))).toBe('input/invalid');
    expect((await h.prisma.volunteer.findUniqueOrThrow({ where: { personId: v.personId } })).status).toBe('pending');
    expect(await statusOf(v.personId)).toEqual({ 'S-XF-ELDER': 'pending', 'I-DH-ELDER': 'pending' });
  });
});

describe('a volunteer’s record', () => {
  it('counts hours, stars, jobs, rating and points once a job is credited', async () => {
    const v = await pendingVolunteer();
    await decide(await coordinatorOf('S-XF'), v.personId, true);
    const volunteer = await actor(v.personId);
    expect(await record(volunteer)).toEqual({ ok: true, value: { name: '刘晓', hours: 0, stars: 0, nextStarIn: 100, jobs: 0, rating: null, points: 0 } });

    const need = await routedNeed(h, `res-${randomUUID()}`, { teamCode: 'S-XF-ELDER', category: 'elderly' });
    await doneBy(h, volunteer, need.id, '2.5');
    // Done, not yet confirmed: nothing credited.
    expect(await record(volunteer)).toMatchObject({ ok: true, value: { hours: 0, jobs: 0, points: 0 } });

    const confirmed = await h.desk.uow.run((w) => h.desk.completion.respond.execute(w, need.actor, { need: { needId: need.id }, done: true }));
    expect(confirmed).toEqual({ ok: true, value: { code: need.code, confirmed: true } });
    expect(await record(volunteer)).toEqual({ ok: true, value: { name: '刘晓', hours: 2.5, stars: 0, nextStarIn: 97.5, jobs: 1, rating: null, points: 25 } });

    const rated = await h.desk.uow.run((w) => h.desk.completion.rate.execute(w, need.actor, { need: { needId: need.id }, score: 4 }));
    expect(rated.ok).toBe(true);
    expect(await record(volunteer)).toMatchObject({ ok: true, value: { rating: 4, hours: 2.5, points: 25 } });
  });

  it('refuses someone who is not a volunteer', async () => {
    expect(await record(await newcomer())).toEqual({ ok: false, code: 'volunteer/not_found' });
  });
});
