// Exports (报表): the export_job and export_token rows, and the reads behind the export files —
// keyset batches (never OFFSET, never the whole result at once) so a million rows stream through
// bounded memory, and the per-station aggregates of the monthly assessment workbook.
import { Prisma, type Tx } from '../prisma.js';
import type { RowQuery } from './export-bulk-query.js';
import type {
  AssessmentInputs,
  CallAttendanceRow,
  ExportJobRow,
  ExportTokenRow,
  NeedExportRow,
  NeedScopeFilter,
  NewExportJob,
  ServiceRecordExportRow,
  VolunteerExportRow,
} from './export-rows.js';

const JOB_VIEW = {
  id: true,
  personId: true,
  kind: true,
  format: true,
  filter: true,
  reveal: true,
  locale: true,
  status: true,
  rowsDone: true,
  rowsTotal: true,
  fileName: true,
  bytes: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

export class ExportRepository {
  private readonly query: RowQuery;

  constructor(
    private readonly tx: Tx,
    query?: RowQuery,
  ) {
    this.query = query ?? (<T>(sql: Prisma.Sql) => this.tx.$queryRaw<T[]>(sql));
  }

  createJob(j: NewExportJob): Promise<ExportJobRow> {
    return this.tx.exportJob.create({ data: j, select: JOB_VIEW });
  }

  jobById(id: string): Promise<ExportJobRow | null> {
    return this.tx.exportJob.findUnique({ where: { id }, select: JOB_VIEW });
  }

  jobsOf(personId: string, take: number): Promise<ExportJobRow[]> {
    return this.tx.exportJob.findMany({ where: { personId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take, select: JOB_VIEW });
  }

  /** Queued or running exports (re-queued by the reconciler when Redis lost them). */
  unfinishedJobs(): Promise<Array<{ id: string }>> {
    return this.tx.exportJob.findMany({ where: { status: { in: ['queued', 'running'] } }, select: { id: true } });
  }

  /** Marks the job running unless it is finished; false when it is (a repeated delivery). */
  async startJob(id: string, total: number, now: Date): Promise<boolean> {
    const r = await this.tx.exportJob.updateMany({
      where: { id, status: { in: ['queued', 'running'] } },
      data: { status: 'running', startedAt: now, rowsDone: 0, rowsTotal: total },
    });
    return r.count === 1;
  }

  async progress(id: string, rowsDone: number): Promise<void> {
    await this.tx.exportJob.updateMany({ where: { id, status: 'running' }, data: { rowsDone } });
  }

  async finishJob(id: string, done: { rows: number; fileName: string; bytes: number; at: Date; expiresAt: Date }): Promise<void> {
    await this.tx.exportJob.update({
      where: { id },
      data: { status: 'done', rowsDone: done.rows, fileName: done.fileName, bytes: done.bytes, finishedAt: done.at, expiresAt: done.expiresAt },
    });
  }

  async failJob(id: string, error: string, at: Date): Promise<void> {
    await this.tx.exportJob.updateMany({ where: { id, status: { in: ['queued', 'running'] } }, data: { status: 'failed', error, finishedAt: at } });
  }

  /** Finished exports whose file is past its lifetime. */
  expiredJobs(now: Date, take: number): Promise<Array<{ id: string; fileName: string | null }>> {
    return this.tx.exportJob.findMany({ where: { status: 'done', expiresAt: { lte: now } }, select: { id: true, fileName: true }, take });
  }

  async markExpired(ids: string[]): Promise<void> {
    if (ids.length) await this.tx.exportJob.updateMany({ where: { id: { in: ids }, status: 'done' }, data: { status: 'expired', fileName: null } });
  }

  createToken(t: {
    tokenHash: string;
    personId: string;
    label: string;
    kind: string;
    filter: Prisma.InputJsonObject;
    createdAt: Date;
  }): Promise<ExportTokenRow> {
    return this.tx.exportToken.create({ data: t });
  }

  tokensOf(personId: string): Promise<ExportTokenRow[]> {
    return this.tx.exportToken.findMany({ where: { personId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  tokenByHash(tokenHash: string): Promise<ExportTokenRow | null> {
    return this.tx.exportToken.findUnique({ where: { tokenHash } });
  }

  async revokeToken(id: string, personId: string, now: Date): Promise<boolean> {
    const r = await this.tx.exportToken.updateMany({ where: { id, personId }, data: { revokedAt: now } });
    return r.count === 1;
  }

  async tokenUsed(id: string, now: Date): Promise<void> {
    await this.tx.exportToken.update({ where: { id }, data: { lastUsedAt: now } });
  }

  private needWhere(f: NeedScopeFilter): Prisma.Sql {
    const parts: Prisma.Sql[] = [Prisma.sql`n."stationId" = ANY(${f.stationIds}::uuid[])`];
    if (f.statuses?.length) parts.push(Prisma.sql`n.status::text = ANY(${f.statuses}::text[])`);
    if (f.categoryCode) parts.push(Prisma.sql`n."categoryCode" = ${f.categoryCode}`);
    if (f.urgency) parts.push(Prisma.sql`n.urgency = ${f.urgency}`);
    if (f.from) parts.push(Prisma.sql`n."createdAt" >= ${f.from}`);
    if (f.to) parts.push(Prisma.sql`n."createdAt" < ${f.to}`);
    if (f.codeContains) parts.push(Prisma.sql`strpos(n.code, ${f.codeContains}) > 0`);
    return Prisma.join(parts, ' AND ');
  }

  async countNeeds(f: NeedScopeFilter): Promise<number> {
    const r = await this.query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM need n WHERE ${this.needWhere(f)}`);
    return r[0]?.n ?? 0;
  }

  /**
   * One batch of needs, newest first, after the keyset `after`: each with the claim that holds or
   * completed it (the latest not given back), its dispatch's tier and team, hours and rating.
   * Encrypted contact fields only when `withContact` (an unmasked export).
   */
  needBatch(f: NeedScopeFilter, after: { at: string; id: string } | null, take: number, withContact: boolean, timeZone: string): Promise<NeedExportRow[]> {
    const keyset = after ? Prisma.sql`AND (n."createdAt", n.id) < (${after.at}::timestamp, ${after.id}::uuid)` : Prisma.empty;
    const contact = withContact ? Prisma.sql`n."phoneEnc", n."addressEnc"` : Prisma.sql`NULL::text AS "phoneEnc", NULL::text AS "addressEnc"`;
    // Local times as text from PostgreSQL (stored UTC → the desk's zone): a million rows without a
    // Date object per timestamp in Node (decision 0040).
    const local = (col: Prisma.Sql): Prisma.Sql => Prisma.sql`to_char((${col} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD HH24:MI')`;
    return this.query<NeedExportRow>(Prisma.sql`
      SELECT n.id, n.code, n.status::text AS status, n."categoryCode", n."stationId", n.urgency, n.beneficiary,
             n."createdAt"::text AS "atKey", ${local(Prisma.sql`n."createdAt"`)} AS "createdAt",
             d.tier::text AS "takenTier", t.code AS "teamCode", t.name AS "teamName", ${local(Prisma.sql`c."createdAt"`)} AS "takenAt",
             p."displayNameEnc" AS "volunteerNameEnc", p."displayName" AS "volunteerNameClear", sr.hours::float8 AS hours,
             ${local(Prisma.sql`sr."finishedAt"`)} AS "doneAt", r.score, ${contact}
      FROM need n
      LEFT JOIN LATERAL (
        SELECT c.id, c."dispatchId", c."volunteerId", c."createdAt" FROM claim c
        WHERE c."needId" = n.id ORDER BY (c.status = 'released'), c."createdAt" DESC LIMIT 1
      ) c ON true
      LEFT JOIN dispatch d ON d.id = c."dispatchId"
      LEFT JOIN team t ON t.id = d."teamId"
      LEFT JOIN person p ON p.id = c."volunteerId"
      LEFT JOIN service_record sr ON sr."claimId" = c.id
      LEFT JOIN rating r ON r."needId" = n.id
      WHERE ${this.needWhere(f)} ${keyset}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT ${take}`);
  }

  async countServiceRecords(f: NeedScopeFilter): Promise<number> {
    const r = await this.query<{ n: number }>(Prisma.sql`
      SELECT count(*)::int AS n FROM service_record sr JOIN need n ON n.id = sr."needId" WHERE ${this.needWhere(f)}`);
    return r[0]?.n ?? 0;
  }

  serviceRecordBatch(f: NeedScopeFilter, after: { at: Date; id: string } | null, take: number): Promise<ServiceRecordExportRow[]> {
    const keyset = after ? Prisma.sql`AND (sr."createdAt", sr.id) < (${after.at}, ${after.id}::uuid)` : Prisma.empty;
    return this.query<ServiceRecordExportRow>(Prisma.sql`
      SELECT sr.id, sr."createdAt", n.code, n."categoryCode", n."stationId", p."displayNameEnc" AS "volunteerNameEnc", p."displayName" AS "volunteerNameClear", sr.hours::float8 AS hours,
             sr.status::text AS status, sr."finishedAt", sr."creditedAt", sr."creditedBy"
      FROM service_record sr JOIN need n ON n.id = sr."needId" JOIN person p ON p.id = sr."volunteerId"
      WHERE ${this.needWhere(f)} ${keyset}
      ORDER BY sr."createdAt" DESC, sr.id DESC
      LIMIT ${take}`);
  }

  async countVolunteers(stationIds: string[]): Promise<number> {
    const r = await this.query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM volunteer v WHERE v."stationId" = ANY(${stationIds}::uuid[])`);
    return r[0]?.n ?? 0;
  }

  /** Volunteers of these stations with credited hours (jobs and calls), jobs done, average rating. */
  volunteerBatch(stationIds: string[], after: string | null, take: number): Promise<VolunteerExportRow[]> {
    const keyset = after ? Prisma.sql`AND v."personId" > ${after}::uuid` : Prisma.empty;
    return this.query<VolunteerExportRow>(Prisma.sql`
      SELECT v."personId", p."displayNameEnc", p."displayName" AS "displayNameClear", v.status::text AS status, v."stationId", v."createdAt",
             (COALESCE(s.hours, 0) + COALESCE(k.hours, 0))::float8 AS hours, COALESCE(s.jobs, 0)::int AS jobs, rt.avg AS "avgRating"
      FROM volunteer v JOIN person p ON p.id = v."personId"
      LEFT JOIN LATERAL (SELECT sum(hours) AS hours, count(*) AS jobs FROM service_record WHERE "volunteerId" = v."personId" AND status = 'credited') s ON true
      LEFT JOIN LATERAL (SELECT sum(hours) AS hours FROM call_recipient WHERE "personId" = v."personId" AND "creditedAt" IS NOT NULL) k ON true
      LEFT JOIN LATERAL (SELECT avg(score)::float8 AS avg FROM rating WHERE "volunteerId" = v."personId") rt ON true
      WHERE v."stationId" = ANY(${stationIds}::uuid[]) ${keyset}
      ORDER BY v."personId"
      LIMIT ${take}`);
  }

  private callWhere(unitIds: string[], from?: Date, to?: Date): Prisma.Sql {
    const parts: Prisma.Sql[] = [Prisma.sql`c."orgUnitId" = ANY(${unitIds}::uuid[])`];
    if (from) parts.push(Prisma.sql`c."startsAt" >= ${from}`);
    if (to) parts.push(Prisma.sql`c."startsAt" < ${to}`);
    return Prisma.join(parts, ' AND ');
  }

  async countAttendance(unitIds: string[], from?: Date, to?: Date): Promise<number> {
    const r = await this.query<{ n: number }>(Prisma.sql`
      SELECT count(*)::int AS n FROM call_recipient cr JOIN call c ON c.id = cr."callId" WHERE ${this.callWhere(unitIds, from, to)}`);
    return r[0]?.n ?? 0;
  }

  /** Every recipient of the calls of these units (answer, roster, check-in/out, hours). */
  attendanceBatch(unitIds: string[], from: Date | undefined, to: Date | undefined, after: { callId: string; personId: string } | null, take: number) {
    const keyset = after ? Prisma.sql`AND (cr."callId", cr."personId") > (${after.callId}::uuid, ${after.personId}::uuid)` : Prisma.empty;
    return this.query<CallAttendanceRow>(Prisma.sql`
      SELECT cr."callId", cr."personId", c.code, c.title, c."orgUnitId", c."startsAt", p."displayNameEnc", p."displayName" AS "displayNameClear", cr.answer::text AS answer,
             cr.roster::text AS roster, cr."checkedInAt", cr."checkedOutAt", cr.hours::float8 AS hours
      FROM call_recipient cr JOIN call c ON c.id = cr."callId" JOIN person p ON p.id = cr."personId"
      WHERE ${this.callWhere(unitIds, from, to)} ${keyset}
      ORDER BY cr."callId", cr."personId"
      LIMIT ${take}`);
  }

  /**
   * The assessment's inputs per station, for the month [monthStart, monthEnd) and the year to
   * its end [yearStart, monthEnd): registered (approved) volunteers, volunteers active in the
   * month (a service done or a call checked into), credited hours of the year, the month's
   * ratings, and the month's needs by outcome.
   */
  async assessment(stationIds: string[], yearStart: Date, monthStart: Date, monthEnd: Date): Promise<AssessmentInputs[]> {
    return this.query<AssessmentInputs>(Prisma.sql`
      WITH st AS (SELECT unnest(${stationIds}::uuid[]) AS id),
      reg AS (SELECT v."stationId" AS id, count(*)::int AS n FROM volunteer v WHERE v.status = 'approved' AND v."stationId" IN (SELECT id FROM st) GROUP BY 1),
      act AS (
        SELECT v."stationId" AS id, count(DISTINCT x.pid)::int AS n FROM (
          SELECT "volunteerId" AS pid FROM service_record WHERE status <> 'voided' AND "finishedAt" >= ${monthStart} AND "finishedAt" < ${monthEnd}
          UNION SELECT "personId" FROM call_recipient WHERE "checkedInAt" >= ${monthStart} AND "checkedInAt" < ${monthEnd}
        ) x JOIN volunteer v ON v."personId" = x.pid WHERE v."stationId" IN (SELECT id FROM st) GROUP BY 1),
      hrs AS (
        SELECT v."stationId" AS id, sum(x.h)::float8 AS h FROM (
          SELECT "volunteerId" AS pid, hours AS h FROM service_record WHERE status = 'credited' AND "creditedAt" >= ${yearStart} AND "creditedAt" < ${monthEnd}
          UNION ALL SELECT "personId", hours FROM call_recipient WHERE "creditedAt" >= ${yearStart} AND "creditedAt" < ${monthEnd} AND hours IS NOT NULL
        ) x JOIN volunteer v ON v."personId" = x.pid WHERE v."stationId" IN (SELECT id FROM st) GROUP BY 1),
      rat AS (
        SELECT n."stationId" AS id, count(*)::int AS n, sum(r.score)::int AS s, (count(*) FILTER (WHERE r.score >= 4))::int AS good
        FROM rating r JOIN need n ON n.id = r."needId"
        WHERE r."createdAt" >= ${monthStart} AND r."createdAt" < ${monthEnd} AND n."stationId" IN (SELECT id FROM st) GROUP BY 1),
      nd AS (
        SELECT n."stationId" AS id, count(*)::int AS received,
               (count(*) FILTER (WHERE n.status IN ('done', 'confirmed')))::int AS fulfilled,
               (count(*) FILTER (WHERE n.status = 'unfulfilled'))::int AS unfulfilled,
               (count(*) FILTER (WHERE n.status = 'cancelled'))::int AS cancelled
        FROM need n WHERE n."createdAt" >= ${monthStart} AND n."createdAt" < ${monthEnd} AND n."stationId" IN (SELECT id FROM st) GROUP BY 1)
      SELECT st.id AS "stationId", COALESCE(reg.n, 0) AS registered, COALESCE(act.n, 0) AS active, COALESCE(hrs.h, 0)::float8 AS "ytdHours",
             COALESCE(rat.n, 0) AS ratings, COALESCE(rat.s, 0) AS "scoreSum", COALESCE(rat.good, 0) AS good,
             COALESCE(nd.received, 0) AS received, COALESCE(nd.fulfilled, 0) AS fulfilled, COALESCE(nd.unfulfilled, 0) AS unfulfilled,
             COALESCE(nd.cancelled, 0) AS cancelled
      FROM st LEFT JOIN reg ON reg.id = st.id LEFT JOIN act ON act.id = st.id LEFT JOIN hrs ON hrs.id = st.id
      LEFT JOIN rat ON rat.id = st.id LEFT JOIN nd ON nd.id = st.id`);
  }
}
