import type { Tx } from '../prisma.js';

export class VolunteerRepository {
  constructor(private readonly tx: Tx) {}

  async get(personId: string) {
    return this.tx.volunteer.findUnique({ where: { personId }, include: { memberships: { include: { team: true } }, person: true } });
  }

  /** Each team's membership is approved at once only where `approved` says so; the rest wait. */
  async register(personId: string, stationId: string, teams: Array<{ teamId: string; approved: boolean }>, skills: string[]): Promise<void> {
    const any = teams.some((t) => t.approved);
    const now = new Date();
    await this.tx.volunteer.create({
      data: {
        personId,
        stationId,
        skills,
        status: any ? 'approved' : 'pending',
        approvedAt: any ? now : null,
        memberships: {
          create: teams.map((t) => ({
            teamId: t.teamId,
            status: t.approved ? ('approved' as const) : ('pending' as const),
            decidedAt: t.approved ? now : null,
          })),
        },
      },
    });
  }

  /** One team membership by its handle, with its team and the volunteer. */
  async membership(id: string) {
    return this.tx.teamMembership.findUnique({ where: { id }, include: { team: true, volunteer: { include: { person: true } } } });
  }

  /**
   * A membership pending → approved/rejected exactly once (false when already decided); the
   * volunteer is approved once any membership is, rejected once every one is.
   */
  async decideMembership(id: string, approve: boolean, byId: string): Promise<boolean> {
    const now = new Date();
    const r = await this.tx.teamMembership.updateMany({
      where: { id, status: 'pending' },
      data: { status: approve ? 'approved' : 'rejected', decidedById: byId, decidedAt: now },
    });
    if (r.count !== 1) return false;
    const m = await this.tx.teamMembership.findUniqueOrThrow({ where: { id } });
    const all = await this.tx.teamMembership.findMany({ where: { volunteerId: m.volunteerId }, select: { status: true } });
    if (all.some((x) => x.status === 'approved'))
      await this.tx.volunteer.updateMany({
        where: { personId: m.volunteerId, status: { not: 'approved' } },
        data: { status: 'approved', approvedById: byId, approvedAt: now },
      });
    else if (all.every((x) => x.status === 'rejected'))
      await this.tx.volunteer.updateMany({ where: { personId: m.volunteerId }, data: { status: 'rejected', approvedById: byId, approvedAt: now } });
    return true;
  }

  /** Team memberships awaiting a decision for teams of these units, oldest first. */
  async pendingInUnits(unitIds: string[]) {
    return this.tx.teamMembership.findMany({
      where: { status: 'pending', team: { orgUnitId: { in: unitIds } } },
      include: { team: true, volunteer: { include: { person: true } } },
      orderBy: { createdAt: 'asc' },
      take: 20,
    });
  }

  async isApprovedMember(personId: string, teamId: string): Promise<{ member: boolean; approved: boolean; volunteer: boolean }> {
    const v = await this.tx.volunteer.findUnique({ where: { personId }, include: { memberships: { where: { teamId, status: 'approved' } } } });
    return { volunteer: !!v, approved: v?.status === 'approved', member: (v?.memberships.length ?? 0) > 0 };
  }

  async stats(personId: string): Promise<{ creditedHours: number; completedJobs: number; ratings: number[]; points: number }> {
    const [hours, callHours, completed, ratings, points] = await Promise.all([
      this.tx.serviceRecord.aggregate({ where: { volunteerId: personId, status: 'credited' }, _sum: { hours: true } }),
      // Hours served on calls (一呼百应), credited at check-out.
      this.tx.callRecipient.aggregate({ where: { personId, creditedAt: { not: null } }, _sum: { hours: true } }),
      this.tx.serviceRecord.count({ where: { volunteerId: personId, status: 'credited' } }),
      this.tx.rating.findMany({ where: { volunteerId: personId }, select: { score: true } }),
      this.tx.pointsEntry.aggregate({ where: { personId }, _sum: { delta: true } }),
    ]);
    return {
      creditedHours: Number(hours._sum.hours ?? 0) + Number(callHours._sum.hours ?? 0),
      completedJobs: completed,
      ratings: ratings.map((r) => r.score),
      points: points._sum.delta ?? 0,
    };
  }
}
