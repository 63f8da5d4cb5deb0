// "reports" (the publicity part): month_freeze_s — the wall time to freeze one month of the four
// lists for every unit of a county, as the month-end timer's jobs do (one FreezeMonth per unit,
// the lists read before a short insert transaction, as the job does), on a generated county month: 18 institutes × 16 stations added
// under the demo county's centre, and N needs in that month spread over them (fulfilled with
// ratings, unfulfilled with promised dates, open), generated in SQL. The integrator merges this
// section's keys with the other "reports" figures.
import { nameColumns } from '@baiying/db';
import { freezeUnitMonth } from '@baiying/features';
import type { BenchContext } from './support/context.js';
import { section } from './support/section.js';

export interface ReportsPublicityResult {
  month_freeze_s: number;
  month_freeze_units: number;
  month_freeze_needs: number;
  /** Slowest single unit (the county centre: its subtree is every need). */
  month_freeze_max_unit_ms: number;
  definition: string;
}

export const MONTH_FREEZE_DEFINITION =
  'month_freeze_s: wall time to freeze one generated month (needs spread over 288 generated stations under 18 institutes of the demo county) for every unit of the county, one freezeUnitMonth per unit in sequence (the job handler: lists read outside, one insert transaction); the apps are stopped.';

const MONTH = '2026-10';
const INSTITUTES = 18;
const STATIONS_PER_INSTITUTE = 16;

/** Adds the generated institutes and stations, and `needs` needs of MONTH over those stations. */
async function generateMonth(ctx: BenchContext, needs: number): Promise<void> {
  const prisma = ctx.prisma;
  const county = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } });
  const resident = await prisma.person.create({ data: { ...nameColumns(ctx.cipher, '基准居民') } });
  const descriptionEnc = ctx.cipher.encrypt('基准需求');
  await prisma.$executeRaw`
    INSERT INTO org_unit (id, code, name, tier, "parentId", path)
    SELECT g.id, 'I-BENCH-' || g.i, '基准镇' || g.i, 'institute', ${county.id}::uuid, ${county.path} || g.id || '/'
      FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, ${INSTITUTES}) AS i) g`;
  await prisma.$executeRaw`
    INSERT INTO org_unit (id, code, name, tier, "parentId", path)
    SELECT g.id, 'S-BENCH-' || g.i || '-' || g.j, '基准村' || g.i || '-' || g.j, 'station', g.parent, g.ppath || g.id || '/'
      FROM (SELECT gen_random_uuid() AS id, s.i, j, s.id AS parent, s.path AS ppath
              FROM (SELECT id, path, substring(code from 9)::int AS i FROM org_unit WHERE code LIKE 'I-BENCH-%') s,
                   generate_series(1, ${STATIONS_PER_INSTITUTE}) AS j) g`;
  // One team per generated station (its 服务清单 and 资源清单 rows).
  await prisma.$executeRaw`
    INSERT INTO team (id, code, name, "categoryCode", "orgUnitId")
    SELECT gen_random_uuid(), 'T-' || u.code, u.name || '志愿服务队', 'elderly', u.id FROM org_unit u WHERE u.code LIKE 'S-BENCH-%'`;
  const start = `${MONTH}-01T00:00:00+08:00`;
  // With the report rollups' per-need trigger off (as the county seed and the export section do):
  // a refresh per generated need made this insert alone run for minutes. The freeze reads raw
  // rows; the month's rollups are rebuilt once afterwards so the database stays consistent.
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL baiying.reports_off = 'on'`);
      await tx.$executeRaw`
    INSERT INTO need (id, code, "residentId", channel, "categoryCode", "stationId", "ownerUnitId", "descriptionEnc", beneficiary, status, "promisedDate", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'N-BENCH-' || i, ${resident.id}::uuid, 'telegram',
           (ARRAY['elderly','repair','health','education','legal'])[1 + i % 5],
           st.id, st.id, ${descriptionEnc},
           (ARRAY['elderly','child','disabled','hardship','none'])[1 + i % 5],
           (ARRAY['confirmed','confirmed','done','unfulfilled','dispatched'])[1 + i % 5]::"NeedStatus",
           CASE WHEN i % 5 = 3 THEN DATE '2026-11-20' END,
           ${start}::timestamptz + (i % 30) * interval '1 day' + (i % 86400) * interval '1 second', now()
      FROM generate_series(1, ${needs}) AS i
      JOIN LATERAL (SELECT id FROM org_unit WHERE code = 'S-BENCH-' || (1 + i % ${INSTITUTES}) || '-' || (1 + (i / ${INSTITUTES}) % ${STATIONS_PER_INSTITUTE})) st ON true`;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  await prisma.$executeRaw`SELECT report_rebuild(${`${MONTH}-01`}::date, (${`${MONTH}-01`}::date + interval '1 month' - interval '1 day')::date)`;
  await prisma.$executeRaw`
    INSERT INTO rating (id, "needId", "residentId", score)
    SELECT gen_random_uuid(), n.id, n."residentId", 3 + (abs(hashtext(n.code)) % 3) FROM need n WHERE n.code LIKE 'N-BENCH-%' AND n.status = 'confirmed'`;
}

export const reportsPublicitySection = section<ReportsPublicityResult>({
  // Merged into results.reports by run.ts (beside the dashboard and the exports).
  key: 'reports_publicity',
  title: 'Reports: month-end freeze of the four lists (张榜公示)',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<ReportsPublicityResult> {
    const needs = ctx.quick ? 5_000 : 50_000;
    const t0 = Date.now();
    await generateMonth(ctx, needs);
    ctx.log(`  generated ${needs} needs of ${MONTH} over ${INSTITUTES * STATIONS_PER_INSTITUTE} stations in ${Date.now() - t0} ms`);
    const desk = ctx.desk;
    const units = await desk.uow.read((r) => r.publicity.unitsWithoutSnapshot(MONTH));
    const started = process.hrtime.bigint();
    let max = 0;
    for (const unitId of units) {
      const t = process.hrtime.bigint();
      const r = await freezeUnitMonth(desk.uow, desk.publicity, { unitId, month: MONTH });
      if (!r.ok || !r.value.created) throw new Error(`freeze of ${unitId} did not create a snapshot`);
      max = Math.max(max, Number(process.hrtime.bigint() - t) / 1e6);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const frozen = await ctx.prisma.publicitySnapshot.count({ where: { month: MONTH } });
    if (frozen !== units.length) throw new Error(`${frozen} snapshots for ${units.length} units`);
    ctx.log(`  froze ${units.length} units in ${seconds.toFixed(2)} s (slowest unit ${max.toFixed(0)} ms)`);
    return {
      month_freeze_s: Math.round(seconds * 100) / 100,
      month_freeze_units: units.length,
      month_freeze_needs: needs,
      month_freeze_max_unit_ms: Math.round(max),
      definition: MONTH_FREEZE_DEFINITION,
    };
  },
});
