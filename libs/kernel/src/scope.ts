// A coordinator's scope is the subtree of the units they are assigned to. Every use case that a
// coordinator runs asks here, on the server, whether the thing it touches lies in that scope.
import type { ActorRow } from '@baiying/db';
import { ancestry, PurposeKey, type OrgNode, Priority } from '@baiying/domain';
import type { Renderer } from './outbound.js';
import type { Work } from './unit-of-work.js';

export const isCoordinator = (actor: ActorRow): boolean => actor.coordinatorUnitIds.length > 0;

/** True when `unitId` lies within any unit the coordinator is assigned to. */
export async function inScope(w: Work, actor: ActorRow, unitId: string): Promise<boolean> {
  if (!isCoordinator(actor)) return false;
  const tree = await w.repos.org.tree();
  const chain = ancestry(tree, unitId).map((u) => u.id);
  return actor.coordinatorUnitIds.some((id) => chain.includes(id));
}

/** Every unit at or below the coordinator's assigned units. */
export async function unitsInScope(w: Work, actor: ActorRow): Promise<string[]> {
  const tree = await w.repos.org.tree();
  return [...tree.values()].filter((u) => actor.coordinatorUnitIds.some((c) => ancestry(tree, u.id).some((a) => a.id === c))).map((u) => u.id);
}

/** The coordinator's widest unit (nearest the root), optionally of some tiers only. */
export async function widestUnit(w: Work, actor: ActorRow, tiers?: ReadonlyArray<OrgNode['tier']>): Promise<OrgNode | null> {
  const tree = await w.repos.org.tree();
  const units = actor.coordinatorUnitIds
    .map((id) => tree.get(id))
    .filter((u): u is NonNullable<typeof u> => u !== undefined && (!tiers || tiers.includes(u.tier)))
    .sort((a, b) => ancestry(tree, a.id).length - ancestry(tree, b.id).length);
  return units[0] ?? null;
}

/** Alerts coordinators of a unit and every unit above it (each person once). */
export async function alertCoordinators(
  w: Work,
  fromUnitId: string,
  alertKey: string,
  /** Rendered per coordinator, in their language. */
  message: Renderer,
  priority: number = Priority.status,
): Promise<number> {
  const tree = await w.repos.org.tree();
  const unitIds = ancestry(tree, fromUnitId).map((u) => u.id);
  const coordinators = await w.repos.people.coordinatorsOf(unitIds);
  const seen = new Set<string>();
  for (const c of coordinators) {
    if (seen.has(c.personId)) continue;
    seen.add(c.personId);
    await w.out.toPerson(c.personId, PurposeKey.alertTo(alertKey, c.personId), 'coordinator-alert', message, priority);
  }
  return seen.size;
}
