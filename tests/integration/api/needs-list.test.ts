// The console's needs list over real HTTP (decision 0034): every filter, the three sorts read in
// keyset pages without gaps or duplicates (ties on the submission time included), scope (station
// staff never see another station's needs), cursors bound to their sort, bad query parameters
// (400 in zh and en), and saved filters (own only, cap, malformed, oversized, CSRF).
import type { INestApplication } from '@nestjs/common';
import { nameColumns } from '@baiying/db';
import type { AppConfig } from '@baiying/config';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { insertNeeds } from '../../support/need-rows.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow, type Caller } from './console-support.js';

interface Row {
  id: string;
  code: string;
  createdAt: Date;
  urgency: string;
  stationId: string;
  status: string;
  categoryCode: string;
  beneficiary: string;
  reviewReason: string | null;
}
interface Page {
  items: Array<{ id: string; code: string; station: { code: string }; phone: string }>;
  nextCursor: string | null;
}
interface BadRequest {
  error: string;
  message: string;
  messageEn: string;
  fields: Array<{ field: string }>;
}

const RANK: Record<string, number> = { emergency: 0, urgent: 1, normal: 2 };
const newest = (a: Row, b: Row) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : -1);
const ORDER: Record<string, (a: Row, b: Row) => number> = {
  new: newest,
  old: (a, b) => newest(b, a),
  urgency: (a, b) => RANK[a.urgency]! - RANK[b.urgency]! || newest(a, b),
};

describe('console needs list: filters, sorts, keyset pages, scope, saved filters', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let base = '';
  let rows: Row[] = [];
  const units = new Map<string, { id: string; parentId: string | null }>();
  const who = {} as Record<'admin' | 'staff' | 'other', Caller & { personId: string }>;

  async function session(personId: string): Promise<Caller & { personId: string }> {
    const s = await sessionRow(h.prisma, personId);
    return { personId, cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
  }

  async function grant(role: string, unit: string, name: string): Promise<string> {
    const p = await h.prisma.person.create({ data: { ...nameColumns(h.cipher, name), roles: { create: { role, orgUnitId: units.get(unit)!.id } } } });
    return p.id;
  }

  /** Every page of a query (limit per page), in order; fails on a non-200. */
  async function walk(c: Caller, query: Record<string, string>, limit: number): Promise<string[]> {
    const codes: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 500; i++) {
      const qs = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const r = await http(base, 'GET', `/api/v1/needs?${qs.toString()}`, c);
      if (r.status !== 200) throw new Error(`${qs.toString()}: ${r.status} ${JSON.stringify(r.body)}`);
      const page = r.body as Page;
      codes.push(...page.items.map((x) => x.code));
      if (!page.nextCursor) return codes;
      expect(page.items).toHaveLength(limit);
      cursor = page.nextCursor;
    }
    throw new Error('more than 500 pages');
  }

  const expected = (pick: (r: Row) => boolean, sort: string) =>
    rows
      .filter(pick)
      .sort(ORDER[sort])
      .map((r) => r.code);
  const under = (unitCode: string) => {
    const id = units.get(unitCode)!.id;
    return (stationId: string) => {
      for (let u: string | null = stationId; u; u = [...units.values()].find((x) => x.id === u)?.parentId ?? null) if (u === id) return true;
      return false;
    };
  };

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 4);
    await resetDatabase(h.prisma, h.cipher);
    for (const u of await h.prisma.orgUnit.findMany({ select: { id: true, code: true, parentId: true } })) units.set(u.code, u);
    await insertNeeds(h.prisma, 400, { stepSeconds: 3 * 3600 });
    // Ties: every need of a day shares its submission time (the id breaks them).
    await h.prisma.$executeRaw`UPDATE need SET "createdAt" = date_trunc('day', "createdAt") WHERE code LIKE '%-T%' AND (substring(code from 13)::int % 3) = 0`;
    // The 审单 flag on a few (the seeded proportion, 1 in 500, leaves none among 400).
    await h.prisma.$executeRaw`UPDATE need SET "reviewReason" = 'uncertain' WHERE code LIKE '%3'`;
    rows = await h.prisma.need.findMany({
      select: {
        id: true,
        code: true,
        createdAt: true,
        urgency: true,
        stationId: true,
        status: true,
        categoryCode: true,
        beneficiary: true,
        reviewReason: true,
      },
    });
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    who.admin = await session((await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId);
    who.staff = await session(await grant('staff', 'S-XF', '幸福站员'));
    who.other = await session(await grant('coordinator', 'I-XS', '西山主任'));
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('reads every sort in keyset pages without gaps or duplicates, ties included', async () => {
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBeLessThan(rows.length);
    for (const sort of ['new', 'old', 'urgency']) {
      expect(await walk(who.admin, { sort }, 23)).toEqual(expected(() => true, sort));
      // Filtered too: the urgency sort crosses its levels inside one page.
      const f = { beneficiary: 'elderly,child', status: 'confirmed,done' };
      const pick = (r: Row) => ['elderly', 'child'].includes(r.beneficiary) && ['confirmed', 'done'].includes(r.status);
      expect(await walk(who.admin, { ...f, sort }, 9)).toEqual(expected(pick, sort));
    }
    // No sort given: newest first.
    expect(await walk(who.admin, {}, 200)).toEqual(expected(() => true, 'new'));
  });

  it('applies every filter, alone and combined', async () => {
    const xf = units.get('S-XF')!.id;
    const cases: Array<[Record<string, string>, (r: Row) => boolean]> = [
      [{ status: 'unrouted' }, (r) => r.status === 'unrouted'],
      [{ category: 'legal' }, (r) => r.categoryCode === 'legal'],
      [{ urgency: 'emergency' }, (r) => r.urgency === 'emergency'],
      [{ beneficiary: 'hardship' }, (r) => r.beneficiary === 'hardship'],
      [{ beneficiary: 'disabled,child' }, (r) => r.beneficiary === 'disabled' || r.beneficiary === 'child'],
      [{ review: 'true' }, (r) => r.reviewReason !== null],
      [{ review: 'false' }, (r) => r.reviewReason === null],
      [{ station: 'S-XF' }, (r) => r.stationId === xf],
      [{ unit: 'I-XS' }, (r) => under('I-XS')(r.stationId)],
      [{ q: 't00001' }, (r) => r.code.includes('T00001')],
      [{ urgency: 'urgent', beneficiary: 'elderly', unit: 'I-DH' }, (r) => r.urgency === 'urgent' && r.beneficiary === 'elderly' && under('I-DH')(r.stationId)],
    ];
    for (const [query, pick] of cases) {
      const want = expected(pick, 'new');
      expect([query, want.length > 0]).toEqual([query, true]);
      expect(await walk(who.admin, query, 200)).toEqual(want);
    }
    // Dates are whole days in the desk's time zone, both ends included.
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone }).format(d);
    const mid = rows[200]!.createdAt;
    const from = day(new Date(mid.getTime() - 5 * 86_400_000));
    const to = day(mid);
    expect(await walk(who.admin, { from, to, sort: 'old' }, 200)).toEqual(expected((r) => day(r.createdAt) >= from && day(r.createdAt) <= to, 'old'));
    // An urgency filter with the urgency sort reads that level only.
    expect(await walk(who.admin, { urgency: 'urgent', sort: 'urgency' }, 7)).toEqual(expected((r) => r.urgency === 'urgent', 'urgency'));
  });

  it('keeps station staff to their station, whatever the filter or sort', async () => {
    const xf = units.get('S-XF')!.id;
    for (const sort of ['new', 'old', 'urgency']) {
      expect(await walk(who.staff, { sort }, 50)).toEqual(expected((r) => r.stationId === xf, sort));
    }
    expect(await walk(who.staff, { station: 'S-XS' }, 50)).toEqual([]);
    expect(await walk(who.staff, { unit: 'I-XS' }, 50)).toEqual([]);
    expect(await walk(who.staff, { unit: 'C', review: 'false' }, 200)).toEqual(expected((r) => r.stationId === xf && r.reviewReason === null, 'new'));
    // Another institute's coordinator sees none of I-DH's needs.
    const theirs = await walk(who.other, {}, 200);
    expect(theirs).toEqual(expected((r) => under('I-XS')(r.stationId), 'new'));
    expect(theirs.length).toBeGreaterThan(0);
  });

  it('refuses bad query parameters and cursors with 400 naming the field in zh and en', async () => {
    const page = (await http(base, 'GET', '/api/v1/needs?limit=5&sort=new', who.admin)).body as Page;
    const cursor = page.nextCursor!;
    const [sort, , iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|') as [string, string, string, string];
    expect(sort).toBe('new');
    const forge = (s: string) => Buffer.from(s).toString('base64url');
    const bad: Array<[string, string]> = [
      [`cursor=${cursor}&sort=old`, 'cursor'],
      [`cursor=${cursor}&sort=urgency`, 'cursor'],
      [`cursor=${forge(`urgency|sometimes|${iso}|${id}`)}&sort=urgency`, 'cursor'],
      [`cursor=${forge(`new||${iso}|not-a-uuid-at-all-0000000000000000`)}`, 'cursor'],
      [`cursor=${forge(`new||yesterday|${id}`)}`, 'cursor'],
      [`cursor=${forge(`new||${iso}|${id}|extra`)}`, 'cursor'],
      [`cursor=${'A'.repeat(40)}`, 'cursor'],
      ['cursor=%00%01', 'cursor'],
      ['sort=price', 'sort'],
      ['review=maybe', 'review'],
      ['beneficiary=elderly,pets', 'beneficiary'],
      ['urgency=soon', 'urgency'],
      ['status=lost', 'status'],
      ['from=2026-13-45x', 'from'],
      ['from=2026-05-02&to=2026-05-01', 'to'],
      ['q=%E5%B9%B8%E7%A6%8F', 'q'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['owner=me', 'owner'],
      [`beneficiary=${'elderly,'.repeat(40)}`, 'beneficiary'],
    ];
    for (const [qs, field] of bad) {
      const r = await http(base, 'GET', `/api/v1/needs?${qs}`, who.admin);
      expect([qs, r.status]).toEqual([qs, 400]);
      const b = r.body as BadRequest;
      expect([qs, b.fields.some((f) => f.field === field || f.field.startsWith(`${field}.`))]).toEqual([qs, true]);
      expect(b.message).toMatch(/[\u4e00-\u9fff]/);
      expect(b.messageEn).toMatch(/^Invalid request/);
    }
    // The same cursor with its own sort still reads the next page.
    expect((await http(base, 'GET', `/api/v1/needs?limit=5&cursor=${cursor}`, who.admin)).status).toBe(200);
  });

  it('keeps saved filters per person: own only, replaced by name, capped, checked like the list', async () => {
    const save = (c: Caller, body: unknown) => http(base, 'POST', '/api/v1/needs/saved-filters', c, body);
    const created = await save(who.staff, { name: '待审单', query: '?review=true&sort=urgency&beneficiary=elderly,child' });
    expect(created.status).toBe(201);
    const f = created.body as { id: string; name: string; query: string };
    expect(f.query).toBe('beneficiary=elderly%2Cchild&review=true&sort=urgency');
    // The saved query reads the list as it is.
    expect((await http(base, 'GET', `/api/v1/needs?${f.query}`, who.staff)).status).toBe(200);
    // The same name again replaces the query; nobody else sees it.
    expect((await save(who.staff, { name: '待审单', query: 'review=true' })).status).toBe(201);
    const mine = (await http(base, 'GET', '/api/v1/needs/saved-filters', who.staff)).body as { items: Array<{ id: string; query: string }>; max: number };
    expect(mine.items).toEqual([expect.objectContaining({ id: f.id, query: 'review=true' })]);
    expect(((await http(base, 'GET', '/api/v1/needs/saved-filters', who.other)).body as { items: unknown[] }).items).toEqual([]);
    // Someone else's filter: 404, like a missing one; it stays.
    expect((await http(base, 'DELETE', `/api/v1/needs/saved-filters/${f.id}`, who.other)).status).toBe(404);
    expect((await h.prisma.consoleSavedFilter.count({ where: { id: f.id } })) === 1).toBe(true);
    // Malformed, oversized, forged: 400 with the field; a body over the limit: 413; no CSRF: 403.
    const bad: Array<[unknown, string]> = [
      [{ name: '', query: 'review=true' }, 'name'],
      [{ name: 'x'.repeat(41), query: 'review=true' }, 'name'],
      [{ name: 'a', query: 'sort=price' }, 'query'],
      [{ name: 'a', query: 'cursor=abcdefghijklmnop' }, 'query'],
      [{ name: 'a', query: 'review=true&review=false' }, 'query'],
      [{ name: 'a', query: `q=${'1'.repeat(1001)}` }, 'query'],
      [{ name: 'a', query: 'review=true', owner: who.admin.personId }, 'owner'],
      [{ name: 'a' }, 'query'],
      [[], '(body)'],
    ];
    for (const [body, field] of bad) {
      const r = await save(who.staff, body);
      expect([JSON.stringify(body).slice(0, 60), r.status]).toEqual([JSON.stringify(body).slice(0, 60), 400]);
      expect((r.body as BadRequest).fields.map((x) => x.field)).toContain(field);
    }
    expect((await save(who.staff, { name: 'big', query: 'x'.repeat(20_000) })).status).toBe(413);
    expect(
      (await http(base, 'POST', '/api/v1/needs/saved-filters', { cookie: who.staff.cookie!, headers: { origin: base } }, { name: 'n', query: '' })).status,
    ).toBe(403);
    expect((await http(base, 'DELETE', `/api/v1/needs/saved-filters/not-a-uuid`, who.staff)).status).toBe(400);
    // The cap: 20 per person, then 409 in both languages; a delete makes room.
    for (let i = 1; i < 20; i++) expect((await save(who.staff, { name: `筛选${i}`, query: `category=legal&sort=old` })).status).toBe(201);
    const over = await save(who.staff, { name: '第二十一', query: '' });
    expect(over.status).toBe(409);
    expect(over.body).toEqual(
      expect.objectContaining({ error: 'console/too_many_filters', message: expect.stringContaining('20'), messageEn: expect.stringContaining('20') }),
    );
    expect((await http(base, 'DELETE', `/api/v1/needs/saved-filters/${f.id}`, who.staff)).status).toBe(200);
    expect((await http(base, 'DELETE', `/api/v1/needs/saved-filters/${f.id}`, who.staff)).status).toBe(404);
    expect((await save(who.staff, { name: '第二十一', query: '' })).status).toBe(201);
    // Saves at once never pass the cap.
    const racers = await Promise.all([1, 2, 3].map((i) => save(who.staff, { name: `并发${i}`, query: '' })));
    expect(racers.map((r) => r.status).sort()).toEqual([409, 409, 409]);
    expect(await h.prisma.consoleSavedFilter.count({ where: { personId: who.staff.personId } })).toBe(20);
  });
});
