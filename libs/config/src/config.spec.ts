// The environment schema and its mapping to AppConfig, variable by variable: the default, one
// valid other value and where it lands, and one invalid value refused by name (never echoing a
// value: configuration errors end up in boot logs). Then the rules across variables.
import { createHash, randomBytes } from 'node:crypto';
import { describeConfig, loadConfig } from './app-config.js';
import type { AppConfig } from './app-config.types.js';
import { ConfigError } from './config-checks.js';
import { envSchema } from './config.schema.js';

/**
 * NODE_ENV unset means production (tested in production.spec.ts); the rows here describe the
 * other variables on a development desk, so unset or empty NODE_ENV becomes development.
 */
const load = (env: Record<string, string | undefined>): AppConfig => loadConfig({ ...env, NODE_ENV: env.NODE_ENV || 'development' });

const BOT = '123456789:AAE_secret-bot-token';
const KEY_HEX = randomBytes(32).toString('hex');
const PREV_HEX = randomBytes(32).toString('hex');
const ADMIN = 'admin-secret-0123456789';
const DEV_KEY = createHash('sha256').update('baiying-dev-key').digest();

interface Row {
  name: string;
  get: (c: AppConfig) => unknown;
  default: unknown;
  /** A valid value other than the default, and what `get` then returns. */
  valid: [string, unknown];
  /** A value the schema refuses; null when any string is accepted. */
  invalid: string | null;
  /** Variables the others need for this one to matter (a bot token, a model). */
  with?: Record<string, string>;
  /** Variables needed only beside the valid value. */
  validWith?: Record<string, string>;
}

const tg = { TELEGRAM_BOT_TOKEN: BOT };
const nlu = { NLU_MODEL_BASE_URL: 'https://llm.example.org/v1', NLU_MODEL: 'qwen-small' };

const ROWS: Row[] = [
  { name: 'NODE_ENV', get: (c) => c.env, default: 'development', valid: ['test', 'test'], invalid: 'staging' },
  { name: 'LOG_LEVEL', get: (c) => c.logLevel, default: 'log', valid: ['debug', 'debug'], invalid: 'info' },
  { name: 'LOG_FORMAT', get: (c) => c.ops.logFormat, default: undefined, valid: ['pretty', 'pretty'], invalid: 'xml' },
  { name: 'METRICS_TOKEN', get: (c) => c.ops.metricsToken, default: undefined, valid: ['a-metrics-token-0123', 'a-metrics-token-0123'], invalid: 'short' },
  { name: 'WORKER_HTTP_HOST', get: (c) => c.ops.workerHttp.host, default: '127.0.0.1', valid: ['0.0.0.0', '0.0.0.0'], invalid: null },
  { name: 'WORKER_HTTP_PORT', get: (c) => c.ops.workerHttp.port, default: 3200, valid: ['0', 0], invalid: '-1' },
  { name: 'SHUTDOWN_TIMEOUT_MS', get: (c) => c.ops.shutdownTimeoutMs, default: 25_000, valid: ['5000', 5000], invalid: '7' },
  {
    name: 'DATABASE_URL',
    get: (c) => c.databaseUrl,
    default: 'postgresql://postgres@127.0.0.1:5432/baiying',
    valid: ['postgresql://desk@db.internal:5433/desk', 'postgresql://desk@db.internal:5433/desk'],
    invalid: 'not a url',
  },
  { name: 'DATABASE_PREPARED_STATEMENTS', get: (c) => c.databasePreparedStatements, default: 128, valid: ['0', 0], invalid: '-1' },
  { name: 'REDIS_URL', get: (c) => c.redisUrl, default: 'redis://127.0.0.1:6379', valid: ['redis://cache:6380/2', 'redis://cache:6380/2'], invalid: null },
  { name: 'REDIS_PREFIX', get: (c) => c.redisPrefix, default: 'baiying', valid: ['by-test_2', 'by-test_2'], invalid: 'bad:prefix' },
  { name: 'ENCRYPTION_KEY', get: (c) => c.encryptionKey, default: DEV_KEY, valid: [KEY_HEX, Buffer.from(KEY_HEX, 'hex')], invalid: 'deadbeef' },
  {
    name: 'ENCRYPTION_KEY_PREVIOUS',
    get: (c) => c.previousEncryptionKeys,
    default: [],
    valid: [`${PREV_HEX}, ${Buffer.from(PREV_HEX, 'hex').toString('base64')}`, [Buffer.from(PREV_HEX, 'hex'), Buffer.from(PREV_HEX, 'hex')]],
    invalid: 'deadbeef',
    with: { ENCRYPTION_KEY: KEY_HEX },
  },
  // Beyond loopback only without the persona switcher (a rule across variables, below).
  { name: 'HTTP_HOST', get: (c) => c.http.host, default: '127.0.0.1', valid: ['0.0.0.0', '0.0.0.0'], invalid: null, validWith: { WEB_CHAT_DEMO: 'false' } },
  { name: 'HTTP_PORT', get: (c) => c.http.port, default: 3000, valid: ['8080', 8080], invalid: '-7' },
  {
    name: 'PUBLIC_BASE_URL',
    get: (c) => c.http.publicBaseUrl,
    default: undefined,
    valid: ['https://desk.example.org', 'https://desk.example.org'],
    invalid: 'not a url',
  },
  { name: 'WEB_CHAT_DEMO', get: (c) => c.webChatDemo, default: true, valid: ['false', false], invalid: 'maybe' },
  {
    name: 'ALLOWED_HOSTS',
    get: (c) => c.http.allowedHosts,
    default: ['localhost', '127.0.0.1', '::1', '[::1]'],
    valid: ['Desk.Example.org,intranet', ['localhost', '127.0.0.1', '::1', '[::1]', 'desk.example.org', 'intranet']],
    invalid: 'desk.example.org;evil',
  },
  { name: 'WEB_CHAT_SESSION_IDLE_DAYS', get: (c) => c.webChatSession.idleDays, default: 30, valid: ['0.5', 0.5], invalid: '-3' },
  { name: 'WEB_CHAT_SESSION_MAX_DAYS', get: (c) => c.webChatSession.maxDays, default: 180, valid: ['90', 90], invalid: '-1' },
  { name: 'WEB_CHAT_SESSIONS_PER_HOUR', get: (c) => c.webChatSession.perAddressPerHour, default: 30, valid: ['5', 5], invalid: '0' },
  // Beyond loopback only without one-click persona login (a rule across variables, below).
  { name: 'API_HOST', get: (c) => c.api.host, default: '127.0.0.1', valid: ['0.0.0.0', '0.0.0.0'], invalid: null, validWith: { CONSOLE_DEMO: 'false' } },
  { name: 'API_PORT', get: (c) => c.api.port, default: 3100, valid: ['8081', 8081], invalid: '-7' },
  {
    name: 'API_PUBLIC_BASE_URL',
    get: (c) => c.api.publicBaseUrl,
    default: 'http://localhost:3100',
    valid: ['https://console.example.org/', 'https://console.example.org'],
    invalid: 'not a url',
  },
  { name: 'CONSOLE_SESSION_IDLE_MINUTES', get: (c) => c.api.sessionIdleMinutes, default: 30, valid: ['15', 15], invalid: '-1' },
  { name: 'CONSOLE_SESSION_MAX_HOURS', get: (c) => c.api.sessionMaxHours, default: 12, valid: ['8', 8], invalid: '-2' },
  { name: 'CONSOLE_DEMO', get: (c) => c.api.demo, default: true, valid: ['false', false], invalid: 'maybe' },
  { name: 'WEB_CHAT_ENABLED', get: (c) => c.webChatEnabled, default: true, valid: ['false', false], invalid: 'maybe' },
  // Not validated: any string is taken (see the report on TIME_ZONE).
  { name: 'TIME_ZONE', get: (c) => c.timeZone, default: 'Asia/Shanghai', valid: ['Europe/Berlin', 'Europe/Berlin'], invalid: null },

  { name: 'TELEGRAM_BOT_TOKEN', get: (c) => c.telegram?.token, default: undefined, valid: [BOT, BOT], invalid: 'not-a-token-xyz' },
  {
    name: 'TELEGRAM_API_ROOT',
    get: (c) => c.telegram?.apiRoot,
    default: 'https://api.telegram.org',
    valid: ['http://127.0.0.1:8081//', 'http://127.0.0.1:8081'],
    invalid: 'not a url',
    with: tg,
  },
  {
    name: 'TELEGRAM_WEBHOOK_URL',
    get: (c) => c.telegram?.webhookUrl,
    default: undefined,
    valid: ['https://desk.example.org/tg', 'https://desk.example.org/tg'],
    invalid: 'not a url',
    with: tg,
  },
  {
    name: 'TELEGRAM_WEBHOOK_SECRET',
    get: (c) => c.telegram?.webhookSecret,
    default: undefined,
    valid: ['abc_DEF-123', 'abc_DEF-123'],
    invalid: 'bad secret!',
    with: tg,
  },
  { name: 'TELEGRAM_GLOBAL_PER_SECOND', get: (c) => c.telegram?.limits.globalPerSecond, default: 30, valid: ['20', 20], invalid: '-7', with: tg },
  { name: 'TELEGRAM_CHAT_PER_SECOND', get: (c) => c.telegram?.limits.chatPerSecond, default: 1, valid: ['2', 2], invalid: '-7', with: tg },
  { name: 'TELEGRAM_GROUP_PER_MINUTE', get: (c) => c.telegram?.limits.groupPerMinute, default: 20, valid: ['15', 15], invalid: '-7', with: tg },
  { name: 'TELEGRAM_BROADCAST_PER_SECOND', get: (c) => c.telegram?.limits.bulkPerSecond, default: 29, valid: ['12', 12], invalid: '-7', with: tg },
  { name: 'TELEGRAM_MENU_SYNC_SECONDS', get: (c) => c.telegram?.menuSyncSeconds, default: 60, valid: ['0', 0], invalid: '-1', with: tg },

  {
    name: 'WECHATY_PUPPET',
    get: (c) => c.wechat.puppet,
    default: undefined,
    valid: ['@juzi/wechaty-puppet-service', '@juzi/wechaty-puppet-service'],
    invalid: 'bad puppet',
  },
  { name: 'WECHATY_PUPPET_SERVICE_TOKEN', get: (c) => c.wechat.puppetToken, default: undefined, valid: ['puppet_token_1', 'puppet_token_1'], invalid: null },
  {
    name: 'WECHATY_PUPPET_SERVICE_ENDPOINT',
    get: (c) => c.wechat.puppetEndpoint,
    default: undefined,
    valid: ['127.0.0.1:8788', '127.0.0.1:8788'],
    invalid: null,
  },
  { name: 'WECHATY_NAME', get: (c) => c.wechat.name, default: 'baiying', valid: ['desk-2', 'desk-2'], invalid: 'bad.name' },
  { name: 'WECHAT_MIN_GAP_MS', get: (c) => c.wechat.pacing.minGapMs, default: 3000, valid: ['5000', 5000], invalid: '-7' },
  { name: 'WECHAT_PER_MINUTE', get: (c) => c.wechat.pacing.perMinute, default: 20, valid: ['12', 12], invalid: '-7' },
  { name: 'WECHAT_WINDOW_MS', get: (c) => c.wechat.pacing.windowMs, default: 60_000, valid: ['30000', 30_000], invalid: '99' },
  { name: 'WECHAT_BREAKER_PAUSE_SECONDS', get: (c) => c.wechat.pacing.breakerPauseMs, default: 600_000, valid: ['1.5', 1500], invalid: '-7' },
  { name: 'WECHAT_MENU_TTL_MINUTES', get: (c) => c.wechat.menuTtlMs, default: 1_800_000, valid: ['5', 300_000], invalid: '0' },
  { name: 'ADMIN_API_TOKEN', get: (c) => c.adminApiToken, default: undefined, valid: [ADMIN, ADMIN], invalid: 'short-admin' },
  { name: 'AUTH_LOCKOUT_MINUTES', get: (c) => c.auth.lockoutMinutes, default: 15, valid: ['60', 60], invalid: '0' },
  { name: 'LINK_FAILURES_PER_ACCOUNT', get: (c) => c.auth.linkFailuresPerAccount, default: 5, valid: ['3', 3], invalid: '0' },
  { name: 'LINK_FAILURES_GLOBAL', get: (c) => c.auth.linkFailuresGlobal, default: 50, valid: ['20', 20], invalid: '0' },
  { name: 'TOKEN_FAILURES_PER_CLIENT', get: (c) => c.auth.tokenFailuresPerClient, default: 10, valid: ['4', 4], invalid: '0' },
  { name: 'TOKEN_FAILURES_GLOBAL', get: (c) => c.auth.tokenFailuresGlobal, default: 200, valid: ['100', 100], invalid: '0' },
  { name: 'API_TOKEN_DAYS', get: (c) => c.auth.apiTokenDays, default: 30, valid: ['7', 7], invalid: '0' },

  { name: 'SLA_STATION_MINUTES', get: (c) => c.sla.stationMinutes, default: 60, valid: ['30', 30], invalid: '-7' },
  { name: 'SLA_INSTITUTE_MINUTES', get: (c) => c.sla.instituteMinutes, default: 120, valid: ['90', 90], invalid: '-7' },
  { name: 'SLA_CENTER_MINUTES', get: (c) => c.sla.centerMinutes, default: 240, valid: ['180', 180], invalid: '-7' },
  { name: 'SLA_URGENT_MINUTES', get: (c) => c.sla.urgentMinutes, default: 15, valid: ['10', 10], invalid: '-7' },
  { name: 'SLA_TIME_FACTOR', get: (c) => c.sla.timeFactor, default: 1, valid: ['0.01', 0.01], invalid: '1.5' },
  { name: 'CREDIT_TIMEOUT_HOURS', get: (c) => c.creditTimeoutHours, default: 72, valid: ['0.5', 0.5], invalid: '-7' },
  { name: 'POINTS_PER_HOUR', get: (c) => c.pointsPerHour, default: 10, valid: ['0', 0], invalid: '-7' },
  { name: 'CLAIM_ACTIVE_LIMIT', get: (c) => c.claims.activeLimit, default: 3, valid: ['5', 5], invalid: '-7' },
  { name: 'CLAIM_NO_PROGRESS_HOURS', get: (c) => c.claims.noProgressHours, default: 48, valid: ['0.5', 0.5], invalid: '-7' },
  { name: 'CLAIM_RELEASE_LIMIT', get: (c) => c.claims.releaseLimit, default: 3, valid: ['10', 10], invalid: '-7' },
  { name: 'CLAIM_RELEASE_WINDOW_HOURS', get: (c) => c.claims.releaseWindowHours, default: 24, valid: ['12', 12], invalid: '-7' },
  { name: 'VOLUNTEER_AUTO_APPROVE', get: (c) => c.volunteerAutoApprove, default: false, valid: ['yes', true], invalid: 'maybe' },
  { name: 'PUBLICITY_SCORE_CODE_DAYS', get: (c) => c.publicity.scoreCodeDays, default: 30, valid: ['7', 7], invalid: '0' },
  { name: 'MAX_NEED_TEXT', get: (c) => c.maxNeedText, default: 2000, valid: ['100', 100], invalid: '99' },
  { name: 'EXPORT_DIR', get: (c) => c.exports.dir, default: './exports', valid: ['/var/lib/baiying/exports', '/var/lib/baiying/exports'], invalid: null },
  { name: 'EXPORT_LINK_MINUTES', get: (c) => c.exports.linkMinutes, default: 15, valid: ['5', 5], invalid: '-1' },
  { name: 'EXPORT_FILE_HOURS', get: (c) => c.exports.fileHours, default: 24, valid: ['0.5', 0.5], invalid: '-3' },
  { name: 'RECONCILE_INTERVAL_SECONDS', get: (c) => c.reconcileIntervalSeconds, default: 60, valid: ['5', 5], invalid: '-7' },
  { name: 'OUTBOX_POLL_MS', get: (c) => c.outboxPollMs, default: 500, valid: ['10', 10], invalid: '9' },
  { name: 'REPORT_CHECK_MINUTES', get: (c) => c.reports.checkMinutes, default: 60, valid: ['15', 15], invalid: '0' },
  { name: 'REPORT_CHECK_DAYS', get: (c) => c.reports.checkDays, default: 5, valid: ['0', 0], invalid: '-1' },
  { name: 'INBOUND_PERSON_PER_MINUTE', get: (c) => c.inbound.personPerMinute, default: 20, valid: ['5', 5], invalid: '0' },
  { name: 'INBOUND_CHAT_PER_MINUTE', get: (c) => c.inbound.chatPerMinute, default: 60, valid: ['100', 100], invalid: '-1' },
  { name: 'DEAD_LETTER_ALERT_QUIET_MINUTES', get: (c) => c.deadLetter.alertQuietMinutes, default: 15, valid: ['30', 30], invalid: '0' },
  { name: 'PROCESSED_UPDATE_KEEP_HOURS', get: (c) => c.processedUpdateKeepHours, default: 48, valid: ['72', 72], invalid: '24' },
  { name: 'RETENTION_CLOSED_NEED_DAYS', get: (c) => c.retention.closedNeedDays, default: 180, valid: ['30', 30], invalid: '0' },
  { name: 'RETENTION_DIALOGUE_DAYS', get: (c) => c.retention.dialogueDays, default: 30, valid: ['7', 7], invalid: '0' },
  { name: 'RETENTION_MESSAGE_DAYS', get: (c) => c.retention.messageDays, default: 90, valid: ['30', 30], invalid: '-1' },
  { name: 'OUTBOUND_CONCURRENCY', get: (c) => c.outboundConcurrency, default: 50, valid: ['8', 8], invalid: '-7' },
  { name: 'OUTBOUND_ORDER_WINDOW_SECONDS', get: (c) => c.outboundOrderWindowSeconds, default: 900, valid: ['120', 120], invalid: '30' },
  { name: 'BROADCAST_CONCURRENCY', get: (c) => c.calls.broadcastConcurrency, default: 16, valid: ['4', 4], invalid: '-7' },
  { name: 'BROADCAST_BACKLOG_SECONDS', get: (c) => c.calls.backlogSeconds, default: 5, valid: ['10', 10], invalid: '-7' },
  { name: 'BROADCAST_CLAIM_LEASE_SECONDS', get: (c) => c.calls.claimLeaseSeconds, default: 120, valid: ['5', 5], invalid: '4' },
  { name: 'CALL_REMINDER_MINUTES', get: (c) => c.calls.reminderMinutes, default: [1440, 120], valid: ['60', [60]], invalid: '1440;120' },
  { name: 'CALL_CHECKIN_RADIUS_M', get: (c) => c.calls.checkInRadiusM, default: 500, valid: ['50', 50], invalid: '9' },
  { name: 'CALL_CHECKIN_MAX_ATTEMPTS', get: (c) => c.calls.checkInMaxAttempts, default: 5, valid: ['3', 3], invalid: '0' },
  { name: 'CALL_TALLY_REFRESH_MS', get: (c) => c.calls.tallyRefreshMs, default: 2000, valid: ['100', 100], invalid: '99' },
  { name: 'CALL_ANSWER_BATCH_MS', get: (c) => c.calls.answerBatchMs, default: 100, valid: ['250', 250], invalid: '9' },
  { name: 'EMERGENCY_SLA_MINUTES', get: (c) => c.emergencySlaMinutes, default: 5, valid: ['3', 3], invalid: '-7' },
  {
    name: 'EMERGENCY_NUMBERS',
    get: (c) => c.danger.emergencyNumbers,
    default: '110 / 119 / 120',
    valid: ['110 / 120', '110 / 120'],
    invalid: '9'.repeat(81),
  },
  { name: 'CRISIS_HOTLINE', get: (c) => c.danger.crisisHotline, default: '12356', valid: ['400-161-9995', '400-161-9995'], invalid: '12' },
  { name: 'DEMO_SEED', get: (c) => c.demoSeed, default: true, valid: ['no', false], invalid: 'maybe' },

  { name: 'NLU_CONFIDENCE_THRESHOLD', get: (c) => c.nlu.confidenceThreshold, default: 0.6, valid: ['0.8', 0.8], invalid: '1.5' },
  {
    name: 'NLU_MODEL_BASE_URL',
    get: (c) => c.nlu.model?.baseUrl,
    default: undefined,
    valid: ['http://127.0.0.1:11434/v1', 'http://127.0.0.1:11434/v1'],
    invalid: 'not a url',
    with: { NLU_MODEL: 'qwen-small' },
  },
  {
    name: 'NLU_MODEL',
    get: (c) => c.nlu.model?.model,
    default: undefined,
    valid: ['qwen-large', 'qwen-large'],
    invalid: null,
    validWith: { NLU_MODEL_BASE_URL: nlu.NLU_MODEL_BASE_URL },
  },
  { name: 'NLU_MODEL_API_KEY', get: (c) => c.nlu.model?.apiKey, default: undefined, valid: ['sk-model-secret', 'sk-model-secret'], invalid: null, with: nlu },
  { name: 'NLU_MODEL_TIMEOUT_MS', get: (c) => c.nlu.model?.timeoutMs, default: 1500, valid: ['800', 800], invalid: '-7', with: nlu },
];

/** Secrets set beside every invalid value: no error message may repeat them. */
const SECRETS = {
  ENCRYPTION_KEY: KEY_HEX,
  ADMIN_API_TOKEN: ADMIN,
  TELEGRAM_BOT_TOKEN: BOT,
  NLU_MODEL_API_KEY: 'sk-model-secret',
  WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_token_1',
};

function refusal(env: Record<string, string | undefined>): string {
  try {
    load(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(Object.keys(env))}`);
}

describe('loadConfig, variable by variable', () => {
  it('covers every variable of the schema', () => {
    expect(ROWS.map((r) => r.name).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s: default, a valid value, an invalid one', (name, row) => {
    expect(row.get(load({ ...row.with }))).toEqual(row.default);
    expect(row.get(load({ ...row.with, ...row.validWith, [name]: row.valid[0] }))).toEqual(row.valid[1]);
    if (row.invalid === null) return;
    const message = refusal({ ...SECRETS, ...row.with, [name]: row.invalid });
    expect(message).toMatch(new RegExp(`(^|\\n  )${name}[: ]`));
    expect(message).not.toContain(row.invalid);
    for (const [k, secret] of Object.entries(SECRETS)) if (k !== name) expect(message).not.toContain(secret);
  });
});

describe('loadConfig, as a whole', () => {
  it('gives the documented defaults with nothing set', () => {
    expect(load({})).toEqual({
      env: 'development',
      logLevel: 'log',
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/baiying',
      databasePreparedStatements: 128,
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'baiying',
      encryptionKey: DEV_KEY,
      previousEncryptionKeys: [],
      encryptionKeyIsDevDefault: true,
      http: { host: '127.0.0.1', port: 3000, publicBaseUrl: undefined, allowedHosts: ['localhost', '127.0.0.1', '::1', '[::1]'], secureCookies: false },
      webChatEnabled: true,
      webChatDemo: true,
      webChatSession: { idleDays: 30, maxDays: 180, perAddressPerHour: 30 },
      api: {
        host: '127.0.0.1',
        port: 3100,
        publicBaseUrl: 'http://localhost:3100',
        secureCookies: false,
        allowedHosts: ['localhost', '127.0.0.1', '::1', '[::1]'],
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        demo: true,
      },
      timeZone: 'Asia/Shanghai',
      telegram: undefined,
      wechat: {
        puppet: undefined,
        puppetToken: undefined,
        puppetEndpoint: undefined,
        name: 'baiying',
        pacing: { minGapMs: 3000, perMinute: 20, windowMs: 60_000, breakerPauseMs: 600_000 },
        menuTtlMs: 1_800_000,
      },
      adminApiToken: undefined,
      auth: { lockoutMinutes: 15, linkFailuresPerAccount: 5, linkFailuresGlobal: 50, tokenFailuresPerClient: 10, tokenFailuresGlobal: 200, apiTokenDays: 30 },
      sla: { stationMinutes: 60, instituteMinutes: 120, centerMinutes: 240, urgentMinutes: 15, timeFactor: 1 },
      emergencySlaMinutes: 5,
      danger: { emergencyNumbers: '110 / 119 / 120', crisisHotline: '12356' },
      calls: {
        broadcastConcurrency: 16,
        backlogSeconds: 5,
        claimLeaseSeconds: 120,
        reminderMinutes: [1440, 120],
        checkInRadiusM: 500,
        checkInMaxAttempts: 5,
        tallyRefreshMs: 2000,
        answerBatchMs: 100,
      },
      creditTimeoutHours: 72,
      pointsPerHour: 10,
      claims: { activeLimit: 3, noProgressHours: 48, releaseLimit: 3, releaseWindowHours: 24 },
      volunteerAutoApprove: false,
      maxNeedText: 2000,
      publicity: { scoreCodeDays: 30 },
      reconcileIntervalSeconds: 60,
      exports: { dir: './exports', linkMinutes: 15, fileHours: 24 },
      outboxPollMs: 500,
      processedUpdateKeepHours: 48,
      retention: { closedNeedDays: 180, dialogueDays: 30, messageDays: 90 },
      outboundConcurrency: 50,
      outboundOrderWindowSeconds: 900,
      ops: { workerHttp: { host: '127.0.0.1', port: 3200 }, shutdownTimeoutMs: 25_000 },
      inbound: { personPerMinute: 20, chatPerMinute: 60 },
      deadLetter: { alertQuietMinutes: 15 },
      reports: { checkMinutes: 60, checkDays: 5 },
      demoSeed: true,
      nlu: { confidenceThreshold: 0.6, model: undefined },
    });
  });

  it('sets up Telegram only with a bot token', () => {
    expect(load({ TELEGRAM_GLOBAL_PER_SECOND: '10' }).telegram).toBeUndefined();
    expect(load(tg).telegram).toEqual({
      token: BOT,
      apiRoot: 'https://api.telegram.org',
      webhookUrl: undefined,
      webhookSecret: undefined,
      menuSyncSeconds: 60,
      limits: { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, bulkPerSecond: 29 },
    });
  });

  it('keeps broadcasts within the global rate, and at one at least', () => {
    const bulk = (env: Record<string, string>) => load({ ...tg, ...env }).telegram?.limits.bulkPerSecond;
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '10' })).toBe(9);
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '10', TELEGRAM_BROADCAST_PER_SECOND: '25' })).toBe(10);
    expect(bulk({ TELEGRAM_GLOBAL_PER_SECOND: '1' })).toBe(1);
  });

  it('reads the key as 64 hex characters or as base64 of 32 bytes', () => {
    const key = randomBytes(32);
    expect(load({ ENCRYPTION_KEY: key.toString('hex') })).toMatchObject({ encryptionKey: key, encryptionKeyIsDevDefault: false });
    expect(load({ ENCRYPTION_KEY: key.toString('hex').toUpperCase() }).encryptionKey).toEqual(key);
    expect(load({ ENCRYPTION_KEY: key.toString('base64') }).encryptionKey).toEqual(key);
    for (const bad of [randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), randomBytes(16).toString('base64')]) {
      const message = refusal({ ENCRYPTION_KEY: bad });
      expect(message).toBe('ENCRYPTION_KEY must be 32 bytes (64 hex chars or base64)');
    }
  });

  it('sets the model up only with both a base URL and a name', () => {
    expect(load({ NLU_MODEL: 'qwen-small' }).nlu.model).toBeUndefined();
    expect(load(nlu).nlu.model).toEqual({ baseUrl: nlu.NLU_MODEL_BASE_URL, model: 'qwen-small', apiKey: undefined, timeoutMs: 1500 });
  });

  it('reads the boolean spellings', () => {
    for (const [v, b] of [
      ['true', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['no', false],
    ] as const) {
      expect({ v, b: load({ WEB_CHAT_ENABLED: v, VOLUNTEER_AUTO_APPROVE: v, DEMO_SEED: v }) }).toMatchObject({
        v,
        b: { webChatEnabled: b, volunteerAutoApprove: b, demoSeed: b },
      });
    }
    expect(refusal({ DEMO_SEED: 'True' })).toContain('DEMO_SEED: ');
  });
});

describe('rules across variables', () => {
  it('requires ENCRYPTION_KEY in production', () => {
    expect(refusal({ NODE_ENV: 'production' })).toBe('Invalid configuration:\n  ENCRYPTION_KEY: required in production');
    expect(refusal({ NODE_ENV: 'production', ENCRYPTION_KEY: '' })).toBe('Invalid configuration:\n  ENCRYPTION_KEY: required in production');
    expect(load({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY_HEX })).toMatchObject({ env: 'production', encryptionKeyIsDevDefault: false });
    // Outside production the development key stands in, and says so.
    expect(load({ NODE_ENV: 'test' })).toMatchObject({ encryptionKey: DEV_KEY, encryptionKeyIsDevDefault: true });
  });

  it('takes former keys only beside a current key, and never the current key among them', () => {
    expect(refusal({ ENCRYPTION_KEY_PREVIOUS: PREV_HEX })).toBe(
      'Invalid configuration:\n  ENCRYPTION_KEY_PREVIOUS: needs ENCRYPTION_KEY (the key that replaces them)',
    );
    const repeated = refusal({ ENCRYPTION_KEY: KEY_HEX, ENCRYPTION_KEY_PREVIOUS: `${PREV_HEX},${KEY_HEX}` });
    expect(repeated).toBe('ENCRYPTION_KEY_PREVIOUS repeats ENCRYPTION_KEY: list only former keys');
    expect(refusal({ ENCRYPTION_KEY: KEY_HEX, ENCRYPTION_KEY_PREVIOUS: `${PREV_HEX},abc` })).toBe(
      'ENCRYPTION_KEY_PREVIOUS (each, comma-separated) must be 32 bytes (64 hex chars or base64)',
    );
    // The development key may be a former key: a desk moving from a demo to production keeps its data.
    const moved = load({ NODE_ENV: 'production', ENCRYPTION_KEY: KEY_HEX, ENCRYPTION_KEY_PREVIOUS: DEV_KEY.toString('hex') });
    expect(moved.previousEncryptionKeys).toEqual([DEV_KEY]);
  });

  it("sends residents' text to a model over https only, or plain http on this machine", () => {
    const model = (url: string) => ({ NLU_MODEL_BASE_URL: url, NLU_MODEL: 'qwen-small' });
    for (const url of ['https://llm.example.org/v1', 'http://127.0.0.1:11434/v1', 'http://localhost:8000/v1', 'http://[::1]:8000/v1', 'http://127.8.0.1/v1']) {
      expect(load(model(url)).nlu.model?.baseUrl).toBe(url);
    }
    for (const url of [
      'http://llm.example.org/v1',
      'http://10.0.0.5:11434/v1',
      'http://localhost.example.org/v1',
      'http://127.0.0.1.nip.io/v1',
      'ftp://127.0.0.1/v1',
    ]) {
      expect({ url, message: refusal(model(url)) }).toEqual({
        url,
        message: "Invalid configuration:\n  NLU_MODEL_BASE_URL: must be https (plain http only to localhost): residents' messages go there",
      });
    }
  });

  it('refuses a webhook without a bot token', () => {
    expect(refusal({ TELEGRAM_WEBHOOK_URL: 'https://desk.example.org/tg' })).toBe('Invalid configuration:\n  TELEGRAM_WEBHOOK_URL: needs TELEGRAM_BOT_TOKEN');
    expect(load({ ...tg, TELEGRAM_WEBHOOK_URL: 'https://desk.example.org/tg' }).telegram?.webhookUrl).toBe('https://desk.example.org/tg');
  });

  it('refuses a model base URL without a model name', () => {
    expect(refusal({ NLU_MODEL_BASE_URL: nlu.NLU_MODEL_BASE_URL })).toBe(
      'Invalid configuration:\n  NLU_MODEL: needs a model name when NLU_MODEL_BASE_URL is set',
    );
  });

  it('names every refused variable at once, and no value', () => {
    const message = refusal({ ...SECRETS, HTTP_PORT: 'eighty', LOG_LEVEL: 'chatty', WECHATY_NAME: 'bad.name' });
    expect(message.split('\n').map((l) => l.split(':')[0]!.trim())).toEqual(['Invalid configuration', 'LOG_LEVEL', 'HTTP_PORT', 'WECHATY_NAME']);
    for (const v of ['eighty', 'chatty', 'bad.name', ...Object.values(SECRETS)]) expect(message).not.toContain(v);
    // The rules across variables are checked once every variable is valid on its own (zod
    // skips refinements while fields fail).
    expect(refusal({ HTTP_PORT: 'eighty', NODE_ENV: 'production' })).toMatch(/^Invalid configuration:\n {2}HTTP_PORT: [^\n]+$/);
  });

  it('takes empty strings and undefined as "not set"', () => {
    const blank = Object.fromEntries(ROWS.map((r) => [r.name, '']));
    expect(load(blank)).toEqual(load({}));
    const undef: Record<string, string | undefined> = Object.fromEntries(ROWS.map((r) => [r.name, undefined]));
    expect(load(undef)).toEqual(load({}));
    expect(load({ TELEGRAM_BOT_TOKEN: '', TELEGRAM_WEBHOOK_URL: '' }).telegram).toBeUndefined();
    expect(load({ NLU_MODEL_BASE_URL: '', NLU_MODEL: '' }).nlu.model).toBeUndefined();
  });
});

describe('CALL_REMINDER_MINUTES', () => {
  const reminders = (v: string) => load({ CALL_REMINDER_MINUTES: v }).calls.reminderMinutes;

  it('reads the minutes largest first, each once, without zero', () => {
    expect(reminders('120,1440')).toEqual([1440, 120]);
    expect(reminders('30,60,30,10')).toEqual([60, 30, 10]);
    expect(reminders('0,15')).toEqual([15]);
    expect(reminders('0')).toEqual([]);
    expect(reminders('007,10080')).toEqual([10080, 7]);
  });

  it('refuses anything but comma-separated whole minutes', () => {
    for (const v of ['1440, 120', '1440;120', ',60', '60,', '1.5', '-5', 'sixty', '60,,30']) {
      expect({ v, m: refusal({ CALL_REMINDER_MINUTES: v }) }).toEqual({
        v,
        m: 'Invalid configuration:\n  CALL_REMINDER_MINUTES: comma-separated minutes, e.g. 1440,120',
      });
    }
  });
});

describe('describeConfig', () => {
  it('says which features are on and never repeats a secret', () => {
    const c = load({ ...SECRETS, TELEGRAM_WEBHOOK_URL: 'https://desk.example.org/tg', WECHATY_PUPPET: 'wechaty-puppet-mock', ...nlu });
    const d = describeConfig(c);
    expect(d).toEqual({
      env: 'development',
      http: '127.0.0.1:3000',
      api: '127.0.0.1:3100 (console demo logins)',
      webChat: 'demo (persona switcher)',
      telegram: 'webhook',
      telegramApiRoot: 'https://api.telegram.org',
      wechat: 'wechaty-puppet-mock',
      redisPrefix: 'baiying',
      encryptionKey: 'set',
      nluModel: 'qwen-small',
      metrics: 'loopback only',
      workerHttp: '127.0.0.1:3200',
    });
    const text = JSON.stringify(d);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(describeConfig(load({}))).toMatchObject({
      telegram: 'off',
      telegramApiRoot: '-',
      wechat: 'off',
      encryptionKey: 'DEVELOPMENT DEFAULT (set ENCRYPTION_KEY)',
      nluModel: 'rules only',
    });
    expect(describeConfig(load(tg)).telegram).toBe('long-polling');
    const rotating = describeConfig(load({ ENCRYPTION_KEY: KEY_HEX, ENCRYPTION_KEY_PREVIOUS: PREV_HEX }));
    expect(rotating.encryptionKey).toBe('set; 1 former key(s) still read (npm run keys:rotate, then drop them)');
    expect(JSON.stringify(rotating)).not.toContain(PREV_HEX);
  });
});
