// Binding a group chat to a team: only a coordinator whose scope covers the team may, and
// moving a group away from another team also needs authority over that team.
import type { ActorRow } from '@baiying/db';
import { CHANNELS, err, ok, type Result } from '@baiying/domain';
import { inScope, isCoordinator, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const bindTeamChatCommand = z.object({
  team: z.union([z.object({ id: z.uuid() }), z.object({ code: z.string().min(1).max(40) })]),
  chat: z.object({ channel: z.enum(CHANNELS), chatId: z.string().min(1).max(128), title: z.string().max(256).nullable() }),
});
export type BindTeamChatCommand = z.input<typeof bindTeamChatCommand>;

export class BindTeamChat {
  async execute(w: Work, actor: ActorRow, input: BindTeamChatCommand): Promise<Result<{ code: string; name: string; nameEn: string | null }>> {
    const c = parseCommand(bindTeamChatCommand, input);
    if (!c.ok) return c;
    const { team, chat } = c.value;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const row = 'id' in team ? await w.repos.org.team(team.id) : await w.repos.org.teamByCode(team.code);
    if (!row) return err('team/not_found', { code: 'code' in team ? team.code : '-' });
    if (!(await inScope(w, actor, row.orgUnitId))) return err('auth/not_coordinator');
    const existing = await w.repos.org.teamChatByChat(chat.channel, chat.chatId);
    if (existing) {
      if (existing.teamId !== row.id) {
        const old = await w.repos.org.team(existing.teamId);
        if (old && !(await inScope(w, actor, old.orgUnitId))) return err('auth/out_of_scope');
        await w.repos.org.rebindChat(existing.id, row.id, actor.personId);
      }
    } else {
      await w.repos.org.bindChat(row.id, chat.channel, chat.chatId, chat.title, actor.personId);
    }
    return ok({ code: row.code, name: row.name, nameEn: row.nameEn });
  }
}
