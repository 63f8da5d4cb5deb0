// Understanding done ahead: the engine calls `prepare` before a private message's transaction
// opens and outside the chat's lock (a model call may take up to its timeout), and the intake's
// handler, inside the transaction, takes the result instead of calling the model there. A
// message the handler did not expect (another text, a prepare that failed or went stale) is
// understood where it stands, as before.
import type { Understander, Understanding } from './understander.js';

/** Prepared results are taken within this long, or dropped. */
const FRESH_MS = 60_000;
/** At most this many unclaimed results are kept (a turn that went elsewhere leaves one). */
const MAX_READY = 1_000;

export class PreparedUnderstander implements Understander {
  private readonly ready = new Map<string, { u: Understanding; at: number }>();

  constructor(private readonly inner: Understander) {}

  /** Understands `text` now, for a handler that will ask for the same text shortly. */
  async prepare(text: string, now: Date): Promise<void> {
    const u = await this.inner.understand(text, now);
    if (this.ready.size >= MAX_READY) this.ready.clear();
    this.ready.set(text, { u, at: Date.now() });
  }

  get waits(): boolean {
    return this.inner.waits ?? true;
  }

  taskTerms(text: string, category: string): string[] {
    return this.inner.taskTerms(text, category);
  }

  understand(text: string, now: Date): Understanding | Promise<Understanding> {
    const hit = this.ready.get(text);
    if (hit) {
      this.ready.delete(text);
      if (Date.now() - hit.at < FRESH_MS) return hit.u;
    }
    return this.inner.understand(text, now);
  }
}
