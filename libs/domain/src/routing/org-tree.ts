export type OrgTier = 'center' | 'institute' | 'station' | 'point';

export interface OrgNode {
  id: string;
  parentId: string | null;
  tier: OrgTier;
  name: string;
  /** The English name, when the unit has one (shown to English readers; else `name`). */
  nameEn?: string | null;
}

/** The unit and its ancestors, nearest first. Stops on cycles rather than looping. */
export function ancestry(units: ReadonlyMap<string, OrgNode>, fromId: string): OrgNode[] {
  const chain: OrgNode[] = [];
  const seen = new Set<string>();
  let cur = units.get(fromId);
  while (cur && !seen.has(cur.id)) {
    chain.push(cur);
    seen.add(cur.id);
    cur = cur.parentId ? units.get(cur.parentId) : undefined;
  }
  return chain;
}

/** True when `unitId` is `scopeId` or lies below it. */
export function isWithin(units: ReadonlyMap<string, OrgNode>, unitId: string, scopeId: string): boolean {
  return ancestry(units, unitId).some((u) => u.id === scopeId);
}
