// Rows read in keyset batches and mapped to cells, one batch prefetched while the other is written.
export type Cell = string | number | null;

/**
 * Rows per keyset batch: large enough for throughput, small enough for memory. Two batches are
 * alive at once (the one being written and the one prefetched); when they outlive two young-space
 * collections V8 moves them to the old space, where only a full collection frees them. At 2,000
 * rows about 1.2 MB was promoted per scavenge and the heap grew by 150+ MB between full
 * collections during a million-row export; at 500 about 0.1 MB (decision 0048).
 */
export const BATCH = 500;

/**
 * Keyset batches of `take` rows, mapped to cells; the next batch is already asked for while the
 * caller writes this one (PostgreSQL works while Node formats), so at most two are in memory.
 */
export async function* keysetBatches<R, K>(
  fetch: (after: K | null) => Promise<R[]>,
  keyOf: (last: R) => K,
  toCells: (row: R) => Cell[],
  take = BATCH,
): AsyncGenerator<Cell[][]> {
  let pending: Promise<R[]> = fetch(null);
  for (;;) {
    const rows = await pending;
    if (rows.length === 0) return;
    const more = rows.length >= take;
    if (more) {
      pending = fetch(keyOf(rows[rows.length - 1]!));
      // Handled where it is awaited; this keeps a consumer that stops early from leaving it unhandled.
      pending.catch(() => undefined);
    }
    const cells = rows.map(toCells);
    // The fetched rows are garbage from here, not held by this frame while the batch is written.
    rows.length = 0;
    yield cells;
    if (!more) return;
  }
}
