import { sourcesOf, targetOf, type NeedEventType, type NeedStatus, type WantedWhen } from '@baiying/domain';
import { Prisma, type Channel } from '../prisma.js';
import { NeedClaimsRepository } from './need-claims.repository.js';

export interface NewNeed {
  code: string;
  residentId: string;
  channel: Channel;
  categoryCode: string;
  stationId: string;
  descriptionEnc: string;
  addressEnc: string | null;
  locationEnc: string | null;
  phoneEnc: string | null;
  /** The resident's words for when, encrypted. */
  wantedTimeEnc: string | null;
  /** The same, structured (what a group card shows). */
  wantedWhen: WantedWhen | null;
  beneficiary: string;
  urgency: string;
  truncated: boolean;
  reviewReason: string | null;
  danger: string | null;
  dangerFamilies: string[];
  taskTerms: string[];
  attachments: Array<{ kind: string; fileRef: string }>;
}

export type NeedRow = Prisma.NeedGetPayload<{ include: { category: true; station: true } }>;

export class NeedRepository extends NeedClaimsRepository {
  /** Next number of the day, atomically (one row per day, incremented in place). */
  async nextNumber(day: string): Promise<number> {
    const rows = await this.tx.$queryRaw<Array<{ value: number }>>`
      INSERT INTO need_counter (day, value) VALUES (${day}, 1)
      ON CONFLICT (day) DO UPDATE SET value = need_counter.value + 1
      RETURNING value`;
    return Number(rows[0]!.value);
  }

  async create(n: NewNeed): Promise<NeedRow> {
    const { attachments, wantedWhen, ...data } = n;
    return this.tx.need.create({
      data: {
        ...data,
        wantedWhen: wantedWhen ?? Prisma.DbNull,
        ownerUnitId: n.stationId,
        attachments: { create: attachments.map((a) => ({ ...a, channel: n.channel })) },
      },
      include: { category: true, station: true },
    });
  }

  async byId(id: string): Promise<NeedRow | null> {
    return this.tx.need.findUnique({ where: { id }, include: { category: true, station: true } });
  }

  async byCode(code: string): Promise<NeedRow | null> {
    return this.tx.need.findUnique({ where: { code }, include: { category: true, station: true } });
  }

  /** The newest need numbered `n` on its day within the last week: what "N-0042" means. */
  async byShortNumber(n: number, since: Date): Promise<NeedRow | null> {
    return this.tx.need.findFirst({
      where: { code: { endsWith: `-${String(n).padStart(4, '0')}` }, createdAt: { gte: since } },
      orderBy: { createdAt: 'desc' },
      include: { category: true, station: true },
    });
  }

  async byResident(residentId: string, take = 10): Promise<NeedRow[]> {
    return this.tx.need.findMany({ where: { residentId }, orderBy: { createdAt: 'desc' }, take, include: { category: true, station: true } });
  }

  async inScope(unitIds: string[], statuses: NeedStatus[], take = 20): Promise<NeedRow[]> {
    return this.tx.need.findMany({
      where: { status: { in: statuses }, OR: [{ ownerUnitId: { in: unitIds } }, { stationId: { in: unitIds } }] },
      orderBy: { createdAt: 'asc' },
      take,
      include: { category: true, station: true },
    });
  }

  /**
   * Applies a lifecycle event through the state machine: the need moves to the event's target
   * only if it is still in one of the event's source statuses — the single conditional UPDATE
   * that makes concurrent actions safe. Returns whether it applied.
   */
  async apply(id: string, event: NeedEventType, data: Prisma.NeedUncheckedUpdateManyInput = {}): Promise<boolean> {
    const r = await this.tx.need.updateMany({ where: { id, status: { in: sourcesOf(event) } }, data: { ...data, status: targetOf(event) } });
    if (r.count === 1) this.changes.needs.add(id);
    return r.count === 1;
  }

  /** Appends to the need's history; the returned id makes follow-up message keys unique. */
  async event(
    needId: string,
    type: NeedEventType | string,
    actorId: string | null,
    data: Record<string, string | number | boolean | null> = {},
  ): Promise<string> {
    const row = await this.tx.needEvent.create({ data: { needId, type, actorId, data }, select: { id: true } });
    this.changes.needs.add(needId);
    return row.id;
  }

  /** How many `type` events `actorId` added to the need since `since` (a per-need rate limit). */
  async countEvents(needId: string, type: string, actorId: string, since: Date): Promise<number> {
    return this.tx.needEvent.count({ where: { needId, type, actorId, createdAt: { gte: since } } });
  }

  // --- service records, ratings, points ---------------------------------------------------

  /** The volunteer's "done" report; a re-finish of the same claim (after a dispute) restarts its clock. */
  async createServiceRecord(needId: string, claimId: string, volunteerId: string, hours: number, finishedAt: Date) {
    return this.tx.serviceRecord.upsert({
      where: { claimId },
      create: { needId, claimId, volunteerId, hours: new Prisma.Decimal(hours), finishedAt },
      update: { hours: new Prisma.Decimal(hours), status: 'pending', creditedAt: null, creditedBy: null, finishedAt },
    });
  }

  /** The service record of a claim, whatever its status (a voided one means a dispute). */
  async recordOfClaim(claimId: string) {
    return this.tx.serviceRecord.findUnique({ where: { claimId } });
  }

  async serviceRecord(id: string) {
    return this.tx.serviceRecord.findUnique({ where: { id } });
  }

  async pendingRecordOf(needId: string) {
    return this.tx.serviceRecord.findFirst({ where: { needId, status: 'pending' } });
  }

  async pendingRecords(take = 5000) {
    return this.tx.serviceRecord.findMany({ where: { status: 'pending' }, take, select: { id: true, finishedAt: true } });
  }

  async creditRecord(id: string, by: string): Promise<boolean> {
    const r = await this.tx.serviceRecord.updateMany({
      where: { id, status: 'pending' },
      data: { status: 'credited', creditedBy: by, creditedAt: new Date() },
    });
    return r.count === 1;
  }

  async voidRecord(id: string): Promise<boolean> {
    const r = await this.tx.serviceRecord.updateMany({ where: { id, status: 'pending' }, data: { status: 'voided' } });
    return r.count === 1;
  }

  async addPoints(personId: string, delta: number, reason: string, sourceKey: string): Promise<void> {
    await this.tx.pointsEntry.createMany({ data: [{ personId, delta, reason, sourceKey }], skipDuplicates: true });
  }

  async rate(needId: string, residentId: string, volunteerId: string | null, score: number): Promise<boolean> {
    const r = await this.tx.rating.createMany({ data: [{ needId, residentId, volunteerId, score }], skipDuplicates: true });
    return r.count === 1;
  }

  /** The first comment on a rating, encrypted (a legacy clear comment counts as one). */
  /** Keeps the rating's comment; false when the rating already had one (the first comment stays). */
  async commentRating(needId: string, commentEnc: string): Promise<boolean> {
    const r = await this.tx.rating.updateMany({ where: { needId, comment: null, commentEnc: null }, data: { commentEnc } });
    return r.count > 0;
  }

  // --- coordinators' corrections of the understanding ------------------------------------------

  /** Keeps (or replaces) a coordinator's label for one need and one kind of judgement. */
  async recordCorrection(c: { needId: string; kind: 'danger' | 'category'; label: string; was?: string | null; textEnc: string; byId: string }): Promise<void> {
    await this.tx.nluCorrection.upsert({
      where: { needId_kind: { needId: c.needId, kind: c.kind } },
      create: c,
      // A second correction of the same need keeps what the understanding first said.
      update: { label: c.label, textEnc: c.textEnc, byId: c.byId, createdAt: new Date() },
    });
  }

  /** A coordinator's category for a need still open to routing; settles the review flag (审单). */
  async correctCategory(id: string, categoryCode: string): Promise<boolean> {
    const r = await this.tx.need.updateMany({
      where: { id, status: { in: sourcesOf('reassign') } },
      data: { categoryCode, reviewReason: null },
    });
    if (r.count === 1) this.changes.needs.add(id);
    return r.count === 1;
  }

  /** Category corrections in [from, to) of needs at the given stations, counted per (was, label). */
  async categoryCorrectionCounts(stationIds: string[], from: Date, to: Date): Promise<Array<{ was: string | null; label: string; n: number }>> {
    if (stationIds.length === 0) return [];
    const rows = await this.tx.$queryRaw<Array<{ was: string | null; label: string; n: bigint }>>`
      SELECT c."was", c."label", count(*) AS n
      FROM nlu_correction c JOIN need n ON n.id = c."needId"
      WHERE c.kind = 'category' AND c."createdAt" >= ${from} AND c."createdAt" < ${to} AND n."stationId" = ANY(${stationIds}::uuid[])
      GROUP BY c."was", c."label"`;
    return rows.map((r) => ({ was: r.was, label: r.label, n: Number(r.n) }));
  }

  async corrections(kind: 'danger' | 'category') {
    return this.tx.nluCorrection.findMany({ where: { kind }, orderBy: { createdAt: 'asc' } });
  }
}
