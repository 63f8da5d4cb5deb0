// Section "reports": the dashboard on the county seed, through the real console API over
// 127.0.0.1. One dashboard load = GET /api/v1/reports/overview and GET /api/v1/reports/charts
// issued together (what the page does), timed from the first request to the last response.
//
// The county seed (300 stations, 1,000,000 needs) takes minutes: with BENCH_REPORTS_DATABASE_URL
// naming a database already seeded by `npm run db:seed -- --scale county`, the section reads that
// one (it only adds console session rows); otherwise it seeds the run's own database first and
// reports the seed time. Run alone: `npm run bench -- --only=reports`.
import type { FieldCipher } from '@baiying/crypto';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient, type PrismaClient, nameColumns } from '@baiying/db';
import { ROOT } from '../scripts/db-tools.js';
import { rebuildRollups } from '../scripts/reports-rebuild.js';
import { COUNTY_SCALE, seedCounty } from '../scripts/seed-county.js';
import type { BenchContext } from './support/context.js';
import { freePort, startProcess, type BenchProcess } from './support/processes.js';
import { section } from './support/section.js';
import { summarize, type LatencySummary } from './support/stats.js';

export const REPORTS_DEFINITION =
  'dashboard load = GET /api/v1/reports/overview?period=P and GET /api/v1/reports/charts?period=month sent together over 127.0.0.1 to the compiled console API (its own process), first request to last response, sequential loads after 5 warm-up loads; the county administrator (whole county) unless stated.';

export interface ReportsResult {
  needs: number;
  seed_s: number | null;
  rollup_rows: { need_day: number; volunteer_day: number; team_day: number };
  rollup_mb: number;
  dashboard_p95_ms: number | null;
  dashboard: LatencySummary;
  by_view: Record<string, LatencySummary>;
  definition: string;
}

export async function consoleCookie(prisma: PrismaClient, personId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await prisma.webSession.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      kind: 'console',
      personId,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    },
  });
  return `baiying_console=${token}`;
}

export async function grant(prisma: PrismaClient, cipher: FieldCipher, role: string, unitCode: string, name: string): Promise<string> {
  const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const p = await prisma.person.create({ data: { ...nameColumns(cipher, name), roles: { create: { role, orgUnitId: unit.id } } } });
  return p.id;
}

export async function timed(base: string, cookie: string, paths: string[]): Promise<number> {
  const t = performance.now();
  await Promise.all(
    paths.map(async (p) => {
      const r = await fetch(`${base}${p}`, { headers: { cookie } });
      const body = await r.text();
      if (r.status !== 200) throw new Error(`${p}: ${r.status} ${body.slice(0, 200)}`);
    }),
  );
  return performance.now() - t;
}

/** The compiled console API in its own process on `databaseUrl`, over 127.0.0.1. */
export async function startConsoleApi(ctx: BenchContext, databaseUrl: string): Promise<{ api: BenchProcess; base: string }> {
  const entry = path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} missing: the build did not produce it`);
  const port = await freePort();
  const api = await startProcess({
    name: 'api',
    args: [entry],
    env: { ...ctx.baseEnv(), DATABASE_URL: databaseUrl, API_HOST: '127.0.0.1', API_PORT: String(port) },
    ready: /Console API: /,
    timeoutMs: 60_000,
  });
  return { api, base: `http://127.0.0.1:${port}` };
}

export const reportsSection = section<ReportsResult>({
  key: 'reports',
  title: 'Reports: dashboard on the county seed',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<ReportsResult> {
    const external = process.env.BENCH_REPORTS_DATABASE_URL;
    const databaseUrl = external ?? ctx.databaseUrl;
    let seedS: number | null = null;
    if (!external) {
      ctx.log('  seeding the county scale into the run database (set BENCH_REPORTS_DATABASE_URL to reuse a seeded one)');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const t = Date.now();
        await seedCounty(client, ctx.cipher, ctx.quick ? { ...COUNTY_SCALE, needs: 100_000, volunteers: 30_000, residents: 20_000 } : COUNTY_SCALE);
        await rebuildRollups(client, ctx.config.timeZone);
        seedS = Math.round((Date.now() - t) / 100) / 10;
      } finally {
        await client.end();
      }
    }
    const prisma = external ? createPrismaClient(databaseUrl, 4) : ctx.prisma;
    let api: BenchProcess | undefined;
    try {
      const needs = await prisma.need.count();
      const sizes = await prisma.$queryRaw<Array<{ n: bigint; v: bigint; t: bigint; bytes: bigint }>>`
        SELECT (SELECT count(*) FROM report_need_day) AS n, (SELECT count(*) FROM report_volunteer_day) AS v,
          (SELECT count(*) FROM report_team_day) AS t,
          pg_total_relation_size('report_need_day') + pg_total_relation_size('report_volunteer_day') + pg_total_relation_size('report_team_day') AS bytes`;
      const size = sizes[0]!;
      const admin = (await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
      const cookies = {
        county: await consoleCookie(prisma, admin),
        town: await consoleCookie(prisma, await grant(prisma, ctx.cipher, 'coordinator', 'I-K01', `bench town ${ctx.tag}`)),
        station: await consoleCookie(prisma, await grant(prisma, ctx.cipher, 'staff', 'S-K01-01', `bench staff ${ctx.tag}`)),
      };
      const started = await startConsoleApi(ctx, databaseUrl);
      api = started.api;
      const base = started.base;
      const loads = ctx.quick ? 20 : 60;
      const views: Array<[string, string, string[]]> = [
        ['county_month', cookies.county, ['/api/v1/reports/overview?period=month', '/api/v1/reports/charts?period=month']],
        ['county_today', cookies.county, ['/api/v1/reports/overview?period=today', '/api/v1/reports/charts?period=month']],
        ['county_week', cookies.county, ['/api/v1/reports/overview?period=week', '/api/v1/reports/charts?period=month']],
        ['county_year_charts', cookies.county, ['/api/v1/reports/charts?period=year']],
        ['town_month', cookies.town, ['/api/v1/reports/overview?period=month', '/api/v1/reports/charts?period=month']],
        ['station_month', cookies.station, ['/api/v1/reports/overview?period=month', '/api/v1/reports/charts?period=month']],
      ];
      const byView: Record<string, LatencySummary> = {};
      const dashboard: number[] = [];
      for (const [name, cookie, paths] of views) {
        for (let i = 0; i < 5; i++) await timed(base, cookie, paths);
        const samples: number[] = [];
        for (let i = 0; i < loads; i++) samples.push(await timed(base, cookie, paths));
        byView[name] = summarize(samples);
        if (name !== 'county_year_charts') dashboard.push(...samples);
        ctx.log(`  ${name}: p50 ${byView[name].p50_ms} ms, p95 ${byView[name].p95_ms} ms (${loads} loads)`);
      }
      const all = summarize(dashboard);
      return {
        needs,
        seed_s: seedS,
        rollup_rows: { need_day: Number(size.n), volunteer_day: Number(size.v), team_day: Number(size.t) },
        rollup_mb: Math.round(Number(size.bytes) / 1048576),
        dashboard_p95_ms: all.p95_ms,
        dashboard: all,
        by_view: byView,
        definition: `${REPORTS_DEFINITION} dashboard_p95_ms: over the month, today and week loads of the county, a town and a station (${loads} each).`,
      };
    } finally {
      await api?.stop();
      if (external) await prisma.$disconnect();
    }
  },
});
