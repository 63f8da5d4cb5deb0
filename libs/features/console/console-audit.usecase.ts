// The audit trail as the console reads it: administrators and coordinators, within scope — the
// entries about their units (reveals of those needs) and those of people who hold roles there
// (logins, logouts, revocations), their own included. Viewers and station staff: refused.
import { personName } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';
import { auditQuerySchema, decodeCursor, encodeCursor } from './console.schemas.js';
import type { AuditItem } from '@baiying/contracts';

export class ListAudit {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: AuditItem[]; nextCursor: string | null }>> {
    if (p.auditUnitIds.length === 0) return err('console/forbidden');
    const cmd = parseCommand(auditQuerySchema, input);
    if (!cmd.ok) return cmd;
    const q = cmd.value;
    const tree = await w.repos.org.tree();
    const rootIds = [...tree.values()].filter((u) => u.parentId === null).map((u) => u.id);
    // An administrator of a root unit reads everything; everyone else their units and their people.
    const whole = p.grants.some((g) => g.role === 'admin' && rootIds.includes(g.unitId));
    const people = whole ? [] : [...new Set([p.personId, ...(await w.repos.console.peopleOnUnits(p.auditUnitIds))])];
    const after = decodeCursor(q.cursor);
    const rows = await w.repos.console.auditPage({
      ...(whole ? {} : { scope: { unitIds: p.auditUnitIds, actorIds: people } }),
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actorId: q.actor } : {}),
      ...(q.need ? { needId: q.need } : {}),
      ...(q.from ? { from: new Date(`${q.from}T00:00:00Z`) } : {}),
      ...(q.to ? { to: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
      ...(after ? { after } : {}),
      take: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const names = new Map(
      (await w.repos.console.namesOf([...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))])).map((x) => [
        x.id,
        personName(w.deps.cipher, x),
      ]),
    );
    const last = page[page.length - 1];
    return ok({
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        actor: r.actorId ? { id: r.actorId, name: names.get(r.actorId) ?? '' } : null,
        unit: r.orgUnitId ? (tree.get(r.orgUnitId)?.code ?? null) : null,
        needId: r.needId,
        reason: r.reason,
        detail: r.detail,
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
    });
  }
}
