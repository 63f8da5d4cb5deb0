// The console's volunteers: a masked, scoped list (teams, skills, hours, stars, points, last
// service), a volunteer's page with their service record, and the per-team decision on a
// pending membership — the volunteers feature's DecideRegistration, the one chat's buttons call
// (it rewrites every chat message that asked, tells the volunteer and writes the audit entry).
import { ancestry, averageRating, err, hoursToNextStar, maskPhone, ok, starLevel, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { decodeCursor, encodeCursor } from '../console/index.js';
import type { ConsolePrincipal } from '../sessions/index.js';
import type { VolunteersFeature } from '../volunteers/index.js';
import { consoleActor, decisionUnitIds } from './office-access.js';
import { membershipDecisionSchema, volunteerListQuerySchema } from './office.schemas.js';
import { personName } from '@baiying/db';
import type { VolunteerDetail, VolunteerItem } from '@baiying/contracts';

type VolunteerRow = NonNullable<Awaited<ReturnType<Work['repos']['office']['volunteer']>>>;

async function items(w: Work, p: ConsolePrincipal, rows: VolunteerRow[]): Promise<VolunteerItem[]> {
  const tree = await w.repos.org.tree();
  const decide = await decisionUnitIds(w, p);
  const figures = await w.repos.office.figures(rows.map((r) => r.personId));
  return rows.map((v) => {
    const f = figures.get(v.personId)!;
    return {
      id: v.personId,
      name: personName(w.deps.cipher, v.person),
      phone: maskPhone(w.deps.cipher.decryptOptional(v.person.phoneEnc)),
      station: { code: tree.get(v.stationId)?.code ?? '', name: tree.get(v.stationId)?.name ?? '' },
      status: v.status,
      skills: v.skills,
      teams: v.memberships.map((m) => ({
        membershipId: m.id,
        code: m.team.code,
        name: m.team.name,
        nameEn: m.team.nameEn,
        status: m.status,
        canDecide: m.status === 'pending' && decide.has(m.team.orgUnitId),
      })),
      hours: f.hours,
      stars: starLevel(f.hours),
      jobs: f.jobs,
      points: f.points,
      lastServiceAt: f.lastServiceAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
    };
  });
}

/** A volunteer is in scope when their station, or a team they asked to join, lies in the read scope. */
function visible(p: ConsolePrincipal, v: VolunteerRow): boolean {
  return p.readUnitIds.includes(v.stationId) || v.memberships.some((m) => p.readUnitIds.includes(m.team.orgUnitId));
}

export class ListVolunteers {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: VolunteerItem[]; nextCursor: string | null }>> {
    const cmd = parseCommand(volunteerListQuerySchema, input);
    if (!cmd.ok) return cmd;
    const q = cmd.value;
    const tree = await w.repos.org.tree();
    let units = p.readUnitIds;
    if (q.unit) {
      const u = [...tree.values()].find((x) => x.code === q.unit);
      units = u ? units.filter((id) => ancestry(tree, id).some((a) => a.id === u.id)) : [];
    }
    let teamId: string | undefined;
    if (q.team) {
      const t = await w.repos.org.teamByCode(q.team);
      if (!t || !p.readUnitIds.includes(t.orgUnitId)) return ok({ items: [], nextCursor: null });
      teamId = t.id;
    }
    const pendingIn = q.pending === 'true' ? [...(await decisionUnitIds(w, p))].filter((id) => units.includes(id)) : undefined;
    const after = decodeCursor(q.cursor);
    const rows =
      units.length && (!pendingIn || pendingIn.length)
        ? await w.repos.office.volunteerPage({
            unitIds: units,
            ...(q.status ? { status: q.status } : {}),
            ...(teamId ? { teamId } : {}),
            ...(pendingIn ? { pendingIn } : {}),
            ...(after ? { after: { createdAt: after.at, id: after.id } } : {}),
            take: q.limit + 1,
          })
        : [];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return ok({ items: await items(w, p, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.personId) : null });
  }
}

export class VolunteerPage {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string }): Promise<Result<VolunteerDetail>> {
    const v = await w.repos.office.volunteer(input.id);
    if (!v || !visible(p, v)) return err('console/not_found');
    const [item] = await items(w, p, [v]);
    const record = await w.repos.office.serviceRecords(v.personId, 100);
    return ok({
      ...item!,
      rating: averageRating(await w.repos.office.ratings(v.personId)),
      nextStarIn: hoursToNextStar(item!.hours),
      record: record.map((r) => ({
        need: r.need.code,
        // The need's page only for a need the caller may read.
        needId: p.readUnitIds.includes(r.need.stationId) ? r.needId : null,
        category: r.need.categoryCode,
        hours: Number(r.hours),
        status: r.status,
        finishedAt: r.finishedAt.toISOString(),
        creditedAt: r.creditedAt?.toISOString() ?? null,
      })),
    });
  }
}

export class DecideMembership {
  constructor(private readonly volunteers: VolunteersFeature) {}

  async execute(
    w: Work,
    p: ConsolePrincipal,
    input: { id: string; sessionId: string; approve: unknown },
  ): Promise<Result<{ name: string; team: string; teamEn: string; decided: boolean }>> {
    const cmd = parseCommand(membershipDecisionSchema, { approve: input.approve });
    if (!cmd.ok) return cmd;
    const m = await w.repos.volunteers.membership(input.id);
    // A membership of a team outside the read scope answers like a missing one.
    if (!m || !p.readUnitIds.includes(m.team.orgUnitId)) return err('console/not_found');
    const actor = await consoleActor(w, p);
    const r = await this.volunteers.decide.execute(w, actor, { membershipId: m.id, approve: cmd.value.approve }, { sessionId: input.sessionId });
    // Read but not decide (station staff, viewers, a coordinator below the team's unit): refused.
    if (!r.ok && (r.code === 'auth/not_coordinator' || r.code === 'auth/out_of_scope')) return err('console/read_only');
    return r;
  }
}
