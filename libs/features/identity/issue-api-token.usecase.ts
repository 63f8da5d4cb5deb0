import { randomBytes } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { isCoordinator, type Work } from '@baiying/kernel';
import { hashToken, TOKEN_BYTES } from './api-token.js';

/** /token: a new personal token (the previous one is revoked). */
export class IssueApiToken {
  async execute(w: Work, actor: ActorRow): Promise<Result<{ token: string }>> {
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const token = `by_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
    await w.repos.people.issueToken(actor.personId, hashToken(w.deps.cipher, token));
    return ok({ token });
  }
}
