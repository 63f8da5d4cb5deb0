// The console's tables: login requests (console_login), the audit trail (audit_log, append-only)
// and the reads behind its needs list and detail (keyset pages, newest first).
import type { Prisma } from '../generated/prisma/client.js';
import { Changes } from '../changes.js';
import type { Tx } from '../prisma.js';
import { needPageSql, type ConsoleNeedListRow, type NeedListQuery } from './need-list.sql.js';

export interface DispatchBoardRow {
  dispatchId: string;
  round: number;
  tier: string;
  slaDueAt: Date;
  openedAt: Date;
  needId: string;
  code: string;
  status: string;
  categoryCode: string;
  urgency: string;
  stationCode: string;
  stationName: string;
  unitCode: string;
  unitName: string;
  teamName: string | null;
  escalated: boolean;
}

export interface ConsoleLoginRow {
  id: string;
  kind: string;
  selector: string | null;
  secretHash: string | null;
  userAgent: string | null;
  failures: number;
  lockedAt: Date | null;
  personId: string | null;
  approvedAt: Date | null;
  consumedAt: Date | null;
  sessionId: string | null;
  refusedAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewConsoleLogin {
  kind: 'code' | 'link';
  preTokenHash?: string;
  selector?: string;
  secretHash?: string;
  linkTokenHash?: string;
  personId?: string;
  approvedAt?: Date;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface NewAuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  orgUnitId?: string | null;
  needId?: string | null;
  sessionId?: string | null;
  reason?: string | null;
  detail?: Prisma.InputJsonObject;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  orgUnitId: string | null;
  needId: string | null;
  sessionId: string | null;
  reason: string | null;
  detail: Prisma.JsonValue;
}

export interface AuditQuery {
  /** Entries about these units, or by these people (a coordinator's scope); undefined = all. */
  scope?: { unitIds: string[]; actorIds: string[] };
  action?: string;
  actorId?: string;
  needId?: string;
  from?: Date;
  to?: Date;
  after?: { at: Date; id: string };
  take: number;
}

export interface SavedFilterRow {
  id: string;
  name: string;
  query: string;
  createdAt: Date;
}
const SAVED_FILTER = { id: true, name: true, query: true, createdAt: true } as const;

const LOGIN_VIEW = {
  id: true,
  kind: true,
  selector: true,
  secretHash: true,
  userAgent: true,
  failures: true,
  lockedAt: true,
  personId: true,
  approvedAt: true,
  consumedAt: true,
  sessionId: true,
  refusedAt: true,
  createdAt: true,
  expiresAt: true,
} as const;

export class ConsoleRepository {
  constructor(
    private readonly tx: Tx,
    private readonly changes: Changes = new Changes(),
  ) {}

  /** The console roles a person holds: role name and the unit it is held on. */
  roles(personId: string): Promise<Array<{ role: string; orgUnitId: string }>> {
    return this.tx.roleAssignment.findMany({ where: { personId }, select: { role: true, orgUnitId: true } });
  }

  createLogin(l: NewConsoleLogin): Promise<ConsoleLoginRow> {
    return this.tx.consoleLogin.create({ data: l, select: LOGIN_VIEW });
  }

  /** Locks the row for the rest of the transaction (a code said twice at once is used once). */
  async lockLogin(id: string): Promise<void> {
    await this.tx.$queryRaw`SELECT id FROM console_login WHERE id = ${id}::uuid FOR UPDATE`;
  }

  loginByPreToken(preTokenHash: string): Promise<ConsoleLoginRow | null> {
    return this.tx.consoleLogin.findUnique({ where: { preTokenHash }, select: LOGIN_VIEW });
  }

  loginByLinkToken(linkTokenHash: string): Promise<ConsoleLoginRow | null> {
    return this.tx.consoleLogin.findUnique({ where: { linkTokenHash }, select: LOGIN_VIEW });
  }

  loginById(id: string): Promise<ConsoleLoginRow | null> {
    return this.tx.consoleLogin.findUnique({ where: { id }, select: LOGIN_VIEW });
  }

  /** The pending code requests under a selector that are still valid (normally one). */
  pendingBySelector(selector: string, now: Date): Promise<ConsoleLoginRow[]> {
    return this.tx.consoleLogin.findMany({
      where: { kind: 'code', selector, expiresAt: { gt: now }, approvedAt: null, lockedAt: null, refusedAt: null },
      select: LOGIN_VIEW,
    });
  }

  async selectorTaken(selector: string, now: Date): Promise<boolean> {
    return (await this.tx.consoleLogin.count({ where: { selector, expiresAt: { gt: now } } })) > 0;
  }

  /** One more wrong secret; locks the row at `limit`. Returns the new count. */
  async loginFailure(id: string, limit: number, now: Date): Promise<number> {
    const r = await this.tx.consoleLogin.update({ where: { id }, data: { failures: { increment: 1 } }, select: { failures: true } });
    if (r.failures >= limit) {
      await this.tx.consoleLogin.update({ where: { id }, data: { lockedAt: now } });
      this.changes.logins.add(id);
    }
    return r.failures;
  }

  async approveLogin(id: string, personId: string, now: Date): Promise<boolean> {
    const r = await this.tx.consoleLogin.updateMany({ where: { id, approvedAt: null, lockedAt: null, refusedAt: null }, data: { personId, approvedAt: now } });
    if (r.count === 1) this.changes.logins.add(id);
    return r.count === 1;
  }

  async consumeLogin(id: string, sessionId: string, now: Date): Promise<boolean> {
    const r = await this.tx.consoleLogin.updateMany({ where: { id, consumedAt: null, refusedAt: null }, data: { consumedAt: now, sessionId } });
    return r.count === 1;
  }

  async refuseLogin(id: string, now: Date): Promise<void> {
    await this.tx.consoleLogin.updateMany({ where: { id, refusedAt: null }, data: { refusedAt: now } });
    this.changes.logins.add(id);
  }

  async audit(e: NewAuditEntry): Promise<void> {
    await this.tx.auditLog.create({ data: { ...e, detail: e.detail ?? {} } });
  }

  auditPage(q: AuditQuery): Promise<AuditRow[]> {
    const and: Prisma.AuditLogWhereInput[] = [];
    if (q.scope) and.push({ OR: [{ orgUnitId: { in: q.scope.unitIds } }, { actorId: { in: q.scope.actorIds } }] });
    if (q.action) and.push({ action: q.action });
    if (q.actorId) and.push({ actorId: q.actorId });
    if (q.needId) and.push({ needId: q.needId });
    if (q.from) and.push({ at: { gte: q.from } });
    if (q.to) and.push({ at: { lt: q.to } });
    if (q.after) and.push({ OR: [{ at: { lt: q.after.at } }, { at: q.after.at, id: { lt: q.after.id } }] });
    return this.tx.auditLog.findMany({ where: { AND: and }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: q.take });
  }

  /** People who hold a role on any of these units (whose own entries a coordinator may read). */
  async peopleOnUnits(unitIds: string[]): Promise<string[]> {
    const rows = await this.tx.roleAssignment.findMany({ where: { orgUnitId: { in: unitIds } }, select: { personId: true }, distinct: ['personId'] });
    return rows.map((r) => r.personId);
  }

  needPage(q: NeedListQuery): Promise<ConsoleNeedListRow[]> {
    return this.tx.$queryRaw<ConsoleNeedListRow[]>(needPageSql(q));
  }

  savedFilters(personId: string): Promise<SavedFilterRow[]> {
    return this.tx.consoleSavedFilter.findMany({ where: { personId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: SAVED_FILTER });
  }

  /** Saves a filter unless the person already has `cap` (then null); a name used again replaces its query. */
  async saveFilter(personId: string, name: string, query: string, cap: number, now: Date): Promise<SavedFilterRow | null> {
    // One person's saves are serialised, so two at once cannot both pass the cap.
    await this.tx.$queryRaw`SELECT id FROM person WHERE id = ${personId}::uuid FOR UPDATE`;
    const same = await this.tx.consoleSavedFilter.findUnique({ where: { personId_name: { personId, name } }, select: { id: true } });
    if (same) return this.tx.consoleSavedFilter.update({ where: { id: same.id }, data: { query }, select: SAVED_FILTER });
    if ((await this.tx.consoleSavedFilter.count({ where: { personId } })) >= cap) return null;
    return this.tx.consoleSavedFilter.create({ data: { personId, name, query, createdAt: now }, select: SAVED_FILTER });
  }

  /** Deletes one of the person's own filters; false when it is not theirs or does not exist. */
  async deleteSavedFilter(personId: string, id: string): Promise<boolean> {
    return (await this.tx.consoleSavedFilter.deleteMany({ where: { id, personId } })).count === 1;
  }

  needById(id: string) {
    return this.tx.need.findUnique({
      where: { id },
      include: {
        category: { select: { nameZh: true, nameEn: true } },
        events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        dispatches: { orderBy: { createdAt: 'asc' }, include: { team: { select: { code: true, name: true } } } },
        claims: { orderBy: { createdAt: 'asc' }, select: { id: true, status: true, volunteerId: true, createdAt: true } },
        rating: { select: { score: true, createdAt: true } },
      },
    });
  }

  needByCode(code: string): Promise<{ id: string } | null> {
    return this.tx.need.findUnique({ where: { code }, select: { id: true } });
  }

  /** People's names as stored (encrypted, or legacy clear): read them with personName. */
  namesOf(personIds: string[]): Promise<Array<{ id: string; displayNameEnc: string | null; displayNameClear: string | null }>> {
    return this.tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, displayNameEnc: true, displayNameClear: true } });
  }

  /** Open dispatch rounds of needs at these stations, soonest SLA first (the 派单 board). */
  dispatchBoard(stationIds: string[], take: number): Promise<DispatchBoardRow[]> {
    return this.tx.$queryRaw<DispatchBoardRow[]>`
      SELECT d.id AS "dispatchId", d.round, d.tier::text AS tier, d."slaDueAt", d."createdAt" AS "openedAt",
             n.id AS "needId", n.code, n.status::text AS status, n."categoryCode", n.urgency,
             s.code AS "stationCode", s.name AS "stationName", u.code AS "unitCode", u.name AS "unitName", t.name AS "teamName",
             EXISTS (SELECT 1 FROM dispatch e WHERE e."needId" = n.id AND e.status = 'escalated') AS escalated
      FROM dispatch d
      JOIN need n ON n.id = d."needId"
      JOIN org_unit s ON s.id = n."stationId"
      JOIN org_unit u ON u.id = d."orgUnitId"
      LEFT JOIN team t ON t.id = d."teamId"
      WHERE d.status = 'open' AND n."stationId" = ANY(${stationIds}::uuid[])
      ORDER BY d."slaDueAt" ASC, d.id ASC
      LIMIT ${take}`;
  }

  /** Needs at these stations that found nobody to dispatch to (unrouted), oldest first. */
  unroutedNeeds(stationIds: string[], take: number) {
    return this.tx.need.findMany({
      where: { status: 'unrouted', stationId: { in: stationIds } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, code: true, categoryCode: true, urgency: true, createdAt: true, station: { select: { code: true, name: true } } },
    });
  }
}
