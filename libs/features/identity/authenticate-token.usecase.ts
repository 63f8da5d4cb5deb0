import type { ActorRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';
import { API_TOKEN_FORMAT, tokenHashes } from './api-token.js';

/** Who a bearer token belongs to, or null. */
export class AuthenticateToken {
  async execute(w: Work, token: string): Promise<ActorRow | null> {
    if (!API_TOKEN_FORMAT.test(token)) return null;
    const personId = await w.repos.people.tokenOwner(tokenHashes(w.deps.cipher, token));
    return personId ? w.repos.people.actor(personId) : null;
  }
}
