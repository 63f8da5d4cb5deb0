// The console's list of calls (一呼百应): calls of units in the viewer's read scope, newest
// first, keyset pages. Managing one (tally, roster, controls) goes through the calls feature's
// own use cases, which check the manager's scope as chat does.
import type { CallListItem } from '@baiying/contracts';
import { ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { ConsolePrincipal } from '../sessions/index.js';
import { cursorSchema, decodeCursor, encodeCursor, PAGE_DEFAULT, PAGE_MAX } from './console.schemas.js';

export const callListQuerySchema = z
  .object({
    cursor: cursorSchema.optional(),
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
  })
  .strict();

export class ListCalls {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: CallListItem[]; nextCursor: string | null }>> {
    const cmd = parseCommand(callListQuerySchema, input);
    if (!cmd.ok) return cmd;
    const after = decodeCursor(cmd.value.cursor);
    const take = cmd.value.limit;
    const rows = p.readUnitIds.length ? await w.repos.calls.inUnits(p.readUnitIds, take + 1, after ? { createdAt: after.at, id: after.id } : undefined) : [];
    const page = rows.slice(0, take);
    const tree = await w.repos.org.tree();
    const items: CallListItem[] = [];
    for (const c of page) {
      const counts = await w.repos.calls.counts(c.id);
      const unit = tree.get(c.orgUnitId);
      items.push({
        id: c.id,
        code: c.code,
        title: c.title,
        status: c.status,
        headcount: c.headcount,
        confirmed: counts.confirmed,
        waitlisted: counts.waitlisted,
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt.toISOString(),
        answerBy: c.answerBy.toISOString(),
        emergency: c.emergency,
        unit: { code: unit?.code ?? '', name: unit?.name ?? '' },
        createdAt: c.createdAt.toISOString(),
      });
    }
    const last = page[page.length - 1];
    return ok({ items, nextCursor: rows.length > take && last ? encodeCursor(last.createdAt, last.id) : null });
  }
}
