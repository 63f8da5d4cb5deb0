import { createHash, randomBytes } from 'node:crypto';
import { envSchema, type Env } from './config.schema.js';

export interface SlaConfig {
  stationMinutes: number;
  instituteMinutes: number;
  centerMinutes: number;
  urgentMinutes: number;
  timeFactor: number;
}

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  webhookUrl?: string;
  webhookSecret?: string;
  limits: { globalPerSecond: number; chatPerSecond: number; groupPerMinute: number; bulkPerSecond: number };
}

export interface CallsConfig {
  broadcastConcurrency: number;
  backlogSeconds: number;
  claimLeaseSeconds: number;
  /** Reminders before the start, in minutes, largest first. */
  reminderMinutes: number[];
  checkInRadiusM: number;
  tallyRefreshMs: number;
}

export interface WechatConfig {
  /** A puppet package name; unset (and none injected) = WeChat off. */
  puppet?: string;
  puppetToken?: string;
  puppetEndpoint?: string;
  name: string;
  pacing: { minGapMs: number; perMinute: number; windowMs: number; breakerPauseMs: number };
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The current key: it encrypts, signs and hashes. */
  encryptionKey: Buffer;
  /** Former keys: they only decrypt, verify and look up, until `npm run keys:rotate` has run. */
  previousEncryptionKeys: Buffer[];
  encryptionKeyIsDevDefault: boolean;
  http: { host: string; port: number; publicBaseUrl?: string };
  webChatEnabled: boolean;
  timeZone: string;
  telegram?: TelegramConfig;
  wechat: WechatConfig;
  /** Bearer token for coordinator HTTP endpoints (e.g. the WeChat login QR); unset = those are off. */
  adminApiToken?: string;
  sla: SlaConfig;
  /** SLA at every tier for emergency/urgent needs in a unit switched to emergency mode (平战结合). */
  emergencySlaMinutes: number;
  /** The county's emergency numbers and crisis hotline, said first when a message signals danger. */
  danger: { emergencyNumbers: string; crisisHotline: string };
  calls: CallsConfig;
  creditTimeoutHours: number;
  pointsPerHour: number;
  volunteerAutoApprove: boolean;
  maxNeedText: number;
  reconcileIntervalSeconds: number;
  outboxPollMs: number;
  outboundConcurrency: number;
  demoSeed: boolean;
  nlu: {
    confidenceThreshold: number;
    model?: { baseUrl: string; model: string; apiKey?: string; timeoutMs: number };
  };
}

export class ConfigError extends Error {}

/** Decodes a 32-byte key given as 64 hex chars or base64. */
function decodeKey(raw: string, name = 'ENCRYPTION_KEY'): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes (64 hex chars or base64)`);
  return key;
}

/** The former keys, in the order given; the current key among them is refused (a copy-paste slip). */
function decodePrevious(raw: string | undefined, current: Buffer): Buffer[] {
  const keys = (raw ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')
    .map((k) => decodeKey(k, 'ENCRYPTION_KEY_PREVIOUS (each, comma-separated)'));
  if (keys.some((k) => k.equals(current))) throw new ConfigError('ENCRYPTION_KEY_PREVIOUS repeats ENCRYPTION_KEY: list only former keys');
  return keys;
}

/** The fixed key a development desk uses when none is set (public: it is in this file). */
const DEV_KEY = createHash('sha256').update('baiying-dev-key').digest();
/** Of 32 random bytes about 12 are printable ASCII; a key that is mostly text is a passphrase. */
const MAX_PRINTABLE_BYTES = 24;
/** A webhook secret Telegram echoes in every update; shorter is guessable. */
export const MIN_WEBHOOK_SECRET = 32;

/** Why this key must not protect residents' data in production, or null when it may. */
export function weakKeyReason(key: Buffer): string | null {
  if (key.equals(DEV_KEY)) return 'is the public development key';
  if (new Set(key).size <= 2) return 'is not random (one or two byte values)';
  if ([...key].filter((b) => b >= 0x20 && b < 0x7f).length > MAX_PRINTABLE_BYTES) return 'looks like a passphrase, not 32 random bytes';
  return null;
}

/** Settings a production desk refuses to start with; each names the variable, never its value. */
function productionProblems(e: Env, key: Buffer): string[] {
  const problems: string[] = [];
  const weak = weakKeyReason(key);
  if (weak) problems.push(`ENCRYPTION_KEY ${weak}: generate one with \`openssl rand -hex 32\``);
  if (e.TELEGRAM_WEBHOOK_URL && (e.TELEGRAM_WEBHOOK_SECRET?.length ?? 0) < MIN_WEBHOOK_SECRET) {
    problems.push(`TELEGRAM_WEBHOOK_SECRET must be set to at least ${MIN_WEBHOOK_SECRET} characters in webhook mode (forged updates are refused by it)`);
  }
  return problems;
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    // Report names and reasons only: values may be secrets.
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const devKey = !e.ENCRYPTION_KEY;
  const key = e.ENCRYPTION_KEY ? decodeKey(e.ENCRYPTION_KEY) : DEV_KEY;
  const previousKeys = decodePrevious(e.ENCRYPTION_KEY_PREVIOUS, key);
  if (e.NODE_ENV === 'production') {
    const problems = productionProblems(e, key);
    if (problems.length) throw new ConfigError(`Refusing to start in production: ${problems.join('; ')}`);
  }
  // Outside production a webhook without a secret gets a random one for this process (set in
  // setWebhook and checked on every update), so no webhook ever accepts unsigned updates.
  const webhookSecret = e.TELEGRAM_WEBHOOK_SECRET ?? (e.TELEGRAM_WEBHOOK_URL ? randomBytes(24).toString('base64url') : undefined);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    // Outside production a fixed development key keeps the demo zero-config; it is
    // announced at boot and refused in production by the schema.
    encryptionKey: key,
    previousEncryptionKeys: previousKeys,
    encryptionKeyIsDevDefault: devKey,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT, publicBaseUrl: e.PUBLIC_BASE_URL },
    webChatEnabled: e.WEB_CHAT_ENABLED,
    timeZone: e.TIME_ZONE,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret,
          limits: {
            globalPerSecond: e.TELEGRAM_GLOBAL_PER_SECOND,
            chatPerSecond: e.TELEGRAM_CHAT_PER_SECOND,
            groupPerMinute: e.TELEGRAM_GROUP_PER_MINUTE,
            bulkPerSecond: Math.min(e.TELEGRAM_BROADCAST_PER_SECOND ?? e.TELEGRAM_GLOBAL_PER_SECOND - 1, e.TELEGRAM_GLOBAL_PER_SECOND) || 1,
          },
        }
      : undefined,
    wechat: {
      puppet: e.WECHATY_PUPPET,
      puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
      puppetEndpoint: e.WECHATY_PUPPET_SERVICE_ENDPOINT,
      name: e.WECHATY_NAME,
      pacing: {
        minGapMs: e.WECHAT_MIN_GAP_MS,
        perMinute: e.WECHAT_PER_MINUTE,
        windowMs: e.WECHAT_WINDOW_MS,
        breakerPauseMs: e.WECHAT_BREAKER_PAUSE_SECONDS * 1000,
      },
    },
    adminApiToken: e.ADMIN_API_TOKEN,
    sla: {
      stationMinutes: e.SLA_STATION_MINUTES,
      instituteMinutes: e.SLA_INSTITUTE_MINUTES,
      centerMinutes: e.SLA_CENTER_MINUTES,
      urgentMinutes: e.SLA_URGENT_MINUTES,
      timeFactor: e.SLA_TIME_FACTOR,
    },
    emergencySlaMinutes: e.EMERGENCY_SLA_MINUTES,
    danger: { emergencyNumbers: e.EMERGENCY_NUMBERS, crisisHotline: e.CRISIS_HOTLINE },
    calls: {
      broadcastConcurrency: e.BROADCAST_CONCURRENCY,
      backlogSeconds: e.BROADCAST_BACKLOG_SECONDS,
      claimLeaseSeconds: e.BROADCAST_CLAIM_LEASE_SECONDS,
      reminderMinutes: [...new Set(e.CALL_REMINDER_MINUTES.split(',').map(Number))].filter((m) => m > 0).sort((a, b) => b - a),
      checkInRadiusM: e.CALL_CHECKIN_RADIUS_M,
      tallyRefreshMs: e.CALL_TALLY_REFRESH_MS,
    },
    creditTimeoutHours: e.CREDIT_TIMEOUT_HOURS,
    pointsPerHour: e.POINTS_PER_HOUR,
    volunteerAutoApprove: e.VOLUNTEER_AUTO_APPROVE,
    maxNeedText: e.MAX_NEED_TEXT,
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboundConcurrency: e.OUTBOUND_CONCURRENCY,
    demoSeed: e.DEMO_SEED,
    nlu: {
      confidenceThreshold: e.NLU_CONFIDENCE_THRESHOLD,
      model:
        e.NLU_MODEL_BASE_URL && e.NLU_MODEL
          ? { baseUrl: e.NLU_MODEL_BASE_URL, model: e.NLU_MODEL, apiKey: e.NLU_MODEL_API_KEY, timeoutMs: e.NLU_MODEL_TIMEOUT_MS }
          : undefined,
    },
  };
}

/** A redacted view for boot logs: which features are on, never a secret. */
export function describeConfig(c: AppConfig): Record<string, string | number | boolean> {
  return {
    env: c.env,
    http: `${c.http.host}:${c.http.port}`,
    webChat: c.webChatEnabled,
    telegram: c.telegram ? (c.telegram.webhookUrl ? 'webhook' : 'long-polling') : 'off',
    telegramApiRoot: c.telegram?.apiRoot ?? '-',
    wechat: c.wechat.puppet ?? 'off',
    redisPrefix: c.redisPrefix,
    encryptionKey: c.encryptionKeyIsDevDefault
      ? 'DEVELOPMENT DEFAULT (set ENCRYPTION_KEY)'
      : c.previousEncryptionKeys.length > 0
        ? `set; ${c.previousEncryptionKeys.length} former key(s) still read (npm run keys:rotate, then drop them)`
        : 'set',
    nluModel: c.nlu.model ? c.nlu.model.model : 'rules only',
  };
}
