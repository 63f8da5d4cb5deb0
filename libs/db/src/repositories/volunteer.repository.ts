import type { Tx } from '../prisma.js';

export class VolunteerRepository {
  constructor(private readonly tx: Tx) {}

  async get(personId: string) {
    return this.tx.volunteer.findUnique({ where: { personId }, include: { memberships: { include: { team: true } }, person: true } });
  }

  async register(personId: string, stationId: string, teamIds: string[], skills: string[], autoApprove: boolean): Promise<void> {
    await this.tx.volunteer.create({
      data: {
        personId,
        stationId,
        skills,
        status: autoApprove ? 'approved' : 'pending',
        approvedAt: autoApprove ? new Date() : null,
        memberships: { create: teamIds.map((teamId) => ({ teamId })) },
      },
    });
  }

  /** pending → approved/rejected exactly once; returns false when already decided. */
  async decide(personId: string, approve: boolean, byId: string): Promise<boolean> {
    const r = await this.tx.volunteer.updateMany({
      where: { personId, status: 'pending' },
      data: { status: approve ? 'approved' : 'rejected', approvedById: byId, approvedAt: new Date() },
    });
    return r.count === 1;
  }

  async pendingInStations(stationIds: string[]) {
    return this.tx.volunteer.findMany({
      where: { status: 'pending', stationId: { in: stationIds } },
      include: { person: true },
      orderBy: { createdAt: 'asc' },
      take: 20,
    });
  }

  async isApprovedMember(personId: string, teamId: string): Promise<{ member: boolean; approved: boolean; volunteer: boolean }> {
    const v = await this.tx.volunteer.findUnique({ where: { personId }, include: { memberships: { where: { teamId } } } });
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
