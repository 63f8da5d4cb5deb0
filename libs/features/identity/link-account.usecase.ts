// One person, several channel accounts: the code issued in one channel, said in the other,
// links them, so hours, ratings and roles follow the person, not the account.
import type { ActorRow } from '@baiying/db';
import { CHANNELS, err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { LINK_CODE, linkCodeHashes } from './link-code.js';

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
    if (!LINK_CODE.test(code)) return err('link/bad_code');
    const target = await w.repos.people.consumeLinkCode(linkCodeHashes(w, code), w.now);
    if (!target) return err('link/bad_code');
    if (target === actor.personId) return err('link/already');
    // Merging two histories is a coordinator's job; an account with history is not moved.
    if (await w.repos.people.hasHistory(actor.personId)) return err('link/has_history');
    await w.repos.people.moveIdentity(account.channel, account.externalId, actor.personId, target);
    const person = await w.repos.people.person(target);
    return ok({ name: person?.displayName ?? '' });
  }
}
