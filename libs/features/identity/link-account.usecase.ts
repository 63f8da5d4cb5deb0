// One person, several channel accounts: the code issued in one channel, said in the other,
// links them, so hours, ratings and roles follow the person, not the account.
//
// Against guessing: a code is long (10 characters of 31), lives ten minutes, works once, and
// links only to its issuer; a wrong secret said against an issuer's code counts against that
// code (cancelled after LINK_CODE_TRIES, and its issuer told); and wrong codes lock out the
// redeeming account and, past a higher limit, linking for everyone until the window ends.
import { personName } from '@baiying/db';
import type { ActorRow } from '@baiying/db';
import { CHANNELS, err, ok, Priority, PurposeKey, type Result } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { EVERYONE, lockedUntil, minutesUntil, recordFailure, type Gate } from './auth-throttle.js';
import { LINK_CODE_TRIES, linkCodeHashes, parseLinkCode, sameHash, type LinkCodeParts } from './link-code.js';

export const linkAccountCommand = z.object({
  code: z.string().max(20),
  account: z.object({ channel: z.enum(CHANNELS), externalId: z.string().min(1).max(128) }),
});
export type LinkAccountCommand = z.input<typeof linkAccountCommand>;

export class LinkAccount {
  async execute(w: Work, actor: ActorRow, input: LinkAccountCommand): Promise<Result<{ name: string }>> {
    const c = parseCommand(linkAccountCommand, input);
    if (!c.ok) return c;
    const { code, account } = c.value;
    const gates: Gate[] = [
      { scope: 'link', key: `${account.channel}:${account.externalId}`, limit: w.config.auth.linkFailuresPerAccount },
      { scope: 'link', key: EVERYONE, limit: w.config.auth.linkFailuresGlobal },
    ];
    const locked = await lockedUntil(w, gates);
    if (locked) return err('link/locked', { minutes: minutesUntil(w, locked) });
    const parts = parseLinkCode(code);
    const target = parts ? await this.redeem(w, parts) : null;
    if (!target) {
      const until = await recordFailure(w, gates);
      return until ? err('link/locked', { minutes: minutesUntil(w, until) }) : err('link/bad_code');
    }
    if (target === actor.personId) return err('link/already');
    // Merging two histories is a coordinator's job; an account with history is not moved.
    if (await w.repos.people.hasHistory(actor.personId)) return err('link/has_history');
    await w.repos.people.moveIdentity(account.channel, account.externalId, actor.personId, target);
    const person = await w.repos.people.person(target);
    return ok({ name: person ? personName(w.deps.cipher, person) : '' });
  }

  /** The issuer of a valid code, using the code up; null for anything else. */
  private async redeem(w: Work, parts: LinkCodeParts): Promise<string | null> {
    const row = await w.repos.people.linkCodeBySelector(parts.selector);
    if (!row) return null;
    if (row.expiresAt <= w.now) {
      await w.repos.people.dropLinkCode(parts.selector);
      return null;
    }
    if (!linkCodeHashes(w, parts.code).some((h) => sameHash(row.codeHash, h))) {
      if ((await w.repos.people.linkCodeFailed(parts.selector)) >= LINK_CODE_TRIES) {
        await w.repos.people.dropLinkCode(parts.selector);
        await w.out.toPerson(row.personId, PurposeKey.linkCodeBurned(row.personId, parts.selector), 'link-burned', () => msg('link.burned'), Priority.status);
      }
      return null;
    }
    await w.repos.people.dropLinkCode(parts.selector);
    return row.personId;
  }
}
