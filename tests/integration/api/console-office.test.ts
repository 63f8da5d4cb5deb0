// The console's office pages over real HTTP, with the bot running in this process: volunteers
// (scoped, masked; the per-team decision through chat's approval use case, so the chat's
// listing is rewritten), emergency mode (chat's switch use case; audited), teams (members,
// group health, open jobs) and settings (a category keyword changed in the console is used by
// the running bot's understanding for the next resident message, without a restart).
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { ConversationService } from '../../../apps/bot/src/conversation.provider.js';
import { coordinatorOf, residentOf } from '../../support/factories.js';
import { routedNeed } from '../../support/needs.js';
import { waitUntil, type DeskHarness } from '../../support/test-env.js';
import { ConsoleDesk } from '../../support/console-desk.js';
import { http, sessionRow, type Caller } from './console-support.js';
import { nameColumns } from '@baiying/db';
import { Desk } from '@baiying/features';

interface ChatMessage {
  text: string;
  bot?: boolean;
  buttons: Array<Array<{ label: string; data: string }>> | null;
}

describe('Console office pages: volunteers, emergency, teams, settings', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let botBase = '';
  let base = '';
  let web: { cookie: string; csrf: string };
  let serial = 0;

  const cookieOf = (setCookie: string, name: string): string => `${name}=${new RegExp(`${name}=([A-Za-z0-9_-]+)`).exec(setCookie)![1]}`;

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

  const messages = async (who: string): Promise<ChatMessage[]> => (await http(botBase, 'GET', `/api/web/chats/${who}/messages`)).body as ChatMessage[];

  async function botSaid(who: string, zh: string): Promise<ChatMessage> {
    return waitUntil(async () => (await messages(who)).filter((m) => m.bot !== false && m.text.includes(zh)).at(-1) ?? null, `the bot's "${zh}" to ${who}`);
  }

  /** A console caller for a person (a session row, as the login makes it). */
  async function consoleAs(personId: string): Promise<Caller> {
    const s = await sessionRow(h.prisma, personId);
    return { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
  }

  const externalIdOf = async (personId: string) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId } })).externalId;

  /** A person who asked to join a team (pending), at the team's station. */
  async function applicant(teamCode: string, name: string): Promise<{ volunteer: string; membership: string }> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } });
    const p = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, name),
        phoneEnc: h.cipher.encrypt('13655554444'),
        volunteer: {
          create: { stationId: team.orgUnitId, status: 'pending', skills: ['跑腿'], memberships: { create: { teamId: team.id, status: 'pending' } } },
        },
      },
      include: { volunteer: { include: { memberships: true } } },
    });
    return { volunteer: p.id, membership: p.volunteer!.memberships[0]!.id };
  }

  const desk = new ConsoleDesk({ bot: true });

  beforeAll(async () => {
    await desk.start();
    ({ config, h } = desk);
    bot = desk.bot!;
    botBase = desk.botBase;
    base = desk.apiBase;
    const r = await http(botBase, 'POST', '/api/web/session', {}, {});
    web = { cookie: cookieOf(r.setCookie, 'baiying_chat'), csrf: (r.body as { csrf: string }).csrf };
  }, 90_000);

  afterAll(async () => {
    await desk.stop();
  });

  it('lists volunteers in scope, masked, and decides a membership per team through chat’s use case (the chat listing is rewritten)', async () => {
    const coord = await coordinatorOf(h, 'I-DH', { name: '钱主任' });
    const stationCoord = await coordinatorOf(h, 'S-XF', { name: '幸福站长' });
    const wang = await applicant('I-DH-ELDER', '王申请');
    const xsApplicant = await applicant('S-XS-EDU', '西山申请');
    const c = await consoleAs(coord.personId);

    // The list: the institute's volunteers (seeded 李师傅 and 张护士, the applicant), not 西山's.
    const list = (await http(base, 'GET', '/api/v1/volunteers?limit=200', c)).body as {
      items: Array<{ id: string; name: string; phone: string; teams: Array<{ code: string; status: string; canDecide: boolean; membershipId: string }> }>;
    };
    const names = list.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['李师傅', '张护士', '王申请']));
    expect(names).not.toContain('西山申请');
    expect(names).not.toContain('陈老师');
    const li = list.items.find((i) => i.name === '李师傅')!;
    expect(li.phone).toBe('138****0002');
    expect(JSON.stringify(list)).not.toContain('13800000002');
    expect(list.items.find((i) => i.name === '王申请')!.teams).toEqual([expect.objectContaining({ code: 'I-DH-ELDER', status: 'pending', canDecide: true })]);
    // Filters: pending only, by team, by status, by unit.
    const pending = (await http(base, 'GET', '/api/v1/volunteers?pending=true', c)).body as { items: Array<{ name: string }> };
    expect(pending.items.map((i) => i.name)).toEqual(['王申请']);
    const team = (await http(base, 'GET', '/api/v1/volunteers?team=S-XF-REPAIR', c)).body as { items: Array<{ name: string }> };
    expect(team.items.map((i) => i.name)).toEqual(['李师傅']);
    expect(((await http(base, 'GET', '/api/v1/volunteers?team=S-XS-EDU', c)).body as { items: unknown[] }).items).toEqual([]);
    const approved = (await http(base, 'GET', '/api/v1/volunteers?status=approved&unit=S-XF', c)).body as { items: Array<{ name: string }> };
    expect(approved.items.map((i) => i.name).sort()).toEqual(['张护士', '李师傅'].sort());
    // Keyset pages: one at a time, every volunteer once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await http(base, 'GET', `/api/v1/volunteers?limit=1${cursor ? `&cursor=${cursor}` : ''}`, c)).body as {
        items: Array<{ id: string }>;
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(list.items.map((i) => i.id).sort());

    // The volunteer's page; another institute's volunteer answers like a missing one.
    const page = (await http(base, 'GET', `/api/v1/volunteers/${li.id}`, c)).body as { name: string; stars: number; record: unknown[]; rating: unknown };
    expect(page).toMatchObject({ name: '李师傅', record: [] });
    expect((await http(base, 'GET', `/api/v1/volunteers/${xsApplicant.volunteer}`, c)).status).toBe(404);

    // In chat the coordinator lists the application with its buttons (/approve).
    const chatId = await externalIdOf(coord.personId);
    await say(chatId, '/approve');
    const asked = await botSaid(chatId, '王申请');
    expect(asked.buttons?.flat().length).toBe(2);

    // A station coordinator below the team's unit cannot decide it (outside their read scope: 404).
    const sc = await consoleAs(stationCoord.personId);
    expect((await http(base, 'POST', `/api/v1/volunteers/memberships/${wang.membership}/decision`, sc, { approve: true })).status).toBe(404);
    // Station staff of the team's station read it but cannot decide: 403.
    const staff = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, '站员'),
        roles: { create: { role: 'staff', orgUnitId: (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } })).id } },
      },
    });
    const xfApplicant = await applicant('S-XF-ELDER', '幸福申请');
    const st = await consoleAs(staff.id);
    const refused = await http(base, 'POST', `/api/v1/volunteers/memberships/${xfApplicant.membership}/decision`, st, { approve: true });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'console/read_only' });
    // The station's coordinator decides the station team's application.
    expect((await http(base, 'POST', `/api/v1/volunteers/memberships/${xfApplicant.membership}/decision`, sc, { approve: false })).body).toMatchObject({
      decided: true,
    });

    // The institute coordinator approves in the console: the chat listing is rewritten without buttons.
    const r = await http(base, 'POST', `/api/v1/volunteers/memberships/${wang.membership}/decision`, c, { approve: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '王申请', team: '东湖镇为老助老队', decided: true });
    expect((await h.prisma.teamMembership.findUniqueOrThrow({ where: { id: wang.membership } })).status).toBe('approved');
    const settled = await botSaid(chatId, '已批准');
    expect(settled.text).toContain('王申请');
    expect(settled.buttons ?? []).toEqual([]);
    // Repeated: nothing decided twice.
    expect((await http(base, 'POST', `/api/v1/volunteers/memberships/${wang.membership}/decision`, c, { approve: false })).body).toMatchObject({
      decided: false,
    });
    expect((await h.prisma.teamMembership.findUniqueOrThrow({ where: { id: wang.membership } })).status).toBe('approved');
    // Audited once, with the console session; the coordinator reads it in the audit log.
    const audits = await h.prisma.auditLog.findMany({ where: { action: 'approval', actorId: coord.personId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.sessionId).not.toBeNull();
    expect(audits[0]!.detail).toMatchObject({ team: 'I-DH-ELDER', approve: true, via: 'console' });
    const log = (await http(base, 'GET', '/api/v1/audit?action=approval', c)).body as { items: Array<{ action: string }> };
    expect(log.items.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('shows and switches emergency mode with a reason through chat’s use case; audited; history', async () => {
    const coord = await coordinatorOf(h, 'I-DH', { name: '应急主任' });
    const c = await consoleAs(coord.personId);
    const overview = (await http(base, 'GET', '/api/v1/emergency', c)).body as {
      units: Array<{ id: string; code: string; emergency: boolean; canSwitch: boolean }>;
    };
    const codes = overview.units.map((u) => u.code);
    expect(codes).toEqual(['C', 'I-DH']);
    const dh = overview.units.find((u) => u.code === 'I-DH')!;
    const county = overview.units.find((u) => u.code === 'C')!;
    expect(dh).toMatchObject({ emergency: false, canSwitch: true });
    expect(county).toMatchObject({ canSwitch: false });

    // The county is above the coordinator: they see its mode but cannot switch it.
    expect((await http(base, 'POST', `/api/v1/emergency/units/${county.id}`, c, { on: true, reason: '越权' })).status).toBe(403);
    const xs = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-XS' } });
    expect((await http(base, 'POST', `/api/v1/emergency/units/${xs.id}`, c, { on: true, reason: '越权' })).status).toBe(404);
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    expect((await http(base, 'POST', `/api/v1/emergency/units/${station.id}`, c, { on: true, reason: '站点' })).body).toMatchObject({
      error: 'mode/not_allowed',
    });

    const on = await http(base, 'POST', `/api/v1/emergency/units/${dh.id}`, c, { on: true, reason: '防汛Ⅱ级响应' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ unit: '东湖镇新时代文明实践所' });
    expect((await h.prisma.orgUnit.findUniqueOrThrow({ where: { id: dh.id } })).emergencyMode).toBe(true);
    // Repeated: already in that mode.
    const again = await http(base, 'POST', `/api/v1/emergency/units/${dh.id}`, c, { on: true, reason: '再次' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'mode/unchanged' });

    // Chat switches it back with the same use case; the console's history shows both.
    await say(await externalIdOf(coord.personId), '/emergency off');
    await botSaid(await externalIdOf(coord.personId), '已恢复日常状态');
    const after = (await http(base, 'GET', '/api/v1/emergency', c)).body as {
      units: Array<{ code: string; emergency: boolean }>;
      history: Array<{ unit: string; emergency: boolean; by: string; reason: string | null }>;
    };
    expect(after.units.find((u) => u.code === 'I-DH')!.emergency).toBe(false);
    expect(after.history.slice(0, 2)).toEqual([
      expect.objectContaining({ unit: 'I-DH', emergency: false, by: '应急主任' }),
      expect.objectContaining({ unit: 'I-DH', emergency: true, by: '应急主任', reason: '防汛Ⅱ级响应' }),
    ]);
    const audits = await h.prisma.auditLog.findMany({ where: { action: 'emergency_switch', actorId: coord.personId }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => [a.reason, (a.detail as { via: string }).via])).toEqual([
      ['防汛Ⅱ级响应', 'console'],
      [null, 'chat'],
    ]);
    // A viewer sees the modes and cannot switch.
    const viewer = await h.prisma.person.create({ data: { ...nameColumns(h.cipher, '考核'), roles: { create: { role: 'viewer', orgUnitId: dh.id } } } });
    const v = await consoleAs(viewer.id);
    expect((await http(base, 'GET', '/api/v1/emergency', v)).status).toBe(200);
    expect((await http(base, 'POST', `/api/v1/emergency/units/${dh.id}`, v, { on: true, reason: '考核' })).status).toBe(403);
  }, 60_000);

  it('shows teams with members, bound groups and their health, and open jobs', async () => {
    const coord = await coordinatorOf(h, 'I-DH', { name: '队伍主任' });
    const c = await consoleAs(coord.personId);
    const need = await routedNeed(h, 'res-office-team', { teamCode: 'S-XF-ELDER' });
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const chats = await h.prisma.teamChat.findMany({ where: { teamId: team.id } });
    expect(chats.length).toBeGreaterThan(0);
    const good = chats[0]!;
    // One group delivered to; a second bound group the bot was removed from (every send refused).
    const gone = await h.prisma.teamChat.create({ data: { teamId: team.id, channel: 'telegram', chatId: '-100777', title: '旧群' } });
    await h.prisma.sentMessage.create({
      data: {
        purposeKey: `t.office.ok.${Date.now()}`,
        channel: good.channel,
        chatId: good.chatId,
        template: 't',
        bodyEnc: 'x',
        status: 'sent',
        sentAt: new Date(),
      },
    });
    await h.prisma.sentMessage.create({
      data: {
        purposeKey: `t.office.gone.${Date.now()}`,
        channel: 'telegram',
        chatId: '-100777',
        template: 't',
        bodyEnc: 'x',
        status: 'failed',
        lastError: 'Forbidden: bot was kicked from the supergroup chat',
      },
    });
    const list = (await http(base, 'GET', '/api/v1/teams', c)).body as {
      items: Array<{
        id: string;
        code: string;
        members: { approved: number };
        openJobs: number;
        chats: Array<{ title: string | null; health: string; lastError: string | null }>;
      }>;
    };
    expect(list.items.map((t) => t.code)).toContain('I-DH-ELDER');
    expect(list.items.map((t) => t.code)).not.toContain('S-XS-EDU');
    const xf = list.items.find((t) => t.code === 'S-XF-ELDER')!;
    expect(xf.members.approved).toBeGreaterThanOrEqual(2);
    expect(xf.openJobs).toBeGreaterThanOrEqual(1);
    expect(xf.chats.find((x) => x.title === '旧群')).toMatchObject({ health: 'failing', lastError: expect.stringContaining('kicked') });
    expect(xf.chats.filter((x) => x.health === 'ok').length).toBeGreaterThanOrEqual(1);
    const detail = (await http(base, 'GET', `/api/v1/teams/${xf.id}`, c)).body as {
      memberList: Array<{ name: string; phone: string }>;
      jobs: Array<{ code: string; tier: string }>;
    };
    expect(detail.memberList.find((m) => m.name === '李师傅')!.phone).toBe('138****0002');
    expect(detail.jobs.map((j) => j.code)).toContain(need.code);
    const foreign = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XS-EDU' } });
    expect((await http(base, 'GET', `/api/v1/teams/${foreign.id}`, c)).status).toBe(404);
    await h.prisma.teamChat.delete({ where: { id: gone.id } });
  }, 60_000);

  it('lets the county administrator edit a category keyword that the running bot uses for the next message, without a restart', async () => {
    const admin = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    const a = await consoleAs(admin);
    const coord = await coordinatorOf(h, 'I-DH', { name: '设置主任' });
    const c = await consoleAs(coord.personId);
    expect((await http(base, 'GET', '/api/v1/settings', c)).status).toBe(403);
    expect((await http(base, 'PATCH', '/api/v1/settings/categories/culture', c, { keywords: ['晾衣竿'] })).status).toBe(403);
    expect((await http(base, 'PATCH', '/api/v1/settings/categories/nosuch', a, { keywords: ['晾衣竿'] })).status).toBe(404);

    const settings = (await http(base, 'GET', '/api/v1/settings', a)).body as {
      categories: Array<{ code: string; nameZh: string; keywords: string[] }>;
      sla: { stationMinutes: number };
    };
    const culture = settings.categories.find((x) => x.code === 'culture')!;
    expect(settings.sla.stationMinutes).toBe(config.sla.stationMinutes);

    // Before: the running bot does not take the word for culture.
    const before = await residentOf(h, { name: '居民甲' });
    await say(await externalIdOf(before.personId), '晾衣竿');
    const asked = await waitUntil(
      async () => (await messages(await externalIdOf(before.personId))).find((m) => m.bot !== false && (m.buttons?.length ?? 0) > 0) ?? null,
      'the category question',
    );
    expect(asked.buttons![0]![0]!.label).not.toContain(culture.nameZh);

    // The administrator adds the word to culture in the console.
    const service = bot.get(ConversationService);
    const generation = service.understander!.generation;
    const r = await http(base, 'PATCH', '/api/v1/settings/categories/culture', a, { keywords: [...culture.keywords, '晾衣竿'] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ changed: ['keywords'] });
    // The bot reloads on the commit's notification (no restart)…
    await waitUntil(async () => service.understander!.generation > generation, 'the bot reloaded its categories');
    // …and the next resident saying the word is offered culture first.
    const after = await residentOf(h, { name: '居民乙' });
    await say(await externalIdOf(after.personId), '晾衣竿');
    const asked2 = await waitUntil(
      async () => (await messages(await externalIdOf(after.personId))).find((m) => m.bot !== false && (m.buttons?.length ?? 0) > 0) ?? null,
      'the category question',
    );
    expect(asked2.buttons![0]![0]!.label).toContain(culture.nameZh);

    // Audited with before and after; an edit that changes nothing changes (and audits) nothing.
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: 'settings_change', actorId: admin } });
    expect(audit.detail).toMatchObject({ kind: 'category', key: 'culture', after: { keywords: expect.arrayContaining(['晾衣竿']) } });
    expect((await http(base, 'PATCH', '/api/v1/settings/categories/culture', a, { keywords: [...culture.keywords, '晾衣竿'] })).body).toEqual({ changed: [] });
    expect(await h.prisma.auditLog.count({ where: { action: 'settings_change', actorId: admin } })).toBe(1);

    // A station alias and a team name: saved and audited.
    const hp = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-HP' } });
    expect((await http(base, 'PATCH', `/api/v1/settings/units/${hp.id}`, a, { aliases: [...hp.aliases, '和平新村'] })).body).toEqual({ changed: ['aliases'] });
    expect((await h.prisma.orgUnit.findUniqueOrThrow({ where: { id: hp.id } })).aliases).toContain('和平新村');
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-HP-REPAIR' } }).catch(() => h.prisma.team.findFirstOrThrow());
    expect((await http(base, 'PATCH', `/api/v1/settings/teams/${team.id}`, a, { name: '和平村维修队（新）' })).body).toEqual({ changed: ['name'] });
    expect(await h.prisma.auditLog.count({ where: { action: 'settings_change', actorId: admin } })).toBe(3);

    // The bot keeps categories in memory (decision 0049; its cache was filled again by the turn
    // above): a renamed category is dropped from it on the commit's notification, and the next
    // resident's question names it as renamed — no restart.
    const reference = bot.get(Desk).deps.reference!;
    const cached = reference.generation;
    const loads = reference.loads;
    expect((await http(base, 'PATCH', '/api/v1/settings/categories/culture', a, { nameZh: '文体新名' })).body).toEqual({ changed: ['nameZh'] });
    await waitUntil(async () => reference.generation > cached, "the bot's categories cache invalidated");
    const third = await residentOf(h, { name: '居民丙' });
    await say(await externalIdOf(third.personId), '晾衣竿');
    const asked3 = await waitUntil(
      async () => (await messages(await externalIdOf(third.personId))).find((m) => m.bot !== false && (m.buttons?.length ?? 0) > 0) ?? null,
      'the category question',
    );
    expect(asked3.buttons![0]![0]!.label).toContain('文体新名');
    expect(reference.loads).toBeGreaterThan(loads);
  }, 60_000);
});
