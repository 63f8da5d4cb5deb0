import { rawRows } from '../direct-sql.js';
import { Prisma, type Channel } from '../prisma.js';
import { OutboundMessagesRepository } from './outbound-messages.repository.js';

export interface NewSentMessage {
  purposeKey: string;
  channel: Channel;
  chatId: string;
  template: string;
  bodyEnc: string;
  priority: number;
  editOf?: string;
  /** Broadcast: claimed before sending, never sent twice (see SentStatus). */
  atMostOnce?: boolean;
}

/** Sent messages (the outbound outbox), domain outbox events, dedupe and dialogue state. */
export class MessagingRepository extends OutboundMessagesRepository {
  /** A dialogue state to write with the turn's messages (see stageState). */
  private staged?: { channel: Channel; chatKey: string; flow: string | null; dataEnc: string | null };

  /**
   * Inserts messages; rows whose purposeKey exists are skipped. Returns the new rows' ids. A
   * dialogue state staged by `stageState` is written by the same statement (a turn's last one).
   */
  async enqueue(msgs: NewSentMessage[]): Promise<Array<{ id: string; priority: number; atMostOnce: boolean }>> {
    const st = this.staged;
    this.staged = undefined;
    if (msgs.length === 0 && !st) return [];
    // One statement, run directly (every turn ends here: decision 0076; a Prisma model call costs ~3× a raw one).
    // WITH ORDINALITY keeps the rows' order, so `seq` follows the order they were decided in.
    // The state's two data-modifying CTEs run whether or not the insert uses them; each is a
    // no-op unless its flag is set.
    return rawRows<{ id: string; priority: number; atMostOnce: boolean }>(
      this.tx,
      Prisma.sql`
      WITH save AS (
        INSERT INTO conversation_state (channel, "chatKey", flow, "dataEnc", "updatedAt")
        SELECT ${st?.channel ?? null}::"Channel", ${st?.chatKey ?? null}::text, ${st?.flow ?? null}::text, ${st?.dataEnc ?? null}::text, now() AT TIME ZONE 'UTC'
        WHERE ${st !== undefined && st.flow !== null}::boolean
        ON CONFLICT (channel, "chatKey") DO UPDATE SET flow = EXCLUDED.flow, "dataEnc" = EXCLUDED."dataEnc", "updatedAt" = EXCLUDED."updatedAt"
      ), clear AS (
        DELETE FROM conversation_state
        WHERE ${st !== undefined && st.flow === null}::boolean AND channel = ${st?.channel ?? null}::"Channel" AND "chatKey" = ${st?.chatKey ?? null}::text
      )
      INSERT INTO sent_message (id, "purposeKey", channel, "chatId", template, "bodyEnc", priority, "editOf", "atMostOnce")
      SELECT gen_random_uuid(), m.k, m.c::"Channel", m.chat, m.t, m.b, m.p, m.e, m.a
      FROM unnest(${msgs.map((m) => m.purposeKey)}::text[], ${msgs.map((m) => m.channel)}::text[], ${msgs.map((m) => m.chatId)}::text[],
                  ${msgs.map((m) => m.template)}::text[], ${msgs.map((m) => m.bodyEnc)}::text[], ${msgs.map((m) => m.priority)}::int[],
                  ${msgs.map((m) => m.editOf ?? null)}::text[], ${msgs.map((m) => m.atMostOnce ?? false)}::boolean[])
           WITH ORDINALITY AS m(k, c, chat, t, b, p, e, a, n)
      ORDER BY m.n
      ON CONFLICT ("purposeKey") DO NOTHING
      RETURNING id::text AS id, priority, "atMostOnce"`,
    );
  }

  // --- domain outbox ----------------------------------------------------------------------

  async addEvent(type: string, aggregateId: string, payload: Prisma.InputJsonValue = {}) {
    return this.tx.outboxEvent.create({ data: { type, aggregateId, payload } });
  }

  async unpublished(take = 200) {
    return this.tx.outboxEvent.findMany({ where: { publishedAt: null }, orderBy: { createdAt: 'asc' }, take });
  }

  async markPublished(ids: string[]): Promise<void> {
    if (ids.length) await this.tx.outboxEvent.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date() } });
  }

  // --- inbound dedupe ---------------------------------------------------------------------

  /** Forgets markers older than `before` (past every platform's redelivery window). */
  async pruneProcessed(before: Date): Promise<number> {
    const r = await this.tx.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } });
    return r.count;
  }

  // --- dialogue state ---------------------------------------------------------------------

  /** The chat's dialogue state, encrypted (read before a free text's turn: one typed raw read). */
  async stateData(channel: Channel, chatKey: string): Promise<{ dataEnc: string } | null> {
    const rows = await this.tx.$queryRaw<Array<{ dataEnc: string }>>`
      SELECT "dataEnc" FROM conversation_state WHERE channel = ${channel}::"Channel" AND "chatKey" = ${chatKey}`;
    return rows[0] ?? null;
  }

  /**
   * Takes a private chat's lock outside a turn (the one `baiying_turn_start` takes, same key, held
   * until the transaction ends): work on the chat's dialogue from elsewhere (the reconciler) and the
   * chat's turns happen one after the other.
   */
  async lockChat(channel: Channel, chatKey: string): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`chat:${channel}:${chatKey}`}))`;
  }

  /**
   * The chat's dialogue state as the turn leaves it (`flow` null: cleared), written by the
   * transaction's last statement, `enqueue`, with the turn's messages (decision 0042). Nothing
   * reads the state between the turn's end and that statement.
   */
  stageState(channel: Channel, chatKey: string, flow: string | null, dataEnc: string | null): void {
    this.staged = { channel, chatKey, flow, dataEnc };
  }

  // --- web chat mailbox -------------------------------------------------------------------

  /** `textEnc`: the message, encrypted (what residents read back can hold their own words). */
  /** A message in a web chat: the desk's (in `locale`), or `mine`, what the person wrote. */
  async webAppend(chatId: string, textEnc: string, buttons: Prisma.InputJsonValue, opts: { locale?: string | null; mine?: boolean } = {}): Promise<bigint> {
    const row = await this.tx.webMessage.create({ data: { chatId, textEnc, buttons, locale: opts.locale ?? null, mine: opts.mine ?? false } });
    return row.seq;
  }

  async webEdit(seq: bigint, textEnc: string, buttons: Prisma.InputJsonValue, locale: string | null = null): Promise<boolean> {
    const r = await this.tx.webMessage.updateMany({ where: { seq }, data: { textEnc, text: null, buttons, locale, editedAt: new Date() } });
    return r.count === 1;
  }

  async webRecent(chatId: string, take: number) {
    const rows = await this.tx.webMessage.findMany({ where: { chatId }, orderBy: { seq: 'desc' }, take });
    return rows.reverse();
  }
}
