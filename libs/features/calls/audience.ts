// Who a call reaches: everyone in the coordinator's scope, named teams, units (with their
// subunits) or skills — turned into ids, refusing anything outside the coordinator's scope.
import type { ActorRow, AudienceSelection, TeamRow } from '@baiying/db';
import { ancestry, err, ok, type Result } from '@baiying/domain';
import { isCoordinator, unitsInScope, type Work } from '@baiying/kernel';
import type { CallAudienceInput } from './call-draft.js';

export async function resolveAudience(w: Work, actor: ActorRow, a: CallAudienceInput): Promise<Result<AudienceSelection>> {
  if (!isCoordinator(actor)) return err('auth/not_coordinator');
  const scope = new Set(await unitsInScope(w, actor));
  const tree = await w.repos.org.tree();
  const sel: AudienceSelection = { stationIds: [], teamIds: [], skills: [], skillScopeIds: [] };
  if (a.everyone) sel.stationIds.push(...scope);
  for (const u of a.units ?? []) {
    const unit = [...tree.values()].find((x) => x.code.toLowerCase() === u.code.trim().toLowerCase());
    if (!unit) return err('call/unknown_unit', { code: u.code });
    if (!scope.has(unit.id)) return err('auth/out_of_scope');
    if (u.subtree) sel.stationIds.push(...[...tree.values()].filter((x) => ancestry(tree, x.id).some((p) => p.id === unit.id)).map((x) => x.id));
    else sel.stationIds.push(unit.id);
  }
  let scopeTeams: TeamRow[] | null = null;
  for (const code of a.teamCodes ?? []) {
    let team = await w.repos.org.teamByCode(code.trim());
    if (!team) {
      // Not a code: a team's name (zh or en) among the teams in scope — exact, else the only one containing it.
      scopeTeams ??= await w.repos.org.teamsInUnits([...scope]);
      const byName = teamByName(scopeTeams, code);
      if (byName.length > 1) return err('call/ambiguous_team', { name: code.trim(), codes: byName.map((t) => t.code).join('、') });
      team = byName[0] ?? null;
    }
    if (!team) return err('team/not_found', { code });
    if (!scope.has(team.orgUnitId)) return err('auth/out_of_scope');
    sel.teamIds.push(team.id);
  }
  const skills = (a.skills ?? []).map((s) => s.trim()).filter(Boolean);
  if (skills.length) {
    sel.skills = skills;
    sel.skillScopeIds = [...scope];
  }
  sel.stationIds = [...new Set(sel.stationIds)];
  if (!sel.stationIds.length && !sel.teamIds.length && !sel.skills.length) return err('call/empty_audience');
  return ok(sel);
}

/** Group chats that get one notice: bound chats of the named teams and of teams in the named units. */
export async function teamChatsFor(w: Work, sel: AudienceSelection) {
  const teams = new Set(sel.teamIds);
  for (const t of await w.repos.org.teamsInUnits(sel.stationIds)) teams.add(t.id);
  const chats = [];
  for (const id of teams) chats.push(...(await w.repos.org.teamChats(id)));
  return chats;
}

const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

/** Teams whose name is `name` (zh or en, ignoring case and width); failing that, every team whose name contains it. */
export function teamByName(teams: readonly TeamRow[], name: string): TeamRow[] {
  const n = fold(name);
  if (!n) return [];
  const names = (t: TeamRow): string[] => [fold(t.name), ...(t.nameEn ? [fold(t.nameEn)] : [])];
  const exact = teams.filter((t) => names(t).includes(n));
  return exact.length ? exact : teams.filter((t) => names(t).some((x) => x.includes(n)));
}
