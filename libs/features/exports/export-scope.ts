// Which units an export reads: the principal's, narrowed by the filter's unit and station codes.
import { ancestry } from '@baiying/domain';
import type { Repos } from '@baiying/db';

type Tree = Awaited<ReturnType<Repos['org']['tree']>>;

/** The stations a principal reads, narrowed by a unit (its subtree) and a station code. */
export function scopedStations(tree: Tree, units: string[], unit?: string, station?: string): string[] {
  const byCode = new Map([...tree.values()].map((u) => [u.code, u]));
  let ids = units.filter((id) => tree.get(id)?.tier === 'station');
  if (unit) {
    const u = byCode.get(unit);
    ids = u ? ids.filter((id) => ancestry(tree, id).some((a) => a.id === u.id)) : [];
  }
  if (station) {
    const s = byCode.get(station);
    ids = s ? ids.filter((id) => id === s.id) : [];
  }
  return ids;
}

/** The units (any tier) a principal reads, narrowed to a unit's subtree. */
export function scopedUnits(tree: Tree, units: string[], unit?: string): string[] {
  if (!unit) return units;
  const u = [...tree.values()].find((x) => x.code === unit);
  return u ? units.filter((id) => ancestry(tree, id).some((a) => a.id === u.id)) : [];
}
