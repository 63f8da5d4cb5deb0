// /link (绑定账号): a one-time code to say in the other channel, valid a few minutes, that links
// only to the person who asked for it (its selector names that issuance).
import type { ActorRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';
import { LINK_CODE_MINUTES, linkCodeHash, newLinkCode, showLinkCode } from './link-code.js';

/** Selectors are short: a taken one (among codes still valid) is drawn again. */
const DRAWS = 8;

export class IssueLinkCode {
  async execute(w: Work, actor: ActorRow): Promise<{ code: string; minutes: number }> {
    let next = newLinkCode();
    for (let i = 1; i < DRAWS && (await w.repos.people.linkCodeTaken(next.selector)); i++) next = newLinkCode();
    const expiresAt = new Date(w.now.getTime() + LINK_CODE_MINUTES * 60_000);
    await w.repos.people.issueLinkCode(actor.personId, next.selector, linkCodeHash(w, next.code), expiresAt, w.now);
    return { code: showLinkCode(next.code), minutes: LINK_CODE_MINUTES };
  }
}
