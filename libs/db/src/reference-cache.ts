// Reference data a process reads on its hot path and keeps in memory: the categories (every one,
// active or not) and the stations. The console's settings edits announce every change to them by
// `pg_notify` on commit (decision 0029); the process's settings listener calls `invalidate`, and
// the next read loads the rows again (decision 0049). Never a restart.
//
// Only for processes that do not write these tables themselves (the bot): a read in a transaction
// that has just changed a category would otherwise see the cached rows, not its own change.
// A load runs on the caller's connection (inside its transaction, if any), so a cold cache never
// needs a second pooled connection while a turn holds one. An invalidation drops a load still
// running too: a load that began before the edit's commit can hold the old rows, and one that
// begins after the notification arrived reads with a snapshot that includes the commit.
import type { Category } from './generated/prisma/client.js';

export interface StationRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
}

/** One kept load: a failed load is forgotten, never kept. */
class Kept<T> {
  private value: Promise<T> | null = null;

  get(load: () => Promise<T>, counted: () => void): Promise<T> {
    if (this.value) return this.value;
    counted();
    const p = load();
    this.value = p;
    p.catch(() => {
      if (this.value === p) this.value = null;
    });
    return p;
  }

  clear(): void {
    this.value = null;
  }
}

export class ReferenceCache {
  private readonly allCategories = new Kept<readonly Category[]>();
  private readonly allStations = new Kept<readonly StationRow[]>();
  private invalidations = 0;
  /** Loads that reached the database (for tests and metrics). */
  loads = 0;

  /** Bumped by every invalidation: a test waits on it as the positive signal of a reload. */
  get generation(): number {
    return this.invalidations;
  }

  /** The rows changed (a settings notification, or the listener reconnected): read them again. */
  invalidate(): void {
    this.invalidations++;
    this.allCategories.clear();
    this.allStations.clear();
  }

  categories(load: () => Promise<Category[]>): Promise<readonly Category[]> {
    return this.allCategories.get(load, () => this.loads++);
  }

  stations(load: () => Promise<StationRow[]>): Promise<readonly StationRow[]> {
    return this.allStations.get(load, () => this.loads++);
  }
}
