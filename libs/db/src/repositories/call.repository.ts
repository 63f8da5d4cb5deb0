import { CALL_MESSAGE_KEY_SQL } from '@baiying/domain';
import { Changes } from '../changes.js';
import { Prisma, type Channel, type Tx } from '../prisma.js';

/** Who a call reaches. Selectors are united; every unit must lie in the caller's scope. */
export interface AudienceSelection {
  /** Volunteers whose station is one of these units. */
  stationIds: string[];
  /** Members of these teams. */
  teamIds: string[];
  /** Volunteers with any of these skills, among `skillScopeIds` stations. */
  skills: string[];
  skillScopeIds: string[];
}

export interface NewCall {
  code: string;
  createdById: string;
  orgUnitId: string;
  title: string;
  description: string;
  placeText: string;
  siteLat: number | null;
  siteLng: number | null;
  radiusM: number;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  skills: string[];
  answerBy: Date;
  audience: Prisma.InputJsonValue;
  checkCode: string;
  emergency: boolean;
}

export type RosterCounts = Record<'none' | 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn', number>;

export interface DeliveryCounts {
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  uncertain: number;
}

/** 一呼百应: calls, their recipients (the roster) and the fan-out's progress. */
export class CallRepository {
  constructor(
    private readonly tx: Tx,
    private readonly changes: Changes = new Changes(),
  ) {}

  async nextNumber(day: string): Promise<number> {
    const key = `M${day}`;
    const rows = await this.tx.$queryRaw<Array<{ value: number }>>`
      INSERT INTO need_counter (day, value) VALUES (${key}, 1)
      ON CONFLICT (day) DO UPDATE SET value = need_counter.value + 1
      RETURNING value`;
    return Number(rows[0]!.value);
  }

  async create(data: NewCall) {
    const row = await this.tx.call.create({ data });
    this.changes.calls.add(row.id);
    return row;
  }

  async byId(id: string) {
    return this.tx.call.findUnique({ where: { id } });
  }

  async byCode(code: string) {
    return this.tx.call.findUnique({ where: { code } });
  }

  /**
   * Row lock on the call: batches of answers, controls and check-ins are decided one at a time.
   * NO KEY UPDATE: recording a press (a row referencing the call) is not held up by it.
   */
  async lock(id: string): Promise<void> {
    await this.tx.$executeRaw`SELECT 1 FROM call WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
  }

  /**
   * Waits until every transaction that holds the call's row lock now has ended, without keeping
   * the lock: taken inside a savepoint that is rolled back at once (a row lock taken in a rolled
   * back subtransaction is released with it). What those writers committed is visible to the
   * statements after this one (read committed).
   */
  async awaitWriters(id: string): Promise<void> {
    await this.tx.$executeRaw`SAVEPOINT await_call_writers`;
    await this.tx.$executeRaw`SELECT 1 FROM call WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    await this.tx.$executeRaw`ROLLBACK TO SAVEPOINT await_call_writers`;
    await this.tx.$executeRaw`RELEASE SAVEPOINT await_call_writers`;
  }

  /** The console's live view of the call changes (its delivery progress), with no write to the call's row. */
  changed(id: string): void {
    this.changes.calls.add(id);
  }

  /** One tally refresh of the call at a time (a transaction-level advisory lock; answers never take it). */
  async lockTally(id: string): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`call-tally:${id}`}, 0))`;
  }

  async update(id: string, data: Prisma.CallUpdateInput) {
    this.changes.calls.add(id);
    return this.tx.call.update({ where: { id }, data });
  }

  async event(callId: string, type: string, actorId: string | null, data: Prisma.InputJsonValue = {}): Promise<void> {
    await this.tx.callEvent.create({ data: { callId, type, actorId, data } });
    this.changes.calls.add(callId);
  }

  // --- audience ---------------------------------------------------------------------------

  /**
   * Each selected approved volunteer once, with the private chat on their preferred channel
   * (Telegram, then WeChat, then web): the one audience query behind preview and snapshot.
   */
  private audience(a: AudienceSelection): Prisma.Sql {
    return Prisma.sql`
      SELECT DISTINCT ON (v."personId") v."personId", ci.channel, ci."chatId"
      FROM volunteer v JOIN channel_identity ci ON ci."personId" = v."personId"
      WHERE v.status = 'approved' AND (
        v."stationId" = ANY(${a.stationIds}::uuid[])
        OR v."personId" IN (SELECT "volunteerId" FROM team_membership WHERE "teamId" = ANY(${a.teamIds}::uuid[]) AND status = 'approved')
        OR (v.skills && ${a.skills}::text[] AND v."stationId" = ANY(${a.skillScopeIds}::uuid[]))
      )
      ORDER BY v."personId", CASE ci.channel WHEN 'telegram' THEN 0 WHEN 'wechat' THEN 1 ELSE 2 END, ci."createdAt" DESC`;
  }

  /** How many people the selection reaches, per channel (each person once, preferred channel). */
  async previewCounts(a: AudienceSelection): Promise<Record<Channel, number>> {
    const rows = await this.tx.$queryRaw<Array<{ channel: Channel; n: bigint }>>`
      SELECT channel, count(*) AS n FROM (${this.audience(a)}) s GROUP BY channel`;
    const out: Record<Channel, number> = { telegram: 0, wechat: 0, web: 0 };
    for (const r of rows) out[r.channel] = Number(r.n);
    return out;
  }

  /** Snapshots the audience as the call's recipients. Returns how many. */
  async snapshotRecipients(callId: string, a: AudienceSelection): Promise<number> {
    return this.tx.$executeRaw`
      INSERT INTO call_recipient ("callId", "personId", channel, "chatId")
      SELECT ${callId}::uuid, s."personId", s.channel, s."chatId" FROM (${this.audience(a)}) s
      ON CONFLICT DO NOTHING`;
  }

  // --- fan-out ----------------------------------------------------------------------------

  /** Recipients whose call message is not queued yet, optionally of one channel only. */
  async unqueued(callId: string, take: number, channel?: Channel) {
    return this.tx.callRecipient.findMany({
      where: { callId, queuedAt: null, ...(channel ? { channel } : {}) },
      orderBy: { personId: 'asc' },
      take,
      select: { personId: true, channel: true, chatId: true },
    });
  }

  async markQueued(callId: string, personIds: string[], at: Date): Promise<void> {
    if (personIds.length) await this.tx.callRecipient.updateMany({ where: { callId, personId: { in: personIds }, queuedAt: null }, data: { queuedAt: at } });
  }

  /** Calls whose fan-out has not finished (the reconciler resumes them). */
  async fanoutsUnfinished() {
    return this.tx.call.findMany({ where: { fanoutDoneAt: null, status: 'open' }, select: { id: true } });
  }

  /** Open calls with a future start or deadline (their timers are re-created by the reconciler). */
  async openCalls() {
    return this.tx.call.findMany({ where: { status: 'open' }, select: { id: true, startsAt: true, endsAt: true, answerBy: true } });
  }

  /** Calls whose end passed with people still checked in (credited by the finish timer). */
  async callsToFinish(now: Date) {
    return this.tx.call.findMany({
      where: { endsAt: { lte: now }, status: { not: 'cancelled' }, recipients: { some: { checkedInAt: { not: null }, creditedAt: null } } },
      select: { id: true },
    });
  }

  async delivery(callId: string): Promise<DeliveryCounts> {
    const rows = await this.tx.$queryRaw<Array<{ recipients: bigint; queued: bigint; sent: bigint; failed: bigint; uncertain: bigint }>>`
      SELECT count(*) AS recipients, count(cr."queuedAt") AS queued,
        count(*) FILTER (WHERE sm.status = 'sent') AS sent,
        count(*) FILTER (WHERE sm.status = 'failed') AS failed,
        count(*) FILTER (WHERE sm.status = 'uncertain') AS uncertain
      FROM call_recipient cr
      LEFT JOIN sent_message sm ON sm."purposeKey" = ${Prisma.raw(CALL_MESSAGE_KEY_SQL)}
      WHERE cr."callId" = ${callId}::uuid`;
    const r = rows[0]!;
    return { recipients: Number(r.recipients), queued: Number(r.queued), sent: Number(r.sent), failed: Number(r.failed), uncertain: Number(r.uncertain) };
  }

  // --- the roster -------------------------------------------------------------------------

  async recipient(callId: string, personId: string) {
    return this.tx.callRecipient.findUnique({ where: { callId_personId: { callId, personId } } });
  }

  async counts(callId: string): Promise<RosterCounts> {
    const rows = await this.tx.callRecipient.groupBy({ by: ['roster'], where: { callId }, _count: { _all: true } });
    const out: RosterCounts = { none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 };
    for (const r of rows) out[r.roster] = r._count._all;
    return out;
  }

  async setRoster(callId: string, personId: string, data: Prisma.CallRecipientUpdateInput): Promise<void> {
    await this.tx.callRecipient.update({ where: { callId_personId: { callId, personId } }, data });
    this.changes.calls.add(callId);
  }

  /** The first of the waiting list (lowest answer number). */
  async firstWaitlisted(callId: string) {
    return this.tx.callRecipient.findFirst({ where: { callId, roster: 'waitlisted' }, orderBy: { rosterSeq: 'asc' } });
  }

  /** Names and phones of those who said yes (confirmed first, then the waiting list in order). */
  async roster(callId: string, take = 200) {
    return this.tx.callRecipient.findMany({
      where: { callId, roster: { in: ['confirmed', 'waitlisted'] } },
      orderBy: [{ roster: 'asc' }, { rosterSeq: 'asc' }],
      take,
    });
  }

  async people(personIds: string[]) {
    return this.tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, displayNameEnc: true, displayNameClear: true, phoneEnc: true } });
  }

  async withRoster(callId: string, rosters: Array<'none' | 'confirmed' | 'waitlisted'>) {
    return this.tx.callRecipient.findMany({
      where: { callId, roster: { in: rosters } },
      select: { personId: true, channel: true, chatId: true, roster: true, queuedAt: true },
    });
  }

  /** Calls this person said yes to that are running now (for check-in by code or location). */
  async activeFor(personId: string, now: Date, leadMs: number) {
    return this.tx.callRecipient.findMany({
      where: {
        personId,
        roster: 'confirmed',
        call: { status: { not: 'cancelled' }, startsAt: { lte: new Date(now.getTime() + leadMs) }, endsAt: { gt: now } },
      },
      include: { call: true },
    });
  }

  /**
   * Takes one check-in attempt of a person for a call, atomically: false once `max` are used
   * (concurrent attempts queue on the row and see each other's count).
   */
  async takeCheckInAttempt(callId: string, personId: string, max: number): Promise<boolean> {
    const r = await this.tx.callRecipient.updateMany({
      where: { callId, personId, checkInAttempts: { lt: max } },
      data: { checkInAttempts: { increment: 1 } },
    });
    return r.count === 1;
  }

  /** Hands an attempt back (it was taken for a call the attempt turned out not to be for). */
  async returnCheckInAttempt(callId: string, personId: string): Promise<void> {
    await this.tx.callRecipient.updateMany({ where: { callId, personId, checkInAttempts: { gt: 0 } }, data: { checkInAttempts: { decrement: 1 } } });
  }

  async checkedInNotCredited(callId: string) {
    return this.tx.callRecipient.findMany({ where: { callId, checkedInAt: { not: null }, creditedAt: null } });
  }

  /** Calls of these units, newest first (the console's list), keyset on (createdAt, id). */
  inUnits(unitIds: string[], take: number, after?: { createdAt: Date; id: string }) {
    return this.tx.call.findMany({
      where: {
        orgUnitId: { in: unitIds },
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        headcount: true,
        startsAt: true,
        endsAt: true,
        answerBy: true,
        emergency: true,
        createdAt: true,
        orgUnitId: true,
      },
    });
  }
}
