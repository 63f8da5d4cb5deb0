// 平战结合: a county or township coordinator switches their unit to emergency mode and back
// (desk.emergency.switchMode), every switch recorded; the policy then finds the switched unit
// above emergency and urgent needs (desk.emergency.policy.unitFor). Each test starts from a
// freshly seeded demo county (C ⊃ I-DH ⊃ S-XF, S-HP; C ⊃ I-XS ⊃ S-XS, S-TY), all in daily mode.
import { nameColumns } from '@baiying/db';
import { randomUUID } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import type { Result } from '@baiying/domain';
import { EMERGENCY_CATEGORY } from '@baiying/features';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const config = testConfig({ EMERGENCY_SLA_MINUTES: '7' });
let h: DeskHarness;

beforeAll(() => {
  h = deskHarness(config, 5);
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});
beforeEach(async () => {
  await resetDatabase(h.prisma, h.cipher);
});

const COUNTY = '清溪县新时代文明实践中心';
const DONGHU = '东湖镇新时代文明实践所';

const codeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.code);
const unit = (code: string) => h.prisma.orgUnit.findUniqueOrThrow({ where: { code } });
const actor = (personId: string) => h.desk.uow.run((w) => w.repos.people.actor(personId));

/** A coordinator of every unit in `unitCodes`. */
async function coordinatorOf(...unitCodes: string[]): Promise<ActorRow> {
  const key = `coord-${randomUUID()}`;
  const roles = await Promise.all(unitCodes.map(async (c) => ({ role: 'coordinator' as const, orgUnitId: (await unit(c)).id })));
  const p = await h.prisma.person.create({
    data: { ...nameColumns(h.cipher, key), identities: { create: { channel: 'web', externalId: key, chatId: key } }, roles: { create: roles } },
  });
  return actor(p.id);
}

const switchMode = (who: ActorRow, on: boolean, reason: string | null = null) =>
  h.desk.uow.run((w) => h.desk.emergency.switchMode.execute(w, who, { on, reason }));
const modeOf = async (code: string) => (await unit(code)).emergencyMode;
const switches = () => h.prisma.modeSwitch.findMany({ orderBy: { createdAt: 'asc' } });

/** The unit whose emergency mode applies to a need of this shape at `station` (its code, or null). */
async function unitFor(station: string, categoryCode: string, urgency: 'urgent' | 'normal', danger: string | null = null): Promise<string | null> {
  const stationId = (await unit(station)).id;
  const need = { categoryCode, urgency, stationId, danger };
  const u = await h.desk.uow.run((w) => h.desk.emergency.policy.unitFor(w, need));
  return u ? (await h.prisma.orgUnit.findUniqueOrThrow({ where: { id: u.id } })).code : null;
}

describe('desk.emergency.switchMode', () => {
  it('lets a county coordinator switch the county on, and records it', async () => {
    const county = await coordinatorOf('C');
    expect(await switchMode(county, true, '  防汛 Ⅳ级响应  ')).toEqual({ ok: true, value: { unit: COUNTY, unitEn: expect.any(String), minutes: 7 } });
    expect(await modeOf('C')).toBe(true);
    // Only the unit itself is switched; the units below inherit through the policy.
    expect(await modeOf('I-DH')).toBe(false);
    expect(await switches()).toEqual([
      {
        id: expect.any(String) as unknown,
        orgUnitId: (await unit('C')).id,
        emergency: true,
        byId: county.personId,
        reason: '防汛 Ⅳ级响应',
        createdAt: expect.any(Date) as unknown,
      },
    ]);
  });

  it('lets a township coordinator switch the township on and off', async () => {
    const dh = await coordinatorOf('I-DH');
    expect(await switchMode(dh, true)).toEqual({ ok: true, value: { unit: DONGHU, unitEn: expect.any(String), minutes: 7 } });
    expect([await modeOf('I-DH'), await modeOf('C'), await modeOf('I-XS')]).toEqual([true, false, false]);
    expect(await switchMode(dh, false, '解除')).toEqual({ ok: true, value: { unit: DONGHU, unitEn: expect.any(String), minutes: 7 } });
    expect(await modeOf('I-DH')).toBe(false);
    expect((await switches()).map((s) => [s.emergency, s.reason, s.byId])).toEqual([
      [true, null, dh.personId],
      [false, '解除', dh.personId],
    ]);
  });

  it('refuses the mode the unit is already in, and records nothing', async () => {
    const dh = await coordinatorOf('I-DH');
    expect(await switchMode(dh, false)).toEqual({ ok: false, code: 'mode/unchanged', detail: { unit: DONGHU, unitEn: expect.any(String) } });
    expect(await switches()).toEqual([]);
    expect(codeOf(await switchMode(dh, true))).toBe('ok');
    // Another coordinator of the same unit sees the same mode.
    expect(await switchMode(await coordinatorOf('I-DH'), true, '再次')).toEqual({
      ok: false,
      code: 'mode/unchanged',
      detail: { unit: DONGHU, unitEn: expect.any(String) },
    });
    expect(await switches()).toHaveLength(1);
    expect(await modeOf('I-DH')).toBe(true);
  });

  it('switches the widest unit of a coordinator of several', async () => {
    const both = await coordinatorOf('S-XF', 'I-DH');
    expect(await switchMode(both, true)).toEqual({ ok: true, value: { unit: DONGHU, unitEn: expect.any(String), minutes: 7 } });
    const wide = await coordinatorOf('I-XS', 'C');
    expect(await switchMode(wide, true)).toEqual({ ok: true, value: { unit: COUNTY, unitEn: expect.any(String), minutes: 7 } });
    expect([await modeOf('I-DH'), await modeOf('C'), await modeOf('I-XS'), await modeOf('S-XF')]).toEqual([true, true, false, false]);
  });

  it('keeps a reason to 200 characters, and a blank one as none', async () => {
    const dh = await coordinatorOf('I-DH');
    await switchMode(dh, true, '险'.repeat(300));
    await switchMode(dh, false, '   ');
    expect((await switches()).map((s) => s.reason)).toEqual(['险'.repeat(200), null]);
    expect(codeOf(await switchMode(dh, true, '险'.repeat(2001)))).toBe('input/invalid');
    expect(await modeOf('I-DH')).toBe(false);
  });

  it('does not let a station coordinator switch', async () => {
    const station = await coordinatorOf('S-XF');
    expect(await switchMode(station, true)).toEqual({ ok: false, code: 'mode/not_allowed' });
    expect(await switchMode(await coordinatorOf('S-XS', 'S-TY'), true)).toEqual({ ok: false, code: 'mode/not_allowed' });
    expect(await switches()).toEqual([]);
    expect(await h.prisma.orgUnit.count({ where: { emergencyMode: true } })).toBe(0);
  });

  it('refuses volunteers and residents', async () => {
    const li = await actor((await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-vol-li' } })).personId);
    expect(li.volunteer?.status).toBe('approved');
    expect(await switchMode(li, true)).toEqual({ ok: false, code: 'auth/not_coordinator' });
    const resident = await h.desk.uow.run((w) => w.repos.people.resolve('web', `res-${randomUUID()}`, null, '居民', null));
    expect(await switchMode(resident, true)).toEqual({ ok: false, code: 'auth/not_coordinator' });
    expect(await switches()).toEqual([]);
  });
});

describe('desk.emergency.policy.unitFor', () => {
  it('finds the switched unit above emergency and urgent needs only, until it is switched off', async () => {
    expect(await unitFor('S-XF', EMERGENCY_CATEGORY, 'urgent')).toBeNull();
    const dh = await coordinatorOf('I-DH');
    await switchMode(dh, true);
    expect(await unitFor('S-XF', EMERGENCY_CATEGORY, 'normal')).toBe('I-DH');
    expect(await unitFor('S-HP', 'elderly', 'urgent')).toBe('I-DH');
    expect(await unitFor('S-XF', 'elderly', 'normal')).toBeNull();
    expect(await unitFor('S-XF', 'repair', 'normal')).toBeNull();
    // Not under it: 西山 stays in daily mode.
    expect(await unitFor('S-XS', EMERGENCY_CATEGORY, 'urgent')).toBeNull();

    // The nearest switched unit applies: the township before the county.
    const county = await coordinatorOf('C');
    await switchMode(county, true);
    expect(await unitFor('S-XF', EMERGENCY_CATEGORY, 'urgent')).toBe('I-DH');
    expect(await unitFor('S-XS', 'elderly', 'urgent')).toBe('C');
    await switchMode(dh, false);
    expect(await unitFor('S-XF', EMERGENCY_CATEGORY, 'urgent')).toBe('C');

    await switchMode(county, false);
    expect(await unitFor('S-XF', EMERGENCY_CATEGORY, 'urgent')).toBeNull();
    expect(await unitFor('S-XS', 'elderly', 'urgent')).toBeNull();
  });

  it('reads a stored need the same way', async () => {
    const urgent = await routedNeed(h, `res-${randomUUID()}`, { stationCode: 'S-HP', category: 'elderly', urgency: 'urgent' });
    const ordinary = await routedNeed(h, `res-${randomUUID()}`, { stationCode: 'S-HP', category: 'elderly' });
    const of = (needId: string) =>
      h.desk.uow.run(async (w) => {
        const n = await w.repos.needs.byId(needId);
        return n ? ((await h.desk.emergency.policy.unitFor(w, n))?.name ?? null) : 'missing';
      });
    expect([await of(urgent.id), await of(ordinary.id)]).toEqual([null, null]);
    await switchMode(await coordinatorOf('I-DH'), true);
    expect([await of(urgent.id), await of(ordinary.id)]).toEqual([DONGHU, null]);
  });

  it('sends a person in danger to the township in any mode', async () => {
    expect(await unitFor('S-XF', 'elderly', 'normal', 'likely')).toBe('I-DH');
    expect(await unitFor('S-TY', 'psych', 'urgent', 'likely')).toBe('I-XS');
    expect(await unitFor('S-XF', 'elderly', 'normal', 'possible')).toBeNull();
  });
});
