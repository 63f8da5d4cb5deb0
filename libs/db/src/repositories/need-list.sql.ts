// The console's needs list as one SQL statement (decision 0034): scoped to stations, narrowed by
// the filters, ordered by the chosen sort with a keyset after the previous page's last row. Kept
// as a builder so the index test can EXPLAIN exactly the statement the list runs.
import { Prisma } from '../generated/prisma/client.js';
import type { NeedStatus } from '../generated/prisma/enums.js';

export interface NeedListQuery {
  stationIds: string[];
  statuses?: NeedStatus[];
  categoryCode?: string;
  /** One urgency (the filter, or the level an urgency-sorted page is reading). */
  urgency?: string;
  beneficiaries?: string[];
  /** true: only needs flagged for review (审单); false: only unflagged ones. */
  review?: boolean;
  from?: Date;
  to?: Date;
  codeContains?: string;
  /** Newest first (desc, the default) or oldest first (asc), ties broken by id the same way. */
  direction?: 'asc' | 'desc';
  after?: { createdAt: Date; id: string };
  take: number;
}

/** `%`, `_` and `\` in a code fragment match themselves (the schema allows none, but be exact). */
const likeFragment = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function needPageSql(q: NeedListQuery): Prisma.Sql {
  const where: Prisma.Sql[] = [
    q.stationIds.length === 1 ? Prisma.sql`n."stationId" = ${q.stationIds[0]}::uuid` : Prisma.sql`n."stationId" = ANY(${q.stationIds}::uuid[])`,
  ];
  // One value is an equality (an index on (value, createdAt, id) then reads in order); several: ANY.
  if (q.statuses?.length === 1) where.push(Prisma.sql`n.status = ${q.statuses[0]}::"NeedStatus"`);
  else if (q.statuses?.length) where.push(Prisma.sql`n.status = ANY(${q.statuses}::"NeedStatus"[])`);
  if (q.categoryCode) where.push(Prisma.sql`n."categoryCode" = ${q.categoryCode}`);
  if (q.urgency) where.push(Prisma.sql`n.urgency = ${q.urgency}`);
  if (q.beneficiaries?.length === 1) where.push(Prisma.sql`n.beneficiary = ${q.beneficiaries[0]}`);
  else if (q.beneficiaries?.length) where.push(Prisma.sql`n.beneficiary = ANY(${q.beneficiaries}::text[])`);
  if (q.review === true) where.push(Prisma.sql`n."reviewReason" IS NOT NULL`);
  if (q.review === false) where.push(Prisma.sql`n."reviewReason" IS NULL`);
  if (q.from) where.push(Prisma.sql`n."createdAt" >= ${q.from}`);
  if (q.to) where.push(Prisma.sql`n."createdAt" < ${q.to}`);
  if (q.codeContains) where.push(Prisma.sql`n.code LIKE ${likeFragment(q.codeContains)}`);
  const asc = q.direction === 'asc';
  if (q.after) {
    where.push(
      asc
        ? Prisma.sql`(n."createdAt", n.id) > (${q.after.createdAt}, ${q.after.id}::uuid)`
        : Prisma.sql`(n."createdAt", n.id) < (${q.after.createdAt}, ${q.after.id}::uuid)`,
    );
  }
  const order = asc ? Prisma.sql`n."createdAt" ASC, n.id ASC` : Prisma.sql`n."createdAt" DESC, n.id DESC`;
  return Prisma.sql`
    SELECT n.id, n.code, n.status::text AS status, n."categoryCode", n."stationId", n."ownerUnitId", n.urgency, n.beneficiary,
           n."reviewReason", n.danger, n."phoneEnc", n."addressEnc", n."createdAt", n."updatedAt"
    FROM need n
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${order}
    LIMIT ${q.take}`;
}

export interface ConsoleNeedListRow {
  id: string;
  code: string;
  status: NeedStatus;
  categoryCode: string;
  stationId: string;
  ownerUnitId: string;
  urgency: string;
  beneficiary: string;
  reviewReason: string | null;
  danger: string | null;
  phoneEnc: string | null;
  addressEnc: string | null;
  createdAt: Date;
  updatedAt: Date;
}
