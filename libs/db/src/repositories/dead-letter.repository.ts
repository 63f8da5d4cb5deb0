import type { Channel, Tx } from '../prisma.js';

export interface DeadLetterRow {
  id: string;
  channel: Channel;
  updateId: string;
  payloadEnc: string;
  error: string;
  attempts: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  replayedAt: Date | null;
}

/** Inbound updates that still failed after the bot's retries (`npm run dlq:replay`). */
export class DeadLetterRepository {
  constructor(private readonly tx: Tx) {}

  /**
   * Serialises dead-letter writes until the transaction ends, so two failures at once cannot
   * both decide that they start a new burst (and both alert).
   */
  async lock(): Promise<void> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dead_letter'))`;
  }

  /** When any update last failed (replayed or not), or null. */
  async lastFailureAt(): Promise<Date | null> {
    const r = await this.tx.deadLetter.aggregate({ _max: { lastFailureAt: true } });
    return r._max.lastFailureAt;
  }

  /** A new row, or the same update failing again: attempts add up, the newest error is kept. */
  async record(input: { channel: Channel; updateId: string; payloadEnc: string; error: string; attempts: number; at: Date }): Promise<DeadLetterRow> {
    const { channel, updateId, payloadEnc, error, attempts, at } = input;
    return this.tx.deadLetter.upsert({
      where: { channel_updateId: { channel, updateId } },
      create: { channel, updateId, payloadEnc, error, attempts, firstFailureAt: at, lastFailureAt: at },
      update: { payloadEnc, error, attempts: { increment: attempts }, lastFailureAt: at, replayedAt: null },
    });
  }

  async byId(id: string): Promise<DeadLetterRow | null> {
    return this.tx.deadLetter.findUnique({ where: { id } });
  }

  /** Rows not replayed yet, oldest failure first. */
  async pending(limit: number): Promise<DeadLetterRow[]> {
    return this.tx.deadLetter.findMany({ where: { replayedAt: null }, orderBy: { firstFailureAt: 'asc' }, take: limit });
  }

  /** Marks a successful replay; false when it was already marked (a concurrent replay). */
  async markReplayed(id: string, at: Date): Promise<boolean> {
    const r = await this.tx.deadLetter.updateMany({ where: { id, replayedAt: null }, data: { replayedAt: at } });
    return r.count === 1;
  }

  /** A replay that failed again. */
  async replayFailed(id: string, error: string, at: Date): Promise<void> {
    await this.tx.deadLetter.update({ where: { id }, data: { error, attempts: { increment: 1 }, lastFailureAt: at } });
  }
}
