// Dispatches and claims of needs: the rounds a need is offered in, and the take race (decision
// 0007). NeedRepository extends this with the need itself, its records, ratings and corrections.
import { sourcesOf, targetOf, type OrgTier } from '@baiying/domain';
import { Changes } from '../changes.js';
import type { Tx } from '../prisma.js';

export class NeedClaimsRepository {
  constructor(
    protected readonly tx: Tx,
    protected readonly changes: Changes = new Changes(),
  ) {}

  // --- dispatches -------------------------------------------------------------------------

  async openDispatch(needId: string, teamId: string | null, orgUnitId: string, tier: OrgTier, slaDueAt: Date) {
    const last = await this.tx.dispatch.aggregate({ where: { needId }, _max: { round: true } });
    this.changes.needs.add(needId);
    return this.tx.dispatch.create({ data: { needId, teamId, orgUnitId, tier, slaDueAt, round: (last._max.round ?? 0) + 1 } });
  }

  async dispatch(id: string) {
    return this.tx.dispatch.findUnique({ where: { id }, include: { team: true } });
  }

  async openDispatchOf(needId: string) {
    return this.tx.dispatch.findFirst({ where: { needId, status: 'open' }, include: { team: true } });
  }

  async closeDispatch(id: string, status: 'claimed' | 'escalated' | 'superseded'): Promise<boolean> {
    const r = await this.tx.dispatch.updateMany({ where: { id, status: 'open' }, data: { status, closedAt: new Date() } });
    return r.count === 1;
  }

  async openDispatches(take = 5000) {
    return this.tx.dispatch.findMany({ where: { status: 'open' }, take, select: { id: true, slaDueAt: true } });
  }

  async needsAwaitingRouting(olderThan: Date, take = 500) {
    return this.tx.need.findMany({ where: { status: 'submitted', createdAt: { lte: olderThan } }, take, select: { id: true } });
  }

  // --- claims -----------------------------------------------------------------------------

  /**
   * Decides a "take" race: one UPDATE flips the need from dispatched to claimed only if this
   * dispatch is still the open one. Exactly one concurrent caller gets `true`; a partial
   * unique index on active claims backs it up.
   */
  async take(dispatchId: string, volunteerId: string, at: Date = new Date()): Promise<{ needId: string; claimId: string } | null> {
    const rows = await this.tx.$queryRaw<Array<{ id: string }>>`
      UPDATE need AS n SET status = ${targetOf('take')}::"NeedStatus", "claimedById" = ${volunteerId}::uuid, "updatedAt" = now()
      FROM dispatch AS d
      WHERE d.id = ${dispatchId}::uuid AND d.status = 'open' AND n.id = d."needId" AND n.status = ANY(${sourcesOf('take')}::"NeedStatus"[])
      RETURNING n.id`;
    const needId = rows[0]?.id;
    if (!needId) return null;
    this.changes.needs.add(needId);
    await this.tx.dispatch.update({ where: { id: dispatchId }, data: { status: 'claimed', closedAt: new Date() } });
    const claim = await this.tx.claim.create({ data: { needId, dispatchId, volunteerId, progressAt: at } });
    return { needId, claimId: claim.id };
  }

  async activeClaim(needId: string) {
    return this.tx.claim.findFirst({ where: { needId, status: 'active' }, include: { volunteer: true } });
  }

  async claim(id: string) {
    return this.tx.claim.findUnique({ where: { id }, include: { volunteer: true } });
  }

  async lastCompletedClaim(needId: string) {
    return this.tx.claim.findFirst({
      where: { needId, status: { in: ['completed', 'active'] } },
      orderBy: { createdAt: 'desc' },
      include: { volunteer: true },
    });
  }

  /** `reason`: a code ('timeout', 'volunteer'); `reasonEnc`: the taker's own words, encrypted. */
  async endClaim(
    id: string,
    status: 'released' | 'completed',
    reason: string | null,
    at: Date = new Date(),
    reasonEnc: string | null = null,
  ): Promise<boolean> {
    const r = await this.tx.claim.updateMany({
      where: { id, status: 'active' },
      data: { status, releaseReason: reason, releaseReasonEnc: reasonEnc, endedAt: at },
    });
    return r.count === 1;
  }

  /**
   * Serialises one volunteer's takes until the transaction ends, so the limits counted before a
   * take (active claims, recent releases) hold when two takes of theirs race in different chats.
   */
  async lockVolunteerClaims(volunteerId: string): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`claims:${volunteerId}`}, 0))`;
  }

  /** The volunteer's jobs in hand: claims whose taker owes the next step (a done job waits for the resident). */
  async countClaimsInHand(volunteerId: string): Promise<number> {
    return this.tx.claim.count({ where: { volunteerId, status: 'active', need: { status: { in: ['claimed', 'en_route'] } } } });
  }

  /** When the volunteer's claims ended by release (or timeout) since `since`, oldest first. */
  async releasesSince(volunteerId: string, since: Date): Promise<Date[]> {
    const rows = await this.tx.claim.findMany({
      where: { volunteerId, status: 'released', endedAt: { gte: since } },
      select: { endedAt: true },
      orderBy: { endedAt: 'asc' },
    });
    return rows.map((r) => r.endedAt!);
  }

  /** A step of progress on the claim (set off, disputed): the no-progress clock restarts. */
  async touchClaim(id: string, at: Date): Promise<void> {
    await this.tx.claim.updateMany({ where: { id, status: 'active' }, data: { progressAt: at } });
  }

  /** Active claims whose taker owes the next step, with their last progress (no-progress timers). */
  async claimsAwaitingProgress(take = 5000) {
    return this.tx.claim.findMany({
      where: { status: 'active', need: { status: { in: ['claimed', 'en_route'] } } },
      take,
      select: { id: true, progressAt: true },
    });
  }

  async activeClaimsOf(volunteerId: string) {
    return this.tx.claim.findMany({
      where: { volunteerId, status: 'active' },
      include: { need: { include: { category: true, station: true } } },
      orderBy: { createdAt: 'desc' },
      take: 20,
    });
  }
}
