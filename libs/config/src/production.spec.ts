// What a production desk refuses to start with (the keys that would not protect residents'
// data, a webhook that would accept forged updates), and the webhook secret every other
// environment gets when none is set.
import { createHash, randomBytes } from 'node:crypto';
import { loadConfig } from './app-config.js';
import { ConfigError, MIN_WEBHOOK_SECRET, weakKeyReason } from './config-checks.js';

const TOKEN = '123456:ABC-def_ghi';
const production = (extra: Record<string, string>) => () => loadConfig({ NODE_ENV: 'production', ...extra });
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('it started');
};

describe('production settings', () => {
  const strong = randomBytes(32).toString('hex');

  it('starts with a random key and no webhook', () => {
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: strong }).env).toBe('production');
  });

  it('refuses the public development key, a constant key and a passphrase, naming the variable but not the value', () => {
    const dev = createHash('sha256').update('baiying-dev-key').digest('hex');
    const passphrase = Buffer.from('correct horse battery staple 123').toString('base64');
    for (const [key, why] of [
      [dev, 'public development key'],
      ['0'.repeat(64), 'not random'],
      [passphrase, 'passphrase'],
    ] as const) {
      const message = refusal(production({ ENCRYPTION_KEY: key }));
      expect(message).toContain('Refusing to start in production: ENCRYPTION_KEY');
      expect(message).toContain(why);
      expect(message).not.toContain(key);
    }
  });

  it('refuses webhook mode without a strong secret', () => {
    const hook = { ENCRYPTION_KEY: strong, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://desk.example.org/tg/hook' };
    expect(refusal(production(hook))).toContain('TELEGRAM_WEBHOOK_SECRET must be set');
    expect(refusal(production({ ...hook, TELEGRAM_WEBHOOK_SECRET: 'short' }))).toContain(`at least ${MIN_WEBHOOK_SECRET}`);
    expect(loadConfig({ NODE_ENV: 'production', ...hook, TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(MIN_WEBHOOK_SECRET) }).telegram?.webhookSecret).toBe(
      'x'.repeat(MIN_WEBHOOK_SECRET),
    );
  });

  it('gives a webhook without a secret a random one outside production', () => {
    const env = { NODE_ENV: 'development', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'http://127.0.0.1:3000/tg/hook' };
    const a = loadConfig(env).telegram?.webhookSecret;
    const b = loadConfig(env).telegram?.webhookSecret;
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(b);
    expect(loadConfig({ NODE_ENV: 'development', TELEGRAM_BOT_TOKEN: TOKEN }).telegram?.webhookSecret).toBeUndefined();
  });

  it('judges keys, not the environment', () => {
    expect(weakKeyReason(randomBytes(32))).toBeNull();
    expect(weakKeyReason(Buffer.alloc(32, 7))).toContain('not random');
  });

  it('treats a deployment that forgets NODE_ENV as production: no development key, no demo', () => {
    expect(refusal(() => loadConfig({}))).toBe('Invalid configuration:\n  ENCRYPTION_KEY: required in production');
    expect(loadConfig({ ENCRYPTION_KEY: strong })).toMatchObject({ env: 'production', webChatDemo: false, demoSeed: false, encryptionKeyIsDevDefault: false });
  });

  it('refuses demo seeding and the persona switcher in production, naming each', () => {
    const message = refusal(production({ ENCRYPTION_KEY: strong, DEMO_SEED: 'true', WEB_CHAT_DEMO: 'yes' }));
    expect(message).toContain('DEMO_SEED must be off');
    expect(message).toContain('WEB_CHAT_DEMO must be off');
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: strong, DEMO_SEED: 'false', WEB_CHAT_DEMO: 'no' }).webChatDemo).toBe(false);
  });

  it('listens beyond loopback only with the names it answers to, and never with the persona switcher', () => {
    expect(refusal(production({ ENCRYPTION_KEY: strong, HTTP_HOST: '0.0.0.0' }))).toContain(
      'HTTP_HOST listens beyond loopback: set PUBLIC_BASE_URL or ALLOWED_HOSTS',
    );
    const open = loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: strong, HTTP_HOST: '0.0.0.0', PUBLIC_BASE_URL: 'https://Desk.Example.org' });
    expect(open.http).toMatchObject({ host: '0.0.0.0', secureCookies: true });
    expect(open.http.allowedHosts).toContain('desk.example.org');
    // Outside production too: the demo's persona switcher is loopback only.
    expect(refusal(() => loadConfig({ NODE_ENV: 'development', HTTP_HOST: '0.0.0.0' }))).toContain(
      'WEB_CHAT_DEMO (the persona switcher) listens on loopback only',
    );
    expect(loadConfig({ NODE_ENV: 'development', HTTP_HOST: '0.0.0.0', WEB_CHAT_DEMO: 'false' }).webChatDemo).toBe(false);
  });

  it("gates the console's one-click persona login like the persona switcher", () => {
    expect(loadConfig({ ENCRYPTION_KEY: strong }).api.demo).toBe(false);
    expect(refusal(production({ ENCRYPTION_KEY: strong, CONSOLE_DEMO: 'true' }))).toContain('CONSOLE_DEMO must be off');
    expect(refusal(production({ ENCRYPTION_KEY: strong, API_HOST: '0.0.0.0' }))).toContain('API_HOST listens beyond loopback');
    expect(refusal(() => loadConfig({ NODE_ENV: 'development', API_HOST: '0.0.0.0' }))).toContain(
      'CONSOLE_DEMO (one-click persona login) listens on loopback only',
    );
    const open = loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: strong, API_HOST: '0.0.0.0', API_PUBLIC_BASE_URL: 'https://Console.Example.org' });
    expect(open.api).toMatchObject({ host: '0.0.0.0', secureCookies: true, demo: false, publicBaseUrl: 'https://Console.Example.org' });
    expect(open.api.allowedHosts).toContain('console.example.org');
  });
});
