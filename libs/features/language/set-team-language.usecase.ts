// The language of a team's group chats (job cards, replies there): set by a coordinator whose
// scope covers the team, from the group itself.
import type { ActorRow } from '@baiying/db';
import { CHANNELS, err, ok, type Result } from '@baiying/domain';
import { LOCALES, type Locale } from '@baiying/i18n';
import { inScope, isCoordinator, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

export const setTeamLanguageCommand = z.object({
  chat: z.object({ channel: z.enum(CHANNELS), chatId: z.string().min(1).max(128) }),
  locale: z.enum(LOCALES),
});
export type SetTeamLanguageCommand = z.input<typeof setTeamLanguageCommand>;

export class SetTeamLanguage {
  async execute(w: Work, actor: ActorRow, input: SetTeamLanguageCommand): Promise<Result<{ team: string; teamEn: string; locale: Locale }>> {
    const c = parseCommand(setTeamLanguageCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const chat = await w.repos.org.teamChatByChat(c.value.chat.channel, c.value.chat.chatId);
    if (!chat) return err('team/chat_unbound');
    const team = await w.repos.org.team(chat.teamId);
    if (!team || !(await inScope(w, actor, team.orgUnitId))) return err('auth/not_coordinator');
    await w.repos.org.setTeamLocale(team.id, c.value.locale);
    return ok({ team: team.name, teamEn: team.nameEn ?? team.name, locale: c.value.locale });
  }
}
