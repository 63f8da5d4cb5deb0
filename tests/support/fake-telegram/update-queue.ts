/**
 * Pending updates of the fake, with Telegram's getUpdates confirmation semantics:
 * an update stays queued (and is handed out again) until a later getUpdates call passes an
 * `offset` above its update_id. Entries leave from the head only, so a deque suffices.
 */
import type { Update } from 'grammy/types';

interface Entry {
  update: Update;
  /** Handed to a client at least once. Delivered entries always form a prefix of the queue. */
  delivered: boolean;
}

export class UpdateQueue {
  private entries: Entry[] = [];
  private head = 0;

  get length(): number {
    return this.entries.length - this.head;
  }

  push(update: Update): void {
    this.entries.push({ update, delivered: false });
  }

  /**
   * Applies a getUpdates `offset`. Positive: forget handed-out updates with a smaller
   * update_id. A re-delivered duplicate (see FakeBotApi.duplicate) may carry an old update_id
   * but is only forgotten once it was handed out, so it still reaches the bot.
   * Negative: keep only the last -offset updates (Telegram: "all previous updates will be forgotten").
   */
  confirm(offset: number): void {
    if (offset < 0) {
      const keep = -offset;
      if (this.length > keep) this.head = this.entries.length - keep;
    } else if (offset > 0) {
      // Bounded by the queue length; each step removes one entry.
      while (this.head < this.entries.length) {
        const entry = this.entries[this.head];
        if (entry === undefined || !entry.delivered || entry.update.update_id >= offset) break;
        this.head++;
      }
    }
    this.compact();
  }

  /** Up to `limit` updates from the head, marked as handed out. */
  take(limit: number): Update[] {
    const end = Math.min(this.entries.length, this.head + limit);
    const out: Update[] = [];
    for (let i = this.head; i < end; i++) {
      const entry = this.entries[i];
      if (entry === undefined) break;
      entry.delivered = true;
      out.push(entry.update);
    }
    return out;
  }

  peek(): Update | undefined {
    return this.entries[this.head]?.update;
  }

  /** Removes the head if it is `update` (webhook delivery succeeded). */
  shiftIf(update: Update): boolean {
    if (this.entries[this.head]?.update !== update) return false;
    this.head++;
    this.compact();
    return true;
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
  }

  /** Drops consumed slots once they are the majority, so the amortised cost stays O(1). */
  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    } else if (this.head === this.entries.length && this.head > 0) {
      this.entries = [];
      this.head = 0;
    }
  }
}
