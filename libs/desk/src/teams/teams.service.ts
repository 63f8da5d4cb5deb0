// Binding team group chats: only a coordinator whose scope covers the team may.
import type { ActorRow, Channel } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { inScope, unitsInScope } from '../shared/notify.js';
import type { Work } from '../unit-of-work.js';

export class TeamsService {
  async bindable(w: Work, actor: ActorRow) {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const units = await unitsInScope(w, actor.coordinatorUnitIds);
    return ok(await w.repos.org.teamsInUnits(units));
  }

  async bind(w: Work, actor: ActorRow, channel: Channel, chatId: string, title: string | null, team: { code?: string; id?: string }): Promise<Result<{ code: string; name: string }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const row = team.id ? await w.repos.org.team(team.id) : await w.repos.org.teamByCode(team.code ?? '');
    if (!row) return err('team/not_found', { code: team.code ?? '-' });
    if (!(await inScope(w, actor.coordinatorUnitIds, row.orgUnitId))) return err('auth/not_coordinator');
    const existing = await w.repos.org.teamChatByChat(channel, chatId);
    if (existing) {
      if (existing.teamId !== row.id) {
        const old = await w.repos.org.team(existing.teamId);
        // Moving a group away from a team also needs authority over that team.
        if (old && !(await inScope(w, actor.coordinatorUnitIds, old.orgUnitId))) return err('auth/out_of_scope');
        await w.repos.org.rebindChat(existing.id, row.id, actor.personId);
      }
    } else {
      await w.repos.org.bindChat(row.id, channel, chatId, title, actor.personId);
    }
    return ok({ code: row.code, name: row.name });
  }
}
