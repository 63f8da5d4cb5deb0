import type { Work } from '@baiying/kernel';

export const LINK_CODE_MINUTES = 10;
export const LINK_CODE = /^\d{6}$/;

/** Link codes are kept as keyed hashes only. */
export const linkCodeHash = (w: Work, code: string): string => w.deps.cipher.hash(`link:${code}`);
/** Every hash a code may be stored under while the key changes. */
export const linkCodeHashes = (w: Work, code: string): string[] => w.deps.cipher.lookupHashes(`link:${code}`);
