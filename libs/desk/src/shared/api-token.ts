// Personal API tokens for coordinators' HTTP API: random, shown once, stored as a keyed hash.
import { randomBytes } from 'node:crypto';
import type { FieldCipher } from '@baiying/crypto';

export const newApiToken = (): string => `by_${randomBytes(24).toString('base64url')}`;

export const hashToken = (cipher: FieldCipher, token: string): string => cipher.hash(`api-token:${token}`);
