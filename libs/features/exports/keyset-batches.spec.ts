import { keysetBatches } from './keyset-batches.js';

/** A table of `n` numbered rows read in keyset pages; records each request's key. */
function table(n: number, failAt?: number) {
  const asked: Array<number | null> = [];
  const fetch = (after: number | null): Promise<number[]> => {
    asked.push(after);
    if (failAt !== undefined && asked.length === failAt) return Promise.reject(new Error('connection lost'));
    const start = after ?? 0;
    return Promise.resolve(Array.from({ length: Math.max(0, Math.min(5, n - start)) }, (_, i) => start + i + 1));
  };
  return { asked, fetch };
}

describe('keyset batches for exports', () => {
  it('reads every row once, in order, five at a time, and stops on a short page', async () => {
    const t = table(12);
    const out: number[][] = [];
    for await (const b of keysetBatches(
      t.fetch,
      (last) => last,
      (r) => [r],
      5,
    ))
      out.push(b.map((c) => Number(c[0])));
    expect(out).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
    expect(t.asked).toEqual([null, 5, 10]);
  });

  it('asks for the next page before the caller has written this one, and ends on an empty page', async () => {
    const t = table(10);
    const it = keysetBatches(
      t.fetch,
      (last) => last,
      (r) => [r],
      5,
    );
    const first = await it.next();
    expect(first.value).toHaveLength(5);
    // The caller has not resumed yet: the second page is already requested.
    expect(t.asked).toEqual([null, 5]);
    expect((await it.next()).value).toHaveLength(5);
    expect(await it.next()).toEqual({ done: true, value: undefined });
    expect(t.asked).toEqual([null, 5, 10]);
  });

  it('throws a failed read where the caller waits, and leaves nothing unhandled when the caller stops early', async () => {
    const failing = table(20, 2);
    const it = keysetBatches(
      failing.fetch,
      (last) => last,
      (r) => [r],
      5,
    );
    expect((await it.next()).value).toHaveLength(5);
    await expect(it.next()).rejects.toThrow('connection lost');
    // Stopping after the first page while the (failing) prefetch is in flight.
    const early = table(20, 2);
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      for await (const b of keysetBatches(
        early.fetch,
        (last) => last,
        (r) => [r],
        5,
      )) {
        expect(b).toHaveLength(5);
        break;
      }
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
