// /link (绑定账号): a one-time code to say in the other channel, valid a few minutes.
import { randomInt } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';
import { LINK_CODE_MINUTES, linkCodeHash } from './link-code.js';

export class IssueLinkCode {
  async execute(w: Work, actor: ActorRow): Promise<{ code: string; minutes: number }> {
    const code = String(randomInt(100_000, 1_000_000));
    await w.repos.people.issueLinkCode(actor.personId, linkCodeHash(w, code), new Date(w.now.getTime() + LINK_CODE_MINUTES * 60_000));
    return { code, minutes: LINK_CODE_MINUTES };
  }
}
