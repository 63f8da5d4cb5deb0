// One person, several channel accounts: a one-time code said in the other channel links them,
// so hours, ratings and roles follow the person, not the account.
import { randomInt } from 'node:crypto';
import type { ActorRow, Channel } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import type { Work } from '../unit-of-work.js';

export const LINK_CODE_MINUTES = 10;

export class IdentityService {
  async issue(w: Work, actor: ActorRow): Promise<string> {
    const code = String(randomInt(100_000, 1_000_000));
    await w.repos.people.issueLinkCode(actor.personId, w.deps.cipher.hash(`link:${code}`), new Date(w.now.getTime() + LINK_CODE_MINUTES * 60_000));
    return code;
  }

  async link(w: Work, actor: ActorRow, channel: Channel, externalId: string, code: string): Promise<Result<{ name: string }>> {
    if (!/^\d{6}$/.test(code)) return err('link/bad_code');
    const target = await w.repos.people.consumeLinkCode(w.deps.cipher.hash(`link:${code}`), w.now);
    if (!target) return err('link/bad_code');
    if (target === actor.personId) return err('link/already');
    // Merging two histories is a coordinator's job; an account with history is not moved.
    if (await w.repos.people.hasHistory(actor.personId)) return err('link/has_history');
    await w.repos.people.moveIdentity(channel, externalId, actor.personId, target);
    const person = await w.repos.people.person(target);
    return ok({ name: person?.displayName ?? '' });
  }
}
