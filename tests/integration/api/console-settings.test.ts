// The console's settings over real HTTP with the bot and the worker running in this process:
// the SLA per tier (used by the running worker's next dispatch, back to the default on null),
// categories created (the running bot offers the new one for its keyword, without a restart)
// and deleted (a category in use is refused, 409 naming its uses), org units and stations
// (tier from the parent, code uniqueness), teams (unit + category). County administrators
// only; every change audited.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { ConversationService } from '../../../apps/bot/src/conversation.provider.js';
import { coordinatorOf, residentOf } from '../../support/factories.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';
import { http, sessionRow, type Caller } from './console-support.js';

interface Refusal {
  error: string;
  message: string;
  messageEn: string;
}

describe('Console settings: SLA, categories, units and stations, teams', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let botBase = '';
  let base = '';
  let web: { cookie: string; csrf: string };
  let admin: Caller;
  let adminId = '';
  let coordinator: Caller;
  let serial = 0;

  const cookieOf = (setCookie: string, name: string): string => `${name}=${new RegExp(`${name}=([A-Za-z0-9_-]+)`).exec(setCookie)![1]}`;
  const consoleAs = async (personId: string): Promise<Caller> => {
    const s = await sessionRow(h.prisma, personId);
    return { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
  };
  const audits = (kind: string) =>
    h.prisma.auditLog.findMany({ where: { action: 'settings_change', detail: { path: ['kind'], equals: kind } }, orderBy: { at: 'asc' } });

  async function submit(resident: ActorRow, categoryCode: string, stationCode: string): Promise<string> {
    const stationId = (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: stationCode } })).id;
    const r = await h.desk.uow.run((w) =>
      h.desk.intake.submit.execute(w, resident, {
        channel: 'web',
        description: '需要帮忙',
        truncated: false,
        categoryCode,
        stationId,
        address: null,
        location: null,
        wantedTime: null,
        phone: null,
        beneficiary: 'none',
        urgency: 'normal',
        attachments: [],
      }),
    );
    if (!r.ok) throw new Error(r.code);
    return r.value.id;
  }

  /** The SLA the running worker gave the need's first dispatch, in minutes. */
  async function firstSlaMinutes(needId: string): Promise<number> {
    const d = await waitUntil(() => h.prisma.dispatch.findFirst({ where: { needId, round: 1 } }), 'the worker dispatched the need');
    return (d.slaDueAt.getTime() - d.createdAt.getTime()) / 60_000 / config.sla.timeFactor;
  }

  async function say(who: string, text: string): Promise<void> {
    const r = await http(
      botBase,
      'POST',
      '/api/web/events',
      { cookie: web.cookie, csrf: web.csrf, headers: { origin: botBase } },
      { clientMsgId: `m${++serial}x${Date.now()}`, personaId: who, chatId: who, text },
    );
    expect(r.status).toBe(200);
  }

  const desk = new ConsoleDesk({ bot: true, worker: true });

  beforeAll(async () => {
    await desk.start();
    ({ config, h } = desk);
    bot = desk.bot!;
    botBase = desk.botBase;
    base = desk.apiBase;
    const r = await http(botBase, 'POST', '/api/web/session', {}, {});
    web = { cookie: cookieOf(r.setCookie, 'baiying_chat'), csrf: (r.body as { csrf: string }).csrf };
    adminId = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    admin = await consoleAs(adminId);
    coordinator = await consoleAs((await coordinatorOf(h, 'I-DH', { name: '设置所长' })).personId);
  }, 90_000);

  afterAll(async () => {
    await desk.stop();
  });

  it('sets the SLA of a tier; the running worker uses it for the next dispatch, and null returns it to the default', async () => {
    expect((await http(base, 'PATCH', '/api/v1/settings/sla', coordinator, { station: 7 })).status).toBe(403);
    const bad = await http(base, 'PATCH', '/api/v1/settings/sla', admin, { station: 0, tier: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: Array<{ field: string }> }).fields.map((f) => f.field).sort()).toEqual(['station', 'tier']);

    const resident = await h.desk.uow.run((w) => w.repos.people.resolve('web', 'sla-resident', 'sla-resident', '居民', null));
    expect(await firstSlaMinutes(await submit(resident, 'elderly', 'S-XF'))).toBeCloseTo(config.sla.stationMinutes, 1);

    const r = await http(base, 'PATCH', '/api/v1/settings/sla', admin, { station: 7, emergency: 3 });
    expect(r.body).toEqual({ changed: ['station', 'emergency'] });
    const view = (await http(base, 'GET', '/api/v1/settings', admin)).body as { sla: { stationMinutes: number }; slaDefaults: { stationMinutes: number } };
    expect(view.sla.stationMinutes).toBe(7);
    expect(view.slaDefaults.stationMinutes).toBe(config.sla.stationMinutes);
    // No restart: the worker started before the edit dispatches the next need with 7 minutes.
    expect(await firstSlaMinutes(await submit(resident, 'elderly', 'S-XF'))).toBeCloseTo(7, 1);

    // Repeated: nothing changes, nothing audited; null: back to the deployment's default.
    expect((await http(base, 'PATCH', '/api/v1/settings/sla', admin, { station: 7 })).body).toEqual({ changed: [] });
    expect((await http(base, 'PATCH', '/api/v1/settings/sla', admin, { station: null })).body).toEqual({ changed: ['station'] });
    expect(await firstSlaMinutes(await submit(resident, 'elderly', 'S-XF'))).toBeCloseTo(config.sla.stationMinutes, 1);
    const trail = await audits('sla');
    expect(trail.map((a) => a.detail)).toEqual([
      { kind: 'sla', key: 'sla', before: { station: null, emergency: null }, after: { station: 7, emergency: 3 } },
      { kind: 'sla', key: 'sla', before: { station: 7 }, after: { station: null } },
    ]);
    expect(trail.every((a) => a.actorId === adminId)).toBe(true);
  }, 90_000);

  it('creates a category the running bot offers for its keyword without a restart; refuses a duplicate code and deleting one in use', async () => {
    const body = { code: 'laundry', nameZh: '洗衣', nameEn: 'Laundry', keywords: ['晾衣竿'], defaultHours: 1.5 };
    expect((await http(base, 'POST', '/api/v1/settings/categories', coordinator, body)).status).toBe(403);
    const service = bot.get(ConversationService);
    const generation = service.understander!.generation;
    const created = await http(base, 'POST', '/api/v1/settings/categories', admin, body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'laundry' });
    await waitUntil(async () => service.understander!.generation > generation, 'the bot reloaded its categories');
    const resident = await residentOf(h, { name: '居民丙' });
    const who = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: resident.personId } })).externalId;
    await say(who, '晾衣竿');
    const asked = await waitUntil(async () => {
      const list = (await http(botBase, 'GET', `/api/web/chats/${who}/messages`)).body as Array<{
        text: string;
        bot?: boolean;
        buttons: Array<Array<{ label: string }>> | null;
      }>;
      return list.find((m) => m.bot !== false && (m.buttons?.length ?? 0) > 0) ?? null;
    }, 'the category question');
    // Offered first: asked to confirm it, or the first of the choices.
    expect(`${asked.text} ${asked.buttons![0]![0]!.label}`).toContain('洗衣');

    const dup = await http(base, 'POST', '/api/v1/settings/categories', admin, { ...body, code: 'laundry' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: 'settings/duplicate_code' });

    // Two administrators creating one new code at the same moment: one is created, the other is
    // told the code is taken (never a 500 from the unique index); one row, one audit entry.
    const race = await Promise.all(
      [0, 1, 2].map(() => http(base, 'POST', '/api/v1/settings/categories', admin, { code: 'ironing', nameZh: '熨烫', nameEn: 'Ironing' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(race.filter((r) => r.status === 409).map((r) => (r.body as Refusal).error)).toEqual(['settings/duplicate_code', 'settings/duplicate_code']);
    expect(await h.prisma.category.count({ where: { code: 'ironing' } })).toBe(1);

    // In use (needs, teams): refused with what uses it, in both languages; the category stays.
    await submit(await h.desk.uow.run((w) => w.repos.people.resolve('web', 'cat-resident', 'cat-resident', '居民', null)), 'elderly', 'S-XF');
    const inUse = await http(base, 'DELETE', '/api/v1/settings/categories/elderly', admin);
    expect(inUse.status).toBe(409);
    const b = inUse.body as Refusal;
    expect(b.error).toBe('settings/in_use');
    expect(b.message).toMatch(/条需求/);
    expect(b.message).toMatch(/支队伍/);
    expect(b.messageEn).toMatch(/\d+ needs/);
    expect(b.messageEn).toMatch(/retired/);
    expect(await h.prisma.category.count({ where: { code: 'elderly' } })).toBe(1);

    expect((await http(base, 'DELETE', '/api/v1/settings/categories/laundry', coordinator)).status).toBe(403);
    expect((await http(base, 'DELETE', '/api/v1/settings/categories/nosuch', admin)).status).toBe(404);
    const spare = await http(base, 'POST', '/api/v1/settings/categories', admin, { code: 'spare', nameZh: '备用', nameEn: 'Spare' });
    expect(spare.status).toBe(201);
    expect((await http(base, 'DELETE', '/api/v1/settings/categories/spare', admin)).body).toEqual({ deleted: 'spare' });
    expect(await h.prisma.category.count({ where: { code: 'spare' } })).toBe(0);
    expect((await audits('category')).map((a) => [a.detail as { key: string }].map((d) => d.key)[0])).toEqual(['laundry', 'ironing', 'spare', 'spare']);
  }, 90_000);

  it('creates stations under an institute (tier from the parent, unique codes) and teams there; deleting either while in use is refused', async () => {
    const dh = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    const xf = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const station = { code: 'S-NEWV', name: '新村', nameEn: 'Xincun', parent: dh.id, aliases: ['新村社区'] };
    expect((await http(base, 'POST', '/api/v1/settings/units', coordinator, station)).status).toBe(403);
    expect((await http(base, 'POST', '/api/v1/settings/units', admin, { ...station, parent: xf.id })).body).toMatchObject({ error: 'settings/bad_parent' });
    const made = await http(base, 'POST', '/api/v1/settings/units', admin, station);
    expect(made.status).toBe(201);
    const unitId = (made.body as { id: string; tier: string }).id;
    expect(made.body).toMatchObject({ tier: 'station' });
    const row = await h.prisma.orgUnit.findUniqueOrThrow({ where: { id: unitId } });
    expect(row.path).toBe(`${dh.path}${unitId}/`);
    expect((await http(base, 'POST', '/api/v1/settings/units', admin, { ...station, code: 's-newv' })).status).toBe(409);

    const team = { code: 'S-NEWV-REPAIR', name: '新村维修队', unit: unitId, category: 'repair' };
    expect((await http(base, 'POST', '/api/v1/settings/teams', coordinator, team)).status).toBe(403);
    expect((await http(base, 'POST', '/api/v1/settings/teams', admin, { ...team, category: 'nosuch' })).body).toMatchObject({ error: 'settings/unknown_ref' });
    const t = await http(base, 'POST', '/api/v1/settings/teams', admin, team);
    expect(t.status).toBe(201);
    const teamId = (t.body as { id: string }).id;
    expect((await http(base, 'POST', '/api/v1/settings/teams', admin, team)).body).toMatchObject({ error: 'settings/duplicate_code' });
    const listed = (await http(base, 'GET', '/api/v1/settings', admin)).body as { teams: Array<{ code: string; unit: string; category: string }> };
    expect(listed.teams.find((x) => x.code === 'S-NEWV-REPAIR')).toMatchObject({ unit: 'S-NEWV', category: 'repair' });

    // The station holds the team: refused, naming it; a seeded station with people and needs too.
    const held = await http(base, 'DELETE', `/api/v1/settings/units/${unitId}`, admin);
    expect(held.status).toBe(409);
    expect((held.body as Refusal).messageEn).toMatch(/1 teams/);
    const busy = await http(base, 'DELETE', `/api/v1/settings/units/${xf.id}`, admin);
    expect((busy.body as Refusal).error).toBe('settings/in_use');
    expect((busy.body as Refusal).message).toMatch(/名志愿者/);
    // A team with a bound group and members is refused; a new one without any goes, then its station.
    const seeded = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    expect((await http(base, 'DELETE', `/api/v1/settings/teams/${seeded.id}`, admin)).status).toBe(409);
    expect((await http(base, 'DELETE', `/api/v1/settings/teams/${teamId}`, coordinator)).status).toBe(403);
    expect((await http(base, 'DELETE', `/api/v1/settings/teams/${teamId}`, admin)).body).toEqual({ deleted: 'S-NEWV-REPAIR' });
    expect((await http(base, 'DELETE', `/api/v1/settings/units/${unitId}`, admin)).body).toEqual({ deleted: 'S-NEWV' });
    expect(await h.prisma.orgUnit.count({ where: { code: 'S-NEWV' } })).toBe(0);
    expect((await audits('unit')).length).toBe(2);
    expect((await audits('team')).length).toBe(2);
  }, 60_000);
});
