// The outbound side of sent messages (the outbox rows the dispatcher sends): claims, deliveries,
// failures, ordering within a chat and backlogs. MessagingRepository extends this with the writes.
import { rawExecute, rawRows } from '../direct-sql.js';
import { Prisma, type Channel, type Tx } from '../prisma.js';

/** What the outbound dispatcher reads before a send (see forSending). */
export interface SendingRow {
  id: string;
  channel: Channel;
  chatId: string;
  template: string;
  bodyEnc: string;
  seq: bigint;
  priority: number;
  status: string;
  editOf: string | null;
  atMostOnce: boolean;
  /** Earlier messages to the chat still holding this one back (counted up to 10; see forSending). */
  ahead: number;
}

/** A claim whose sender died, turned uncertain by the reconciler (no body: for the log and the follow-ups). */
export interface TurnedClaim {
  id: string;
  purposeKey: string;
  channel: Channel;
  chatId: string;
  template: string;
  atMostOnce: boolean;
  /** A rewrite of an earlier message, not a message of its own. */
  isEdit: boolean;
}

export class OutboundMessagesRepository {
  constructor(protected readonly tx: Tx) {}

  /** At-most-once rows: pending → sending, just before the platform call. False if taken. */
  async claimForSending(id: string): Promise<boolean> {
    // Direct (every send passes here, between its pacing slot and the platform call, decisions 0041 and 0076); `claimedAt` is written in UTC like Prisma's own dates.
    const n = await rawExecute(
      this.tx,
      Prisma.sql`UPDATE sent_message SET status = 'sending', "claimedAt" = ${new Date()} WHERE id = ${id}::uuid AND status = 'pending'`,
    );
    return n === 1;
  }

  /** The platform certainly did not take it (429, refused connection): back to pending. */
  async unclaim(id: string): Promise<void> {
    await this.tx.sentMessage.updateMany({ where: { id, status: 'sending' }, data: { status: 'pending', claimedAt: null } });
  }

  /**
   * Claims older than the lease whose outcome nobody recorded (the sender died): uncertain, never
   * sent again. Returns the rows that turned (no bodies), for the log and the card check.
   */
  async expireClaims(olderThan: Date): Promise<TurnedClaim[]> {
    return this.tx.$queryRaw<TurnedClaim[]>`
      UPDATE sent_message SET status = 'uncertain'
      WHERE status = 'sending' AND "claimedAt" <= ${olderThan}
      RETURNING id::text AS id, "purposeKey", channel, "chatId", template, "atMostOnce", ("editOf" IS NOT NULL) AS "isEdit"`;
  }

  /** Rounds with a group job card that turned uncertain since `since` (a handful after a crash). */
  async dispatchesWithUncertainCards(since: Date): Promise<string[]> {
    const rows = await this.tx.sentMessage.findMany({
      where: { status: 'uncertain', template: 'job-card', editOf: null, createdAt: { gte: since } },
      select: { purposeKey: true },
    });
    // `card.<dispatch id>.<team chat id>`
    return [...new Set(rows.map((r) => r.purposeKey.split('.')[1]).filter((x): x is string => !!x))];
  }

  /** Uncertain rows under a purpose prefix (e.g. a dispatch's cards), oldest first. */
  async uncertainWithPrefix(prefix: string) {
    return this.tx.sentMessage.findMany({
      where: { purposeKey: { startsWith: prefix }, editOf: null, status: 'uncertain' },
      orderBy: { seq: 'asc' },
      select: { purposeKey: true, channel: true, chatId: true, template: true },
    });
  }

  /** Uncertain interactive rows (not broadcasts), counted by template, for the metrics. */
  async uncertainCounts(): Promise<Array<{ template: string; broadcast: boolean; n: number }>> {
    const rows = await this.tx.sentMessage.groupBy({ by: ['template', 'atMostOnce'], where: { status: 'uncertain' }, _count: { _all: true } });
    return rows.map((r) => ({ template: r.template, broadcast: r.atMostOnce, n: r._count._all }));
  }

  /** A later edit of the same message is queued: this one would only show stale content. */
  async newerEditExists(editOf: string, seq: bigint): Promise<boolean> {
    const n = await this.tx.sentMessage.count({ where: { editOf, seq: { gt: seq } } });
    return n > 0;
  }

  /** The newest edit queued for a message. */
  async latestEdit(editOf: string) {
    return this.tx.sentMessage.findFirst({ where: { editOf }, orderBy: { seq: 'desc' }, select: { purposeKey: true, createdAt: true } });
  }

  async markSuperseded(id: string): Promise<void> {
    await this.tx.sentMessage.updateMany({ where: { id, status: 'pending' }, data: { status: 'sent', lastError: 'superseded by a later edit' } });
  }

  async get(id: string) {
    return this.tx.sentMessage.findUnique({ where: { id } });
  }

  async byPurpose(purposeKey: string) {
    return this.tx.sentMessage.findUnique({ where: { purposeKey } });
  }

  /**
   * Records a delivery (a row deleted meanwhile — erased, a test's reset — has nothing left to
   * record) and returns the chat's next message waiting behind it, if any (see forSending): the
   * dispatcher releases it at once instead of letting it poll.
   */
  async markSent(id: string, messageRef: string): Promise<{ id: string; atMostOnce: boolean } | null> {
    const rows = await rawRows<{ id: string; atMostOnce: boolean }>(
      this.tx,
      Prisma.sql`
      WITH u AS (
        UPDATE sent_message SET status = 'sent', "messageRef" = ${messageRef}, "sentAt" = now() AT TIME ZONE 'UTC', attempts = attempts + 1
        WHERE id = ${id}::uuid RETURNING channel, "chatId", seq, "editOf"
      )
      SELECT n.id::text AS id, n."atMostOnce" FROM u JOIN sent_message n
        ON n.channel = u.channel AND n."chatId" = u."chatId" AND n.seq > u.seq AND n.status = 'pending' AND n."editOf" IS NULL
      WHERE u."editOf" IS NULL
      ORDER BY n.seq LIMIT 1`,
    );
    return rows[0] ?? null;
  }

  /**
   * A claimed send that failed with its fate unknown (a timeout, a 5xx): it keeps its claim (the
   * reconcile turns it uncertain after the lease; never sent twice) but no longer holds its chat:
   * whether it arrived or not, what follows cannot overtake it. Returns the chat's next message
   * waiting behind it, to release at once (see markSent).
   */
  async markAmbiguous(id: string, error: string): Promise<{ id: string; atMostOnce: boolean } | null> {
    const rows = await this.tx.$queryRaw<Array<{ id: string; atMostOnce: boolean }>>`
      WITH u AS (
        UPDATE sent_message SET "lastError" = ${error.slice(0, 500)}, attempts = attempts + 1
        WHERE id = ${id}::uuid AND status = 'sending' RETURNING channel, "chatId", seq, "editOf"
      )
      SELECT n.id::text AS id, n."atMostOnce" FROM u JOIN sent_message n
        ON n.channel = u.channel AND n."chatId" = u."chatId" AND n.seq > u.seq AND n.status = 'pending' AND n."editOf" IS NULL
      WHERE u."editOf" IS NULL
      ORDER BY n.seq LIMIT 1`;
    return rows[0] ?? null;
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.tx.sentMessage.update({
      where: { id },
      data: { lastError: error.slice(0, 500), attempts: { increment: 1 }, ...(final ? { status: 'failed' } : {}) },
    });
  }

  /** The latest messages queued for a chat, newest first, delivered or not. */
  async recentToChat(channel: Channel, chatId: string, take: number) {
    return this.tx.sentMessage.findMany({ where: { channel, chatId, editOf: null }, orderBy: { seq: 'desc' }, take });
  }

  /** The latest messages delivered to a chat since `since`, newest delivery first (numbered replies map to these). */
  async deliveredToChat(channel: Channel, chatId: string, since: Date, take: number) {
    return this.tx.sentMessage.findMany({
      where: { channel, chatId, editOf: null, status: 'sent', sentAt: { gte: since } },
      orderBy: [{ sentAt: 'desc' }, { seq: 'desc' }],
      take,
    });
  }

  /** Later unsent messages to the same chat (not edits), for channels that batch. */
  async pendingAfter(channel: Channel, chatId: string, afterSeq: bigint, take: number) {
    return this.tx.sentMessage.findMany({ where: { channel, chatId, status: 'pending', editOf: null, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take });
  }

  /**
   * A row to send, with how many earlier messages to the same chat, at least as urgent and
   * queued since `since`, are still waiting or in flight (`ahead`, counted up to 10): a later one
   * must not overtake them ("on the way" before "took your need"). A claimed row whose send failed
   * with its fate unknown (markAmbiguous: claimed, with an error) holds nothing. Earlier means a
   * lower `seq`: rows queued by one transaction share their createdAt, and their seq is the order
   * they were decided in. One typed raw statement: every send starts here.
   */
  async forSending(id: string, since: Date): Promise<SendingRow | null> {
    const rows = await rawRows<SendingRow>(
      this.tx,
      Prisma.sql`
      SELECT s.id::text AS id, s.channel::text AS channel, s."chatId", s.template, s."bodyEnc", s.seq, s.priority,
             s.status::text AS status, s."editOf", s."atMostOnce",
             CASE WHEN s."editOf" IS NOT NULL THEN 0 ELSE (
               SELECT count(*)::int FROM (
                 SELECT 1 FROM sent_message e
                 WHERE e.channel = s.channel AND e."chatId" = s."chatId" AND e.seq < s.seq
                   AND (e.status = 'pending' OR (e.status = 'sending' AND e."lastError" IS NULL))
                   AND e."editOf" IS NULL AND e.priority <= s.priority AND e."createdAt" >= ${since}
                 LIMIT 10) a) END AS ahead
      FROM sent_message s WHERE s.id = ${id}::uuid`,
    );
    return rows[0] ?? null;
  }

  async stalePending(olderThan: Date, take = 1000) {
    return this.tx.sentMessage.findMany({
      where: { status: 'pending', createdAt: { lte: olderThan } },
      take,
      orderBy: { seq: 'asc' },
      select: { id: true, priority: true, atMostOnce: true },
    });
  }

  /** The messages sent under these purpose keys (those that exist), in one read. */
  async byPurposes(purposeKeys: string[]) {
    return purposeKeys.length ? this.tx.sentMessage.findMany({ where: { purposeKey: { in: purposeKeys } } }) : [];
  }

  /** All messages (cards) sent under a purpose prefix, e.g. every card of one dispatch. */
  async sentWithPrefix(prefix: string) {
    return this.tx.sentMessage.findMany({
      where: { purposeKey: { startsWith: prefix }, editOf: null },
      select: { purposeKey: true, channel: true, chatId: true },
    });
  }

  /** Broadcast rows not yet handed to a platform, per channel (the outbound queue's bulk backlog). */
  async bulkBacklog(): Promise<Record<Channel, number>> {
    const rows = await this.tx.$queryRaw<Array<{ channel: Channel; n: bigint }>>`
      SELECT channel, count(*) AS n FROM sent_message WHERE "atMostOnce" AND status = 'pending' GROUP BY channel`;
    const out: Record<Channel, number> = { telegram: 0, wechat: 0, web: 0 };
    for (const r of rows) out[r.channel] = Number(r.n);
    return out;
  }
}
