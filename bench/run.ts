// npm run bench [-- --quick] [-- --only=ingest,card_latency]
// Drives the compiled bot and worker through the fake Telegram Bot API and writes
// bench/results/latest.json and bench/results/latest.md (also printed). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ROOT } from '../scripts/db-tools.js';
import { conversationSection, type ConversationResult } from './conversation.bench.js';
import { CALL_ANSWERS_DEFINITION, callAnswersSection, type CallAnswersResult } from './call-answers.bench.js';
import { REPORTS_DEFINITION, reportsSection, type ReportsResult } from './reports.bench.js';
import { CONSOLE_DEFINITION, consoleSection, type ConsoleResult } from './console.bench.js';
import { BROADCAST_DEFINITION, broadcastSection, type BroadcastResult } from './broadcast.bench.js';
import {
  bullmqBaselineSection,
  grammyBaselineSection,
  pgbenchBaselineSection,
  type BullmqBaselineResult,
  type GrammyBaselineResult,
  type PgbenchBaselineResult,
} from './baselines.bench.js';
import {
  ACK_DEFINITION,
  CARD_DEFINITION,
  cardLatencySection,
  claimRaceSection,
  ingestSection,
  type CardLatencyResult,
  type ClaimRaceResult,
  type IngestResult,
} from './desk.bench.js';
import { MONTH_FREEZE_DEFINITION, reportsPublicitySection, type ReportsPublicityResult } from './reports-publicity.bench.js';
import { EXPORT_DEFINITION, reportsExportsSection, type ReportsExportResult } from './reports-exports.bench.js';
import { buildIfStale, type BuildCheck } from './support/build.js';
import { BenchContext } from './support/context.js';
import { fmt, fmtRatio, markdownTable, verdict, type ReportRow } from './support/report.js';
import { section, type Section } from './support/section.js';
import { ratio } from './support/stats.js';

// ───────────────────────────── nlu (another helper's file, loaded if present) ─────────────────────────────

interface NluDanger {
  set: string;
  messages: number;
  recall: number | null;
  false_alarm_rate: number | null;
  p50_ms: number;
  p99_ms: number;
}

interface NluResult {
  messages: number;
  p50_ms: number | null;
  p99_ms: number | null;
  /** The danger check on its labelled set (absent when nlu.bench.ts does not report it). */
  danger?: NluDanger;
  skipped?: string;
}

function isNluDanger(v: unknown): v is NluDanger {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const share = (x: unknown) => x === null || typeof x === 'number';
  return (
    typeof o.set === 'string' &&
    typeof o.messages === 'number' &&
    share(o.recall) &&
    share(o.false_alarm_rate) &&
    typeof o.p50_ms === 'number' &&
    typeof o.p99_ms === 'number'
  );
}

function isNluFigures(v: unknown): v is { messages: number; p50_ms: number; p99_ms: number } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.messages === 'number' && typeof o.p50_ms === 'number' && typeof o.p99_ms === 'number';
}

const nluSection = section<NluResult>({
  key: 'nlu',
  title: 'NLU (rule-based understand())',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<NluResult> {
    // A non-literal specifier: the bench still compiles and runs when the file is absent.
    const specifier = './nlu.bench.js';
    let mod: unknown;
    try {
      mod = await import(specifier);
    } catch (e) {
      const why = `bench/nlu.bench.ts could not be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
      ctx.note(`nlu skipped: ${why}`);
      return { messages: 0, p50_ms: null, p99_ms: null, skipped: why };
    }
    const fn = typeof mod === 'object' && mod !== null ? (mod as Record<string, unknown>).runNluBench : undefined;
    if (typeof fn !== 'function') {
      ctx.note('nlu skipped: bench/nlu.bench.ts has no runNluBench export');
      return { messages: 0, p50_ms: null, p99_ms: null, skipped: 'no runNluBench export' };
    }
    const out: unknown = await (fn as (o: { quick: boolean }) => Promise<unknown>)({ quick: ctx.quick });
    if (!isNluFigures(out)) throw new Error(`runNluBench returned an unexpected shape: ${JSON.stringify(out).slice(0, 200)}`);
    ctx.log(`  nlu: ${out.messages} messages, p50 ${out.p50_ms} ms, p99 ${out.p99_ms} ms`);
    const danger: unknown = (out as Record<string, unknown>).danger;
    if (!isNluDanger(danger)) return { messages: out.messages, p50_ms: out.p50_ms, p99_ms: out.p99_ms };
    ctx.log(`  nlu danger (${danger.set}): recall ${danger.recall}, false alarms ${danger.false_alarm_rate}, p50 ${danger.p50_ms} ms, p99 ${danger.p99_ms} ms`);
    return { messages: out.messages, p50_ms: out.p50_ms, p99_ms: out.p99_ms, danger };
  },
});

// ───────────────────────────── the run ─────────────────────────────

/** In order. Sections with apps 'running' share one bot+worker; the apps are stopped before 'stopped' ones. */
const SECTIONS: ReadonlyArray<Section> = [
  bullmqBaselineSection,
  // First of the running ones: the call it creates reaches only the demo county's volunteers.
  conversationSection,
  cardLatencySection,
  ingestSection,
  broadcastSection,
  grammyBaselineSection,
  pgbenchBaselineSection,
  claimRaceSection,
  callAnswersSection,
  nluSection,
  reportsSection,
  reportsPublicitySection,
  reportsExportsSection,
  consoleSection,
];

interface Args {
  quick: boolean;
  only: string[] | null;
}

function parseArgs(argv: string[]): Args {
  const only = argv.find((a) => a.startsWith('--only='));
  return { quick: argv.includes('--quick'), only: only ? only.slice('--only='.length).split(',').filter(Boolean) : null };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

async function serviceVersions(ctx: BenchContext): Promise<{ postgres: string; redis: string }> {
  let postgres: string;
  let redis: string;
  try {
    const rows = await ctx.prisma.$queryRawUnsafe<Array<{ server_version: string }>>('SHOW server_version');
    postgres = rows[0]?.server_version ?? '';
  } catch {
    postgres = 'unknown';
  }
  const client = new Redis(ctx.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    redis = /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? '';
  } catch {
    redis = 'unknown';
  } finally {
    client.disconnect();
  }
  return { postgres, redis };
}

function get<T extends object>(results: Map<string, object>, s: Section<T>): T | undefined {
  return results.get(s.key) as T | undefined;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  // Read before any section runs: edits made while the run goes on are not what it measured.
  const dirtyAtStart = git(['status', '--porcelain']) !== '';
  const ctx = new BenchContext({ quick: args.quick });
  // Full: an hour, since the county-scale seed alone takes ~21 min when no seeded database is given.
  const hardCapMs = args.quick ? 420_000 : 3_600_000;
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => (cleaning ??= ctx.cleanup());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      ctx.log(`${signal}: stopping everything`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  const watchdog = setTimeout(() => {
    ctx.log(`hard time cap of ${hardCapMs / 1000} s reached: stopping everything`);
    void cleanup().finally(() => process.exit(2));
  }, hardCapMs);
  watchdog.unref();

  const results = new Map<string, object>();
  const errors: Record<string, string> = {};
  const sectionSeconds: Record<string, number> = {};
  const sectionLoad: Record<string, number> = {};
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  let build: BuildCheck | undefined;
  let versions = { postgres: '', redis: '' };
  try {
    build = buildIfStale((l) => ctx.log(l));
    ctx.log(build.built ? `built in ${build.ms} ms` : build.reason);
    await ctx.setupDatabase();
    versions = await serviceVersions(ctx);
    const [load1] = os.loadavg();
    if (load1 !== undefined && load1 > os.cpus().length) {
      ctx.note(
        `the machine was busy when the run started (1-min load average ${load1.toFixed(2)} on ${os.cpus().length} CPUs): other processes compete with the measured ones, figures are pessimistic and noisy`,
      );
    }
    for (const s of SECTIONS) {
      if (args.only && !args.only.includes(s.key)) continue;
      sectionLoad[s.key] = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
      ctx.log(`── ${s.title} (${s.key})`);
      const t = Date.now();
      try {
        if (s.apps === 'running') await ctx.startApps();
        else await ctx.stopApps();
        results.set(s.key, await s.run(ctx));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        errors[s.key] = message.slice(0, 4000);
        ctx.log(`${s.key} FAILED: ${message}`);
        // Apps that died (or hang) are restarted by the next section that needs them.
        await ctx.stopApps().catch(() => undefined);
      }
      sectionSeconds[s.key] = Math.round((Date.now() - t) / 100) / 10;
    }
  } catch (e) {
    errors.setup = e instanceof Error ? e.message : String(e);
    ctx.log(`setup FAILED: ${errors.setup}`);
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }

  // ─────────────── compose ───────────────
  const ingest = get<IngestResult>(results, ingestSection);
  const card = get<CardLatencyResult>(results, cardLatencySection);
  const race = get<ClaimRaceResult>(results, claimRaceSection);
  const grammy = get<GrammyBaselineResult>(results, grammyBaselineSection);
  const bullmq = get<BullmqBaselineResult>(results, bullmqBaselineSection);
  const pgbench = get<PgbenchBaselineResult>(results, pgbenchBaselineSection);
  const callAnswers = get<CallAnswersResult>(results, callAnswersSection);
  const nlu = get<NluResult>(results, nluSection);
  const broadcast = get<BroadcastResult>(results, broadcastSection);
  const conversation = get<ConversationResult>(results, conversationSection);
  const reports = get<ReportsResult>(results, reportsSection);
  const publicity = get<ReportsPublicityResult>(results, reportsPublicitySection);
  const exportsRun = get<ReportsExportResult>(results, reportsExportsSection);
  const consoleRun = get<ConsoleResult>(results, consoleSection);

  const ratios = {
    ingest_acked_per_s_vs_grammy: ratio(ingest?.acked_per_s, grammy?.acked_per_s),
    ingest_ack_p50_vs_grammy: ratio(ingest?.ack_p50_ms, grammy?.ack_p50_ms),
    ingest_ack_p99_vs_grammy: ratio(ingest?.ack_p99_ms, grammy?.ack_p99_ms),
    ingest_bot_cpu_per_update_vs_grammy: ratio(ingest?.bot_cpu_ms_per_update, grammy?.bot_cpu_ms_per_update),
    ingest_light_ack_p50_vs_grammy: ratio(ingest?.light_load.ack_p50_ms, grammy?.light_load.ack_p50_ms),
    ingest_light_ack_p99_vs_grammy: ratio(ingest?.light_load.ack_p99_ms, grammy?.light_load.ack_p99_ms),
    ingest_capacity_vs_grammy_capacity: ratio(ingest?.capacity.updates_per_s, grammy?.capacity.updates_per_s),
    ingest_capacity_vs_bullmq_noop_jobs: ratio(ingest?.capacity.updates_per_s, bullmq?.noop_jobs_per_s, 4),
    // Our updates (each one committed transaction, several statements) per second ÷ PostgreSQL's own TPC-B-like rate.
    ingest_capacity_vs_pgbench_tps: ratio(ingest?.capacity.updates_per_s, pgbench?.tps),
    card_p50_vs_bullmq_single_job_p50: ratio(card?.p50_ms, bullmq?.single_job_latency.p50_ms),
  };
  const targets = [
    {
      name: 'ack p99 ≤ 50 ms at 200 updates/s',
      target_ms: 50,
      value_ms: ingest?.ack_p99_ms ?? null,
      met: ingest?.ack_p99_ms == null ? null : ingest.ack_p99_ms <= 50,
    },
    { name: 'need → card p95 ≤ 300 ms', target_ms: 300, value_ms: card?.p95_ms ?? null, met: card?.p95_ms == null ? null : card.p95_ms <= 300 },
    { name: '0 double winners', target: 0, value: race?.double_winners ?? null, met: race ? race.double_winners === 0 && race.trials > 0 : null },
    {
      name: 'broadcast ≤ 1.05 × the floor (recipients / 30 s)',
      target: 1.05,
      value: broadcast?.vs_floor ?? null,
      met: broadcast == null ? null : broadcast.vs_floor !== null && broadcast.vs_floor <= 1.05,
    },
    {
      name: 'broadcast: 0 limit breaches',
      target: 0,
      value: broadcast?.limit_breaches ?? null,
      met: broadcast == null ? null : broadcast.limit_breaches === 0,
    },
    { name: 'broadcast: 0 duplicates', target: 0, value: broadcast?.duplicates ?? null, met: broadcast == null ? null : broadcast.duplicates === 0 },
    {
      name: 'job card p95 ≤ 2 s during a broadcast',
      target_ms: 2000,
      value_ms: broadcast?.card_p95_during_ms ?? null,
      met: broadcast?.card_p95_during_ms == null ? null : broadcast.card_p95_during_ms <= 2000,
    },
  ];
  const cpus = os.cpus();
  const json = {
    meta: {
      date: startedAt.toISOString(),
      mode: args.quick ? 'quick' : 'full',
      only: args.only,
      duration_s: Math.round((Date.now() - startedAt.getTime()) / 1000),
      section_seconds: sectionSeconds,
      /** 1-minute load average when each section started (2 CPUs: above 2 means other work competed). */
      section_loadavg_1m: sectionLoad,
      git_commit: git(['rev-parse', '--short', 'HEAD']),
      git_worktree_dirty: dirtyAtStart,
      build: build ?? null,
      machine: {
        cpus: cpus.length,
        cpu_model: cpus[0]?.model ?? '',
        memory_gb: Math.round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        postgres: versions.postgres,
        redis: versions.redis,
        loadavg_at_start: loadAtStart,
        loadavg_at_end: os.loadavg().map((l) => Math.round(l * 100) / 100),
      },
      database: new URL(ctx.databaseUrl).pathname.slice(1) + ' (created and dropped by the run)',
      redis_prefix: `${ctx.redisPrefix} (deleted at the end)`,
      errors,
      notes: ctx.notes,
    },
    ingest: ingest ?? {
      offered_per_s: 200,
      acked_per_s: null,
      ack_p50_ms: null,
      ack_p99_ms: null,
      ack_definition: ACK_DEFINITION,
      error: errors.ingest ?? 'not run',
    },
    card_latency: card ?? { p50_ms: null, p95_ms: null, p99_ms: null, definition: CARD_DEFINITION, error: errors.card_latency ?? 'not run' },
    claim_race: race ?? { trials: 0, double_winners: null, error: errors.claim_race ?? 'not run' },
    call_answers: callAnswers ?? {
      recipients: null,
      seconds: null,
      answers_per_s: null,
      answer_reply_p95_ms: null,
      exact: false,
      definition: CALL_ANSWERS_DEFINITION,
      error: errors.call_answers ?? 'not run',
    },
    baseline: {
      grammy_updates_per_s: grammy?.acked_per_s ?? null,
      grammy_ack_p50_ms: grammy?.ack_p50_ms ?? null,
      grammy_ack_p99_ms: grammy?.ack_p99_ms ?? null,
      grammy_capacity_updates_per_s: grammy?.capacity.updates_per_s ?? null,
      bullmq_noop_jobs_per_s: bullmq?.noop_jobs_per_s ?? null,
      bullmq_add_jobs_per_s: bullmq?.add_jobs_per_s ?? null,
      bullmq_single_job_p50_ms: bullmq?.single_job_latency.p50_ms ?? null,
      pgbench_tps: pgbench?.tps ?? null,
      grammy: grammy ?? { error: errors.baseline_grammy ?? 'not run' },
      bullmq: bullmq ?? { error: errors.baseline_bullmq ?? 'not run' },
      pgbench: pgbench ?? { error: errors.baseline_pgbench ?? 'not run' },
    },
    nlu: nlu ?? { messages: 0, p50_ms: null, p99_ms: null, error: errors.nlu ?? 'not run' },
    broadcast: broadcast ?? {
      recipients: null,
      seconds: null,
      floor_seconds: null,
      status_429: null,
      limit_breaches: null,
      duplicates: null,
      card_p95_during_ms: null,
      definition: BROADCAST_DEFINITION,
      error: errors.broadcast ?? 'not run',
    },
    conversation: conversation ?? { error: errors.conversation ?? 'not run' },
    // One "reports" object: each part's headline figure at the top, its details beside it.
    reports: {
      dashboard_p95_ms: reports?.dashboard_p95_ms ?? null,
      month_freeze_s: publicity?.month_freeze_s ?? null,
      export_rows_per_s: exportsRun?.export_rows_per_s ?? null,
      export_peak_rss_mb: exportsRun?.export_peak_rss_mb ?? null,
      dashboard: reports ?? { dashboard_p95_ms: null, definition: REPORTS_DEFINITION, error: errors.reports ?? 'not run' },
      publicity: publicity ?? { month_freeze_s: null, definition: MONTH_FREEZE_DEFINITION, error: errors.reports_publicity ?? 'not run' },
      exports: exportsRun ?? { export_rows_per_s: null, definition: EXPORT_DEFINITION, error: errors.reports_exports ?? 'not run' },
    },
    console: consoleRun ?? {
      needs_list_p95_ms: null,
      need_detail_p95_ms: null,
      login_round_trip_ms: null,
      definition: CONSOLE_DEFINITION,
      error: errors.console ?? 'not run',
    },
    ratios,
    targets,
  };

  // ─────────────── markdown ───────────────
  const rows: ReportRow[] = [
    {
      figure: `Ingest: acked updates/s at ${ingest?.offered_per_s ?? 200}/s offered`,
      value: fmt(ingest?.acked_per_s),
      target: '—',
      baseline: `grammY ${fmt(grammy?.acked_per_s)}`,
      ratio: fmtRatio(ratios.ingest_acked_per_s_vs_grammy),
    },
    {
      figure: 'Ingest: ack p50',
      value: fmt(ingest?.ack_p50_ms, ' ms'),
      target: '—',
      baseline: `grammY ${fmt(grammy?.ack_p50_ms, ' ms')}`,
      ratio: fmtRatio(ratios.ingest_ack_p50_vs_grammy),
    },
    {
      figure: 'Ingest: ack p99',
      value: fmt(ingest?.ack_p99_ms, ' ms'),
      target: `≤ 50 ms: ${verdict(targets[0]!.met)}`,
      baseline: `grammY ${fmt(grammy?.ack_p99_ms, ' ms')}`,
      ratio: fmtRatio(ratios.ingest_ack_p99_vs_grammy),
    },
    {
      figure: `Ingest at light load (${ingest?.light_load.offered_per_s ?? 20}/s): ack p50 / p99`,
      value: `${fmt(ingest?.light_load.ack_p50_ms, ' ms')} / ${fmt(ingest?.light_load.ack_p99_ms, ' ms')}`,
      target: '—',
      baseline: `grammY ${fmt(grammy?.light_load.ack_p50_ms, ' ms')} / ${fmt(grammy?.light_load.ack_p99_ms, ' ms')}`,
      ratio: `${fmtRatio(ratios.ingest_light_ack_p50_vs_grammy)} / ${fmtRatio(ratios.ingest_light_ack_p99_vs_grammy)}`,
    },
    {
      figure: 'Bot CPU per acked update (measured run)',
      value: fmt(ingest?.bot_cpu_ms_per_update, ' ms', 2),
      target: '—',
      baseline: `grammY ${fmt(grammy?.bot_cpu_ms_per_update, ' ms', 2)}`,
      ratio: fmtRatio(ratios.ingest_bot_cpu_per_update_vs_grammy),
    },
    {
      figure: 'Ingest capacity (closed loop, 40 connections)',
      value: `${fmt(ingest?.capacity.updates_per_s)}/s`,
      target: '—',
      baseline: `grammY ${fmt(grammy?.capacity.updates_per_s)}/s; BullMQ no-op ${fmt(bullmq?.noop_jobs_per_s)} jobs/s; pgbench ${fmt(pgbench?.tps)} tps`,
      ratio: `${fmtRatio(ratios.ingest_capacity_vs_grammy_capacity)} / ${fmtRatio(ratios.ingest_capacity_vs_bullmq_noop_jobs)} / ${fmtRatio(ratios.ingest_capacity_vs_pgbench_tps)}`,
    },
    {
      figure: 'Need → card p50',
      value: fmt(card?.p50_ms, ' ms'),
      target: '—',
      baseline: `BullMQ one no-op job ${fmt(bullmq?.single_job_latency.p50_ms, ' ms', 2)}`,
      ratio: fmtRatio(ratios.card_p50_vs_bullmq_single_job_p50),
    },
    { figure: 'Need → card p95', value: fmt(card?.p95_ms, ' ms'), target: `≤ 300 ms: ${verdict(targets[1]!.met)}`, baseline: '—', ratio: '—' },
    { figure: 'Need → card p99', value: fmt(card?.p99_ms, ' ms'), target: '—', baseline: '—', ratio: '—' },
    {
      figure: `Broadcast to ${broadcast?.recipients ?? 'n/a'} (30/s floor ${fmt(broadcast?.floor_seconds, ' s')})`,
      value: broadcast ? `${fmt(broadcast.seconds, ' s')} (${fmt(broadcast.achieved_rate_pct_of_30, ' %')} of 30/s)` : 'n/a',
      target: `≤ 1.05 × floor: ${verdict(targets[3]!.met)}`,
      baseline: `floor ${fmt(broadcast?.floor_seconds, ' s')}`,
      ratio: fmtRatio(broadcast?.vs_floor),
    },
    {
      figure: 'Broadcast: 429s / limit breaches / duplicates',
      value: broadcast ? `${broadcast.status_429} / ${broadcast.limit_breaches} / ${broadcast.duplicates}` : 'n/a',
      target: `0 breaches: ${verdict(targets[4]!.met)}; 0 duplicates: ${verdict(targets[5]!.met)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: 'Need → card p50 / p95 during the broadcast',
      value: broadcast
        ? `${fmt(broadcast.card_p50_during_ms, ' ms')} / ${fmt(broadcast.card_p95_during_ms, ' ms')} (${broadcast.cards_during.count} cards)`
        : 'n/a',
      target: `p95 ≤ 2 s: ${verdict(targets[6]!.met)}`,
      baseline: `idle ${fmt(card?.p95_ms, ' ms')}`,
      ratio: '—',
    },
    {
      figure: `Console on ${consoleRun?.needs ?? 'n/a'} needs: list p95 (every filter shape), detail p95, login round trip`,
      value: consoleRun
        ? `${fmt(consoleRun.needs_list_p95_ms, ' ms')}, ${fmt(consoleRun.need_detail_p95_ms, ' ms')}, ${fmt(consoleRun.login_round_trip_ms, ' ms')}`
        : 'n/a',
      target: `list ≤ 150 ms, detail ≤ 100 ms: ${verdict(consoleRun?.needs_list_p95_ms == null || consoleRun.need_detail_p95_ms == null ? null : consoleRun.needs_list_p95_ms <= 150 && consoleRun.need_detail_p95_ms <= 100)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Export of ${exportsRun?.rows ?? 'n/a'} needs (xlsx; csv beside it)`,
      value: exportsRun ? `${fmt(exportsRun.export_rows_per_s, ' rows/s')}, peak RSS ${fmt(exportsRun.export_peak_rss_mb, ' MB')}` : 'n/a',
      target: `≥ 20,000 rows/s and ≤ 300 MB: ${verdict(exportsRun?.export_rows_per_s == null || exportsRun.export_peak_rss_mb == null ? null : exportsRun.export_rows_per_s >= 20_000 && exportsRun.export_peak_rss_mb <= 300)}`,
      baseline: `csv ${fmt(exportsRun?.export_csv_rows_per_s, ' rows/s')}`,
      ratio: '—',
    },
    {
      figure: `Month-end freeze of the four lists (${publicity?.month_freeze_units ?? 'n/a'} units, ${publicity?.month_freeze_needs ?? 'n/a'} needs)`,
      value: fmt(publicity?.month_freeze_s, ' s', 2),
      target: '—',
      baseline: `slowest unit ${fmt(publicity?.month_freeze_max_unit_ms, ' ms')}`,
      ratio: '—',
    },
    {
      figure: 'Claim race: trials / double winners',
      value: race ? `${race.trials} / ${race.double_winners}` : 'n/a',
      target: `0: ${verdict(targets[2]!.met)}`,
      baseline: '—',
      ratio: '—',
    },
    {
      figure: `Dashboard load p50 / p95 (county seed, ${reports?.needs ?? 'n/a'} needs)`,
      value: reports ? `${fmt(reports.dashboard.p50_ms, ' ms')} / ${fmt(reports.dashboard_p95_ms, ' ms')}` : 'n/a',
      target: `p95 ≤ 300 ms: ${verdict(reports?.dashboard_p95_ms == null ? null : reports.dashboard_p95_ms <= 300)}`,
      baseline: '—',
      ratio: '—',
    },
    { figure: 'BullMQ no-op jobs/s (1 worker, concurrency 50)', value: '—', target: '—', baseline: fmt(bullmq?.noop_jobs_per_s), ratio: '—' },
    {
      figure: 'NLU understand() p50 / p99',
      value:
        nlu && nlu.messages > 0
          ? `${fmt(nlu.p50_ms, ' ms', 3)} / ${fmt(nlu.p99_ms, ' ms', 3)} (${nlu.messages} msgs)`
          : `skipped${nlu?.skipped ? `: ${nlu.skipped}` : ''}`,
      target: '—',
      baseline: '—',
      ratio: '—',
    },
    {
      figure: 'NLU danger recall / false alarms',
      value: nlu?.danger
        ? `${fmt(nlu.danger.recall === null ? null : nlu.danger.recall * 100, ' %', 1)} / ${fmt(nlu.danger.false_alarm_rate === null ? null : nlu.danger.false_alarm_rate * 100, ' %', 1)} (${nlu.danger.set.replace(/^.*\//, '')}, ${nlu.danger.messages} msgs)`
        : 'n/a',
      target: '≥ 99 % / ≤ 5 %',
      baseline: '—',
      ratio: '—',
    },
    ...(['need', 'job', 'confirm', 'call'] as const).map((k) => ({
      figure: `Conversation "${k}": turns / bot messages / bot characters`,
      value: conversation ? `${conversation[`${k}_turns`]} / ${conversation[`${k}_bot_messages`]} / ${conversation[`${k}_bot_chars`]}` : 'n/a',
      target: '—',
      baseline: '—',
      ratio: '—',
    })),
  ];
  const md = (
    [
      `# Bench ${json.meta.mode} run, ${json.meta.date}`,
      '',
      `Machine: ${json.meta.machine.cpus} × ${json.meta.machine.cpu_model}, ${json.meta.machine.memory_gb} GB, Node ${json.meta.machine.node}, PostgreSQL ${versions.postgres}, Redis ${versions.redis}; commit ${json.meta.git_commit}${json.meta.git_worktree_dirty ? ' (+ uncommitted changes)' : ''}; ${json.meta.duration_s} s.`,
      '',
      markdownTable(rows),
      '',
      `- **ack**: ${ACK_DEFINITION}`,
      `- **card latency**: ${CARD_DEFINITION}${card ? ` Pacing: ${card.pacing_plan} ${card.cards_possibly_paced} of ${card.cards_seen} cards met a non-empty window (unpaced p95 ${fmt(card.unpaced.p95_ms, ' ms')}). Split at the dispatch row: commit → dispatch row p50 ${fmt(card.commit_to_dispatch_row.p50_ms, ' ms')}, dispatch row → card p50 ${fmt(card.dispatch_row_to_card.p50_ms, ' ms')}.` : ''}`,
      broadcast
        ? `- **broadcast**: ${BROADCAST_DEFINITION} Delivery in PostgreSQL: ${broadcast.delivery.sent} sent, ${broadcast.delivery.failed} failed, ${broadcast.delivery.uncertain} uncertain, ${broadcast.delivery.pending_or_sending} still pending; ${broadcast.missing} recipients without a message at the fake; steady ${fmt(broadcast.steady_per_s)}/s (bulk share ${broadcast.bulk_per_second}/s while interactive traffic is about, the whole bot-wide limit while it is idle), first message after ${fmt(broadcast.first_message_ms, ' ms')}, ${broadcast.slow_seconds} seconds under 25 call messages; all sends meanwhile ${fmt(broadcast.all_sends_per_s)}/s (${broadcast.other_sends_during} not call messages); 429s by rule ${JSON.stringify(broadcast.rejected_by)}; ${broadcast.cards_during.needs} needs submitted during it (one every ${broadcast.cards_during.interval_ms / 1000} s over ${broadcast.cards_during.groups} groups).`
        : null,
      conversation ? `- **conversation**: ${conversation.definition}` : null,
      reports ? `- **reports (dashboard)**: ${reports.definition}` : null,
      publicity ? `- **reports (month-end freeze)**: ${publicity.definition}` : null,
      exportsRun ? `- **reports (exports)**: ${exportsRun.definition}` : null,
      `- **grammY baseline**: ${grammy?.what ?? 'not run'}.`,
      `- **BullMQ baseline**: ${bullmq?.what ?? 'not run'}.`,
      ingest
        ? `- Ingest details: ${ingest.acked}/${ingest.updates} measured updates acked (${ingest.not_sent} never sent within the phase's time cap, ${ingest.failed} failed POSTs); ${ingest.committed} of them found committed in processed_update; service time (request start → 2xx) p50 ${fmt(ingest.service.p50_ms, ' ms')}, p99 ${fmt(ingest.service.p99_ms, ' ms')}; ${ingest.replies_delivered_during_section} replies delivered during the section (the bot paces itself to Telegram's 30/s bot-wide), ${ingest.replies_pending_after} still queued at its end.`
        : null,
      ingest?.capacity.updates_per_s != null && ingest.capacity.updates_per_s < ingest.offered_per_s
        ? `- Our bot acknowledged at most ${fmt(ingest.capacity.updates_per_s)} updates/s here (capacity probe), below the ${ingest.offered_per_s}/s offered: at 200/s the webhook backlog grows for the whole run, so the measured-run latencies are mostly queueing; the light-load row shows the per-update latency.`
        : null,
      ...Object.entries(errors).map(([k, v]) => `- **${k} failed**: ${v.split('\n')[0]}`),
      ...ctx.notes.map((n) => `- note: ${n}`),
      '',
    ] as Array<string | null>
  )
    .filter((l): l is string => l !== null)
    .join('\n');

  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const text = JSON.stringify(json, null, 2) + '\n';
  if (args.only) {
    writeFileSync(path.join(dir, `partial-${stamp}.json`), text);
    ctx.log(`partial run: wrote bench/results/partial-${stamp}.json (latest.* untouched)`);
  } else {
    writeFileSync(path.join(dir, 'latest.json'), text);
    writeFileSync(path.join(dir, 'latest.md'), md);
    writeFileSync(path.join(dir, `${stamp}-${json.meta.mode}.json`), text);
    ctx.log('wrote bench/results/latest.json and latest.md');
  }
  process.stdout.write(`\n${md}\n`);
  return Object.keys(errors).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
