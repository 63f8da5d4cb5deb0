// Test helpers on the machine's real PostgreSQL and Redis (the run's own database/prefix).
import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { configuredDirectory } from '@baiying/channels';
import { ConversationEngine } from '@baiying/conversation';
import { createPrismaClient, Repos, seedDemoCounty, type PrismaClient } from '@baiying/db';
import { silentLogger, type Clock, type Logger } from '@baiying/domain';
import { Desk, NluUnderstander } from '@baiying/features';
import { ButtonCodec } from '@baiying/kernel';
import { JobProducer, QueueName } from '@baiying/queue';
import { Redis } from 'ioredis';

export const TEST_KEY = randomBytes(32).toString('hex');

export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  const db = process.env.TEST_DATABASE_URL;
  const prefix = process.env.TEST_REDIS_PREFIX;
  if (!db || !prefix) throw new Error('tests must run through jest (global setup provides the database)');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    // Each suite gets its own prefix below the run's so queues never mix.
    REDIS_PREFIX: `${prefix}-${randomBytes(3).toString('hex')}`,
    ENCRYPTION_KEY: TEST_KEY,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    WORKER_HTTP_PORT: '0',
    ...extra,
  };
}

export function testConfig(extra: Record<string, string> = {}): AppConfig {
  return loadConfig(testEnv(extra));
}

const TABLES = [
  'points_entry',
  'rating',
  'service_record',
  'claim',
  'dispatch',
  'need_event',
  'attachment',
  'need',
  'need_counter',
  'team_membership',
  'volunteer',
  'role_assignment',
  'channel_identity',
  'team_chat',
  'team',
  'person',
  'org_unit',
  'category',
  'processed_update',
  'dead_letter',
  'outbox_event',
  'sent_message',
  'conversation_state',
  'web_message',
  'app_setting',
  'sla_setting',
  'call_event',
  'call_recipient',
  'call',
  'mode_switch',
  'api_token',
  'link_code',
  'auth_throttle',
  'nlu_correction',
  'web_session',
  'erasure_log',
  'console_login',
  'audit_log',
  // The report rollups (no foreign keys: TRUNCATE does not reach them through the cascade).
  'report_need_day',
  'report_volunteer_day',
  'report_team_day',
  'report_call_day',
  'report_check',
  'publicity_snapshot',
  'publicity_score',
  'export_job',
  'export_token',
];

/** Empties every table (the ledger's append-only trigger is bypassed by TRUNCATE) and seeds the demo county. */
export async function resetDatabase(prisma: PrismaClient, cipher: FieldCipher, opts: { webGroups?: boolean } = {}): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`);
  await seedDemoCounty(prisma, cipher, opts);
}

export interface DeskHarness {
  config: AppConfig;
  prisma: PrismaClient;
  cipher: FieldCipher;
  producer: JobProducer;
  desk: Desk;
  /** Encodes button payloads as the desk does (to press buttons or forge them). */
  buttons: ButtonCodec;
  /** A desk on the same connections whose clock is `clock`. */
  withClock(clock: Clock): Desk;
  /** The conversation engine over this desk's chat registrations, as the bot builds it. */
  engine(opts?: { desk?: Desk; logger?: Logger; stations?: boolean }): Promise<ConversationEngine>;
  close(): Promise<void>;
}

export function deskHarness(config: AppConfig, poolSize = 20): DeskHarness {
  const prisma = createPrismaClient(config.databaseUrl, poolSize, { preparedStatements: config.databasePreparedStatements });
  const cipher = new FieldCipher(config.encryptionKey, config.previousEncryptionKeys);
  const producer = new JobProducer({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
  const channels = configuredDirectory(config);
  const desk = new Desk({ prisma, cipher, producer, config, channels });
  return {
    config,
    prisma,
    cipher,
    producer,
    desk,
    buttons: new ButtonCodec(cipher),
    withClock: (clock) => new Desk({ prisma, cipher, producer, config, channels, clock }),
    async engine(opts = {}) {
      const d = opts.desk ?? desk;
      const repos = new Repos(prisma);
      const categories = await repos.org.categories();
      const stations = opts.stations === false ? [] : (await repos.org.stations()).map((s) => ({ id: s.id, name: s.name, aliases: s.aliases }));
      return new ConversationEngine(d.uow, d.chat(new NluUnderstander(categories, stations, config.timeZone)), opts.logger ?? silentLogger);
    },
    async close() {
      await producer.close();
      await prisma.$disconnect();
    },
  };
}

export async function flushPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

export async function waitUntil<T>(fn: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Waits until every message queued under a purpose-key prefix is sent and the outbound queues
 * hold no job: the positive signal that no further send will happen.
 */
export async function outboundSettled(h: DeskHarness, purposePrefix: string, timeoutMs = 30_000): Promise<void> {
  await waitUntil(
    async () => {
      const open = await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: purposePrefix }, status: { in: ['pending', 'sending'] } } });
      if (open > 0) return false;
      for (const q of [QueueName.Outbound, QueueName.Bulk]) {
        const c = await h.producer.queue(q).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(c).some((n) => n > 0)) return false;
      }
      return true;
    },
    `messages ${purposePrefix}* sent and the outbound queues empty`,
    timeoutMs,
  );
}
