// The console's teams: members, the groups bound per channel with whether each binding is
// healthy (the last delivery to the group and the last refusal; a bot removed from a group is
// refused from then on), and the open jobs. Scoped to the teams of the read scope's units.
import { ancestry, err, maskPhone, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { teamListQuerySchema } from './office.schemas.js';
import { personName } from '@baiying/db';
import type { TeamDetail, TeamItem } from '@baiying/contracts';

type TeamRows = Awaited<ReturnType<Work['repos']['office']['teams']>>;

async function teamItems(w: Work, rows: TeamRows): Promise<TeamItem[]> {
  const tree = await w.repos.org.tree();
  const ids = rows.map((t) => t.id);
  const [members, jobs, health] = await Promise.all([
    w.repos.office.memberCounts(ids),
    w.repos.office.openJobCounts(ids),
    w.repos.office.chatHealth(rows.flatMap((t) => t.chats.map((c) => ({ channel: c.channel, chatId: c.chatId })))),
  ]);
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    nameEn: t.nameEn,
    category: { code: t.categoryCode, zh: t.category.nameZh, en: t.category.nameEn },
    unit: { code: tree.get(t.orgUnitId)?.code ?? '', name: tree.get(t.orgUnitId)?.name ?? '', tier: tree.get(t.orgUnitId)?.tier ?? '' },
    members: members.get(t.id) ?? { approved: 0, pending: 0 },
    openJobs: jobs.get(t.id) ?? 0,
    chats: t.chats.map((c) => {
      const h = health.find((x) => x.channel === c.channel && x.chatId === c.chatId);
      const sent = h?.lastSentAt ?? null;
      const failed = h?.lastFailedAt ?? null;
      return {
        channel: c.channel,
        title: c.title,
        boundAt: c.boundAt.toISOString(),
        lastSentAt: sent?.toISOString() ?? null,
        lastFailedAt: failed?.toISOString() ?? null,
        lastError: failed ? (h?.lastError?.slice(0, 200) ?? null) : null,
        health: failed && (!sent || failed > sent) ? 'failing' : sent ? 'ok' : 'unknown',
      };
    }),
  }));
}

export class ListTeams {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: TeamItem[] }>> {
    const cmd = parseCommand(teamListQuerySchema, input);
    if (!cmd.ok) return cmd;
    const tree = await w.repos.org.tree();
    let units = p.readUnitIds;
    if (cmd.value.unit) {
      const u = [...tree.values()].find((x) => x.code === cmd.value.unit);
      units = u ? units.filter((id) => ancestry(tree, id).some((a) => a.id === u.id)) : [];
    }
    const rows = units.length ? await w.repos.office.teams(units, cmd.value.category) : [];
    return ok({ items: await teamItems(w, rows) });
  }
}

export class TeamPage {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string }): Promise<Result<TeamDetail>> {
    const t = await w.repos.office.team(input.id);
    if (!t || !p.readUnitIds.includes(t.orgUnitId)) return err('console/not_found');
    const [item] = await teamItems(w, [t]);
    const jobs = await w.repos.office.openJobs(t.id, 100);
    return ok({
      ...item!,
      memberList: t.memberships.map((m) => ({
        id: m.volunteerId,
        name: personName(w.deps.cipher, m.volunteer.person),
        phone: maskPhone(w.deps.cipher.decryptOptional(m.volunteer.person.phoneEnc)),
        status: m.status,
        since: (m.decidedAt ?? m.createdAt).toISOString(),
      })),
      jobs: jobs.map((d) => ({
        needId: d.need.id,
        code: d.need.code,
        status: d.need.status,
        category: d.need.categoryCode,
        urgency: d.need.urgency,
        tier: d.tier,
        slaDueAt: d.slaDueAt.toISOString(),
      })),
    });
  }
}
