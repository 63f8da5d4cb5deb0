// The in-memory categories and stations (decision 0049): one load until invalidated, a load
// running when the invalidation comes is not kept, a failed load is not kept.
import { Prisma } from './prisma.js';
import { ReferenceCache, type StationRow } from './reference-cache.js';

const station = (name: string): StationRow => ({ id: name, code: name, name, nameEn: null, aliases: [] });

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ReferenceCache', () => {
  it('loads once, and again after an invalidation', async () => {
    const cache = new ReferenceCache();
    let version = 1;
    let calls = 0;
    const load = async () => {
      calls++;
      return [station(`v${version}`)];
    };
    expect((await cache.stations(load))[0]!.name).toBe('v1');
    expect((await cache.stations(load))[0]!.name).toBe('v1');
    expect(calls).toBe(1);
    version = 2;
    cache.invalidate();
    expect(cache.generation).toBe(1);
    expect((await cache.stations(load))[0]!.name).toBe('v2');
    expect(calls).toBe(2);
    expect(cache.loads).toBe(2);
  });

  it('does not keep a load that was running when the invalidation came', async () => {
    const cache = new ReferenceCache();
    const old = deferred<StationRow[]>();
    const first = cache.stations(() => old.promise);
    cache.invalidate();
    old.resolve([station('old')]);
    expect((await first)[0]!.name).toBe('old');
    expect((await cache.stations(async () => [station('new')]))[0]!.name).toBe('new');
  });

  it('does not keep a failed load', async () => {
    const cache = new ReferenceCache();
    await expect(cache.stations(() => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect((await cache.stations(async () => [station('again')]))[0]!.name).toBe('again');
  });

  it('keeps categories and stations apart', async () => {
    const cache = new ReferenceCache();
    const category = { code: 'repair', nameZh: '维修', nameEn: 'Repair', defaultHours: new Prisma.Decimal(2), keywords: [], sortOrder: 1, active: true };
    expect(await cache.categories(async () => [category])).toEqual([category]);
    expect(await cache.stations(async () => [station('s')])).toEqual([station('s')]);
    cache.invalidate();
    expect((await cache.categories(async () => [{ ...category, nameZh: '修理' }]))[0]!.nameZh).toBe('修理');
    expect(cache.loads).toBe(3);
  });
});
