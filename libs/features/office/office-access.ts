// How the office pages meet the chat's use cases: a console principal acts there as the
// coordinator its administrator and coordinator grants make it (station staff and viewers are
// no coordinators), and sees the units of its read scope and the units above them.
import { ancestry } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';

export { consoleActor, decisionUnitIds } from '../sessions/index.js';

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
