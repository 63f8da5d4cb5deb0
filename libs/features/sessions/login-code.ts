// Console login codes (登录口令): a public selector naming one pending login and a secret, from an
// alphabet without look-alikes, shown as `ABCD-EFGH` and read in any case, with or without the
// dash. The secret is kept as a keyed hash; wrong secrets said against a selector count against
// that login, which locks after LOGIN_CODE_TRIES.
import { randomInt } from 'node:crypto';
import type { Work } from '@baiying/kernel';

export const LOGIN_CODE_SECONDS = 120;
export const LOGIN_LINK_MINUTES = 5;
/** Wrong codes said against one pending login before it locks. */
export const LOGIN_CODE_TRIES = 3;
/** Wrong or unusable codes one person may say per lockout window before they are paused. */
export const LOGIN_FAILURES_PER_PERSON = 5;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const SELECTOR_CHARS = 4;
const SECRET_CHARS = 4;
const CODE = new RegExp(`^[${ALPHABET}]{${SELECTOR_CHARS + SECRET_CHARS}}$`);
/** What the chat keyword accepts as a code (then parsed strictly). */
export const LOGIN_CODE_TYPED = '[A-Za-z0-9]{4}[\\s-]?[A-Za-z0-9]{4}';

const randomChars = (n: number): string => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export function newLoginCode(): { code: string; selector: string } {
  const selector = randomChars(SELECTOR_CHARS);
  return { selector, code: selector + randomChars(SECRET_CHARS) };
}

export const showLoginCode = (code: string): string => `${code.slice(0, SELECTOR_CHARS)}-${code.slice(SELECTOR_CHARS)}`;

export function parseLoginCode(typed: string): { code: string; selector: string } | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(code) ? { code, selector: code.slice(0, SELECTOR_CHARS) } : null;
}

export const loginCodeHash = (w: Work, code: string): string => w.deps.cipher.hash(`console-login:${code}`);
export const loginCodeHashes = (w: Work, code: string): string[] => w.deps.cipher.lookupHashes(`console-login:${code}`);

/** "Chrome · Windows": enough for a person to recognise their own browser, nothing more. */
export function browserSummary(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = /MicroMessenger/i.test(ua)
    ? 'WeChat'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /(Chrome|Chromium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /curl|node|undici|python/i.test(ua)
              ? 'script'
              : '?';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad|iOS/.test(ua)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '?';
  return `${browser} · ${os}`;
}
