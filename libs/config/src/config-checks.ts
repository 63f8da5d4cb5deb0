// The checks loadConfig runs on the environment: the encryption keys, what production refuses, host names.
import { createHash } from 'node:crypto';
import type { Env } from './config.schema.js';

export class ConfigError extends Error {}

/** Decodes a 32-byte key given as 64 hex chars or base64. */
export function decodeKey(raw: string, name = 'ENCRYPTION_KEY'): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes (64 hex chars or base64)`);
  return key;
}

/** The former keys, in the order given; the current key among them is refused (a copy-paste slip). */
export function decodePrevious(raw: string | undefined, current: Buffer): Buffer[] {
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
export function productionProblems(e: Env, key: Buffer): string[] {
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
export function allowedHosts(e: Env): string[] {
  const hosts = new Set(LOOPBACK_NAMES);
  for (const h of e.ALLOWED_HOSTS?.split(',') ?? []) hosts.add(h.toLowerCase());
  for (const url of [e.PUBLIC_BASE_URL, e.TELEGRAM_WEBHOOK_URL]) if (url) hosts.add(new URL(url).hostname.toLowerCase());
  return [...hosts];
}
