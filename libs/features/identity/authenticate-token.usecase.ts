import { createHash, timingSafeEqual } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import { API_TOKEN_FORMAT, tokenHashes } from './api-token.js';
import { EVERYONE, lockedUntil, minutesUntil, recordFailure, type Gate } from './auth-throttle.js';

type TokenRefusal = 'token/invalid' | 'token/expired' | 'token/locked';

/** Wrong bearer tokens (personal or admin) are counted per client address and for everyone. */
const gates = (w: Work, client: string): Gate[] => [
  { scope: 'token', key: client, limit: w.config.auth.tokenFailuresPerClient },
  { scope: 'token', key: EVERYONE, limit: w.config.auth.tokenFailuresGlobal },
];

function locked(w: Work, until: Date): Result<never, TokenRefusal> {
  return err('token/locked', { minutes: minutesUntil(w, until), retryAfter: Math.max(1, Math.ceil((until.getTime() - w.now.getTime()) / 1000)) });
}

async function refuse(w: Work, g: Gate[]): Promise<Result<never, TokenRefusal>> {
  const until = await recordFailure(w, g);
  return until ? locked(w, until) : err('token/invalid');
}

/** Who a personal bearer token belongs to; refused when unknown, revoked, expired or locked out. */
export class AuthenticateToken {
  async execute(w: Work, token: string, client: string): Promise<Result<ActorRow, TokenRefusal>> {
    const g = gates(w, client);
    const until = await lockedUntil(w, g);
    if (until) return locked(w, until);
    const row = API_TOKEN_FORMAT.test(token) ? await w.repos.people.token(tokenHashes(w.deps.cipher, token)) : null;
    if (!row || row.revokedAt) return refuse(w, g);
    // Only a real token's holder can present an expired one: refused, but not counted as guessing.
    if (row.expiresAt <= w.now) return err('token/expired');
    return ok(await w.repos.people.actor(row.personId));
  }
}

/** Digests first, so the comparison takes the same time whatever the given token's length. */
const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The admin bearer token (ADMIN_API_TOKEN), throttled like personal tokens; null when none is set. */
export class AuthenticateAdmin {
  async execute(w: Work, given: string, client: string): Promise<Result<true, TokenRefusal> | null> {
    const token = w.config.adminApiToken;
    if (!token) return null;
    const g = gates(w, client);
    const until = await lockedUntil(w, g);
    if (until) return locked(w, until);
    return timingSafeEqual(digest(given), digest(token)) ? ok(true) : refuse(w, g);
  }
}
