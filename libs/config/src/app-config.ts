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
  /** Seconds between syncs of per-person command menus with roles (0: only at start). */
  menuSyncSeconds?: number;
}

export interface CallsConfig {
  broadcastConcurrency: number;
  backlogSeconds: number;
  claimLeaseSeconds: number;
  /** Reminders before the start, in minutes, largest first. */
  reminderMinutes: number[];
  checkInRadiusM: number;
  /** Check-in attempts (wrong codes, live locations outside the radius) per person and call. */
  checkInMaxAttempts: number;
  tallyRefreshMs: number;
  /** Presses of 参加 / 不能参加 are applied in batches at most this far apart (decision 0037). */
  answerBatchMs: number;
}

/** Limits on volunteers' claims (志愿者接单). */
export interface RetentionConfig {
  /** A closed need's personal fields are anonymised this many days after it closed. */
  closedNeedDays: number;
  /** Dialogue state idle this long is deleted. */
  dialogueDays: number;
  /** Sent messages (outbox rows) and web-chat messages older than this are deleted. */
  messageDays: number;
}

export interface ClaimsConfig {
  /** Jobs one volunteer may hold at once; a take beyond it is refused. */
  activeLimit: number;
  /** A claim with no progress (take, set-off, dispute) for this long goes back to the pool. */
  noProgressHours: number;
  /** Releases (incl. timed-out claims) per window; at the limit, takes are refused until one ages out. */
  releaseLimit: number;
  releaseWindowHours: number;
}

export interface WechatConfig {
  /** A puppet package name; unset (and none injected) = WeChat off. */
  puppet?: string;
  puppetToken?: string;
  puppetEndpoint?: string;
  name: string;
  pacing: { minGapMs: number; perMinute: number; windowMs: number; breakerPauseMs: number };
  /** How long after delivery a numbered reply still maps to a menu. */
  menuTtlMs: number;
}

export interface AuthConfig {
  /** The window failures are counted in, and how long a key stays locked out at the limit. */
  lockoutMinutes: number;
  linkFailuresPerAccount: number;
  linkFailuresGlobal: number;
  tokenFailuresPerClient: number;
  tokenFailuresGlobal: number;
  apiTokenDays: number;
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  /** Operations: log format, the metrics token, the worker's HTTP listener (docs/operations.md). */
  ops: {
    logFormat?: 'json' | 'pretty';
    metricsToken?: string;
    workerHttp: { host: string; port: number };
    shutdownTimeoutMs: number;
  };
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The current key: it encrypts, signs and hashes. */
  encryptionKey: Buffer;
  /** Former keys: they only decrypt, verify and look up, until `npm run keys:rotate` has run. */
  previousEncryptionKeys: Buffer[];
  encryptionKeyIsDevDefault: boolean;
  http: {
    host: string;
    port: number;
    publicBaseUrl?: string;
    /** Host names (lower case, no port) the HTTP app answers to; loopback names always. */
    allowedHosts: string[];
    /** Cookies are Secure (and __Host- prefixed) when the public URL is https. */
    secureCookies: boolean;
  };
  webChatEnabled: boolean;
  /** The persona-switching demo web chat (never in production, loopback only). */
  webChatDemo: boolean;
  webChatSession: { idleDays: number; maxDays: number; perAddressPerHour: number };
  /** The coordinators' console API (apps/api) and its sessions. */
  api: {
    host: string;
    port: number;
    /** Where browsers reach the API (login links); default http://localhost:<port>. */
    publicBaseUrl: string;
    /** Cookies are Secure (and __Host- prefixed) when the public URL is https. */
    secureCookies: boolean;
    /** Host names the API answers to (lower case, no port); loopback names always. */
    allowedHosts: string[];
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    /** One-click login as a seeded persona (never in production, loopback only). */
    demo: boolean;
  };
  timeZone: string;
  telegram?: TelegramConfig;
  wechat: WechatConfig;
  /** Bearer token for coordinator HTTP endpoints (e.g. the WeChat login QR); unset = those are off. */
  adminApiToken?: string;
  /** Brute-force limits on link codes and bearer tokens, and how long an API token lives. */
  auth: AuthConfig;
  sla: SlaConfig;
  /** SLA at every tier for emergency/urgent needs in a unit switched to emergency mode (平战结合). */
  emergencySlaMinutes: number;
  /** The county's emergency numbers and crisis hotline, said first when a message signals danger. */
  danger: { emergencyNumbers: string; crisisHotline: string };
  calls: CallsConfig;
  creditTimeoutHours: number;
  pointsPerHour: number;
  claims: ClaimsConfig;
  volunteerAutoApprove: boolean;
  maxNeedText: number;
  /** 张榜公示: days a resident's one-time scoring code stays valid. */
  publicity: { scoreCodeDays: number };
  reconcileIntervalSeconds: number;
  /** Exports (报表): the files' directory, a download link's lifetime, a file's lifetime. */
  exports: { dir: string; linkMinutes: number; fileHours: number };
  outboxPollMs: number;
  /** Duplicate-update markers older than this are pruned by the worker's reconciler. */
  processedUpdateKeepHours: number;
  /** Retention periods in days (docs/privacy.md), applied by the worker's reconciler. */
  retention: RetentionConfig;
  outboundConcurrency: number;
  /** An earlier message to a chat holds later ones back for at most this long (decision 0031). */
  outboundOrderWindowSeconds: number;
  /** Inbound messages admitted per minute (see the conversation ingress). */
  inbound: { personPerMinute: number; chatPerMinute: number };
  /** Updates that fail after retries: coordinators are alerted once per burst. */
  deadLetter: { alertQuietMinutes: number };
  /** The report rollups' drift check (docs/reports.md): how often, and how many random days besides today and yesterday. */
  reports: { checkMinutes: number; checkDays: number };
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
/** The public development key: outside production without ENCRYPTION_KEY (never in production). */
export const DEV_KEY = createHash('sha256').update('baiying-dev-key').digest();
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
  if (e.DEMO_SEED === true) problems.push('DEMO_SEED must be off: production never seeds the demo county');
  if (e.WEB_CHAT_DEMO === true) problems.push('WEB_CHAT_DEMO must be off: the persona switcher lets anyone act as anyone');
  if (e.CONSOLE_DEMO === true) problems.push('CONSOLE_DEMO must be off: one-click persona login lets anyone act as any coordinator');
  if (!isLoopback(e.API_HOST) && !e.API_PUBLIC_BASE_URL && !e.ALLOWED_HOSTS) {
    problems.push('API_HOST listens beyond loopback: set API_PUBLIC_BASE_URL or ALLOWED_HOSTS to the names the console is reached by');
  }
  if (!isLoopback(e.HTTP_HOST) && !e.PUBLIC_BASE_URL && !e.ALLOWED_HOSTS) {
    problems.push(
      'HTTP_HOST listens beyond loopback: set PUBLIC_BASE_URL or ALLOWED_HOSTS to the names the desk is reached by (other Host headers are refused)',
    );
  }
  return problems;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** Whether an address to listen on is loopback only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Loopback names, ALLOWED_HOSTS and the hosts of the public and webhook URLs, lower case. */
function allowedHosts(e: Env): string[] {
  const hosts = new Set(LOOPBACK_NAMES);
  for (const h of e.ALLOWED_HOSTS?.split(',') ?? []) hosts.add(h.toLowerCase());
  for (const url of [e.PUBLIC_BASE_URL, e.TELEGRAM_WEBHOOK_URL]) if (url) hosts.add(new URL(url).hostname.toLowerCase());
  return [...hosts];
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
  const production = e.NODE_ENV === 'production';
  const webChatDemo = e.WEB_CHAT_DEMO ?? !production;
  const key = e.ENCRYPTION_KEY ? decodeKey(e.ENCRYPTION_KEY) : DEV_KEY;
  const previousKeys = decodePrevious(e.ENCRYPTION_KEY_PREVIOUS, key);
  if (e.NODE_ENV === 'production') {
    const problems = productionProblems(e, key);
    if (problems.length) throw new ConfigError(`Refusing to start in production: ${problems.join('; ')}`);
  }
  if (webChatDemo && e.WEB_CHAT_ENABLED && !isLoopback(e.HTTP_HOST)) {
    throw new ConfigError('Refusing to start: WEB_CHAT_DEMO (the persona switcher) listens on loopback only: set HTTP_HOST=127.0.0.1 or WEB_CHAT_DEMO=false');
  }
  const consoleDemo = e.CONSOLE_DEMO ?? !production;
  if (consoleDemo && !isLoopback(e.API_HOST)) {
    throw new ConfigError('Refusing to start: CONSOLE_DEMO (one-click persona login) listens on loopback only: set API_HOST=127.0.0.1 or CONSOLE_DEMO=false');
  }
  const apiBase = (e.API_PUBLIC_BASE_URL ?? `http://localhost:${e.API_PORT}`).replace(/\/+$/, '');
  // Outside production a webhook without a secret gets a random one for this process (set in
  // setWebhook and checked on every update), so no webhook ever accepts unsigned updates.
  const webhookSecret = e.TELEGRAM_WEBHOOK_SECRET ?? (e.TELEGRAM_WEBHOOK_URL ? randomBytes(24).toString('base64url') : undefined);
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    ops: {
      ...(e.LOG_FORMAT ? { logFormat: e.LOG_FORMAT } : {}),
      ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
      workerHttp: { host: e.WORKER_HTTP_HOST, port: e.WORKER_HTTP_PORT },
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    // Outside production a fixed development key keeps the demo zero-config; it is
    // announced at boot and refused in production by the schema.
    encryptionKey: key,
    previousEncryptionKeys: previousKeys,
    encryptionKeyIsDevDefault: devKey,
    http: {
      host: e.HTTP_HOST,
      port: e.HTTP_PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      allowedHosts: allowedHosts(e),
      secureCookies: e.PUBLIC_BASE_URL?.startsWith('https://') ?? false,
    },
    webChatEnabled: e.WEB_CHAT_ENABLED,
    webChatDemo,
    webChatSession: { idleDays: e.WEB_CHAT_SESSION_IDLE_DAYS, maxDays: e.WEB_CHAT_SESSION_MAX_DAYS, perAddressPerHour: e.WEB_CHAT_SESSIONS_PER_HOUR },
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      publicBaseUrl: apiBase,
      secureCookies: apiBase.startsWith('https://'),
      allowedHosts: [...new Set([...allowedHosts(e), ...(e.API_PUBLIC_BASE_URL ? [new URL(e.API_PUBLIC_BASE_URL).hostname.toLowerCase()] : [])])],
      sessionIdleMinutes: e.CONSOLE_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.CONSOLE_SESSION_MAX_HOURS,
      demo: consoleDemo,
    },
    timeZone: e.TIME_ZONE,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret,
          menuSyncSeconds: e.TELEGRAM_MENU_SYNC_SECONDS,
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
      menuTtlMs: e.WECHAT_MENU_TTL_MINUTES * 60_000,
    },
    adminApiToken: e.ADMIN_API_TOKEN,
    auth: {
      lockoutMinutes: e.AUTH_LOCKOUT_MINUTES,
      linkFailuresPerAccount: e.LINK_FAILURES_PER_ACCOUNT,
      linkFailuresGlobal: e.LINK_FAILURES_GLOBAL,
      tokenFailuresPerClient: e.TOKEN_FAILURES_PER_CLIENT,
      tokenFailuresGlobal: e.TOKEN_FAILURES_GLOBAL,
      apiTokenDays: e.API_TOKEN_DAYS,
    },
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
      checkInMaxAttempts: e.CALL_CHECKIN_MAX_ATTEMPTS,
      tallyRefreshMs: e.CALL_TALLY_REFRESH_MS,
      answerBatchMs: e.CALL_ANSWER_BATCH_MS,
    },
    creditTimeoutHours: e.CREDIT_TIMEOUT_HOURS,
    pointsPerHour: e.POINTS_PER_HOUR,
    claims: {
      activeLimit: e.CLAIM_ACTIVE_LIMIT,
      noProgressHours: e.CLAIM_NO_PROGRESS_HOURS,
      releaseLimit: e.CLAIM_RELEASE_LIMIT,
      releaseWindowHours: e.CLAIM_RELEASE_WINDOW_HOURS,
    },
    volunteerAutoApprove: e.VOLUNTEER_AUTO_APPROVE,
    maxNeedText: e.MAX_NEED_TEXT,
    publicity: { scoreCodeDays: e.PUBLICITY_SCORE_CODE_DAYS },
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    exports: { dir: e.EXPORT_DIR, linkMinutes: e.EXPORT_LINK_MINUTES, fileHours: e.EXPORT_FILE_HOURS },
    outboxPollMs: e.OUTBOX_POLL_MS,
    processedUpdateKeepHours: e.PROCESSED_UPDATE_KEEP_HOURS,
    retention: { closedNeedDays: e.RETENTION_CLOSED_NEED_DAYS, dialogueDays: e.RETENTION_DIALOGUE_DAYS, messageDays: e.RETENTION_MESSAGE_DAYS },
    outboundConcurrency: e.OUTBOUND_CONCURRENCY,
    outboundOrderWindowSeconds: e.OUTBOUND_ORDER_WINDOW_SECONDS,
    inbound: { personPerMinute: e.INBOUND_PERSON_PER_MINUTE, chatPerMinute: e.INBOUND_CHAT_PER_MINUTE },
    deadLetter: { alertQuietMinutes: e.DEAD_LETTER_ALERT_QUIET_MINUTES },
    reports: { checkMinutes: e.REPORT_CHECK_MINUTES, checkDays: e.REPORT_CHECK_DAYS },
    demoSeed: e.DEMO_SEED ?? !production,
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
    api: `${c.api.host}:${c.api.port}${c.api.demo ? ' (console demo logins)' : ''}`,
    webChat: c.webChatEnabled ? (c.webChatDemo ? 'demo (persona switcher)' : 'residents') : 'off',
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
    metrics: c.ops.metricsToken ? 'bearer token' : 'loopback only',
    workerHttp: `${c.ops.workerHttp.host}:${c.ops.workerHttp.port}`,
  };
}
