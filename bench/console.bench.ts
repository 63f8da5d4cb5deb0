// Section "console": the coordinators' console on the county seed, through the real console API
// over 127.0.0.1 (decision 0034). The needs list under each main filter shape and sort (and a
// second page), a need's detail, and the login round trip: the login page asks for a code, the
// coordinator says `登录 <code>` to the bot (a Telegram webhook POST, as Telegram delivers it),
// and the page's poll sees its session established.
//
// The list and detail read the database BENCH_REPORTS_DATABASE_URL names (seeded by
// `npm run db:seed -- --scale county`, migrated to this branch; the section only adds console
// session rows); without it, the run's own demo county, which says little. The login runs on
// the run's own database with the bench's bot and fake Telegram. Run alone:
// `npm run bench -- --only=console`.
import { createPrismaClient, type PrismaClient } from '@baiying/db';
import type { BenchContext } from './support/context.js';
import type { BenchProcess } from './support/processes.js';
import { consoleCookie, grant, startConsoleApi, timed } from './reports.bench.js';
import { section } from './support/section.js';
import { summarize, type LatencySummary } from './support/stats.js';

export const CONSOLE_DEFINITION =
  'list = one GET /api/v1/needs?<filter> (limit 50, the page the console asks for) and detail = one GET /api/v1/needs/:id, each timed from request to the last byte of a 200 over 127.0.0.1 to the compiled console API (its own process, cookie session), sequential after 3 warm-up requests; needs_list_p95_ms = p95 over every filter shape below together; login round trip = POST /api/v1/auth/login-codes → the coordinator says 登录 <code> (a Telegram webhook POST to the compiled bot, answered once handled) → GET /api/v1/auth/login-codes/current polled every 20 ms until it answers approved with the session cookie.';

export interface ConsoleResult {
  needs: number;
  needs_list_p95_ms: number | null;
  need_detail_p95_ms: number | null;
  login_round_trip_ms: number | null;
  list: LatencySummary;
  by_filter: Record<string, LatencySummary & { rows: number }>;
  detail: LatencySummary;
  login: LatencySummary | null;
  targets: { needs_list_p95_ms: number; need_detail_p95_ms: number };
  definition: string;
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const r = await fetch(url, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  return r.json();
}

/** Login round trips over the bench's bot (Telegram webhook) and a console API on the run database. */
async function loginRoundTrips(ctx: BenchContext, samples: number): Promise<number[]> {
  const apps = await ctx.startApps();
  const { api, base } = await startConsoleApi(ctx, ctx.databaseUrl);
  try {
    const prisma = ctx.prisma;
    const admin = (await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    const tgId = 880_000_000 + Math.floor(Math.random() * 1_000_000);
    await prisma.channelIdentity.create({ data: { channel: 'telegram', externalId: String(tgId), chatId: String(tgId), personId: admin } });
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      const r = await fetch(`${base}/api/v1/auth/login-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 bench' },
        body: '{}',
      });
      if (r.status !== 201) throw new Error(`login-codes: ${r.status}`);
      const pre = /baiying_console_login=([A-Za-z0-9_-]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
      const { code } = (await r.json()) as { code: string };
      const update = {
        update_id: tgId + i,
        message: {
          message_id: i + 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: tgId, type: 'private', first_name: '孙' },
          from: { id: tgId, is_bot: false, first_name: '孙', language_code: 'zh-hans' },
          text: `登录 ${code}`,
        },
      };
      const said = await fetch(`http://127.0.0.1:${apps.botPort}${ctx.webhookPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': ctx.webhookSecret },
        body: JSON.stringify(update),
      });
      if (said.status >= 300) throw new Error(`webhook: ${said.status}`);
      for (let polls = 0; ; polls++) {
        const p = await fetch(`${base}/api/v1/auth/login-codes/current`, { headers: { cookie: `baiying_console_login=${pre ?? ''}` } });
        const body = (await p.json()) as { state: string };
        if (body.state === 'approved' && /baiying_console=/.test(p.headers.get('set-cookie') ?? '')) break;
        if (polls > 250) throw new Error(`login ${i}: still ${body.state} after 5 s`);
        await new Promise((res) => setTimeout(res, 20));
      }
      out.push(performance.now() - t);
      // Spaced out: one person's messages, within the inbound limit.
      await new Promise((res) => setTimeout(res, 400));
    }
    return out;
  } finally {
    await api.stop();
  }
}

export const consoleSection = section<ConsoleResult>({
  key: 'console',
  title: 'Console: needs list, need detail and login on the county seed',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<ConsoleResult> {
    const external = process.env.BENCH_REPORTS_DATABASE_URL;
    if (!external) ctx.note('console: BENCH_REPORTS_DATABASE_URL unset, the list and detail read the demo county (a handful of needs): not the county scale');
    const databaseUrl = external ?? ctx.databaseUrl;
    const prisma: PrismaClient = external ? createPrismaClient(databaseUrl, 4) : ctx.prisma;
    let api: BenchProcess | undefined;
    try {
      const needs = await prisma.need.count();
      const county = !!external && (await prisma.orgUnit.count({ where: { code: 'I-K01' } })) > 0;
      const [town, station] = county ? ['I-K01', 'S-K01-01'] : ['I-DH', 'S-XF'];
      const admin = (await prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
      // The list and detail decrypt phones and addresses to mask them (and the session its
      // person's name): the run's cipher and apps read the county's rows with the key it was
      // seeded under (BENCH_ENCRYPTION_KEY_PREVIOUS, by default the development key).
      const cipher = ctx.cipher;
      const cookies = {
        county: await consoleCookie(prisma, admin),
        town: await consoleCookie(prisma, await grant(prisma, cipher, 'coordinator', town, `bench console town ${ctx.tag}`)),
        station: await consoleCookie(prisma, await grant(prisma, cipher, 'staff', station, `bench console staff ${ctx.tag}`)),
      };
      const started = await startConsoleApi(ctx, databaseUrl);
      api = started.api;
      const base = started.base;
      const yearAgo = new Date(Date.now() - 365 * 86_400_000);
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const first = (await getJson(`${base}/api/v1/needs`, cookies.county)) as { items: Array<{ id: string; code: string }>; nextCursor: string | null };
      const codePart = first.items[0]?.code.slice(-5) ?? '0042';
      const shapes: Array<[string, string, string]> = [
        ['county_newest', cookies.county, ''],
        ['county_page2', cookies.county, first.nextCursor ? `cursor=${first.nextCursor}` : ''],
        ['county_oldest', cookies.county, 'sort=old'],
        ['county_urgency_sort', cookies.county, 'sort=urgency'],
        ['county_status_open', cookies.county, 'status=submitted,dispatched,unrouted,claimed,en_route'],
        ['county_status_unrouted', cookies.county, 'status=unrouted'],
        ['county_category', cookies.county, 'category=legal'],
        ['county_unit', cookies.county, `unit=${town}`],
        ['county_station', cookies.county, `station=${station}`],
        ['county_urgency', cookies.county, 'urgency=emergency'],
        ['county_review', cookies.county, 'review=true'],
        ['county_beneficiary', cookies.county, 'beneficiary=hardship'],
        ['county_month_a_year_ago', cookies.county, `from=${day(yearAgo)}&to=${day(new Date(yearAgo.getTime() + 30 * 86_400_000))}`],
        ['county_code', cookies.county, `q=${codePart}`],
        ['county_combined', cookies.county, 'status=cancelled&beneficiary=hardship&urgency=urgent&category=health'],
        ['county_combined_oldest', cookies.county, 'status=unfulfilled&beneficiary=disabled,child&sort=old'],
        ['county_combined_urgency_sort', cookies.county, 'beneficiary=hardship&review=false&sort=urgency'],
        ['town_newest', cookies.town, ''],
        ['town_urgency_sort', cookies.town, 'sort=urgency&status=confirmed'],
        ['station_newest', cookies.station, ''],
        ['station_combined', cookies.station, 'beneficiary=elderly&category=elderly&sort=old'],
      ];
      const n = ctx.quick ? 15 : 40;
      const byFilter: Record<string, LatencySummary & { rows: number }> = {};
      const all: number[] = [];
      for (const [name, cookie, qs] of shapes) {
        const url = `/api/v1/needs${qs ? `?${qs}` : ''}`;
        for (let i = 0; i < 3; i++) await timed(base, cookie, [url]);
        const samples: number[] = [];
        for (let i = 0; i < n; i++) samples.push(await timed(base, cookie, [url]));
        const rows = ((await getJson(`${base}${url}`, cookie)) as { items: unknown[] }).items.length;
        byFilter[name] = { ...summarize(samples), rows };
        all.push(...samples);
        ctx.log(`  ${name}: p50 ${byFilter[name].p50_ms} ms, p95 ${byFilter[name].p95_ms} ms (${rows} rows)`);
      }
      // Detail: needs drawn at random over the whole table.
      const ids = (await prisma.$queryRaw<Array<{ id: string }>>`SELECT id FROM need TABLESAMPLE SYSTEM (1) LIMIT ${n}`).map((r) => r.id);
      for (let i = 0; i < 3 && ids[i]; i++) await timed(base, cookies.county, [`/api/v1/needs/${ids[i]!}`]);
      const detailSamples: number[] = [];
      for (const id of ids) detailSamples.push(await timed(base, cookies.county, [`/api/v1/needs/${id}`]));
      const detail = summarize(detailSamples);
      ctx.log(`  detail: p50 ${detail.p50_ms} ms, p95 ${detail.p95_ms} ms (${ids.length} needs)`);
      await api.stop();
      api = undefined;
      const login = summarize(await loginRoundTrips(ctx, ctx.quick ? 5 : 12));
      ctx.log(`  login round trip: p50 ${login.p50_ms} ms, p95 ${login.p95_ms} ms`);
      const list = summarize(all);
      return {
        needs,
        needs_list_p95_ms: list.p95_ms,
        need_detail_p95_ms: detail.p95_ms,
        login_round_trip_ms: login.p50_ms,
        list,
        by_filter: byFilter,
        detail,
        login,
        targets: { needs_list_p95_ms: 150, need_detail_p95_ms: 100 },
        definition: `${CONSOLE_DEFINITION} login_round_trip_ms is the median of ${ctx.quick ? 5 : 12} logins (p95 in login).`,
      };
    } finally {
      await api?.stop();
      if (external) await prisma.$disconnect();
    }
  },
});
