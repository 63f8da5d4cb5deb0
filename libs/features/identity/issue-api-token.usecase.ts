import { randomBytes } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, type Work } from '@baiying/kernel';
import { hashToken, TOKEN_BYTES } from './api-token.js';

/** /token: a new personal token, valid API_TOKEN_DAYS (the previous one is revoked). */
export class IssueApiToken {
  async execute(w: Work, actor: ActorRow): Promise<Result<{ token: string; days: number; expiresAt: Date }>> {
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const token = `by_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
    const days = w.config.auth.apiTokenDays;
    const expiresAt = new Date(w.now.getTime() + days * 24 * 3600_000);
    await w.repos.people.issueToken(actor.personId, hashToken(w.deps.cipher, token), w.now, expiresAt);
    return ok({ token, days, expiresAt });
  }
}
