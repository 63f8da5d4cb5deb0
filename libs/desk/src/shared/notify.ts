import { ancestry } from '@baiying/domain';
import type { OutMessage } from '@baiying/domain';
import { Priority } from '@baiying/queue';
import type { Work } from '../unit-of-work.js';

/** Alerts coordinators of a unit and every unit above it (each person once). */
export async function alertCoordinators(w: Work, fromUnitId: string, purposeKey: string, message: OutMessage): Promise<number> {
  const tree = await w.repos.org.tree();
  const unitIds = ancestry(tree, fromUnitId).map((u) => u.id);
  const coordinators = await w.repos.people.coordinatorsOf(unitIds);
  const seen = new Set<string>();
  for (const c of coordinators) {
    if (seen.has(c.personId)) continue;
    seen.add(c.personId);
    await w.out.toPerson(c.personId, `${purposeKey}.${c.personId}`, 'coordinator-alert', message, Priority.status);
  }
  return seen.size;
}

/** True when `unitId` lies within any unit the coordinator is assigned to. */
export async function inScope(w: Work, coordinatorUnitIds: string[], unitId: string): Promise<boolean> {
  if (coordinatorUnitIds.length === 0) return false;
  const tree = await w.repos.org.tree();
  const chain = ancestry(tree, unitId).map((u) => u.id);
  return coordinatorUnitIds.some((id) => chain.includes(id));
}

/** Every unit at or below the coordinator's assigned units. */
export async function unitsInScope(w: Work, coordinatorUnitIds: string[]): Promise<string[]> {
  const tree = await w.repos.org.tree();
  return [...tree.values()].filter((u) => coordinatorUnitIds.some((c) => ancestry(tree, u.id).some((a) => a.id === c))).map((u) => u.id);
}
