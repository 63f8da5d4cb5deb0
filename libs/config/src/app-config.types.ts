// The desk's configuration as the code reads it (built from the environment by loadConfig).
import type { Env } from './config.schema.js';

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
  /** Statement texts the bot may prepare per connection (0 = none; the api and worker never prepare; decision 0072). */
  databasePreparedStatements: number;
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
