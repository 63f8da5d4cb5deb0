// Routing: category + station → that station's team of the category; none → the
// institute's; none → the centre's; none → coordinators. Escalation continues the same walk
// from the tier above the current one.
import { ancestry, type OrgNode, type OrgTier } from './org-tree.js';

export interface TeamRef {
  id: string;
  code: string;
  orgUnitId: string;
  categoryCode: string;
  /** Teams without a bound chat can't receive a card; routing skips them. */
  reachable: boolean;
}

export interface RouteChoice {
  team: TeamRef;
  unit: OrgNode;
}

export interface RouteQuery {
  stationId: string;
  categoryCode: string;
  /** Start strictly above this unit (escalation); omit to start at the station. */
  aboveUnitId?: string;
  /** Emergency mode may skip tiers: only consider these tiers. */
  tiers?: readonly OrgTier[];
}

export function chooseRoute(units: ReadonlyMap<string, OrgNode>, teams: readonly TeamRef[], q: RouteQuery): RouteChoice | null {
  let chain = ancestry(units, q.stationId);
  if (q.aboveUnitId) {
    const idx = chain.findIndex((u) => u.id === q.aboveUnitId);
    chain = idx >= 0 ? chain.slice(idx + 1) : [];
  }
  for (const unit of chain) {
    if (q.tiers && !q.tiers.includes(unit.tier)) continue;
    // Deterministic choice when a unit has several teams of one category: lowest code.
    const candidates = teams
      .filter((t) => t.orgUnitId === unit.id && t.categoryCode === q.categoryCode && t.reachable)
      .sort((a, b) => a.code.localeCompare(b.code));
    if (candidates[0]) return { team: candidates[0], unit };
  }
  return null;
}
