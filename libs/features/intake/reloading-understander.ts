// The bot's understanding with reference data that can change while it runs: categories (a
// county's keywords) and stations are loaded at start and again whenever the console's settings
// announce a change (decision 0029). A reload builds a new understander and swaps it in; a
// message being understood meanwhile finishes with the one it started on.
import type { Understander, Understanding } from './understander.js';

export class ReloadingUnderstander implements Understander {
  private loading: Promise<void> | null = null;
  private again = false;
  /** Completed reloads (for logs and tests). */
  generation = 0;

  private constructor(
    private current: Understander,
    private readonly load: () => Promise<Understander>,
  ) {}

  static async start(load: () => Promise<Understander>): Promise<ReloadingUnderstander> {
    return new ReloadingUnderstander(await load(), load);
  }

  /** Reloads now; calls while one runs fold into one more reload after it (the newest data wins). */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        do {
          this.again = false;
          this.current = await this.load();
          this.generation++;
        } while (this.again);
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** Whether a model is configured is the deployment's: the same before and after a reload. */
  get waits(): boolean {
    return this.current.waits ?? true;
  }

  understand(text: string, now: Date): Understanding | Promise<Understanding> {
    return this.current.understand(text, now);
  }

  taskTerms(text: string, category: string): string[] {
    return this.current.taskTerms(text, category);
  }
}
