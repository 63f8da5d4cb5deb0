// Link codes: a public selector naming one issuance (so one issuer) and a secret, from an
// alphabet without look-alikes (no 0/O, 1/I/L), shown as `XXXXX-XXXXX` and read in any case,
// with or without the dash. Kept as a keyed hash of the whole code; a wrong secret said against
// a selector counts against that code, which is cancelled after a few.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Work } from '@baiying/kernel';

export const LINK_CODE_MINUTES = 10;
/** Wrong secrets against one code before it is cancelled. */
export const LINK_CODE_TRIES = 3;
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const SELECTOR_CHARS = 4;
const SECRET_CHARS = 6;
const CODE = new RegExp(`^[${LINK_CODE_ALPHABET}]{${SELECTOR_CHARS + SECRET_CHARS}}$`);

export interface LinkCodeParts {
  code: string;
  selector: string;
}

const randomChars = (n: number): string => Array.from({ length: n }, () => LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)]).join('');

export function newLinkCode(): LinkCodeParts {
  const selector = randomChars(SELECTOR_CHARS);
  return { selector, code: selector + randomChars(SECRET_CHARS) };
}

/** How a code is shown: `ABCDE-FGHJK`. */
export const showLinkCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

/** A typed code in its canonical form (upper case, no dash or spaces), or null when malformed. */
export function parseLinkCode(typed: string): LinkCodeParts | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(code) ? { code, selector: code.slice(0, SELECTOR_CHARS) } : null;
}

/** Link codes are kept as keyed hashes only. */
export const linkCodeHash = (w: Work, code: string): string => w.deps.cipher.hash(`link:${code}`);

/** Constant-time equality of two hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Every hash a code may be stored under while the key changes. */
export const linkCodeHashes = (w: Work, code: string): string[] => w.deps.cipher.lookupHashes(`link:${code}`);
