// The one validated environment schema. Business code receives a typed `AppConfig`; nothing
// outside this file reads process.env.
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/** https anywhere; plain http only to this machine (a model server beside the desk). */
function modelUrlIsSafe(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return url.protocol === 'http:' && (host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host));
}

export const envSchema = z
  .object({
    // Unset = production: a deployment that forgets it gets production's refusals, never the
    // development key or the demo (npm run demo and the tests set it).
    NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    // Log lines: JSON (one object a line) or pino-pretty's human format. Unset: pretty when
    // NODE_ENV=development and pino-pretty (a dev dependency) is installed, JSON otherwise.
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    // GET /metrics on every process's HTTP port: with a token, only `Authorization: Bearer <it>`;
    // without, only callers on this machine (loopback).
    METRICS_TOKEN: z.string().min(16).optional(),
    // The worker's small HTTP listener: /metrics and /health/* only.
    WORKER_HTTP_HOST: z.string().default('127.0.0.1'),
    WORKER_HTTP_PORT: int(3200),
    // On SIGTERM/SIGINT a process stops taking work and finishes what it holds; past this bound it
    // exits anyway (code 1). Keep it below the orchestrator's grace period (30 s in deploy/).
    SHUTDOWN_TIMEOUT_MS: int(25_000, 1000),
    DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/baiying'),
    // Statement texts the bot may prepare on each of its connections (decision 0072; the api and the
    // worker never prepare); 0 behind a pooler in transaction mode, which cannot keep them.
    DATABASE_PREPARED_STATEMENTS: int(128),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('baiying'),
    ENCRYPTION_KEY: z.string().optional(),
    // Former keys, comma-separated: they still decrypt until `npm run keys:rotate` has rewritten their data.
    ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
    HTTP_HOST: z.string().default('127.0.0.1'),
    HTTP_PORT: int(3000),
    PUBLIC_BASE_URL: z.string().url().optional(),
    WEB_CHAT_ENABLED: bool.default(true),
    // The persona switcher (act as any seeded person): demo only, loopback only, never production.
    // Unset = on outside production, off in production.
    WEB_CHAT_DEMO: bool.optional(),
    // Host names the HTTP app answers to besides loopback and the hosts of PUBLIC_BASE_URL and
    // TELEGRAM_WEBHOOK_URL (comma-separated); any other Host header is refused (DNS rebinding).
    ALLOWED_HOSTS: z
      .string()
      .regex(/^[A-Za-z0-9.-]+(,[A-Za-z0-9.-]+)*$/, 'comma-separated host names')
      .optional(),
    // A resident's web chat session: idle timeout and absolute lifetime; new sessions per address per hour.
    WEB_CHAT_SESSION_IDLE_DAYS: z.coerce.number().positive().default(30),
    WEB_CHAT_SESSION_MAX_DAYS: z.coerce.number().positive().default(180),
    WEB_CHAT_SESSIONS_PER_HOUR: int(30, 1),
    // The console's HTTP API (apps/api): where it listens, its public URL (login links), and its
    // sessions' idle timeout and absolute lifetime.
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: int(3100),
    API_PUBLIC_BASE_URL: z.string().url().optional(),
    CONSOLE_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
    CONSOLE_SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
    // One-click login as a seeded persona on the console: demo only, loopback only, never production.
    // Unset = on outside production, off in production.
    CONSOLE_DEMO: bool.optional(),
    TIME_ZONE: z.string().default('Asia/Shanghai'),

    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'not a bot token')
      .optional(),
    TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/)
      .optional(),
    TELEGRAM_GLOBAL_PER_SECOND: int(30, 1),
    TELEGRAM_CHAT_PER_SECOND: int(1, 1),
    TELEGRAM_GROUP_PER_MINUTE: int(20, 1),
    // Broadcasts (calls) use at most this many of the global sends per second; unset = global − 1.
    TELEGRAM_BROADCAST_PER_SECOND: z.coerce.number().int().min(1).optional(),
    /** How often the bot re-syncs per-person Telegram command menus with roles (0: only at start). */
    TELEGRAM_MENU_SYNC_SECONDS: int(60, 0),

    WECHATY_PUPPET: z
      .string()
      .regex(/^[@\w./-]+$/)
      .optional(),
    WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
    WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().optional(),
    WECHATY_NAME: z
      .string()
      .regex(/^[\w-]+$/)
      .default('baiying'),
    WECHAT_MIN_GAP_MS: int(3000, 1),
    WECHAT_PER_MINUTE: int(20, 1),
    WECHAT_WINDOW_MS: int(60_000, 100),
    WECHAT_BREAKER_PAUSE_SECONDS: z.coerce.number().positive().default(600),
    // A numbered reply ("1") maps to a menu only this long after the menu was delivered.
    WECHAT_MENU_TTL_MINUTES: int(30, 1),
    ADMIN_API_TOKEN: z.string().min(16).optional(),
    // Failed link codes and bearer tokens: counted per account / client address and for everyone
    // over a window; at the limit that key is locked out for the rest of the window.
    AUTH_LOCKOUT_MINUTES: int(15, 1),
    LINK_FAILURES_PER_ACCOUNT: int(5, 1),
    LINK_FAILURES_GLOBAL: int(50, 1),
    TOKEN_FAILURES_PER_CLIENT: int(10, 1),
    TOKEN_FAILURES_GLOBAL: int(200, 1),
    API_TOKEN_DAYS: int(30, 1),

    SLA_STATION_MINUTES: int(60, 1),
    SLA_INSTITUTE_MINUTES: int(120, 1),
    SLA_CENTER_MINUTES: int(240, 1),
    SLA_URGENT_MINUTES: int(15, 1),
    // Tests shorten timers with a fraction of a minute; production leaves it at 1.
    SLA_TIME_FACTOR: z.coerce.number().positive().max(1).default(1),
    CREDIT_TIMEOUT_HOURS: z.coerce.number().positive().default(72),
    POINTS_PER_HOUR: int(10, 0),
    // 志愿者接单 limits: active jobs at once, hours without progress before a job goes back to
    // the pool, and releases (incl. timed-out jobs) per window before takes are refused.
    CLAIM_ACTIVE_LIMIT: int(3, 1),
    CLAIM_NO_PROGRESS_HOURS: z.coerce.number().positive().default(48),
    CLAIM_RELEASE_LIMIT: int(3, 1),
    CLAIM_RELEASE_WINDOW_HOURS: z.coerce.number().positive().default(24),
    VOLUNTEER_AUTO_APPROVE: bool.default(false),
    MAX_NEED_TEXT: int(2000, 100),
    // 张榜公示: how long a resident's one-time scoring code (落实清单点评表) stays valid.
    PUBLICITY_SCORE_CODE_DAYS: int(30, 1),
    RECONCILE_INTERVAL_SECONDS: int(60, 1),
    // Exports (报表, docs/exports.md): where the worker writes the files, how long a download link
    // works, and how long a finished file is kept before the worker deletes it.
    EXPORT_DIR: z.string().min(1).default('./exports'),
    EXPORT_LINK_MINUTES: z.coerce.number().positive().default(15),
    EXPORT_FILE_HOURS: z.coerce.number().positive().default(24),
    OUTBOX_POLL_MS: int(500, 10),
    // The report rollups' drift check: one run per this many minutes, recomputing today, yesterday
    // and this many random days from the raw rows.
    REPORT_CHECK_MINUTES: int(60, 1),
    REPORT_CHECK_DAYS: int(5, 0),
    // Duplicate-update markers are kept this long: more than Telegram's 24 h of redelivery, less
    // than the quiet week after which Telegram may start a new update_id sequence.
    PROCESSED_UPDATE_KEEP_HOURS: z.coerce.number().int().min(25).max(144).default(48),
    // Retention (docs/privacy.md): closed needs' personal fields are anonymised this many days
    // after closing; idle dialogue state, sent messages and web-chat messages are deleted after theirs.
    RETENTION_CLOSED_NEED_DAYS: int(180, 1),
    RETENTION_DIALOGUE_DAYS: int(30, 1),
    RETENTION_MESSAGE_DAYS: int(90, 1),
    OUTBOUND_CONCURRENCY: int(50, 1),
    OUTBOUND_ORDER_WINDOW_SECONDS: int(900, 60),
    BROADCAST_CONCURRENCY: int(16, 1),
    // Inbound limits per minute: one person (private and group messages), one group's chatter.
    INBOUND_PERSON_PER_MINUTE: int(20, 1),
    INBOUND_CHAT_PER_MINUTE: int(60, 1),
    // Updates that keep failing go to dead_letter; coordinators hear once per burst of failures
    // (a failure this many minutes after the last one starts a new burst).
    DEAD_LETTER_ALERT_QUIET_MINUTES: int(15, 1),
    // The fan-out keeps about this many seconds of broadcast messages queued per channel.
    BROADCAST_BACKLOG_SECONDS: int(5, 1),
    // A message (broadcast or interactive) claimed but never confirmed for this long is recorded as uncertain.
    BROADCAST_CLAIM_LEASE_SECONDS: int(120, 5),
    CALL_REMINDER_MINUTES: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'comma-separated minutes, e.g. 1440,120')
      .default('1440,120'),
    CALL_CHECKIN_RADIUS_M: int(500, 10),
    CALL_CHECKIN_MAX_ATTEMPTS: int(5, 1),
    CALL_TALLY_REFRESH_MS: int(2000, 100),
    CALL_ANSWER_BATCH_MS: int(100, 10),
    EMERGENCY_SLA_MINUTES: int(5, 1),
    // Said first to a resident whose message signals danger to life, and to one at risk of self-harm.
    EMERGENCY_NUMBERS: z.string().min(3).max(80).default('110 / 119 / 120'),
    CRISIS_HOTLINE: z.string().min(3).max(80).default('12356'),
    // Seed the demo county (清溪县) at `npm run demo`. Unset = on outside production; production refuses it.
    DEMO_SEED: bool.optional(),

    NLU_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
    NLU_MODEL_BASE_URL: z.string().url().optional(),
    NLU_MODEL: z.string().optional(),
    NLU_MODEL_API_KEY: z.string().optional(),
    NLU_MODEL_TIMEOUT_MS: int(1500, 1),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEY'], message: 'required in production' });
    }
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_URL'], message: 'needs TELEGRAM_BOT_TOKEN' });
    }
    if (env.ENCRYPTION_KEY_PREVIOUS && !env.ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEY_PREVIOUS'], message: 'needs ENCRYPTION_KEY (the key that replaces them)' });
    }
    if (env.NLU_MODEL_BASE_URL && !modelUrlIsSafe(env.NLU_MODEL_BASE_URL)) {
      ctx.addIssue({ code: 'custom', path: ['NLU_MODEL_BASE_URL'], message: "must be https (plain http only to localhost): residents' messages go there" });
    }
    if (env.NLU_MODEL_BASE_URL && !env.NLU_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['NLU_MODEL'], message: 'needs a model name when NLU_MODEL_BASE_URL is set' });
    }
  });

export type Env = z.infer<typeof envSchema>;
