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
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/baiying'),
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
    ADMIN_API_TOKEN: z.string().min(16).optional(),

    SLA_STATION_MINUTES: int(60, 1),
    SLA_INSTITUTE_MINUTES: int(120, 1),
    SLA_CENTER_MINUTES: int(240, 1),
    SLA_URGENT_MINUTES: int(15, 1),
    // Tests shorten timers with a fraction of a minute; production leaves it at 1.
    SLA_TIME_FACTOR: z.coerce.number().positive().max(1).default(1),
    CREDIT_TIMEOUT_HOURS: z.coerce.number().positive().default(72),
    POINTS_PER_HOUR: int(10, 0),
    VOLUNTEER_AUTO_APPROVE: bool.default(false),
    MAX_NEED_TEXT: int(2000, 100),
    RECONCILE_INTERVAL_SECONDS: int(60, 1),
    OUTBOX_POLL_MS: int(500, 10),
    OUTBOUND_CONCURRENCY: int(50, 1),
    BROADCAST_CONCURRENCY: int(16, 1),
    // The fan-out keeps about this many seconds of broadcast messages queued per channel.
    BROADCAST_BACKLOG_SECONDS: int(5, 1),
    // A broadcast message claimed but never confirmed for this long is recorded as uncertain.
    BROADCAST_CLAIM_LEASE_SECONDS: int(120, 5),
    CALL_REMINDER_MINUTES: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'comma-separated minutes, e.g. 1440,120')
      .default('1440,120'),
    CALL_CHECKIN_RADIUS_M: int(500, 10),
    CALL_TALLY_REFRESH_MS: int(2000, 100),
    EMERGENCY_SLA_MINUTES: int(5, 1),
    // Said first to a resident whose message signals danger to life, and to one at risk of self-harm.
    EMERGENCY_NUMBERS: z.string().min(3).max(80).default('110 / 119 / 120'),
    CRISIS_HOTLINE: z.string().min(3).max(80).default('12356'),
    DEMO_SEED: bool.default(true),

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
