// Section "reports_exports" (merged into results.reports): 1,000,000 needs exported by the compiled worker as xlsx and
// then as csv, through the real path (RequestExport → BullMQ `run-export` → keyset batches →
// the xlsx writer of decision 0040 / csv → file). Figures: rows/s from the job's own start/finish times,
// and the worker process's peak RSS (VmHWM from /proc/<pid>/status, start-up included).
// Targets (issue 13): ≥ 20,000 rows/s, peak RSS ≤ 300 MB.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@baiying/db';
import { consolePrincipal } from '@baiying/features';
import type { BenchContext } from './support/context.js';
import { processCpuMs, startApp } from './support/processes.js';
import { section } from './support/section.js';

export interface ReportsExportResult {
  rows: number;
  export_rows_per_s: number | null;
  export_peak_rss_mb: number | null;
  export_xlsx_seconds: number | null;
  export_xlsx_mb: number | null;
  export_csv_rows_per_s: number | null;
  export_csv_seconds: number | null;
  /** Worker CPU seconds spent on each export (the machine is shared: wall time includes waiting). */
  export_xlsx_worker_cpu_s: number | null;
  export_csv_worker_cpu_s: number | null;
  /** The worker's RSS before the first export (its baseline). */
  worker_start_rss_mb: number | null;
  seed_seconds: number;
  definition: string;
}

export const EXPORT_DEFINITION =
  'needs export of N rows (half taken, done with hours, a quarter rated) by the compiled worker: rows / (finishedAt − startedAt) of the export_job; peak RSS = VmHWM of the worker process after both exports (xlsx, then csv)';

/**
 * N needs across the demo county's stations in one set-based insert, then a dispatch, claim and
 * service record for every second one and a rating for every fourth (the integrator may switch
 * this to the shared county-scale seed).
 */
/** The one nameless resident every generated need belongs to (a fixed id: names are encrypted, never looked up). */
const BENCH_RESIDENT = '00000000-0000-4000-8000-00000000b0b0';

export async function seedExportNeeds(db: PrismaClient, n: number, descriptionEnc: string, timeZone: string): Promise<void> {
  // One transaction with the report rollups' triggers off (as the county seed does): the export
  // reads the raw rows only, and a per-need refresh would make the seed itself take most of the run.
  await db.$transaction(
    async (prisma) => {
      await prisma.$executeRawUnsafe(`SET LOCAL baiying.reports_off = 'on'`);
      await prisma.$executeRawUnsafe(`
    INSERT INTO person (id) VALUES ('${BENCH_RESIDENT}') ON CONFLICT (id) DO NOTHING`);
      await prisma.$executeRawUnsafe(`
    WITH st AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS m FROM org_unit WHERE tier = 'station'),
         cat AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS m FROM category),
         res AS (SELECT '${BENCH_RESIDENT}'::uuid AS id),
         -- Within the current month in TIME_ZONE: the worker's start-up freezes the previous
         -- month's 公示 lists, which must not run beside the measured export.
         span AS (SELECT greatest(60, extract(epoch FROM now() - (date_trunc('month', now() AT TIME ZONE '${timeZone}') AT TIME ZONE '${timeZone}')) - 60) AS secs)
    INSERT INTO need (id, code, "residentId", channel, "categoryCode", "stationId", "ownerUnitId", "descriptionEnc", status, beneficiary, urgency, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'N-B-' || lpad(g::text, 7, '0'), res.id, 'web', cat.code, st.id, st.id, '${descriptionEnc.replace(/'/g, "''")}',
           (CASE WHEN g % 2 = 0 THEN 'confirmed' ELSE 'dispatched' END)::"NeedStatus", 'elderly', 'normal',
           now() - (g * span.secs / ${n} || ' seconds')::interval, now()
    FROM generate_series(1, ${n}) g
    CROSS JOIN res CROSS JOIN span
    JOIN st ON st.k = g % st.m
    JOIN cat ON cat.k = g % cat.m`);
      await prisma.$executeRawUnsafe(`
    WITH vol AS (SELECT "personId" FROM volunteer ORDER BY "personId" LIMIT 1),
         team AS (SELECT DISTINCT ON ("orgUnitId") id, "orgUnitId" FROM team ORDER BY "orgUnitId", code),
         n AS (SELECT id, "stationId", "createdAt" FROM need WHERE code LIKE 'N-B-%' AND status = 'confirmed')
    INSERT INTO dispatch (id, "needId", round, "teamId", "orgUnitId", tier, status, "slaDueAt", "createdAt")
    SELECT gen_random_uuid(), n.id, 1, team.id, n."stationId", 'station', 'claimed', n."createdAt" + interval '1 hour', n."createdAt"
    FROM n LEFT JOIN team ON team."orgUnitId" = n."stationId"`);
      await prisma.$executeRawUnsafe(`
    WITH vol AS (SELECT "personId" FROM volunteer ORDER BY "personId" LIMIT 1)
    INSERT INTO claim (id, "needId", "dispatchId", "volunteerId", status, "createdAt", "endedAt", "progressAt")
    SELECT gen_random_uuid(), d."needId", d.id, vol."personId", 'completed', d."createdAt" + interval '5 minutes', d."createdAt" + interval '2 hours', d."createdAt"
    FROM dispatch d CROSS JOIN vol JOIN need n ON n.id = d."needId" WHERE n.code LIKE 'N-B-%'`);
      await prisma.$executeRawUnsafe(`
    INSERT INTO service_record (id, "needId", "claimId", "volunteerId", hours, status, "creditedBy", "creditedAt", "createdAt", "finishedAt")
    SELECT gen_random_uuid(), c."needId", c.id, c."volunteerId", 1.5, 'credited', 'resident', c."endedAt", c."endedAt", c."endedAt"
    FROM claim c JOIN need n ON n.id = c."needId" WHERE n.code LIKE 'N-B-%'`);
      await prisma.$executeRawUnsafe(`
    INSERT INTO rating (id, "needId", "residentId", "volunteerId", score, "createdAt")
    SELECT gen_random_uuid(), c."needId", n."residentId", c."volunteerId", 4 + (right(n.code, 1)::int % 2), c."endedAt"
    FROM claim c JOIN need n ON n.id = c."needId" WHERE n.code LIKE 'N-B-%' AND right(n.code, 1)::int % 4 = 0`);
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  // VACUUM as well as ANALYZE: a county's needs are written over months and autovacuum has long
  // set their hint bits and visibility map; without it the first export after the bulk insert
  // (the xlsx one) also pays for setting the hint bits of every page it reads.
  await db.$executeRawUnsafe('VACUUM (ANALYZE) need, dispatch, claim, service_record, rating');
}

function vmMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/** Exports `n` needs with the compiled worker and measures it. */
export async function runReportsExportBench(ctx: BenchContext, n: number): Promise<ReportsExportResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baiying-bench-exports-'));
  const seedStart = Date.now();
  await seedExportNeeds(ctx.prisma, n, ctx.cipher.encrypt('压测需求'), ctx.config.timeZone);
  const seedSeconds = Math.round((Date.now() - seedStart) / 100) / 10;
  ctx.log(`  reports: ${n} needs seeded in ${seedSeconds} s`);
  const worker = await startApp('worker', { ...ctx.baseEnv(), EXPORT_DIR: dir }, /startup reconcile/);
  const startRss = vmMb(worker.pid, 'VmRSS');
  ctx.log(`  reports: worker RSS at start ${startRss ?? '?'} MB`);
  try {
    const admin = (await ctx.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    const desk = ctx.deskOn(ctx.prisma);
    const run = async (format: 'xlsx' | 'csv'): Promise<{ seconds: number; rows: number; bytes: number; cpuSeconds: number | null; peakMb: number | null }> => {
      const cpu0 = processCpuMs(worker.pid);
      let peakMb: number | null = null;
      const made = await desk.uow.run(async (w) => {
        const p = await consolePrincipal(w, admin);
        if (!p) throw new Error('the county administrator has no console role');
        return desk.exports.request.execute(w, p, { kind: 'needs', format });
      });
      if (!made.ok) throw new Error(`export refused: ${made.code}`);
      const deadline = Date.now() + 15 * 60_000;
      for (;;) {
        const j = await ctx.prisma.exportJob.findUniqueOrThrow({ where: { id: made.value.id } });
        if (j.status === 'failed') throw new Error(`export failed: ${j.error ?? ''}`);
        if (j.status === 'done' && j.startedAt && j.finishedAt) {
          const bytes = statSync(path.join(dir, `${j.id}.${format}`)).size;
          const cpu1 = processCpuMs(worker.pid);
          const cpuSeconds = cpu0 === null || cpu1 === null ? null : Math.round((cpu1 - cpu0) / 100) / 10;
          return { seconds: (j.finishedAt.getTime() - j.startedAt.getTime()) / 1000, rows: j.rowsDone, bytes, cpuSeconds, peakMb };
        }
        if (worker.exited()) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
        if (Date.now() > deadline) throw new Error(`export not done after 15 min (${j.rowsDone}/${j.rowsTotal ?? '?'} rows)`);
        const now = vmMb(worker.pid, 'VmRSS');
        if (now !== null && (peakMb === null || now > peakMb)) peakMb = now;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    // Every need in the run database is exported: the seeded ones and those earlier sections made.
    const expected = await ctx.prisma.need.count();
    const xlsx = await run('xlsx');
    ctx.log(
      `  reports: xlsx ${xlsx.rows} rows in ${xlsx.seconds} s (${Math.round(xlsx.rows / xlsx.seconds)} rows/s), ${(xlsx.bytes / 1e6).toFixed(1)} MB, worker CPU ${xlsx.cpuSeconds ?? '?'} s, RSS up to ${xlsx.peakMb ?? '?'} MB`,
    );
    const csv = await run('csv');
    ctx.log(
      `  reports: csv ${csv.rows} rows in ${csv.seconds} s (${Math.round(csv.rows / csv.seconds)} rows/s), worker CPU ${csv.cpuSeconds ?? '?'} s, RSS up to ${csv.peakMb ?? '?'} MB`,
    );
    if (expected < n || xlsx.rows !== expected || csv.rows !== expected)
      throw new Error(`exported ${xlsx.rows} / ${csv.rows} rows of ${expected} (${n} seeded)`);
    const rss = vmMb(worker.pid, 'VmHWM');
    ctx.log(`  reports: worker peak RSS ${rss ?? '?'} MB`);
    return {
      rows: n,
      export_rows_per_s: Math.round(xlsx.rows / xlsx.seconds),
      export_peak_rss_mb: rss,
      export_xlsx_seconds: Math.round(xlsx.seconds * 10) / 10,
      export_xlsx_mb: Math.round(xlsx.bytes / 1e5) / 10,
      export_csv_rows_per_s: Math.round(csv.rows / csv.seconds),
      export_csv_seconds: Math.round(csv.seconds * 10) / 10,
      export_xlsx_worker_cpu_s: xlsx.cpuSeconds,
      export_csv_worker_cpu_s: csv.cpuSeconds,
      worker_start_rss_mb: startRss,
      seed_seconds: seedSeconds,
      definition: EXPORT_DEFINITION,
    };
  } finally {
    await worker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Merged into results.reports by run.ts (beside the dashboard and the month-end freeze). */
export const reportsExportsSection = section<ReportsExportResult>({
  key: 'reports_exports',
  title: 'Reports: export of 1,000,000 needs (xlsx, csv) by the worker',
  apps: 'stopped',
  run: (ctx) => runReportsExportBench(ctx, ctx.quick ? 100_000 : 1_000_000),
});
