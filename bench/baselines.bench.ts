// Baselines measured in the same run, on the same machine, so our figures can be quoted as
// ratios of them:
//   grammy  a bare grammY webhook bot (bench/support/bare-grammy-bot.ts) under the very same
//           ingest protocol as ours (same updates, offered rate, connections, ack definition)
//   bullmq  no-op jobs through one BullMQ Worker (concurrency 50) after addBulk, plus the
//           latency of one no-op job (add → completed) when the queue is idle
//   pgbench PostgreSQL's own transaction rate on this machine: pgbench's built-in TPC-B-like
//           script with the ingest's client count, on a scratch database created and dropped here
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { dropDatabase, ensureDatabase } from '../scripts/db-tools.js';
import type { BenchContext } from './support/context.js';
import { ingestPlan, measureIngest, type CapacityFigures, type FixedLoadFigures } from './support/ingest-protocol.js';
import { freePort, processCpuMs, startTsProcess } from './support/processes.js';
import { section } from './support/section.js';
import { round, summarize, type LatencySummary } from './support/stats.js';

// ───────────────────────────────── grammY ─────────────────────────────────

export interface GrammyBaselineResult extends FixedLoadFigures {
  what: string;
  capacity: CapacityFigures;
}

export const grammyBaselineSection = section<GrammyBaselineResult>({
  key: 'baseline_grammy',
  title: 'Baseline: bare grammY webhook bot',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<GrammyBaselineResult> {
    const fake = await ctx.fake();
    const port = await freePort();
    const path = '/bare/webhook';
    const bot = await startTsProcess(
      'bare-grammy',
      'bench/support/bare-grammy-bot.ts',
      { NODE_ENV: 'production', BARE_TOKEN: ctx.token, BARE_API_ROOT: fake.apiRoot, BARE_PORT: String(port), BARE_PATH: path, BARE_SECRET: ctx.webhookSecret },
      /webhook listening/,
    );
    try {
      const assertAlive = (): void => {
        if (bot.exited()) throw new Error(`the bare grammY bot exited:\n${bot.output().slice(-2000)}`);
      };
      const figures = await measureIngest(
        { url: `http://127.0.0.1:${port}${path}`, secretToken: ctx.webhookSecret, cpuMs: () => processCpuMs(bot.pid), assertAlive },
        ingestPlan(ctx.quick),
        (l) => ctx.log(l),
      );
      return {
        what: 'grammY Bot + webhookCallback(bot, "http") on node:http, one process, answering every message with sendMessage as a webhook reply (no database, no queue); same updates, offered rate, connections and ack definition as ingest',
        ...figures.fixed,
        capacity: figures.capacity,
      };
    } finally {
      await bot.stop();
    }
  },
});

// ───────────────────────────────── BullMQ ─────────────────────────────────

export interface BullmqBaselineResult {
  jobs: number;
  add_jobs_per_s: number | null;
  noop_jobs_per_s: number | null;
  concurrency: number;
  /** One no-op job at a time on an idle queue: queue.add() called → worker's completed event. */
  single_job_latency: LatencySummary;
  what: string;
}

export const bullmqBaselineSection = section<BullmqBaselineResult>({
  key: 'baseline_bullmq',
  title: 'Baseline: bare BullMQ',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<BullmqBaselineResult> {
    const jobs = ctx.quick ? 10_000 : 50_000;
    const latencySamples = ctx.quick ? 100 : 300;
    const concurrency = 50;
    const prefix = `${ctx.redisPrefix}-bullmq`;
    const queueConn = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const workerConn = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue('noop', { connection: queueConn, prefix });
    let worker: Worker | undefined;
    try {
      // 1. addBulk in chunks of 1,000.
      const addStart = performance.now();
      for (let i = 0; i < jobs; i += 1000) {
        const n = Math.min(1000, jobs - i);
        await queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true, removeOnFail: true } })));
      }
      const addMs = performance.now() - addStart;

      // 2. One Worker drains them.
      let completed = 0;
      let lastCompleted = 0;
      let onCompleted: (() => void) | undefined;
      const drained = new Promise<void>((resolve) => {
        onCompleted = () => {
          completed++;
          lastCompleted = performance.now();
          if (completed === jobs) resolve();
        };
      });
      const drainStart = performance.now();
      worker = new Worker('noop', async () => undefined, { connection: workerConn, prefix, concurrency });
      worker.on('completed', () => onCompleted?.());
      const capMs = ctx.quick ? 30_000 : 90_000;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([drained, new Promise<void>((resolve) => (timer = setTimeout(resolve, capMs)))]);
      clearTimeout(timer);
      if (completed < jobs) ctx.note(`baseline_bullmq: only ${completed} of ${jobs} jobs completed within ${capMs / 1000} s`);
      const drainMs = lastCompleted - drainStart;

      // 3. Latency of single jobs on the idle queue, one after the other.
      const latencies: number[] = [];
      const waiters = new Map<string, () => void>();
      worker.removeAllListeners('completed');
      worker.on('completed', (job) => waiters.get(job.id ?? '')?.());
      for (let s = 0; s < latencySamples; s++) {
        const id = `lat-${s}`;
        const started = performance.now();
        const done = new Promise<void>((resolve) => waiters.set(id, resolve));
        await queue.add('noop', { s }, { jobId: id, removeOnComplete: true, removeOnFail: true });
        let t: NodeJS.Timeout | undefined;
        await Promise.race([done, new Promise<void>((resolve) => (t = setTimeout(resolve, 5000)))]);
        clearTimeout(t);
        latencies.push(performance.now() - started);
        waiters.delete(id);
      }
      const result: BullmqBaselineResult = {
        jobs,
        add_jobs_per_s: round((jobs / addMs) * 1000, 0),
        noop_jobs_per_s: drainMs > 0 ? round((completed / drainMs) * 1000, 0) : null,
        concurrency,
        single_job_latency: summarize(latencies),
        what: `bullmq Queue.addBulk of ${jobs} no-op jobs (chunks of 1,000, removeOnComplete), then one Worker with concurrency ${concurrency} draining them: jobs/s = completed / (worker created → last completed event)`,
      };
      ctx.log(`  bullmq: add ${result.add_jobs_per_s}/s, no-op ${result.noop_jobs_per_s} jobs/s, single job p50 ${result.single_job_latency.p50_ms} ms`);
      return result;
    } finally {
      await worker?.close();
      await queue.close();
      queueConn.disconnect();
      workerConn.disconnect();
    }
  },
});

// ───────────────────────────────── pgbench ─────────────────────────────────

export interface PgbenchBaselineResult {
  what: string;
  /** Transactions per second (pgbench's "without initial connection time"). */
  tps: number | null;
  clients: number;
  threads: number;
  scale: number;
  seconds: number;
  transactions: number | null;
  latency_avg_ms: number | null;
  /** Time to create its tables (pgbench -i), not part of the rate. */
  init_seconds: number;
}

const run = promisify(execFile);

export const pgbenchBaselineSection = section<PgbenchBaselineResult>({
  key: 'baseline_pgbench',
  title: "Baseline: PostgreSQL's own rate (pgbench TPC-B-like)",
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<PgbenchBaselineResult> {
    const clients = ingestPlan(ctx.quick).maxConnections;
    const scale = ctx.quick ? 5 : 20;
    const seconds = ctx.quick ? 10 : 30;
    const threads = 2;
    const url = new URL(ctx.databaseUrl);
    url.pathname = `/${url.pathname.slice(1)}_pgbench`;
    const name = url.pathname.slice(1);
    const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
    const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres'];
    await ensureDatabase(url.toString());
    try {
      const started = Date.now();
      await run('pgbench', [...conn, '-i', '-q', '-s', String(scale), name], { env, maxBuffer: 1 << 24 });
      const initSeconds = Math.round((Date.now() - started) / 100) / 10;
      ctx.log(`  pgbench: scale ${scale} initialised in ${initSeconds} s; ${clients} clients, ${threads} threads, ${seconds} s`);
      const { stdout } = await run('pgbench', [...conn, '-c', String(clients), '-j', String(threads), '-T', String(seconds), '-n', name], {
        env,
        maxBuffer: 1 << 24,
      });
      const num = (re: RegExp): number | null => {
        const m = re.exec(stdout);
        return m ? Number(m[1]) : null;
      };
      const tps = num(/tps = ([\d.]+) \(without initial connection time\)/);
      ctx.log(`  pgbench: ${tps} tps`);
      return {
        what: `pgbench built-in TPC-B-like script (5 statements per transaction), scale ${scale}, ${clients} clients (the ingest's connection count), ${threads} threads, ${seconds} s, on a scratch database created and dropped by the run`,
        tps: tps === null ? null : round(tps, 1),
        clients,
        threads,
        scale,
        seconds,
        transactions: num(/number of transactions actually processed: (\d+)/),
        latency_avg_ms: num(/latency average = ([\d.]+) ms/),
        init_seconds: initSeconds,
      };
    } finally {
      await dropDatabase(url.toString());
    }
  },
});
