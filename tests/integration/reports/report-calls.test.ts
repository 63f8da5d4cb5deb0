// Calls (一呼百应) in the report rollups (report_call_day, decision 0036) on the real PostgreSQL: the
// real call use cases (create, fan-out, answer, check in and out) keep them exact at every level;
// random calls and random changes (answers, check-ins, credits, moved and deleted calls) written
// straight to the tables equal a slow recomputation from the raw rows for random units and
// periods (fast-check); the drift check finds a planted difference; the overview shows them
// (null under a category filter).
import type { ActorRow } from '@baiying/db';
import { consolePrincipal, localDay } from '@baiying/features';
import fc from 'fast-check';
import pg from 'pg';
import { rebuildRollups } from '../../../scripts/reports-rebuild.js';
import { callDraft, coordinatorOf, createCall, volunteersOf } from '../../support/factories.js';
import { answer, callsHarness, HOUR, MINUTE, type CallsWorld } from '../calls/calls-fixture.js';

const { harness, fresh } = callsHarness(5);

interface Totals {
  calls: number;
  recipients: number;
  reached: number;
  answered: number;
  yes: number;
  attended: number;
  hours: number;
}

describe('Calls in the report rollups', () => {
  let world: CallsWorld;
  let client: pg.Client;
  let units: Array<{ id: string; code: string }>;
  const tz = () => harness().config.timeZone;

  /** The figures recomputed from the raw rows (no rollup involved). */
  async function slow(unitId: string, from: string, to: string): Promise<Totals> {
    const r = await client.query<Record<keyof Totals, string>>(
      `WITH c AS (
         SELECT c.id FROM call c JOIN org_unit u ON u.id = c."orgUnitId"
         WHERE u.path LIKE '%/' || $1 || '/%' AND ((c."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
       )
       SELECT (SELECT count(*) FROM c) AS calls, count(r."personId") AS recipients, count(r."queuedAt") AS reached, count(r.answer) AS answered,
         count(*) FILTER (WHERE r.answer = 'yes') AS yes, count(r."checkedInAt") AS attended,
         coalesce(sum(r.hours) FILTER (WHERE r."creditedAt" IS NOT NULL), 0) AS hours
       FROM call_recipient r JOIN c ON c.id = r."callId"`,
      [unitId, from, to, tz()],
    );
    const row = r.rows[0]!;
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as Totals;
  }

  const fromRollups = async (unitId: string, from: string, to: string): Promise<Totals> => {
    const [t] = await world.h.desk.uow.run((w) => w.repos.reports.callTotalsOf([unitId], [{ from, to }]));
    return t!;
  };

  async function expectEqual(unitId: string, from: string, to: string): Promise<void> {
    expect({ unitId, ...(await fromRollups(unitId, from, to)) }).toEqual({ unitId, ...(await slow(unitId, from, to)) });
  }

  const drift = (days: string[]) => world.h.desk.uow.run((w) => w.repos.reports.drift(days));
  const callDays = async (): Promise<string[]> =>
    (
      await client.query<{ d: string }>(`SELECT DISTINCT to_char((("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS d FROM call`, [tz()])
    ).rows.map((r) => r.d);

  beforeAll(async () => {
    world = await fresh();
    client = new pg.Client({ connectionString: world.h.config.databaseUrl });
    await client.connect();
    await rebuildRollups(client, tz());
    units = await world.h.prisma.orgUnit.findMany({ select: { id: true, code: true }, orderBy: { code: 'asc' } });
  }, 120_000);

  afterAll(async () => {
    await client?.end();
  });

  it('stays exact through the real use cases: create, fan-out, answer, check in, check out', async () => {
    const { h, desk, clock } = world;
    const vols = await volunteersOf(h, 5, { team: 'S-HP-ELDER', namePrefix: '报表活动' });
    const coord = await coordinatorOf(h, 'I-DH');
    const t0 = clock.t0.getTime();
    const { callId, recipients } = await createCall(
      desk,
      coord,
      callDraft(clock.now(), { headcount: 2, startsAt: new Date(t0 + 2 * HOUR), endsAt: new Date(t0 + 5 * HOUR), audience: { teamCodes: ['S-HP-ELDER'] } }),
    );
    expect(recipients).toBeGreaterThanOrEqual(5);
    const day = localDay(new Date(t0 + 2 * HOUR), tz());
    const dh = units.find((u) => u.code === 'I-DH')!;
    expect(await fromRollups(dh.id, day, day)).toMatchObject({ calls: 1, recipients, reached: 0, answered: 0 });
    // Reach: the fan-out queues the messages in steps.
    for (let guard = 0; !(await desk.uow.run((w) => desk.calls.fanOut.execute(w, { callId, budget: { telegram: 3, wechat: 3, web: 3 } }))).done; guard++) {
      expect(guard).toBeLessThan(20);
    }
    const [a, b, c, d] = vols as [ActorRow, ActorRow, ActorRow, ActorRow];
    for (const v of [a, b, c]) expect((await answer(desk, v, callId, true)).ok).toBe(true);
    expect((await answer(desk, d, callId, false)).ok).toBe(true);
    // Two confirmed (headcount 2), c waiting: a and b check in, a checks out with hours.
    const checkCode = (await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).checkCode;
    clock.at(70 * MINUTE);
    for (const v of [a, b]) expect((await desk.uow.run((w) => desk.calls.checkIn.execute(w, v, { code: checkCode }))).ok).toBe(true);
    clock.at(3 * HOUR + 40 * MINUTE);
    expect((await desk.uow.run((w) => desk.calls.checkOut.execute(w, a, {}))).ok).toBe(true);
    expect(await fromRollups(dh.id, day, day)).toMatchObject({ calls: 1, recipients, reached: recipients, answered: 4, yes: 3, attended: 2, hours: 2.5 });
    for (const u of units) await expectEqual(u.id, day, day);
    expect(await drift(await callDays())).toEqual([]);
  }, 120_000);

  it('equals a recomputation from the raw rows after random calls and random changes, for random units and periods', async () => {
    const today = localDay(new Date(), tz());
    // 60 calls over 40 days on random units, each to up to 30 random people in random states.
    await client.query(
      `WITH src AS (SELECT id, row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS m FROM org_unit),
            creator AS (SELECT id FROM person ORDER BY id LIMIT 1)
       INSERT INTO call (id, code, "createdById", "orgUnitId", title, description, "placeText", "startsAt", "endsAt", headcount, "answerBy", audience, "checkCode")
       SELECT gen_random_uuid(), 'M-R-' || g, creator.id, src.id, '报表', '报表', '东湖', now() - (g * 16 || ' hours')::interval,
              now() - (g * 16 - 3 || ' hours')::interval, 5, now(), '{}'::jsonb, '123456'
       FROM generate_series(1, 60) g CROSS JOIN creator JOIN src ON src.k = 1 + (g * 7) % src.m`,
    );
    await client.query(
      `INSERT INTO call_recipient ("callId", "personId", channel, "chatId", "queuedAt", answer, "checkedInAt", hours, "creditedAt")
       SELECT c.id, p.id, 'web', 'r-' || p.id, CASE WHEN random() < 0.9 THEN now() END,
              (CASE WHEN random() < 0.4 THEN 'yes' WHEN random() < 0.5 THEN 'no' END)::"CallAnswer",
              CASE WHEN random() < 0.3 THEN c."startsAt" END, CASE WHEN random() < 0.3 THEN 1.25 END, CASE WHEN random() < 0.5 THEN now() END
       FROM call c CROSS JOIN LATERAL (SELECT id FROM person WHERE c.code LIKE 'M-R-%' ORDER BY md5(id::text || c.id::text) LIMIT (random() * 30)::int) p`,
    );
    // Changes, each its own statement: answers, check-ins, credits, removals, moved calls, a deleted call.
    await client.query(`UPDATE call_recipient SET answer = 'yes' WHERE answer IS NULL AND md5("personId"::text) < '4'`);
    await client.query(`UPDATE call_recipient SET "checkedInAt" = now(), hours = 2, "creditedAt" = now() WHERE answer = 'yes' AND md5("callId"::text) < '6'`);
    await client.query(`DELETE FROM call_recipient WHERE md5("personId"::text || "callId"::text) < '2'`);
    await client.query(`UPDATE call SET "startsAt" = "startsAt" - interval '3 days' WHERE code IN ('M-R-5', 'M-R-17', 'M-R-33')`);
    await client.query(`UPDATE call SET "orgUnitId" = (SELECT id FROM org_unit WHERE code = 'S-XF') WHERE code IN ('M-R-8', 'M-R-9')`);
    await client.query(`DELETE FROM call_recipient WHERE "callId" = (SELECT id FROM call WHERE code = 'M-R-12')`);
    await client.query(`DELETE FROM call WHERE code = 'M-R-12'`);
    const dayArb = fc.integer({ min: 0, max: 45 }).map((n) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - n);
      return d.toISOString().slice(0, 10);
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...units), dayArb, dayArb, async (unit, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        await expectEqual(unit.id, from, to);
      }),
      { numRuns: 60 },
    );
    const county = units.find((u) => u.code === 'C')!;
    const all = await slow(county.id, '2000-01-01', '2100-01-01');
    expect(all.calls).toBeGreaterThanOrEqual(59);
    expect(all.attended).toBeGreaterThan(0);
    await expectEqual(county.id, '2000-01-01', '2100-01-01');
    expect(await drift(await callDays())).toEqual([]);
  }, 240_000);

  it('the drift check finds a planted difference in the calls rollup, and the rebuild repairs it', async () => {
    const row = (
      await client.query<{ day: string; unit_id: string }>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, unit_id FROM report_call_day ORDER BY day DESC LIMIT 1`)
    ).rows[0]!;
    await client.query(`UPDATE report_call_day SET attended = attended + 1 WHERE day = $1::date AND unit_id = $2::uuid`, [row.day, row.unit_id]);
    const report = await world.h.desk.uow.run((w) => world.h.desk.reports.check.execute(w, { sample: 0, days: [row.day] }));
    expect(report.differences).toEqual([{ day: row.day, unitId: row.unit_id, table: 'call', key: 'calls' }]);
    // A row missing altogether is a difference too.
    await client.query(`DELETE FROM report_call_day WHERE day = $1::date AND unit_id = $2::uuid`, [row.day, row.unit_id]);
    expect(await drift([row.day])).toEqual([{ day: row.day, unitId: row.unit_id, table: 'call', key: 'calls' }]);
    await rebuildRollups(client, tz(), { from: row.day, to: row.day });
    expect(await drift(await callDays())).toEqual([]);
  }, 60_000);

  it('the overview shows reach, answer rate and attendance (none under a category filter)', async () => {
    const { h } = world;
    const admin = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    const run = (q: Record<string, string>) =>
      h.desk.uow.run(async (w) => {
        const p = await consolePrincipal(w, admin);
        if (!p) throw new Error('no console role');
        return h.desk.reports.overview.execute(w, p, q);
      });
    const month = await run({ period: 'month' });
    if (!month.ok) throw new Error(month.code);
    const cur = month.value.current;
    const county = units.find((u) => u.code === 'C')!;
    const t = await slow(county.id, cur.from, cur.to);
    expect(t.calls).toBeGreaterThan(0);
    const share = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
    expect(cur.figures.calls).toEqual({
      ...t,
      reachRate: share(t.reached, t.recipients),
      answerRate: share(t.answered, t.reached),
      attendanceRate: share(t.attended, t.yes),
    });
    const cat = await run({ period: 'month', category: (await h.prisma.category.findFirstOrThrow()).code });
    expect(cat.ok && cat.value.current.figures.calls).toBeNull();
  });
});
