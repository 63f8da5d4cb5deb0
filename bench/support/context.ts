// Everything a bench section may need, created once per run and torn down on every exit path:
// the run's own PostgreSQL database (baiying_bench_<tag>, dropped at the end) and Redis key
// prefix (bybench-<tag>, deleted at the end), an in-process desk on them, the fake Telegram
// Bot API, and the compiled bot (webhook mode) and worker as child processes.
import { randomBytes } from 'node:crypto';
import { DEV_KEY, loadConfig, type AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, seedDemoCounty, type PrismaClient } from '@baiying/db';
import { configuredDirectory } from '@baiying/channels';
import { Desk } from '@baiying/features';
import { JobProducer } from '@baiying/queue';
import { Redis } from 'ioredis';
import { dropDatabase, ensureDatabase, migrateAll } from '../../scripts/db-tools.js';
import { FakeBotApi } from '../../tests/support/fake-telegram/fake-bot-api.js';
import { freePort, startApp, stopAllProcesses, waitForPort, type BenchProcess } from './processes.js';

export interface BenchOptions {
  quick: boolean;
}

export interface RunningApps {
  bot: BenchProcess;
  worker: BenchProcess;
  botPort: number;
  webhookUrl: string;
}

const WEBHOOK_PATH = '/telegram/webhook';

export class BenchContext {
  readonly quick: boolean;
  readonly tag = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly databaseUrl: string;
  readonly redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  readonly redisPrefix: string;
  readonly encryptionKey = randomBytes(32).toString('hex');
  /**
   * Keys a pre-seeded database (BENCH_REPORTS_DATABASE_URL) was encrypted with: read, never
   * written. Unset with such a database: the development key `npm run db:seed` uses by default.
   */
  readonly previousKeys = (process.env.BENCH_ENCRYPTION_KEY_PREVIOUS ?? (process.env.BENCH_REPORTS_DATABASE_URL ? DEV_KEY.toString('hex') : ''))
    .split(',')
    .filter(Boolean);
  readonly cipher = new FieldCipher(
    Buffer.from(this.encryptionKey, 'hex'),
    this.previousKeys.map((k) => Buffer.from(k, 'hex')),
  );
  readonly token = '7000001:BENCH-token_for_bench_runs';
  readonly webhookSecret = randomBytes(16).toString('hex');
  readonly webhookPath = WEBHOOK_PATH;
  readonly config: AppConfig;
  readonly notes: string[] = [];

  private prismaClient: PrismaClient | undefined;
  private deskInstance: Desk | undefined;
  private producerInstance: JobProducer | undefined;
  private fakeInstance: FakeBotApi | undefined;
  private appsInstance: RunningApps | undefined;
  private databaseCreated = false;

  constructor(opts: BenchOptions) {
    this.quick = opts.quick;
    const base = new URL(process.env.BENCH_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
    base.pathname = `/baiying_bench_${this.tag}`;
    this.databaseUrl = base.toString();
    this.redisPrefix = `bybench-${this.tag}`;
    this.config = loadConfig(this.baseEnv());
  }

  log(line: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 23)}] ${line}\n`);
  }

  note(line: string): void {
    this.notes.push(line);
    this.log(`note: ${line}`);
  }

  /** Environment shared by the apps and the in-process desk. */
  baseEnv(): Record<string, string> {
    return {
      NODE_ENV: 'production',
      LOG_LEVEL: 'log',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.redisPrefix,
      ENCRYPTION_KEY: this.encryptionKey,
      ...(this.previousKeys.length > 0 ? { ENCRYPTION_KEY_PREVIOUS: this.previousKeys.join(',') } : {}),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      WORKER_HTTP_PORT: '0',
      TIME_ZONE: 'Asia/Shanghai',
      // The claim race has the same 50 volunteers win trial after trial; the per-volunteer cap on
      // jobs in hand would turn them into refusals.
      CLAIM_ACTIVE_LIMIT: '100000',
    };
  }

  // ─────────────────────────── database ───────────────────────────

  async setupDatabase(): Promise<void> {
    const started = Date.now();
    await ensureDatabase(this.databaseUrl);
    this.databaseCreated = true;
    await migrateAll(this.databaseUrl, true);
    const prisma = this.prisma;
    await seedDemoCounty(prisma, this.cipher, { webGroups: false });
    this.log(`database ${new URL(this.databaseUrl).pathname.slice(1)} migrated and seeded in ${Date.now() - started} ms`);
  }

  get prisma(): PrismaClient {
    this.prismaClient ??= createPrismaClient(this.databaseUrl, 20, { preparedStatements: this.config.databasePreparedStatements });
    return this.prismaClient;
  }

  get producer(): JobProducer {
    this.producerInstance ??= new JobProducer({ redisUrl: this.redisUrl, prefix: this.redisPrefix });
    return this.producerInstance;
  }

  /** The desk in the bench process (same database, prefix and key as the apps). */
  get desk(): Desk {
    this.deskInstance ??= this.deskOn(this.prisma);
    return this.deskInstance;
  }

  /** A desk on another client of the same database (e.g. one that times commits). */
  deskOn(prisma: PrismaClient): Desk {
    return new Desk({ prisma, cipher: this.cipher, producer: this.producer, config: this.config, channels: configuredDirectory(this.config) });
  }

  // ─────────────────────────── fake Telegram ───────────────────────────

  /** The fake Bot API with Telegram's default limits (30/s bot-wide, 1/s per chat, 20/min per group). */
  async fake(): Promise<FakeBotApi> {
    if (!this.fakeInstance) {
      const fake = new FakeBotApi({ token: this.token, botInfo: { username: 'baiying_bench_bot', first_name: '百应' } });
      await fake.start();
      this.fakeInstance = fake;
    }
    return this.fakeInstance;
  }

  // ─────────────────────────── apps ───────────────────────────

  get apps(): RunningApps | undefined {
    return this.appsInstance;
  }

  /** Starts the worker, then the bot in webhook mode on a fixed free port (idempotent). */
  async startApps(): Promise<RunningApps> {
    if (this.appsInstance) return this.appsInstance;
    const fake = await this.fake();
    const botPort = await freePort();
    const webhookUrl = `http://127.0.0.1:${botPort}${WEBHOOK_PATH}`;
    const env = {
      ...this.baseEnv(),
      TELEGRAM_BOT_TOKEN: this.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: webhookUrl,
      TELEGRAM_WEBHOOK_SECRET: this.webhookSecret,
      HTTP_PORT: String(botPort),
    };
    const started = Date.now();
    const worker = await startApp('worker', env, /startup reconcile/);
    let bot: BenchProcess;
    try {
      bot = await startApp('bot', env, /webhook at/);
      // The bot logs "webhook at" before it starts listening: wait for the port too.
      await waitForPort(botPort, 30_000);
    } catch (e) {
      await worker.stop();
      throw e;
    }
    if (fake.webhook?.url !== webhookUrl) throw new Error(`the bot did not set its webhook on the fake (got ${fake.webhook?.url ?? 'none'})`);
    this.appsInstance = { bot, worker, botPort, webhookUrl };
    this.log(`worker (pid ${worker.pid}) and bot (pid ${bot.pid}, webhook ${webhookUrl}) up in ${Date.now() - started} ms`);
    return this.appsInstance;
  }

  async stopApps(): Promise<void> {
    const apps = this.appsInstance;
    if (!apps) return;
    this.appsInstance = undefined;
    // Bot first: it owns outbound sending; then the worker.
    await apps.bot.stop();
    await apps.worker.stop();
    this.log('bot and worker stopped');
  }

  /** Checks that neither app died during a section; throws with its output tail if one did. */
  assertAppsAlive(): void {
    const apps = this.appsInstance;
    if (!apps) return;
    for (const p of [apps.bot, apps.worker]) if (p.exited()) throw new Error(`${p.name} exited during the run:\n${p.output().slice(-3000)}`);
  }

  // ─────────────────────────── teardown ───────────────────────────

  /** Stops every process, closes clients, drops the database and deletes the Redis prefix. Never throws. */
  async cleanup(): Promise<void> {
    const step = async (what: string, fn: () => Promise<unknown>): Promise<void> => {
      try {
        await fn();
      } catch (e) {
        this.log(`cleanup: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    await step('stop apps', () => this.stopApps());
    await step('stop processes', () => stopAllProcesses());
    await step('stop fake', async () => this.fakeInstance?.stop());
    await step('close producer', async () => this.producerInstance?.close());
    await step('disconnect prisma', async () => this.prismaClient?.$disconnect());
    if (this.databaseCreated && process.env.BENCH_KEEP_DB !== '1') await step('drop database', () => dropDatabase(this.databaseUrl));
    await step('delete redis prefix', () => deletePrefix(this.redisUrl, this.redisPrefix));
  }
}

/** Deletes every key under `prefix` (SCAN, bounded: at most 10,000 rounds). */
export async function deletePrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  let cursor = '0';
  let deleted = 0;
  try {
    for (let round = 0; round < 10_000; round++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
