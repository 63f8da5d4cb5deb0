import { randomBytes } from 'node:crypto';
import { envSchema } from './config.schema.js';
import type { AppConfig } from './app-config.types.js';
import { allowedHosts, ConfigError, decodeKey, decodePrevious, DEV_KEY, isLoopback, productionProblems } from './config-checks.js';

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
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
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
