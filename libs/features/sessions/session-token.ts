// Web session tokens: 32 random bytes in an HttpOnly cookie; the database keeps only a SHA-256
// (a stolen table cannot be replayed as cookies). A plain hash suffices for 256 random bits.
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
export const SESSION_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export const newSessionToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');
export const newCsrfToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');
export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A web chat's private chat id (also its channel identity): `w-` + 128 random bits. */
export const newWebChatId = (): string => `w-${randomBytes(16).toString('base64url')}`;
