// The need detail page's actions over real HTTP: reassign, close with a promised date (限时兑现),
// verify, cancel with a reason and the 审单 category correction — each the chat's own use case,
// so what chat does follows (cards to the new team's group, the old card closed, the resident
// told); each audited; the detail offers only what the caller may do; wrong role 403, out of
// scope 404, wrong state 409, a repeated press changes nothing twice, a malformed body 400 with
// field errors. Then 纠正统计: the month's category corrections per category, scoped.
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { nameColumns } from '@baiying/db';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { coordinatorOf, volunteerOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow, type ApiResponse, type Caller } from './console-support.js';

interface Refusal {
  error: string;
  message: string;
  messageEn: string;
  fields?: Array<{ field: string; message: string; messageEn: string }>;
}

interface Detail {
  status: string;
  actions: string[];
  teams: Array<{ code: string }>;
  categories: Array<{ code: string }>;
  review: string | null;
  category: { code: string };
  timeline: Array<{ kind: string; by: string | null; detail: Record<string, unknown> }>;
}

describe('Console need actions (the chat’s use cases) and correction counts', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let base = '';
  let serial = 0;
  const callers = {} as Record<'dh' | 'xs' | 'staff' | 'viewer', Caller>;

  async function consoleAs(personId: string): Promise<Caller> {
    const s = await sessionRow(h.prisma, personId);
    return { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
  }

  async function roleHolder(role: 'staff' | 'viewer', unit: string): Promise<string> {
    const u = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unit } });
    const p = await h.prisma.person.create({ data: { ...nameColumns(h.cipher, `${role}-${unit}`), roles: { create: { role, orgUnitId: u.id } } } });
    return p.id;
  }

  const need = (o: Parameters<typeof routedNeed>[2] = {}) => routedNeed(h, `res-act-${++serial}-${randomUUID().slice(0, 6)}`, o);
  const post = (c: Caller, id: string, action: string, body: unknown): Promise<ApiResponse> => http(base, 'POST', `/api/v1/needs/${id}/${action}`, c, body);
  const detail = async (c: Caller, id: string): Promise<Detail> => (await http(base, 'GET', `/api/v1/needs/${id}`, c)).body as Detail;
  const refusal = (r: ApiResponse): Refusal => r.body as Refusal;
  const audits = (needId: string, action: string) => h.prisma.auditLog.count({ where: { needId, action } });
  const residentMessages = async (needId: string, suffix: string) =>
    (await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `need.${needId}.${suffix}` } } })).map((m) => h.cipher.decrypt(m.bodyEnc));

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    callers.dh = await consoleAs((await coordinatorOf(h, 'I-DH', { name: '东湖协调' })).personId);
    callers.xs = await consoleAs((await coordinatorOf(h, 'I-XS', { name: '西山协调' })).personId);
    callers.staff = await consoleAs(await roleHolder('staff', 'S-XF'));
    callers.viewer = await consoleAs(await roleHolder('viewer', 'C'));
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('offers only the actions the caller may take now, with the reassign picker limited to scope and category', async () => {
    const n = await need();
    const d = await detail(callers.dh, n.id);
    expect(d.status).toBe('dispatched');
    expect(d.actions).toEqual(['reassign', 'close', 'cancel', 'category']);
    // Elderly-care teams of 东湖镇's subtree only: not the county's, not 西山's, not other categories.
    expect(d.teams.map((t) => t.code).sort()).toEqual(['I-DH-ELDER', 'S-HP-ELDER', 'S-XF-ELDER']);
    expect(d.categories.map((c) => c.code)).toEqual(expect.arrayContaining(['elderly', 'repair']));
    for (const who of ['staff', 'viewer'] as const) {
      const seen = await detail(callers[who], n.id);
      expect(seen.actions).toEqual([]);
      expect(seen.teams).toEqual([]);
    }
  });

  it('reassigns through chat’s use case: the card goes to the new team’s group, the old card closes, the resident is told; a second press changes nothing', async () => {
    const n = await need();
    const old = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: n.id, status: 'open' }, include: { team: true } });
    expect(old.team!.code).toBe('S-XF-ELDER');
    const r = await post(callers.dh, n.id, 'reassign', { team: 'I-DH-ELDER' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: n.code, action: 'reassign', changed: true });
    const open = await h.prisma.dispatch.findMany({ where: { needId: n.id, status: 'open' }, include: { team: true } });
    expect(open.map((o) => o.team!.code)).toEqual(['I-DH-ELDER']);
    const chat = await h.prisma.teamChat.findFirstOrThrow({ where: { team: { code: 'I-DH-ELDER' } } });
    const card = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `card.${open[0]!.id}.` } } });
    expect(card.chatId).toBe(chat.chatId);
    expect(h.cipher.decrypt(card.bodyEnc)).toContain(n.code.slice(-4));
    expect(await h.prisma.sentMessage.count({ where: { editOf: { startsWith: `card.${old.id}.` } } })).toBeGreaterThan(0);
    expect(await residentMessages(n.id, 'reassigned')).toHaveLength(1);
    expect(await audits(n.id, 'need_reassign')).toBe(1);
    expect((await detail(callers.dh, n.id)).timeline.map((e) => e.kind)).toContain('reassign');

    // Pressed again: still one open round, one card, one message, one audit row.
    const again = await post(callers.dh, n.id, 'reassign', { team: 'I-DH-ELDER' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ code: n.code, action: 'reassign', changed: false });
    expect(await h.prisma.dispatch.count({ where: { needId: n.id, status: 'open' } })).toBe(1);
    expect(await residentMessages(n.id, 'reassigned')).toHaveLength(1);
    expect(await audits(n.id, 'need_reassign')).toBe(1);
  });

  it('refuses reassigning for the wrong role (403), out of scope (404), to a team outside scope (400), with a malformed body (400 fields) or no CSRF (403)', async () => {
    const n = await need();
    for (const who of ['staff', 'viewer'] as const) {
      const r = await post(callers[who], n.id, 'reassign', { team: 'I-DH-ELDER' });
      expect(r.status).toBe(403);
      expect(refusal(r).error).toBe('console/read_only');
    }
    const out = await post(callers.xs, n.id, 'reassign', { team: 'I-XS-REPAIR' });
    expect(out.status).toBe(404);
    expect(refusal(out).error).toBe('console/not_found');
    expect((await post(callers.dh, randomUUID(), 'reassign', { team: 'I-DH-ELDER' })).status).toBe(404);
    const foreignTeam = await post(callers.dh, n.id, 'reassign', { team: 'S-XS-EDU' });
    expect(foreignTeam.status).toBe(400);
    expect(refusal(foreignTeam)).toEqual(
      expect.objectContaining({ error: 'team/not_found', message: '没有找到队伍 S-XS-EDU。', messageEn: 'Team S-XS-EDU not found.' }),
    );
    for (const body of [{}, { team: '' }, { team: 'I-DH-ELDER', extra: 1 }, { team: 'x y' }, '[]']) {
      const bad = await post(callers.dh, n.id, 'reassign', body);
      expect(bad.status).toBe(400);
      expect(refusal(bad).fields!.length).toBeGreaterThan(0);
      expect(refusal(bad).fields![0]!.messageEn).toBeTruthy();
    }
    expect((await post(callers.dh, 'not-a-uuid', 'reassign', { team: 'I-DH-ELDER' })).status).toBe(400);
    expect((await post({ cookie: callers.dh.cookie!, headers: { origin: base } }, n.id, 'reassign', { team: 'I-DH-ELDER' })).status).toBe(403);
    // None of it moved the need.
    const open = await h.prisma.dispatch.findMany({ where: { needId: n.id, status: 'open' }, include: { team: true } });
    expect(open.map((o) => o.team!.code)).toEqual(['S-XF-ELDER']);
    expect(await audits(n.id, 'need_reassign')).toBe(0);
  });

  it('closes unfulfilled with a promised date: the resident is told the reason and date; a second press is a 409; bad dates are refused', async () => {
    const n = await need();
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(refusal(await post(callers.dh, n.id, 'close', { promisedDate: '2020-01-01', reason: '场地维修' })).error).toBe('input/bad_date');
    const malformed = await post(callers.dh, n.id, 'close', { promisedDate: 'next week', reason: '' });
    expect(malformed.status).toBe(400);
    expect(
      refusal(malformed)
        .fields!.map((f) => f.field)
        .sort(),
    ).toEqual(['promisedDate', 'reason']);
    expect((await post(callers.staff, n.id, 'close', { promisedDate: day, reason: '场地维修' })).status).toBe(403);
    expect((await post(callers.xs, n.id, 'close', { promisedDate: day, reason: '场地维修' })).status).toBe(404);

    const r = await post(callers.dh, n.id, 'close', { promisedDate: day, reason: '场地维修，下周安排' });
    expect(r.status).toBe(200);
    const row = await h.prisma.need.findUniqueOrThrow({ where: { id: n.id } });
    expect(row.status).toBe('unfulfilled');
    expect(row.promisedDate!.toISOString().slice(0, 10)).toBe(day);
    const told = await residentMessages(n.id, 'unfulfilled');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('场地维修，下周安排');
    expect(told[0]).toContain(day);
    expect(await h.prisma.dispatch.count({ where: { needId: n.id, status: 'open' } })).toBe(0);
    const d = await detail(callers.dh, n.id);
    expect(d.actions).toEqual([]);
    // The reason is typed by a person: not in the timeline (encrypted), nor in the audit detail.
    expect(JSON.stringify(d.timeline)).not.toContain('场地维修');
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { needId: n.id, action: 'need_close' } });
    expect(audit.detail).toEqual({ code: n.code, promisedDate: day });

    const again = await post(callers.dh, n.id, 'close', { promisedDate: day, reason: '再按一次' });
    expect(again.status).toBe(409);
    expect(refusal(again)).toEqual(expect.objectContaining({ error: 'need/invalid_transition', message: '这个需求当前的状态不允许这样操作。' }));
    expect(await residentMessages(n.id, 'unfulfilled')).toHaveLength(1);
    expect(await audits(n.id, 'need_close')).toBe(1);
  });

  it('cancels with a reason (the resident is told why); a taken need or a second press is a 409; a missing reason a 400', async () => {
    const n = await need();
    const noReason = await post(callers.dh, n.id, 'cancel', {});
    expect(noReason.status).toBe(400);
    expect(refusal(noReason).fields!.map((f) => f.field)).toEqual(['reason']);
    expect((await post(callers.viewer, n.id, 'cancel', { reason: '重复提交' })).status).toBe(403);
    expect((await post(callers.xs, n.id, 'cancel', { reason: '重复提交' })).status).toBe(404);
    const r = await post(callers.dh, n.id, 'cancel', { reason: '与 N-0001 重复提交' });
    expect(r.status).toBe(200);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('cancelled');
    const told = await residentMessages(n.id, 'cancelled');
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('与 N-0001 重复提交');
    const again = await post(callers.dh, n.id, 'cancel', { reason: '重复提交' });
    expect(again.status).toBe(409);
    expect(refusal(again).error).toBe('need/cannot_cancel');
    expect(await residentMessages(n.id, 'cancelled')).toHaveLength(1);
    expect(await audits(n.id, 'need_cancel')).toBe(1);

    // Taken by a volunteer: no longer cancellable here either.
    const taken = await need();
    const li = await volunteerOf(h, { teams: ['S-XF-ELDER'], name: '取消测试志愿者' });
    await doneBy(h, li, taken.id, 1);
    const refused = await post(callers.dh, taken.id, 'cancel', { reason: '不需要了' });
    expect(refused.status).toBe(409);
    expect(refusal(refused).error).toBe('need/cannot_cancel');
  });

  it('verifies a done need (hours credited, the resident asked to rate); before done or a second press is a 409', async () => {
    const n = await need();
    const early = await post(callers.dh, n.id, 'verify', {});
    expect(early.status).toBe(409);
    expect(refusal(early).error).toBe('need/not_done');
    const vol = await volunteerOf(h, { teams: ['S-XF-ELDER'], name: '核实测试志愿者' });
    await doneBy(h, vol, n.id, 2);
    expect((await detail(callers.dh, n.id)).actions).toEqual(['verify']);
    expect((await post(callers.dh, n.id, 'verify', { extra: true })).status).toBe(400);
    expect((await post(callers.staff, n.id, 'verify', {})).status).toBe(403);
    const r = await post(callers.dh, n.id, 'verify', {});
    expect(r.status).toBe(200);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: n.id } })).status).toBe('confirmed');
    expect(await residentMessages(n.id, 'coordinator_confirmed')).toHaveLength(1);
    const again = await post(callers.dh, n.id, 'verify', {});
    expect(again.status).toBe(409);
    expect(await residentMessages(n.id, 'coordinator_confirmed')).toHaveLength(1);
    expect(await audits(n.id, 'need_verify')).toBe(1);
  });

  it('settles 审单 with the right category: the flag clears, the correction is kept encrypted and counted in 纠正统计 for the scope', async () => {
    const n = await need({ description: '楼道灯坏了好几天，老人晚上出门不方便' });
    await h.prisma.need.update({ where: { id: n.id }, data: { reviewReason: 'low_confidence' } });
    const unknown = await post(callers.dh, n.id, 'category', { category: 'nonsense' });
    expect(unknown.status).toBe(400);
    expect(refusal(unknown)).toEqual(expect.objectContaining({ error: 'need/unknown_category', messageEn: 'There is no category nonsense.' }));
    expect((await post(callers.dh, n.id, 'category', { category: 'Repair!' })).status).toBe(400);
    expect((await post(callers.viewer, n.id, 'category', { category: 'repair' })).status).toBe(403);
    expect((await post(callers.xs, n.id, 'category', { category: 'repair' })).status).toBe(404);

    const r = await post(callers.dh, n.id, 'category', { category: 'repair' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ code: n.code, action: 'category', changed: true });
    const d = await detail(callers.dh, n.id);
    expect(d.category.code).toBe('repair');
    expect(d.review).toBeNull();
    expect(d.timeline.find((e) => e.kind === 'correct_category')!.detail).toEqual(expect.objectContaining({ category: 'repair', was: 'elderly' }));
    const kept = await h.prisma.nluCorrection.findUniqueOrThrow({ where: { needId_kind: { needId: n.id, kind: 'category' } } });
    expect(kept).toEqual(expect.objectContaining({ label: 'repair', was: 'elderly' }));
    expect(kept.textEnc).not.toContain('楼道');
    expect(h.cipher.decrypt(kept.textEnc)).toBe('楼道灯坏了好几天，老人晚上出门不方便');
    const again = await post(callers.dh, n.id, 'category', { category: 'repair' });
    expect(again.body).toEqual({ code: n.code, action: 'category', changed: false });
    expect(await audits(n.id, 'need_category')).toBe(1);

    // 纠正统计: this month, per category, within the caller's scope only.
    const mine = (await http(base, 'GET', '/api/v1/corrections', callers.dh)).body as {
      total: number;
      month: string;
      items: Array<{ category: string; corrected: number; correctedTo: number }>;
    };
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toEqual(expect.objectContaining({ category: 'elderly', corrected: 1, correctedTo: 0 }));
    expect(mine.items.find((i) => i.category === 'repair')).toEqual(expect.objectContaining({ corrected: 0, correctedTo: 1 }));
    expect(((await http(base, 'GET', '/api/v1/corrections', callers.xs)).body as { total: number }).total).toBe(0);
    expect(((await http(base, 'GET', '/api/v1/corrections', callers.viewer)).body as { total: number }).total).toBe(1);
    const lastMonth = (await http(base, 'GET', `/api/v1/corrections?month=2020-01`, callers.dh)).body as { total: number; month: string };
    expect(lastMonth).toEqual(expect.objectContaining({ month: '2020-01', total: 0 }));
    for (const q of ['month=2026-13', 'month=x', 'other=1']) expect((await http(base, 'GET', `/api/v1/corrections?${q}`, callers.dh)).status).toBe(400);
  });
});
