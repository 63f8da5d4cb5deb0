// Presses of 参加 / 不能参加: recorded by the bot's turn without the call's row lock, applied per
// call in id order by one consumer that writes the roster in bulk (decision 0037).
import type { RosterStatus } from '@baiying/domain';
import { Prisma, type Channel, type Tx } from '../prisma.js';
import type { Changes } from '../changes.js';

export interface NewPress {
  callId: string;
  personId: string;
  yes: boolean;
  channel: Channel;
  chatId: string;
  at: Date;
}

export interface PressRow extends NewPress {
  id: bigint;
}

/** One recipient's place after a batch: written in one statement for the whole batch. */
export interface RosterWrite {
  personId: string;
  roster: RosterStatus;
  rosterSeq: number | null;
  /** The person's own answer (absent for a promotion, which keeps their answer). */
  answer: { yes: boolean; at: Date } | null;
}

/** The key of the advisory lock between recording presses (shared) and the consumer's last look (exclusive). */
const pressLockKey = (callId: string) => Prisma.sql`hashtextextended(${`call_press:${callId}`}, 0)`;

export class CallPressRepository {
  constructor(
    private readonly tx: Tx,
    private readonly changes: Changes,
  ) {}

  /**
   * Records a press (one statement): under the call's shared press lock, so a consumer's last look
   * (`pendingAfterLast`) waits for presses being recorded. Returns its id (the arrival order).
   */
  async record(p: NewPress): Promise<bigint> {
    const rows = await this.tx.$queryRaw<Array<{ id: bigint }>>`
      WITH l AS (SELECT pg_advisory_xact_lock_shared(${pressLockKey(p.callId)}))
      INSERT INTO call_press ("callId", "personId", yes, channel, "chatId", at)
      SELECT ${p.callId}::uuid, ${p.personId}::uuid, ${p.yes}, ${p.channel}::"Channel", ${p.chatId}, ${p.at.toISOString()}::timestamp(3) FROM l
      RETURNING id`;
    return rows[0]!.id;
  }

  /** What a press is checked against, in one read: the call's state and the presser's call chat (null: not a recipient). */
  async target(callId: string, personId: string) {
    const rows = await this.tx.$queryRaw<
      Array<{ code: string; status: 'open' | 'closed' | 'cancelled'; startsAt: Date; answerBy: Date; channel: Channel | null; chatId: string | null }>
    >`
      SELECT c.code, c.status::text AS status, c."startsAt", c."answerBy", r.channel, r."chatId"
      FROM call c LEFT JOIN call_recipient r ON r."callId" = c.id AND r."personId" = ${personId}::uuid
      WHERE c.id = ${callId}::uuid`;
    return rows[0] ?? null;
  }

  /** The oldest unapplied presses of a call, in arrival order. */
  async pending(callId: string, take: number): Promise<PressRow[]> {
    return this.tx.$queryRaw<PressRow[]>`
      SELECT id, "callId", "personId", yes, channel, "chatId", at FROM call_press
      WHERE "callId" = ${callId}::uuid AND "appliedAt" IS NULL ORDER BY id LIMIT ${take}`;
  }

  /** Whether presses wait, after every press being recorded right now has committed (the consumer's last look). */
  async pendingAfterLast(callId: string): Promise<boolean> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(${pressLockKey(callId)})`;
    const rows = await this.tx.$queryRaw<Array<{ n: number }>>`
      SELECT 1 AS n FROM call_press WHERE "callId" = ${callId}::uuid AND "appliedAt" IS NULL LIMIT 1`;
    return rows.length > 0;
  }

  /** Calls with unapplied presses (the reconciler resumes their consumer). */
  async callsWithPending(): Promise<string[]> {
    const rows = await this.tx.$queryRaw<Array<{ callId: string }>>`SELECT DISTINCT "callId" FROM call_press WHERE "appliedAt" IS NULL`;
    return rows.map((r) => r.callId);
  }

  async outcome(id: bigint): Promise<string | null> {
    const rows = await this.tx.$queryRaw<Array<{ outcome: string | null }>>`SELECT outcome FROM call_press WHERE id = ${id}`;
    return rows[0]?.outcome ?? null;
  }

  /** Marks a batch applied, in order: the first takes `after + 1` as its applyOrder. */
  async markApplied(ids: bigint[], outcomes: string[], after: number, at: Date): Promise<void> {
    await this.tx.$executeRaw`
      UPDATE call_press p SET "appliedAt" = ${at.toISOString()}::timestamp(3), outcome = u.outcome, "applyOrder" = ${after} + u.k
      FROM unnest(${ids}::bigint[], ${outcomes}::text[]) WITH ORDINALITY AS u(id, outcome, k) WHERE p.id = u.id`;
  }

  /** The roster rows of these people in the call (the batch's starting state). */
  async recipients(callId: string, personIds: string[]) {
    return this.tx.$queryRaw<Array<{ personId: string; roster: RosterStatus; rosterSeq: number | null; channel: Channel; chatId: string }>>`
      SELECT "personId", roster, "rosterSeq", channel, "chatId" FROM call_recipient
      WHERE "callId" = ${callId}::uuid AND "personId" = ANY(${personIds}::uuid[])`;
  }

  /** The waiting list after `afterSeq`, in order (read in chunks as promotions need it). */
  async waitlistAfter(callId: string, afterSeq: number, take: number) {
    return this.tx.$queryRaw<Array<{ personId: string; rosterSeq: number; channel: Channel; chatId: string }>>`
      SELECT "personId", "rosterSeq", channel, "chatId" FROM call_recipient
      WHERE "callId" = ${callId}::uuid AND roster = 'waitlisted' AND "rosterSeq" > ${afterSeq}
      ORDER BY "rosterSeq" LIMIT ${take}`;
  }

  /** Writes every changed recipient of a batch in one statement. */
  async writeRoster(callId: string, rows: RosterWrite[]): Promise<void> {
    if (!rows.length) return;
    await this.tx.$executeRaw`
      UPDATE call_recipient r SET roster = u.roster::"RosterStatus", "rosterSeq" = u.seq,
        answer = COALESCE(u.answer::"CallAnswer", r.answer), "answeredAt" = COALESCE(u.at::timestamp(3), r."answeredAt")
      FROM unnest(${rows.map((r) => r.personId)}::uuid[], ${rows.map((r) => r.roster)}::text[], ${rows.map((r) => r.rosterSeq)}::int[],
        ${rows.map((r) => (r.answer ? (r.answer.yes ? 'yes' : 'no') : null))}::text[], ${rows.map((r) => r.answer?.at.toISOString() ?? null)}::text[])
        AS u("personId", roster, seq, answer, at)
      WHERE r."callId" = ${callId}::uuid AND r."personId" = u."personId"`;
    this.changes.calls.add(callId);
  }

  async events(callId: string, events: Array<{ type: string; actorId: string | null; data: Prisma.InputJsonValue }>): Promise<void> {
    if (!events.length) return;
    await this.tx.callEvent.createMany({ data: events.map((e) => ({ callId, ...e })) });
    this.changes.calls.add(callId);
  }
}
