// The month's snapshots: the month-end freeze (version 1, a draft), the console's list and view
// (any console role, in read scope), publishing (an administrator or a coordinator of the
// unit's subtree) and corrections (a new version with a summary and the computed changes; the
// old one stays readable). Every publish and correction is an audit_log entry.
import type { SnapshotRow } from '@baiying/db';
import { err, isMonth, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { findPhones } from '@baiying/nlu';
import { z } from 'zod';
import type { ConsolePrincipal } from '../sessions/index.js';
import { buildLists, diffLists } from './lists.js';
import { publicPath } from './paths.js';
import type { ScoreInvites } from './score.usecase.js';
import type { Lists, SnapshotChange, SnapshotSummary, SnapshotView } from '@baiying/contracts';

export const monthSchema = z.string().refine(isMonth, 'YYYY-MM');
export const snapshotIdSchema = z.object({ id: z.uuid() }).strict();
export const snapshotListSchema = z.object({ unit: z.string().min(1).max(40).optional(), month: monthSchema.optional() }).strict();
/** A public text (reason, steps): short, one paragraph, checked for phone numbers. */
const publicText = z.string().trim().min(1).max(200);
export const correctionSchema = z
  .object({
    summary: z.string().trim().min(1).max(500),
    /** Rebuild the lists from the database (late ratings, statuses) before the item edits. */
    refresh: z.boolean().optional(),
    items: z
      .array(
        z
          .object({
            code: z.string().min(1).max(40),
            reason: publicText.nullable().optional(),
            steps: publicText.nullable().optional(),
            promised: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .optional(),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();

const asLists = (row: SnapshotRow): Lists => row.data as unknown as Lists;
const asChanges = (row: SnapshotRow): SnapshotChange[] => row.changes as unknown as SnapshotChange[];

async function summaryOf(w: Work, r: Omit<SnapshotRow, 'data' | 'changes'>): Promise<SnapshotSummary> {
  const u = (await w.repos.org.tree()).get(r.orgUnitId);
  return {
    id: r.id,
    unit: { code: u?.code ?? '', name: u?.name ?? '' },
    month: r.month,
    version: r.version,
    status: r.status,
    frozenAt: r.frozenAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    changeSummary: r.changeSummary,
  };
}

/**
 * Month-end (the worker's timer): freezes version 1 of a unit's month unless one exists. The job
 * builds the lists before the transaction (a county's month is large) and hands them in.
 */
export class FreezeMonth {
  async execute(w: Work, input: { unitId: string; month: string }, prebuilt?: Lists | null): Promise<Result<{ created: boolean; snapshotId: string }>> {
    if (!isMonth(input.month)) return err('input/invalid', { field: 'month' });
    await w.repos.publicity.lockMonth(input.unitId, input.month);
    const existing = await w.repos.publicity.versions(input.unitId, input.month);
    if (existing[0]) return ok({ created: false, snapshotId: existing[0].id });
    const lists = prebuilt ?? (await buildLists(w.repos, w.config.timeZone, input.unitId, input.month));
    if (!lists) return err('publicity/not_found');
    const row = await w.repos.publicity.addSnapshot({
      orgUnitId: input.unitId,
      month: input.month,
      version: 1,
      status: 'draft',
      data: lists as unknown as Record<string, never>,
      frozenAt: w.now,
    });
    if (!row) return err('publicity/not_found');
    return ok({ created: true, snapshotId: row.id });
  }
}

export class ListSnapshots {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ items: SnapshotSummary[] }>> {
    const c = parseCommand(snapshotListSchema, input);
    if (!c.ok) return c;
    let units = p.readUnitIds;
    if (c.value.unit) {
      const u = [...(await w.repos.org.tree()).values()].find((x) => x.code === c.value.unit);
      units = u ? units.filter((id) => id === u.id) : [];
    }
    const rows = units.length ? await w.repos.publicity.list(units, c.value.month) : [];
    return ok({ items: await Promise.all(rows.map((r) => summaryOf(w, r))) });
  }
}

/** A snapshot the principal may read (else: not found, exactly like a missing one). */
async function readable(w: Work, p: ConsolePrincipal, id: string): Promise<SnapshotRow | null> {
  const row = await w.repos.publicity.snapshot(id);
  return row && p.readUnitIds.includes(row.orgUnitId) ? row : null;
}

/** Publishing and correcting: administrators and coordinators over the unit. */
const mayManage = (p: ConsolePrincipal, unitId: string): boolean => p.auditUnitIds.includes(unitId);

export class ViewSnapshot {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<SnapshotView>> {
    const c = parseCommand(snapshotIdSchema, input);
    if (!c.ok) return c;
    const row = await readable(w, p, c.value.id);
    if (!row) return err('publicity/not_found');
    const versions = await w.repos.publicity.versions(row.orgUnitId, row.month);
    const s = await summaryOf(w, row);
    const lists = asLists(row);
    const scores = await w.repos.publicity.scoresByCode(lists.fulfilment.fulfilled.map((f) => f.code));
    return ok({
      ...s,
      lists,
      scores: Object.fromEntries(scores),
      changes: asChanges(row),
      latest: versions[versions.length - 1]?.id === row.id,
      publicPath: publicPath(s.unit.code, row.month, row.version),
    });
  }
}

export class PublishSnapshot {
  constructor(private readonly invites: ScoreInvites) {}

  async execute(w: Work, p: ConsolePrincipal, input: { id: string; sessionId?: string }): Promise<Result<SnapshotSummary & { invited: number }>> {
    const c = parseCommand(snapshotIdSchema, { id: input.id });
    if (!c.ok) return c;
    const found = await readable(w, p, c.value.id);
    if (!found) return err('publicity/not_found');
    if (!mayManage(p, found.orgUnitId)) return err('console/forbidden');
    await w.repos.publicity.lockMonth(found.orgUnitId, found.month);
    const versions = await w.repos.publicity.versions(found.orgUnitId, found.month);
    const head = versions.find((v) => v.id === found.id);
    if (!head || versions[versions.length - 1]?.id !== head.id) return err('publicity/not_latest');
    if (head.status !== 'draft') return err('publicity/not_draft');
    const row = found;
    if (!(await w.repos.publicity.markPublished(row.id, w.now, p.personId))) return err('publicity/not_draft');
    const firstPublication = !versions.some((v) => v.status === 'published');
    await w.repos.console.audit({
      at: w.now,
      actorId: p.personId,
      action: 'publicity_publish',
      orgUnitId: row.orgUnitId,
      sessionId: input.sessionId ?? null,
      detail: { month: row.month, version: row.version },
    });
    const lists = asLists(row);
    // Residents of fulfilled items are asked to score them once, at the month's first publication.
    const invited = firstPublication ? await this.invites.inviteAll(w, lists) : 0;
    return ok({ ...(await summaryOf(w, { ...head, status: 'published', publishedAt: w.now, publishedById: p.personId })), invited });
  }
}

export class CorrectSnapshot {
  async execute(
    w: Work,
    p: ConsolePrincipal,
    input: { id: string; sessionId?: string; correction: unknown },
  ): Promise<Result<SnapshotSummary & { changes: SnapshotChange[] }>> {
    const idc = parseCommand(snapshotIdSchema, { id: input.id });
    if (!idc.ok) return idc;
    const c = parseCommand(correctionSchema, input.correction);
    if (!c.ok) return c;
    const found = await readable(w, p, idc.value.id);
    if (!found) return err('publicity/not_found');
    if (!mayManage(p, found.orgUnitId)) return err('console/forbidden');
    await w.repos.publicity.lockMonth(found.orgUnitId, found.month);
    const versions = await w.repos.publicity.versions(found.orgUnitId, found.month);
    const base = versions[versions.length - 1];
    if (!base || base.id !== found.id) return err('publicity/not_latest');
    const before = asLists(found);
    let after: Lists = structuredClone(before);
    if (c.value.refresh) {
      const fresh = await buildLists(w.repos, w.config.timeZone, base.orgUnitId, base.month);
      if (!fresh) return err('publicity/not_found');
      // Keep the public texts coordinators wrote for items still unfulfilled.
      const texts = new Map(before.fulfilment.unfulfilled.map((u) => [u.code, u]));
      for (const u of fresh.fulfilment.unfulfilled) {
        const old = texts.get(u.code);
        if (old) Object.assign(u, { reason: old.reason, steps: old.steps });
      }
      after = fresh;
    }
    for (const item of c.value.items ?? []) {
      const target = after.fulfilment.unfulfilled.find((u) => u.code === item.code);
      if (!target) return err('publicity/unknown_item', { code: item.code.slice(0, 40) });
      for (const field of ['reason', 'steps'] as const) {
        const text = item[field];
        if (text === undefined) continue;
        if (text !== null && findPhones(text).length > 0) return err('publicity/personal_data', { field });
        target[field] = text;
      }
      if (item.promised) target.promised = item.promised;
    }
    if (findPhones(c.value.summary).length > 0) return err('publicity/personal_data', { field: 'summary' });
    const changes = diffLists(before, after);
    if (changes.length === 0) return err('publicity/no_change');
    const published = base.status === 'published';
    const row = await w.repos.publicity.addSnapshot({
      orgUnitId: base.orgUnitId,
      month: base.month,
      version: base.version + 1,
      status: published ? 'published' : 'draft',
      data: after as unknown as Record<string, never>,
      changeSummary: c.value.summary,
      changes: changes as unknown as never[],
      frozenAt: w.now,
      createdById: p.personId,
      ...(published ? { publishedAt: w.now, publishedById: p.personId } : {}),
    });
    if (!row) return err('publicity/not_latest');
    const created = {
      id: row.id,
      orgUnitId: base.orgUnitId,
      month: base.month,
      version: base.version + 1,
      status: published ? 'published' : 'draft',
      changeSummary: c.value.summary,
      frozenAt: w.now,
      createdById: p.personId,
      publishedAt: published ? w.now : null,
      publishedById: published ? p.personId : null,
    };
    await w.repos.console.audit({
      at: w.now,
      actorId: p.personId,
      action: 'publicity_correct',
      orgUnitId: base.orgUnitId,
      sessionId: input.sessionId ?? null,
      detail: { month: base.month, from: base.version, version: created.version, published, changes: changes.length },
    });
    return ok({ ...(await summaryOf(w, created)), changes });
  }
}
