import { ancestry } from '@baiying/domain';
import type { TeamRow } from '@baiying/db';
import type { Work } from '@baiying/kernel';

/** Teams a volunteer of this station may join: the station's and its parents', nearest first. */
export async function joinableTeams(w: Work, stationId: string): Promise<TeamRow[]> {
  const tree = await w.repos.org.tree();
  const chain = ancestry(tree, stationId).map((u) => u.id);
  const teams = await w.repos.org.teamsInUnits(chain);
  return teams.sort((a, b) => chain.indexOf(a.orgUnitId) - chain.indexOf(b.orgUnitId) || a.code.localeCompare(b.code));
}
