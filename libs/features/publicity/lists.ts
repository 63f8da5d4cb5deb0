// The four lists (四张清单) of one unit's subtree and month, built from the database with public
// facts only: station and unit names, categories, beneficiary groups (a group, never a person),
// statuses, dates, scores and team names. No resident's name, phone, address or words — by
// construction: the repository's reads never select them.
import { ancestry, localDate, monthBounds } from '@baiying/domain';
import type { Repos } from '@baiying/db';
import type { Lists, SnapshotChange } from '@baiying/contracts';

const FULFILLED = new Set(['done', 'confirmed']);

/** Reads and assembles the four lists of `unitId`'s subtree for `month` (YYYY-MM in `tz`). */
export async function buildLists(repos: Repos, tz: string, unitId: string, month: string): Promise<Lists | null> {
  const tree = await repos.org.tree();
  const unit = tree.get(unitId);
  if (!unit) return null;
  const { from, to } = monthBounds(month, tz);
  const subtree = [...tree.values()].filter((u) => ancestry(tree, u.id).some((a) => a.id === unitId)).map((u) => u.id);
  const [rows, teams, talents, categories] = await Promise.all([
    repos.publicity.monthNeeds(subtree, from, to, `${month}-01`),
    repos.publicity.teams(unitId),
    repos.publicity.talents(unitId),
    repos.org.categories(),
  ]);
  const name = (id: string) => tree.get(id)?.name ?? '';
  const nameEn = (id: string) => tree.get(id)?.nameEn ?? name(id);
  const day = (d: Date | null) => (d ? localDate(d, tz) : null);
  const promisedDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

  const ofMonth = rows.filter((r) => r.createdAt >= from && r.createdAt < to);
  const count = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const byCategory = [...count(ofMonth.map((r) => r.categoryCode)).entries()].map(([category, n]) => ({ category, count: n }));
  const byStation = [...count(ofMonth.map((r) => r.stationId)).entries()].map(([id, n]) => ({ station: name(id), stationEn: nameEn(id), count: n }));

  const base = (r: (typeof rows)[number]) => ({
    code: r.code,
    station: name(r.stationId),
    stationEn: nameEn(r.stationId),
    category: r.categoryCode,
    beneficiary: r.beneficiary,
  });
  const servicesByCategory = new Map<string, Lists['services'][number]['teams']>();
  for (const t of teams) {
    const list = servicesByCategory.get(t.categoryCode) ?? [];
    list.push({ name: t.name, nameEn: t.nameEn ?? t.name, unit: name(t.orgUnitId), unitEn: nameEn(t.orgUnitId) });
    servicesByCategory.set(t.categoryCode, list);
  }
  const order = new Map(categories.map((c, i) => [c.code, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b);

  return {
    unit: { code: unit.code, name: unit.name, nameEn: unit.nameEn ?? unit.name, tier: unit.tier },
    month,
    timeZone: tz,
    categories: categories.map((c) => ({ code: c.code, zh: c.nameZh, en: c.nameEn })),
    needs: {
      total: ofMonth.length,
      byCategory: byCategory.sort((a, b) => byOrder(a.category, b.category)),
      byStation: byStation.sort((a, b) => b.count - a.count || a.station.localeCompare(b.station)),
      items: ofMonth.map((r) => ({ ...base(r), status: r.status, date: day(r.createdAt) ?? '' })),
    },
    services: [...servicesByCategory.entries()].sort(([a], [b]) => byOrder(a, b)).map(([category, list]) => ({ category, teams: list })),
    resources: {
      teams: teams.map((t) => ({
        code: t.code,
        name: t.name,
        nameEn: t.nameEn ?? t.name,
        unit: name(t.orgUnitId),
        unitEn: nameEn(t.orgUnitId),
        category: t.categoryCode,
        members: t.members,
      })),
      talents,
      venuesRecorded: false,
    },
    fulfilment: {
      fulfilled: ofMonth.filter((r) => FULFILLED.has(r.status)).map((r) => ({ ...base(r), team: r.team, done: day(r.doneAt), rating: r.rating })),
      unfulfilled: rows
        .filter((r) => r.status === 'unfulfilled')
        .map((r) => ({ ...base(r), promised: promisedDay(r.promisedDate), reason: null, steps: null })),
    },
  };
}

const FIELDS = ['status', 'team', 'rating', 'promised', 'reason', 'steps'] as const;

/** What changed between two versions' item lists (needs and 落实清单), by need code. */
export function diffLists(before: Lists, after: Lists): SnapshotChange[] {
  const index = (l: Lists) => {
    const m = new Map<string, Record<string, string>>();
    const put = (code: string, fields: Record<string, string | number | null>) => {
      const cur = m.get(code) ?? {};
      for (const [k, v] of Object.entries(fields)) cur[k] = v === null ? '' : String(v);
      m.set(code, cur);
    };
    for (const n of l.needs.items) put(n.code, { status: n.status });
    for (const f of l.fulfilment.fulfilled) put(f.code, { team: f.team, rating: f.rating });
    for (const u of l.fulfilment.unfulfilled) put(u.code, { status: 'unfulfilled', promised: u.promised, reason: u.reason, steps: u.steps });
    return m;
  };
  const a = index(before);
  const b = index(after);
  const out: SnapshotChange[] = [];
  for (const [code, fa] of a) {
    const fb = b.get(code);
    if (!fb) {
      out.push({ code, kind: 'removed' });
      continue;
    }
    for (const f of FIELDS) if ((fa[f] ?? '') !== (fb[f] ?? '')) out.push({ code, kind: 'changed', field: f, from: fa[f] ?? '', to: fb[f] ?? '' });
  }
  for (const code of b.keys()) if (!a.has(code)) out.push({ code, kind: 'added' });
  return out;
}
