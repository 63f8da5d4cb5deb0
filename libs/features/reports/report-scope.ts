// Which rollup rows a principal's report reads: disjoint unit subtrees inside their scope,
// narrowed by a unit or station filter. A unit or station outside scope answers like a missing
// one (404), as the needs do.
import { ancestry, err, ok, type OrgNode, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';

export interface ReportScope {
  /** Top units: each row set already sums its subtree, so these never overlap. */
  unitIds: string[];
  /** The stations inside (for the per-station chart). */
  stationIds: string[];
  /** The needs list filter that names the same scope ({} = the caller's whole scope). */
  drill: { unit?: string; station?: string };
  tree: ReadonlyMap<string, OrgNode & { code: string }>;
  codeOf: (id: string) => string;
}

export async function reportScope(
  w: Work,
  p: ConsolePrincipal,
  filter: { unit?: string | undefined; station?: string | undefined },
): Promise<Result<ReportScope>> {
  const tree = await w.repos.org.tree();
  const readable = new Set(p.readUnitIds);
  const byCode = new Map([...tree.values()].map((u) => [u.code, u]));
  const codeOf = (id: string): string => tree.get(id)?.code ?? '';
  const stationsUnder = (unitId: string): string[] =>
    p.readUnitIds.filter((id) => tree.get(id)?.tier === 'station' && ancestry(tree, id).some((a) => a.id === unitId));
  if (filter.station) {
    const s = byCode.get(filter.station);
    if (!s || s.tier !== 'station' || !readable.has(s.id)) return err('console/not_found');
    return ok({ unitIds: [s.id], stationIds: [s.id], drill: { station: s.code }, tree, codeOf });
  }
  if (filter.unit) {
    const u = byCode.get(filter.unit);
    if (!u || !readable.has(u.id)) return err('console/not_found');
    return ok({ unitIds: [u.id], stationIds: stationsUnder(u.id), drill: { unit: u.code }, tree, codeOf });
  }
  const tops = p.readUnitIds.filter((id) => {
    const parent = tree.get(id)?.parentId;
    return !parent || !readable.has(parent);
  });
  return ok({
    unitIds: tops,
    stationIds: p.readUnitIds.filter((id) => tree.get(id)?.tier === 'station'),
    drill: tops.length === 1 ? { unit: codeOf(tops[0]!) } : {},
    tree,
    codeOf,
  });
}
