// The console's needs list (decision 0034): masked, scoped to the caller's stations, filtered,
// sorted on the server and read in keyset pages whose cursor carries the sort's position.
// A unit or station outside the caller's scope narrows the list to nothing (never an error
// that would tell it exists).
import type { ConsoleNeedListRow, NeedListQuery as NeedPageQuery } from '@baiying/db';
import { ancestry, maskAddress, maskPhone, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { decodeNeedCursor, encodeNeedCursor, needListQuerySchema, URGENCY_ORDER, type NeedListQuery, type Urgency } from './needs-list.schemas.js';
import type { NeedListItem } from '@baiying/contracts';

/** Midnight of a `YYYY-MM-DD` day in the desk's time zone. */
export function dayStart(day: string, timeZone: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const local = new Date(utc.toLocaleString('en-US', { timeZone }));
  const asUtc = new Date(utc.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(utc.getTime() - (local.getTime() - asUtc.getTime()));
}
const nextDay = (day: string, timeZone: string): Date => new Date(dayStart(day, timeZone).getTime() + 86_400_000);

/** The caller's stations narrowed by the unit (subtree) and station filters. */
async function stationsOf(w: Work, p: ConsolePrincipal, q: NeedListQuery): Promise<string[]> {
  if (!q.unit && !q.station) return p.readUnitIds;
  const tree = await w.repos.org.tree();
  const byCode = new Map([...tree.values()].map((u) => [u.code, u]));
  let stations = p.readUnitIds;
  if (q.unit) {
    const u = byCode.get(q.unit);
    stations = u ? stations.filter((id) => ancestry(tree, id).some((a) => a.id === u.id)) : [];
  }
  if (q.station) {
    const s = byCode.get(q.station);
    stations = s ? stations.filter((id) => id === s.id) : [];
  }
  return stations;
}

/**
 * Newest/oldest: one statement. Urgency: the levels in turn (emergency, urgent, normal), each
 * newest first, starting at the cursor's level, until the page is full — at most three
 * statements, each on an index of its own shape.
 */
async function readPage(w: Work, q: NeedListQuery, base: Omit<NeedPageQuery, 'take'>): Promise<{ rows: ConsoleNeedListRow[]; more: boolean }> {
  const cursor = q.cursor ? decodeNeedCursor(q.cursor, q.sort) : null;
  const after = cursor ? { after: { createdAt: cursor.at, id: cursor.id } } : {};
  if (q.sort !== 'urgency') {
    const rows = await w.repos.console.needPage({ ...base, ...after, direction: q.sort === 'old' ? 'asc' : 'desc', take: q.limit + 1 });
    return { rows: rows.slice(0, q.limit), more: rows.length > q.limit };
  }
  const levels = URGENCY_ORDER.filter(
    (u) => (!q.urgency || u === q.urgency) && URGENCY_ORDER.indexOf(u) >= URGENCY_ORDER.indexOf(cursor?.urgency ?? 'emergency'),
  );
  const rows: ConsoleNeedListRow[] = [];
  for (const level of levels) {
    const within = cursor && cursor.urgency === level ? after : {};
    rows.push(...(await w.repos.console.needPage({ ...base, ...within, urgency: level, direction: 'desc', take: q.limit + 1 - rows.length })));
    if (rows.length > q.limit) break;
  }
  return { rows: rows.slice(0, q.limit), more: rows.length > q.limit };
}

export class ListNeeds {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: NeedListItem[]; nextCursor: string | null }>> {
    const cmd = parseCommand(needListQuerySchema, input);
    if (!cmd.ok) return cmd;
    const q = cmd.value;
    const stations = await stationsOf(w, p, q);
    if (stations.length === 0) return ok({ items: [], nextCursor: null });
    const base: Omit<NeedPageQuery, 'take'> = {
      stationIds: stations,
      ...(q.status ? { statuses: q.status } : {}),
      ...(q.category ? { categoryCode: q.category } : {}),
      ...(q.urgency ? { urgency: q.urgency } : {}),
      ...(q.beneficiary ? { beneficiaries: q.beneficiary } : {}),
      ...(q.review !== undefined ? { review: q.review } : {}),
      ...(q.from ? { from: dayStart(q.from, w.config.timeZone) } : {}),
      ...(q.to ? { to: nextDay(q.to, w.config.timeZone) } : {}),
      ...(q.q ? { codeContains: q.q.toUpperCase() } : {}),
    };
    const { rows, more } = await readPage(w, q, base);
    const tree = await w.repos.org.tree();
    const unit = (id: string) => {
      const u = tree.get(id);
      return { code: u?.code ?? '', name: u?.name ?? '', tier: u?.tier ?? '' };
    };
    const items = rows.map((n) => ({
      id: n.id,
      code: n.code,
      status: n.status,
      category: n.categoryCode,
      station: { code: unit(n.stationId).code, name: unit(n.stationId).name },
      owner: unit(n.ownerUnitId),
      urgency: n.urgency,
      beneficiary: n.beneficiary,
      review: n.reviewReason !== null,
      danger: n.danger,
      phone: maskPhone(w.deps.cipher.decryptOptional(n.phoneEnc)),
      address: maskAddress(w.deps.cipher.decryptOptional(n.addressEnc)),
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    }));
    const last = rows[rows.length - 1];
    const urgency = (u: string): Urgency | null => (q.sort === 'urgency' ? (URGENCY_ORDER.find((x) => x === u) ?? null) : null);
    return ok({
      items,
      nextCursor: more && last ? encodeNeedCursor({ sort: q.sort, urgency: urgency(last.urgency), at: last.createdAt, id: last.id }) : null,
    });
  }
}
