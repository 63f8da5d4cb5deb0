// The console's office pages (volunteers, teams, emergency, settings): the reads behind them and
// the settings edits. Scope is decided by the use cases; these take the unit ids they may read.
import type { Channel, Tx } from '../prisma.js';

export interface VolunteerPageQuery {
  /** Volunteers whose station, or one of whose teams' units, lies in these units. */
  unitIds: string[];
  status?: 'pending' | 'approved' | 'rejected';
  /** Only members (any status) of this team. */
  teamId?: string;
  /** Only volunteers with a membership awaiting a decision on a team of these units. */
  pendingIn?: string[];
  after?: { createdAt: Date; id: string };
  take: number;
}

export interface VolunteerFigures {
  hours: number;
  jobs: number;
  points: number;
  lastServiceAt: Date | null;
}

export interface ChatHealthRow {
  channel: Channel;
  chatId: string;
  lastSentAt: Date | null;
  lastFailedAt: Date | null;
  lastError: string | null;
}

export class OfficeRepository {
  constructor(private readonly tx: Tx) {}

  async volunteerPage(q: VolunteerPageQuery) {
    const inScope = { OR: [{ stationId: { in: q.unitIds } }, { memberships: { some: { team: { orgUnitId: { in: q.unitIds } } } } }] };
    return this.tx.volunteer.findMany({
      where: {
        AND: [
          inScope,
          ...(q.status ? [{ status: q.status }] : []),
          ...(q.teamId ? [{ memberships: { some: { teamId: q.teamId } } }] : []),
          ...(q.pendingIn ? [{ memberships: { some: { status: 'pending' as const, team: { orgUnitId: { in: q.pendingIn } } } } }] : []),
          ...(q.after ? [{ OR: [{ createdAt: { lt: q.after.createdAt } }, { createdAt: q.after.createdAt, personId: { lt: q.after.id } }] }] : []),
        ],
      },
      include: { person: true, memberships: { include: { team: true }, orderBy: { createdAt: 'asc' } } },
      orderBy: [{ createdAt: 'desc' }, { personId: 'desc' }],
      take: q.take,
    });
  }

  async volunteer(personId: string) {
    return this.tx.volunteer.findUnique({
      where: { personId },
      include: { person: true, memberships: { include: { team: true }, orderBy: { createdAt: 'asc' } } },
    });
  }

  /** Credited hours (jobs and calls), jobs done, points and the last service of each person. */
  async figures(personIds: string[]): Promise<Map<string, VolunteerFigures>> {
    const out = new Map<string, VolunteerFigures>(personIds.map((id) => [id, { hours: 0, jobs: 0, points: 0, lastServiceAt: null }]));
    if (personIds.length === 0) return out;
    const [records, calls, points] = await Promise.all([
      this.tx.serviceRecord.groupBy({
        by: ['volunteerId'],
        where: { volunteerId: { in: personIds }, status: 'credited' },
        _sum: { hours: true },
        _count: { _all: true },
        _max: { finishedAt: true },
      }),
      this.tx.callRecipient.groupBy({
        by: ['personId'],
        where: { personId: { in: personIds }, creditedAt: { not: null } },
        _sum: { hours: true },
        _max: { creditedAt: true },
      }),
      this.tx.pointsEntry.groupBy({ by: ['personId'], where: { personId: { in: personIds } }, _sum: { delta: true } }),
    ]);
    const later = (a: Date | null, b: Date | null | undefined): Date | null => (b && (!a || b > a) ? b : a);
    for (const r of records) {
      const f = out.get(r.volunteerId)!;
      f.hours += Number(r._sum.hours ?? 0);
      f.jobs = r._count._all;
      f.lastServiceAt = later(f.lastServiceAt, r._max.finishedAt);
    }
    for (const r of calls) {
      const f = out.get(r.personId)!;
      f.hours += Number(r._sum.hours ?? 0);
      f.lastServiceAt = later(f.lastServiceAt, r._max.creditedAt);
    }
    for (const r of points) out.get(r.personId)!.points = r._sum.delta ?? 0;
    return out;
  }

  /** A volunteer's service record: their jobs (newest first), with the need's code and category. */
  async serviceRecords(personId: string, take: number) {
    return this.tx.serviceRecord.findMany({
      where: { volunteerId: personId },
      include: { need: { select: { code: true, categoryCode: true, stationId: true } } },
      orderBy: { finishedAt: 'desc' },
      take,
    });
  }

  async ratings(personId: string): Promise<number[]> {
    return (await this.tx.rating.findMany({ where: { volunteerId: personId }, select: { score: true } })).map((r) => r.score);
  }

  async teams(unitIds: string[], categoryCode?: string) {
    return this.tx.team.findMany({
      where: { orgUnitId: { in: unitIds }, ...(categoryCode ? { categoryCode } : {}) },
      include: { chats: { orderBy: { boundAt: 'asc' } }, category: true },
      orderBy: { code: 'asc' },
    });
  }

  async team(id: string) {
    return this.tx.team.findUnique({
      where: { id },
      include: {
        chats: { orderBy: { boundAt: 'asc' } },
        category: true,
        memberships: { include: { volunteer: { include: { person: true } } }, orderBy: { createdAt: 'asc' } },
      },
    });
  }

  /** Members by status, per team. */
  async memberCounts(teamIds: string[]): Promise<Map<string, { approved: number; pending: number }>> {
    const out = new Map(teamIds.map((id) => [id, { approved: 0, pending: 0 }]));
    const rows = await this.tx.teamMembership.groupBy({ by: ['teamId', 'status'], where: { teamId: { in: teamIds } }, _count: { _all: true } });
    for (const r of rows) {
      const c = out.get(r.teamId)!;
      if (r.status === 'approved') c.approved = r._count._all;
      if (r.status === 'pending') c.pending = r._count._all;
    }
    return out;
  }

  /** Open dispatches (jobs waiting to be taken) per team. */
  async openJobCounts(teamIds: string[]): Promise<Map<string, number>> {
    const rows = await this.tx.dispatch.groupBy({ by: ['teamId'], where: { teamId: { in: teamIds }, status: 'open' }, _count: { _all: true } });
    return new Map(rows.filter((r) => r.teamId !== null).map((r) => [r.teamId!, r._count._all]));
  }

  async openJobs(teamId: string, take: number) {
    return this.tx.dispatch.findMany({
      where: { teamId, status: 'open' },
      include: { need: { select: { id: true, code: true, status: true, categoryCode: true, urgency: true } } },
      orderBy: { slaDueAt: 'asc' },
      take,
    });
  }

  /**
   * The health of group bindings: the last message the bot delivered to each chat and the last
   * one the platform refused (a bot removed from the group fails every send from then on).
   */
  async chatHealth(chats: Array<{ channel: Channel; chatId: string }>): Promise<ChatHealthRow[]> {
    if (chats.length === 0) return [];
    const rows = await this.tx.sentMessage.groupBy({
      by: ['channel', 'chatId', 'status'],
      where: { OR: chats.map((c) => ({ channel: c.channel, chatId: c.chatId })), status: { in: ['sent', 'failed'] } },
      _max: { sentAt: true, createdAt: true },
    });
    const out: ChatHealthRow[] = [];
    for (const c of chats) {
      const sent = rows.find((r) => r.channel === c.channel && r.chatId === c.chatId && r.status === 'sent');
      const failed = rows.find((r) => r.channel === c.channel && r.chatId === c.chatId && r.status === 'failed');
      const lastFailedAt = failed?._max.createdAt ?? null;
      const lastError = lastFailedAt
        ? ((
            await this.tx.sentMessage.findFirst({
              where: { channel: c.channel, chatId: c.chatId, status: 'failed' },
              orderBy: { createdAt: 'desc' },
              select: { lastError: true },
            })
          )?.lastError ?? null)
        : null;
      out.push({ channel: c.channel, chatId: c.chatId, lastSentAt: sent?._max.sentAt ?? sent?._max.createdAt ?? null, lastFailedAt, lastError });
    }
    return out;
  }

  async modeHistory(unitIds: string[], take: number) {
    return this.tx.modeSwitch.findMany({ where: { orgUnitId: { in: unitIds } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
  }

  // --- settings ------------------------------------------------------------------------------

  async allCategories() {
    return this.tx.category.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
  }

  async updateCategory(code: string, data: { nameZh?: string; nameEn?: string; keywords?: string[]; active?: boolean }) {
    return this.tx.category.update({ where: { code }, data });
  }

  async updateUnit(id: string, data: { name?: string; nameEn?: string | null; aliases?: string[] }) {
    return this.tx.orgUnit.update({ where: { id }, data });
  }

  async updateTeam(id: string, data: { name?: string; nameEn?: string | null }) {
    return this.tx.team.update({ where: { id }, data });
  }

  /**
   * Tells every running process that reference data changed (delivered on commit, and only if
   * the transaction commits): the bot reloads its categories and stations (decision 0029).
   */
  async notifySettingsChanged(what: string): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_notify('baiying_settings', ${what})`;
  }
}
