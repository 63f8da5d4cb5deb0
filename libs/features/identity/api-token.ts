// Personal API tokens for coordinators' HTTP API: random, shown once, stored as a keyed hash.
import type { FieldCipher } from '@baiying/crypto';

export const TOKEN_BYTES = 24;
export const API_TOKEN_FORMAT = /^by_[A-Za-z0-9_-]{20,64}$/;

export const hashToken = (cipher: FieldCipher, token: string): string => cipher.hash(`api-token:${token}`);
/** Every hash a token may be stored under (made under a former key of the ring, or before key ids). */
export const tokenHashes = (cipher: FieldCipher, token: string): string[] => cipher.lookupHashes(`api-token:${token}`);
