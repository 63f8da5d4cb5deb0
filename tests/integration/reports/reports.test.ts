// The report rollups on the real PostgreSQL: a generated month (the county seed at a small scale),
// random filters compared with a slow recomputation from the raw rows (fast-check); changes made
// through the real use cases keep them exact; the drift check finds a planted difference and
// alerts; the API answers bad input with 400, refuses other scopes, and its drill-down queries list
// exactly the counted needs.
import { nameColumns } from '@baiying/db';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import pg from 'pg';
import type { AppConfig } from '@baiying/config';
import type { Charts, Overview } from '@baiying/contracts';
import { localDay, quantile, reportsJobs } from '@baiying/features';
import type { Logger } from '@baiying/domain';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { rebuildRollups } from '../../../scripts/reports-rebuild.js';
import { seedCounty } from '../../../scripts/seed-county.js';
import { coordinatorOf, volunteerOf } from '../../support/factories.js';
import { openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow } from '../api/console-support.js';

interface Slow {
  received: number;
  dispatched: number;
  taken: number;
  done: number;
  confirmed: number;
  cancelled: number;
  unfulfilled: number;
  first_tier: number;
  escalated: number;
  sla: number;
  rated: number;
  rating_sum: number;
  hours: number;
  active: number;
  take_p50: number | null;
  take_p90: number | null;
}

describe('Report rollups', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let client: pg.Client;
  let units: Array<{ id: string; code: string }>;
  let categories: string[];
  let today = '';
  const monthStart = () => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 30);
    return d.toISOString().slice(0, 10);
  };

  /** The figures for one filter, recomputed from the raw rows (no rollup involved). */
  async function slow(unitId: string, from: string, to: string, category: string | null): Promise<Slow> {
    const r = await client.query<Record<string, string | null>>(
      `WITH n AS (
         SELECT n.* FROM need n JOIN org_unit s ON s.id = n."stationId"
         WHERE s.path LIKE '%/' || $1 || '/%'
           AND ((n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
           AND ($5::text IS NULL OR n."categoryCode" = $5)
       ), fc AS (
         SELECT DISTINCT ON (c."needId") c."needId", c."createdAt", d.round, d."slaDueAt"
         FROM claim c JOIN n ON n.id = c."needId" JOIN dispatch d ON d.id = c."dispatchId" ORDER BY c."needId", c."createdAt", c.id
       ), t AS (
         SELECT extract(epoch FROM fc."createdAt" - n."createdAt") AS s FROM n JOIN fc ON fc."needId" = n.id
       )
       SELECT (SELECT count(*) FROM n) AS received,
         (SELECT count(*) FROM n WHERE EXISTS (SELECT 1 FROM dispatch d WHERE d."needId" = n.id)) AS dispatched,
         (SELECT count(*) FROM fc) AS taken,
         (SELECT count(*) FROM n WHERE EXISTS (SELECT 1 FROM service_record s WHERE s."needId" = n.id AND s.status <> 'voided')) AS done,
         (SELECT count(*) FROM n WHERE status = 'confirmed') AS confirmed,
         (SELECT count(*) FROM n WHERE status = 'cancelled') AS cancelled,
         (SELECT count(*) FROM n WHERE status = 'unfulfilled') AS unfulfilled,
         (SELECT count(*) FROM fc WHERE round = 1) AS first_tier,
         (SELECT count(*) FROM n WHERE EXISTS (SELECT 1 FROM dispatch d WHERE d."needId" = n.id AND d.status = 'escalated')) AS escalated,
         (SELECT count(*) FROM n LEFT JOIN fc ON fc."needId" = n.id
           WHERE EXISTS (SELECT 1 FROM dispatch d WHERE d."needId" = n.id AND d.status = 'escalated') OR fc."createdAt" > fc."slaDueAt") AS sla,
         (SELECT count(*) FROM rating r JOIN n ON n.id = r."needId") AS rated,
         (SELECT coalesce(sum(score), 0) FROM rating r JOIN n ON n.id = r."needId") AS rating_sum,
         (SELECT coalesce(sum(hours), 0) FROM service_record s JOIN n ON n.id = s."needId" WHERE s.status = 'credited') AS hours,
         (SELECT count(DISTINCT s."volunteerId") FROM service_record s JOIN n ON n.id = s."needId" WHERE s.status = 'credited') AS active,
         (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY s) FROM t) AS take_p50,
         (SELECT percentile_disc(0.9) WITHIN GROUP (ORDER BY s) FROM t) AS take_p90`,
      [unitId, from, to, config.timeZone, category],
    );
    const row = r.rows[0]!;
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(row)) out[k] = v === null ? null : Number(v);
    return out as unknown as Slow;
  }

  /** The same figures from the rollups, through the repository the use cases read. */
  async function fromRollups(unitId: string, from: string, to: string, category: string | null) {
    return h.desk.uow.run(async (w) => {
      const f = { unitIds: [unitId], from, to, ...(category ? { categoryCode: category } : {}) };
      return { t: await w.repos.reports.totals(f), v: await w.repos.reports.volunteers(f) };
    });
  }

  async function expectEqual(unitId: string, from: string, to: string, category: string | null): Promise<void> {
    const s = await slow(unitId, from, to, category);
    const { t, v } = await fromRollups(unitId, from, to, category);
    expect({
      received: t.received,
      dispatched: t.dispatched,
      taken: t.taken,
      done: t.done,
      confirmed: t.confirmed,
      cancelled: t.cancelled,
      unfulfilled: t.unfulfilled,
      first_tier: t.firstTier,
      escalated: t.escalated,
      sla: t.slaBreached,
      rated: t.rated,
      rating_sum: t.ratingSum,
      hours: t.hours,
      active: v.active,
    }).toEqual({
      received: s.received,
      dispatched: s.dispatched,
      taken: s.taken,
      done: s.done,
      confirmed: s.confirmed,
      cancelled: s.cancelled,
      unfulfilled: s.unfulfilled,
      first_tier: s.first_tier,
      escalated: s.escalated,
      sla: s.sla,
      rated: s.rated,
      rating_sum: s.rating_sum,
      hours: s.hours,
      active: s.active,
    });
    // The quantiles the API reports are buckets: the exact value lies inside.
    for (const [p, exact] of [
      [0.5, s.take_p50],
      [0.9, s.take_p90],
    ] as const) {
      const q = quantile(t.takeHist, p);
      if (exact === null) expect(q).toBeNull();
      else {
        expect(q).not.toBeNull();
        expect(exact).toBeGreaterThanOrEqual(q!.fromSec);
        if (q!.toSec !== null) expect(exact).toBeLessThan(q!.toSec);
      }
    }
  }

  async function driftFree(): Promise<void> {
    const r = await h.desk.uow.run(async (w) => w.repos.reports.drift([today, ...(await w.repos.reports.daysWithData(40))]));
    expect(r).toEqual([]);
  }

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await seedCounty(client, h.cipher, { towns: 2, stationsPerTown: 4, teams: 24, volunteers: 400, residents: 300, needs: 4000, days: 31 });
    await rebuildRollups(client, config.timeZone);
    today = localDay(new Date(), config.timeZone);
    units = await h.prisma.orgUnit.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } });
    categories = (await h.prisma.category.findMany({ select: { code: true } })).map((c) => c.code);
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('stores no plaintext personal data in the seeded needs', async () => {
    const r = await client.query<{ phone: string | null; address: string | null; description: string }>(
      `SELECT "phoneEnc" AS phone, "addressEnc" AS address, "descriptionEnc" AS description FROM need WHERE code LIKE 'N-%-K%' LIMIT 50`,
    );
    expect(r.rows.length).toBe(50);
    for (const row of r.rows) {
      expect(h.cipher.decrypt(row.description)).toMatch(/样例/);
      expect(row.phone && /^1\d{10}$/.test(row.phone)).toBe(false);
      expect(h.cipher.decrypt(row.phone!)).toMatch(/^1\d{10}$/);
      expect(row.address).not.toMatch(/小区/);
    }
  });

  it('equals a recomputation from the raw rows for random units, categories and periods', async () => {
    const start = monthStart();
    const dayArb = fc.integer({ min: 0, max: 30 }).map((n) => {
      const d = new Date(`${start}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...units), fc.option(fc.constantFrom(...categories), { nil: null }), dayArb, dayArb, async (unit, category, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        await expectEqual(unit.id, from, to, category);
      }),
      { numRuns: 60 },
    );
    // And the widest filter: the county, every category, the whole month.
    const county = units.find((u) => u.code.startsWith('C-')) ?? units.find((u) => !u.code.startsWith('S-') && !u.code.startsWith('I-'))!;
    await expectEqual(county.id, start, today, null);
  }, 240_000);

  it('stays exact through the real use cases: submit, take, finish, confirm, rate, cancel, close unfulfilled', async () => {
    const volunteer = await volunteerOf(h, { teams: ['S-XF-ELDER'], name: '报表志愿者' });
    const coordinator = await coordinatorOf(h, 'S-XF', { name: '报表协调员' });
    const flows: Array<Promise<void>> = [];
    const nextWeek = localDay(new Date(Date.now() + 7 * 86_400_000), config.timeZone);
    for (let i = 0; i < 6; i++) {
      flows.push(
        (async () => {
          const need = await routedNeed(h, `res-report-${i}`, { teamCode: 'S-XF-ELDER', beneficiary: i % 2 ? 'elderly' : 'child' });
          if (i === 5) {
            expect((await h.desk.uow.run((w) => h.desk.intake.cancel.execute(w, need.actor, { needId: need.id }))).ok).toBe(true);
            return;
          }
          if (i === 4) {
            const r = await h.desk.uow.run((w) =>
              h.desk.coordination.close.execute(w, coordinator, { needCode: need.code, promised: nextWeek, reason: '人手不足' }),
            );
            expect(r).toMatchObject({ ok: true });
            return;
          }
          const taken = await takeInGroup(h, volunteer, await openDispatchOf(h, need.id));
          expect(taken.ok).toBe(true);
          if (i === 3) return;
          const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
          expect((await h.desk.uow.run((w) => h.desk.claims.finish.execute(w, volunteer, { claim: { claimId: claim.id }, hours: 2 }))).ok).toBe(true);
          if (i === 2) return;
          expect((await h.desk.uow.run((w) => h.desk.completion.respond.execute(w, need.actor, { need: { needId: need.id }, done: true }))).ok).toBe(true);
          if (i === 1) return;
          expect((await h.desk.uow.run((w) => h.desk.completion.rate.execute(w, need.actor, { need: { needId: need.id }, score: 5 }))).ok).toBe(true);
        })(),
      );
      // Sequential: the volunteer's active-claim limit would refuse a parallel take.
      await flows[flows.length - 1];
    }
    const xf = units.find((u) => u.code === 'S-XF')!;
    const s = await slow(xf.id, today, today, null);
    expect(s.received).toBe(6);
    expect({ confirmed: s.confirmed, cancelled: s.cancelled, unfulfilled: s.unfulfilled, rated: s.rated }).toEqual({
      confirmed: 2,
      cancelled: 1,
      unfulfilled: 1,
      rated: 1,
    });
    for (const u of units.filter((x) => ['S-XF', 'I-DH'].includes(x.code) || !/^[SI]-/.test(x.code))) await expectEqual(u.id, today, today, null);
    await driftFree();
  }, 120_000);

  it('finds a planted difference, records it, logs it and alerts the county coordinators', async () => {
    await driftFree();
    const row = await client.query<{ day: string; unit_id: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, unit_id FROM report_need_day WHERE station_level ORDER BY day DESC LIMIT 1`,
    );
    const planted = row.rows[0]!;
    await client.query(
      `UPDATE report_need_day SET needs = needs + 1 WHERE station_level AND day = $1::date AND unit_id = $2::uuid AND ctid = (
      SELECT ctid FROM report_need_day WHERE station_level AND day = $1::date AND unit_id = $2::uuid LIMIT 1)`,
      [planted.day, planted.unit_id],
    );
    const errors: string[] = [];
    const logger: Logger = { log: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
    const jobs = reportsJobs(h.desk.uow, { ...config, reports: { checkMinutes: 60, checkDays: 0 } }, h.desk.reports, logger);
    const before = await h.prisma.sentMessage.count({ where: { purposeKey: { contains: 'report_drift' } } });
    const handler = jobs.handlers['reports-check']!;
    // The handler checks today, yesterday and random days: plant on a checked day by naming it.
    const report = await h.desk.uow.run((w) => h.desk.reports.check.execute(w, { sample: 0, days: [planted.day] }));
    expect(report.differences).toEqual([{ day: planted.day, unitId: planted.unit_id, table: 'need', key: expect.any(String) }]);
    expect(report.alerted).toBeGreaterThan(0);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { contains: 'report_drift' } } })).toBeGreaterThan(before);
    const recorded = await client.query<{ differences: number }>(`SELECT differences FROM report_check ORDER BY id DESC LIMIT 1`);
    expect(recorded.rows[0]!.differences).toBe(1);
    // The job run (the worker's path) logs it too when the planted day is today or yesterday.
    await client.query(
      `UPDATE report_need_day SET needs = needs + 1 WHERE station_level AND day = $1::date AND ctid = (
      SELECT ctid FROM report_need_day WHERE station_level AND day = $1::date LIMIT 1)`,
      [today],
    );
    await handler({ slot: 1 }, { stopping: false, deferTo: () => Promise.reject(new Error('no defer')) });
    expect(errors.join('\n')).toMatch(/report rollups differ from the raw rows/);
    // The repair is the rebuild operators run.
    await rebuildRollups(client, config.timeZone, { from: planted.day < today ? planted.day : today, to: today });
    await driftFree();
  }, 120_000);

  describe('over HTTP', () => {
    let api: INestApplication;
    let base = '';
    beforeAll(async () => {
      api = await startApi(config);
      base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(async () => {
      await api?.close();
    });

    const grant = async (role: string, unit: string, name: string) => {
      const u = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unit } });
      const p = await h.prisma.person.create({ data: { ...nameColumns(h.cipher, name), roles: { create: { role, orgUnitId: u.id } } } });
      return sessionRow(h.prisma, p.id);
    };

    it('answers the overview and charts for each role in scope; drill-down queries list exactly the counted needs', async () => {
      const admin = await sessionRow(h.prisma, (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId);
      const viewer = await grant('viewer', 'I-K01', '报表考核员');
      const o = await http(base, 'GET', '/api/v1/reports/overview?period=month', admin);
      expect(o.status).toBe(200);
      const overview = o.body as Overview;
      expect(overview.current.figures.needs.received).toBeGreaterThan(0);
      expect(overview.previous.figures.needs.received).toBeGreaterThan(0);
      expect(overview.current.figures.hours.yearlyTarget).toBe(20);
      const v = await http(base, 'GET', '/api/v1/reports/charts?period=month', viewer);
      expect(v.status).toBe(200);
      const charts = v.body as Charts;
      expect(charts.needsByStation.length).toBe(4);
      // The viewer of town 1 sees its four stations only; each item's query lists its needs.
      const item = charts.needsByStation[charts.needsByStation.length - 1]!;
      let listed = 0;
      let cursor: string | null = null;
      do {
        const qs = new URLSearchParams({ ...item.query, limit: '200', ...(cursor ? { cursor } : {}) });
        const page = (await http(base, 'GET', `/api/v1/needs?${qs.toString()}`, viewer)).body as { items: unknown[]; nextCursor: string | null };
        listed += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      expect(listed).toBe(item.needs);
      const cat = charts.demandByCategory[0]!;
      const catList = (await http(base, 'GET', `/api/v1/needs?${new URLSearchParams({ ...cat.query, limit: '200' }).toString()}`, viewer)).body as {
        items: unknown[];
      };
      expect(catList.items.length).toBe(Math.min(200, cat.needs));
      const heat = charts.heat.reduce((a, x) => a + x.needs, 0);
      expect(heat).toBe(charts.demandByCategory.reduce((a, x) => a + x.needs, 0));
    });

    it('refuses another scope (404) and answers bad input with 400 and field errors, never 500', async () => {
      const coord = await grant('coordinator', 'I-K01', '一镇主任');
      expect((await http(base, 'GET', '/api/v1/reports/overview?unit=I-K02', coord)).status).toBe(404);
      expect((await http(base, 'GET', '/api/v1/reports/charts?station=S-K02-01', coord)).status).toBe(404);
      expect((await http(base, 'GET', '/api/v1/reports/overview?unit=NOPE', coord)).status).toBe(404);
      expect((await http(base, 'GET', '/api/v1/reports/overview?unit=S-K01-01', coord)).status).toBe(200);
      const staff = await grant('staff', 'S-K01-02', '站员');
      expect((await http(base, 'GET', '/api/v1/reports/overview?station=S-K01-01', staff)).status).toBe(404);
      expect((await http(base, 'GET', '/api/v1/reports/overview', { cookie: 'baiying_console=forged' })).status).toBe(401);
      const bad = [
        '/api/v1/reports/overview?period=decade',
        '/api/v1/reports/overview?unit=%27%3Bdrop',
        '/api/v1/reports/overview?category=Elderly!',
        '/api/v1/reports/overview?extra=1',
        '/api/v1/reports/charts?from=2026-01-01',
        '/api/v1/reports/charts?from=2026-02-30&to=2026-03-01',
        '/api/v1/reports/charts?from=2026-03-01&to=2026-01-01',
        '/api/v1/reports/charts?from=2024-01-01&to=2026-01-01',
        '/api/v1/reports/charts?period=month&from=2026-01-01&to=2026-01-02',
        '/api/v1/reports/charts?teams=0',
        '/api/v1/reports/charts?teams=abc',
      ];
      for (const path of bad) {
        const r = await http(base, 'GET', path, coord);
        expect({ path, status: r.status }).toEqual({ path, status: 400 });
        const b = r.body as { fields?: Array<{ message: string; messageEn: string }> };
        expect(b.fields?.length).toBeGreaterThan(0);
      }
    });
  });
});
