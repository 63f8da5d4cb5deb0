// 张榜公示: the reads behind the four lists of one unit (its subtree) and month, the versioned
// snapshots, and the one-time score invites of the 落实清单点评表.
import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../prisma.js';

/** One need of the month (or an unfulfilled one carried over): public facts and ids only. */
export interface PublicityNeedRow {
  id: string;
  code: string;
  residentId: string;
  stationId: string;
  categoryCode: string;
  beneficiary: string;
  status: string;
  createdAt: Date;
  promisedDate: Date | null;
  rating: number | null;
  team: string | null;
  doneAt: Date | null;
}

export interface PublicityTeamRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  orgUnitId: string;
  members: number;
}

export interface SnapshotRow {
  id: string;
  orgUnitId: string;
  month: string;
  version: number;
  status: string;
  data: Prisma.JsonValue;
  changeSummary: string | null;
  changes: Prisma.JsonValue;
  frozenAt: Date;
  createdById: string | null;
  publishedAt: Date | null;
  publishedById: string | null;
}

export interface NewSnapshot {
  orgUnitId: string;
  month: string;
  version: number;
  status: 'draft' | 'published';
  data: Prisma.InputJsonObject;
  changeSummary?: string | null;
  changes?: Prisma.InputJsonArray;
  frozenAt: Date;
  createdById?: string | null;
  publishedAt?: Date | null;
  publishedById?: string | null;
}

export interface ScoreInviteRow {
  needId: string;
  residentId: string;
  codeHash: string;
  failures: number;
  issuedAt: Date;
  expiresAt: Date;
  score: number | null;
  source: string | null;
  scoredAt: Date | null;
}

const subtreePattern = (unitId: string): string => `%/${unitId}/%`;

export class PublicityRepository {
  constructor(private readonly tx: Tx) {}

  /**
   * Needs at `stationIds` (a unit's subtree) created in [from, to), and needs still unfulfilled
   * from before `from` whose promised date is not before `firstDay` (YYYY-MM-01: 限时兑现 carried
   * over). Team and done time come from the need's last claim not given back, for fulfilled ones.
   */
  async monthNeeds(stationIds: string[], from: Date, to: Date, firstDay: string): Promise<PublicityNeedRow[]> {
    if (stationIds.length === 0) return [];
    return this.tx.$queryRaw<PublicityNeedRow[]>`
      WITH picked AS (
        SELECT n.* FROM need n
         WHERE n."stationId" = ANY(${stationIds}::uuid[]) AND n."createdAt" >= ${from} AND n."createdAt" < ${to}
        UNION ALL
        SELECT n.* FROM need n
         WHERE n.status = 'unfulfilled' AND n."stationId" = ANY(${stationIds}::uuid[])
           AND n."createdAt" < ${from} AND n."promisedDate" >= ${firstDay}::date
      )
      SELECT n.id, n.code, n."residentId", n."stationId", n."categoryCode", n.beneficiary, n.status::text AS status,
             n."createdAt", n."promisedDate", r.score AS rating, c.team, c."endedAt" AS "doneAt"
        FROM picked n
        LEFT JOIN rating r ON r."needId" = n.id
        LEFT JOIN LATERAL (
          SELECT t.name AS team, cl."endedAt" FROM claim cl
            JOIN dispatch d ON d.id = cl."dispatchId" JOIN team t ON t.id = d."teamId"
           WHERE cl."needId" = n.id AND cl.status <> 'released' AND n.status IN ('done', 'confirmed')
           ORDER BY cl."createdAt" DESC LIMIT 1) c ON true
       ORDER BY n."createdAt", n.id`;
  }

  /** Teams of units under `unitId` with their approved members. */
  async teams(unitId: string): Promise<PublicityTeamRow[]> {
    const rows = await this.tx.$queryRaw<Array<Omit<PublicityTeamRow, 'members'> & { members: bigint }>>`
      SELECT t.id, t.code, t.name, t."nameEn", t."categoryCode", t."orgUnitId",
             (SELECT count(*) FROM team_membership m WHERE m."teamId" = t.id AND m.status = 'approved') AS members
        FROM team t JOIN org_unit u ON u.id = t."orgUnitId"
       WHERE u.path LIKE ${subtreePattern(unitId)}
       ORDER BY t.code`;
    return rows.map((r) => ({ ...r, members: Number(r.members) }));
  }

  /** Approved volunteers of stations under `unitId`, counted by skill (人才资源库). */
  async talents(unitId: string): Promise<Array<{ skill: string; people: number }>> {
    const rows = await this.tx.$queryRaw<Array<{ skill: string; people: bigint }>>`
      SELECT s.skill, count(*) AS people
        FROM volunteer v JOIN org_unit u ON u.id = v."stationId", unnest(v.skills) AS s(skill)
       WHERE v.status = 'approved' AND u.path LIKE ${subtreePattern(unitId)}
       GROUP BY s.skill ORDER BY count(*) DESC, s.skill`;
    return rows.map((r) => ({ skill: r.skill, people: Number(r.people) }));
  }

  /** Units (not service points) with no snapshot of `month` yet: the month-end timer's work. */
  async unitsWithoutSnapshot(month: string): Promise<string[]> {
    const rows = await this.tx.$queryRaw<Array<{ id: string }>>`
      SELECT u.id FROM org_unit u
       WHERE u.tier <> 'point'
         AND NOT EXISTS (SELECT 1 FROM publicity_snapshot s WHERE s."orgUnitId" = u.id AND s.month = ${month})
       ORDER BY u.path`;
    return rows.map((r) => r.id);
  }

  /** Inserts a snapshot; null when that (unit, month, version) exists already. Returns its id only (the data can be large). */
  async addSnapshot(s: NewSnapshot): Promise<{ id: string } | null> {
    const rows = await this.tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO publicity_snapshot (id, "orgUnitId", month, version, status, data, "changeSummary", changes, "frozenAt", "createdById", "publishedAt", "publishedById")
      VALUES (gen_random_uuid(), ${s.orgUnitId}::uuid, ${s.month}, ${s.version}, ${s.status}, ${JSON.stringify(s.data)}::jsonb,
              ${s.changeSummary ?? null}, ${JSON.stringify(s.changes ?? [])}::jsonb, ${s.frozenAt}, ${s.createdById ?? null}::uuid,
              ${s.publishedAt ?? null}, ${s.publishedById ?? null}::uuid)
      ON CONFLICT ("orgUnitId", month, version) DO NOTHING
      RETURNING id`;
    return rows[0] ?? null;
  }

  snapshot(id: string): Promise<SnapshotRow | null> {
    return this.tx.publicitySnapshot.findUnique({ where: { id } });
  }

  /** Every version of one unit's month, oldest first, without their lists (read one with `snapshot`). */
  versions(orgUnitId: string, month: string): Promise<Array<Omit<SnapshotRow, 'data'>>> {
    return this.tx.publicitySnapshot.findMany({ where: { orgUnitId, month }, orderBy: { version: 'asc' }, omit: { data: true } });
  }

  /** Snapshots of these units (newest month first), without their data. */
  async list(orgUnitIds: string[], month?: string): Promise<Array<Omit<SnapshotRow, 'data' | 'changes'>>> {
    return this.tx.publicitySnapshot.findMany({
      where: { orgUnitId: { in: orgUnitIds }, ...(month ? { month } : {}) },
      orderBy: [{ month: 'desc' }, { orgUnitId: 'asc' }, { version: 'asc' }],
      omit: { data: true, changes: true },
      take: 500,
    });
  }

  /** Marks a draft published; false when it was not a draft any more (a concurrent publish). */
  async markPublished(id: string, at: Date, by: string): Promise<boolean> {
    const r = await this.tx.publicitySnapshot.updateMany({ where: { id, status: 'draft' }, data: { status: 'published', publishedAt: at, publishedById: by } });
    return r.count === 1;
  }

  /** Locks one unit's month against concurrent corrections (transaction-scoped). */
  async lockMonth(orgUnitId: string, month: string): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`publicity:${orgUnitId}:${month}`}))`;
  }

  // --- 落实清单点评表 -------------------------------------------------------------------------

  invite(needId: string): Promise<ScoreInviteRow | null> {
    return this.tx.publicityScore.findUnique({ where: { needId } });
  }

  inviteByCode(codeHash: string): Promise<ScoreInviteRow | null> {
    return this.tx.publicityScore.findUnique({ where: { codeHash } });
  }

  /** A new invite, or a fresh code for an unscored one (the old code stops working). */
  async upsertInvite(needId: string, residentId: string, codeHash: string, issuedAt: Date, expiresAt: Date): Promise<void> {
    await this.tx.publicityScore.upsert({
      where: { needId },
      create: { needId, residentId, codeHash, issuedAt, expiresAt },
      update: { codeHash, issuedAt, expiresAt, failures: 0 },
    });
  }

  /** Records the score once; false when already scored (a repeat or a race). */
  async recordScore(needId: string, score: number, source: 'chat' | 'page', at: Date): Promise<boolean> {
    const r = await this.tx.publicityScore.updateMany({ where: { needId, score: null }, data: { score, source, scoredAt: at } });
    return r.count === 1;
  }

  async addFailure(needId: string): Promise<number> {
    const r = await this.tx.publicityScore.update({ where: { needId }, data: { failures: { increment: 1 } } });
    return r.failures;
  }

  /** The residents' scores of these needs, by need code (those scored). */
  async scoresByCode(codes: string[]): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows = await this.tx.$queryRaw<Array<{ code: string; score: number }>>`
      SELECT n.code, s.score FROM publicity_score s JOIN need n ON n.id = s."needId"
       WHERE n.code = ANY(${codes}) AND s.score IS NOT NULL`;
    return new Map(rows.map((r) => [r.code, r.score]));
  }

  /** Needs named by code, with what an invite needs (no personal data). */
  needsByCode(
    codes: string[],
  ): Promise<Array<{ id: string; code: string; residentId: string; status: string; categoryCode: string; channel: string; stationId: string }>> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.tx.$queryRaw`
      SELECT id, code, "residentId", status::text AS status, "categoryCode", channel::text AS channel, "stationId"
        FROM need WHERE code = ANY(${codes}) AND "anonymisedAt" IS NULL`;
  }

  // --- 限时兑现 overdue ---------------------------------------------------------------------

  /** Unfulfilled needs whose promised date lies before `today` (YYYY-MM-DD in the desk's time zone), not yet alerted. */
  async overdue(today: string, take = 500): Promise<Array<{ id: string }>> {
    // Each promise is alerted once: a need_event marks it (a new /close date is a new promise).
    return this.tx.$queryRaw`
      SELECT n.id FROM need n
       WHERE n.status = 'unfulfilled' AND n."promisedDate" < ${today}::date
         AND NOT EXISTS (SELECT 1 FROM need_event e WHERE e."needId" = n.id AND e.type = 'promise_overdue'
                           AND e.data->>'promised' = to_char(n."promisedDate", 'YYYY-MM-DD'))
       ORDER BY n."promisedDate", n.id LIMIT ${take}`;
  }

  /**
   * The need's promise if it is still overdue and not yet alerted, its row locked for the rest of
   * the transaction (two reconcilers alerting the same promise: the second finds it alerted).
   */
  async overdueLocked(needId: string, today: string): Promise<{ promisedDate: Date } | null> {
    const rows = await this.tx.$queryRaw<Array<{ promisedDate: Date }>>`
      SELECT n."promisedDate" FROM need n
       WHERE n.id = ${needId}::uuid AND n.status = 'unfulfilled' AND n."promisedDate" < ${today}::date
         AND NOT EXISTS (SELECT 1 FROM need_event e WHERE e."needId" = n.id AND e.type = 'promise_overdue'
                           AND e.data->>'promised' = to_char(n."promisedDate", 'YYYY-MM-DD'))
       FOR UPDATE OF n`;
    return rows[0] ?? null;
  }
}
