// Who may use the console, as what, over which units — decided here, on the server, from the
// role_assignment rows (role name + unit):
// - 'admin', or 'coordinator' on a county centre (tier center): county administrator, that subtree;
// - 'coordinator' on an institute or station: coordinator, that unit's subtree;
// - 'staff' on a station: station staff, that station only;
// - 'viewer': read-only (考核), that unit's subtree; never reveals personal data, never reads the audit.
// A person with several rows gets the union; their headline role is the strongest.
import { personName, type ActorRow } from '@baiying/db';
import { ancestry } from '@baiying/domain';
import type { Work } from '@baiying/kernel';

export type ConsoleRole = 'admin' | 'coordinator' | 'staff' | 'viewer';
export const CONSOLE_ROLES: readonly ConsoleRole[] = ['admin', 'coordinator', 'staff', 'viewer'];

export interface ConsoleGrant {
  role: ConsoleRole;
  unitId: string;
}

export interface ConsolePrincipal {
  personId: string;
  displayName: string;
  /** The strongest of the grants. */
  role: ConsoleRole;
  grants: ConsoleGrant[];
  /** Units whose needs the person may list and read (masked). */
  readUnitIds: string[];
  /** Units whose needs' personal data the person may reveal. */
  revealUnitIds: string[];
  /** Units whose audit entries the person may read (administrators and coordinators). */
  auditUnitIds: string[];
}

const RANK: Record<ConsoleRole, number> = { admin: 0, coordinator: 1, staff: 2, viewer: 3 };

/** The console principal of a person, or null when they hold no console role. */
export async function consolePrincipal(w: Work, personId: string): Promise<ConsolePrincipal | null> {
  const rows = await w.repos.console.roles(personId);
  if (rows.length === 0) return null;
  const tree = await w.repos.org.tree();
  const grants: ConsoleGrant[] = [];
  for (const r of rows) {
    const unit = tree.get(r.orgUnitId);
    if (!unit) continue;
    if (r.role === 'admin' || (r.role === 'coordinator' && unit.tier === 'center')) grants.push({ role: 'admin', unitId: unit.id });
    else if (r.role === 'coordinator') grants.push({ role: 'coordinator', unitId: unit.id });
    else if (r.role === 'staff' && unit.tier === 'station') grants.push({ role: 'staff', unitId: unit.id });
    else if (r.role === 'viewer') grants.push({ role: 'viewer', unitId: unit.id });
  }
  if (grants.length === 0) return null;
  const subtree = (unitId: string): string[] => [...tree.values()].filter((u) => ancestry(tree, u.id).some((a) => a.id === unitId)).map((u) => u.id);
  const units = (g: ConsoleGrant): string[] => (g.role === 'staff' ? [g.unitId] : subtree(g.unitId));
  const union = (gs: ConsoleGrant[]): string[] => [...new Set(gs.flatMap(units))];
  const person = await w.repos.people.person(personId);
  return {
    personId,
    displayName: person ? personName(w.deps.cipher, person) : '',
    role: grants.map((g) => g.role).sort((a, b) => RANK[a] - RANK[b])[0]!,
    grants,
    readUnitIds: union(grants),
    revealUnitIds: union(grants.filter((g) => g.role !== 'viewer')),
    auditUnitIds: union(grants.filter((g) => g.role === 'admin' || g.role === 'coordinator')),
  };
}

/**
 * The chat actor a console principal is: coordinator of its administrator and coordinator grants'
 * units (station staff and viewers are no coordinators). The console's actions call the chat's
 * use cases with it, so the same rules decide.
 */
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
