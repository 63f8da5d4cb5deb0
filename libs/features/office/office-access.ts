// How the office pages meet the chat's use cases: a console principal acts there as the
// coordinator its administrator and coordinator grants make it (station staff and viewers are
// no coordinators), and sees the units of its read scope and the units above them.
import type { ActorRow } from '@baiying/db';
import { ancestry } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';

/** The chat actor a console principal is: coordinator of its administrator/coordinator grants' units. */
export async function consoleActor(w: Work, p: ConsolePrincipal): Promise<ActorRow> {
  const actor = await w.repos.people.actor(p.personId);
  const units = [...new Set(p.grants.filter((g) => g.role === 'admin' || g.role === 'coordinator').map((g) => g.unitId))];
  return { ...actor, coordinatorUnitIds: units };
}

/** The units a principal may decide for (administrator and coordinator grants' subtrees). */
export async function decisionUnitIds(w: Work, p: ConsolePrincipal): Promise<Set<string>> {
  const tree = await w.repos.org.tree();
  const roots = p.grants.filter((g) => g.role === 'admin' || g.role === 'coordinator').map((g) => g.unitId);
  return new Set([...tree.values()].filter((u) => ancestry(tree, u.id).some((a) => roots.includes(a.id))).map((u) => u.id));
}

/** Read scope plus every unit above it (the modes that apply to the principal's units). */
export async function visibleUnitIds(w: Work, p: ConsolePrincipal): Promise<Set<string>> {
  const tree = await w.repos.org.tree();
  return new Set(p.readUnitIds.flatMap((id) => ancestry(tree, id).map((u) => u.id)));
}

/** A county administrator: an administrator grant on a root unit (the whole county). */
export async function isCountyAdmin(w: Work, p: ConsolePrincipal): Promise<boolean> {
  const tree = await w.repos.org.tree();
  return p.grants.some((g) => g.role === 'admin' && tree.get(g.unitId)?.parentId === null);
}
