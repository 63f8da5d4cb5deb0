// Exports (报表) for console users: ask for one (scope and reveal rights checked here, the filter
// stored on the row, the worker job queued after commit with the id only), read its progress and
// a download link that expires, download the file by that link, and — in the worker — build it
// by streaming keyset batches to a file, then audit it with its filter and row count.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { bulkRowQuery, ExportRepository, Repos, type ExportJobRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { asLocale, t, type Locale } from '@baiying/i18n';
import { parseCommand, type JobControl, type UnitOfWork, type Work } from '@baiying/kernel';
import { consolePrincipal, type ConsolePrincipal } from '../sessions/index.js';
import { assessmentPlan } from './assessment.js';
import { fourListsPlan } from './four-lists.js';
import { csvFile, xlsxFile, type RowSink } from './export-sinks.js';
import { headerTexts, resolveSource, type SourceContext } from './export-sources.js';
import { downloadTokenSchema, exportRequestSchema, type RowKind } from './exports.schemas.js';
import type { ExportView } from '@baiying/contracts';

const CONTENT_TYPE: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const exportDir = (w: { config: Work['config'] }): string => path.resolve(w.config.exports.dir);
const filePath = (dir: string, id: string, format: string): string => path.join(dir, `${id}.${format}`);

function linkValue(id: string, exp: number): string {
  return `export-download:${id}:${exp}`;
}

function signLink(w: Work, id: string, exp: number): string {
  return `${id}.${exp}.${w.deps.cipher.hash(linkValue(id, exp))}`;
}

function view(w: Work, j: ExportJobRow): ExportView {
  let download: ExportView['download'] = null;
  if (j.status === 'done' && j.expiresAt && j.expiresAt > w.now) {
    const exp = Math.min(w.now.getTime() + w.config.exports.linkMinutes * 60_000, j.expiresAt.getTime());
    download = { url: `/api/v1/exports/download/${signLink(w, j.id, exp)}`, expiresAt: new Date(exp).toISOString() };
  }
  return {
    id: j.id,
    kind: j.kind,
    format: j.format,
    reveal: j.reveal,
    status: j.status,
    rowsDone: j.rowsDone,
    rowsTotal: j.rowsTotal,
    progress: j.rowsTotal === null ? null : j.rowsTotal === 0 ? (j.status === 'done' ? 1 : 0) : Math.min(1, j.rowsDone / j.rowsTotal),
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    expiresAt: j.expiresAt?.toISOString() ?? null,
    error: j.error,
    download,
  };
}

/** Whether every unit an export may hold is one the principal may reveal. */
const mayReveal = (p: ConsolePrincipal, unitIds: string[]): boolean => p.revealUnitIds.length > 0 && unitIds.every((id) => p.revealUnitIds.includes(id));

function sourceContext(w: Work, p: ConsolePrincipal, locale: Locale, reveal: boolean): SourceContext {
  return { repos: w.repos, rows: w.repos.exports, cipher: w.deps.cipher, timeZone: w.config.timeZone, locale, principal: p, reveal };
}

export class RequestExport {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<ExportView>> {
    const cmd = parseCommand(exportRequestSchema, input);
    if (!cmd.ok) return cmd;
    const req = cmd.value;
    const person = await w.repos.people.person(p.personId);
    const locale = asLocale(person?.locale);
    const raw = (input as { filter?: Record<string, string> }).filter ?? {};
    let reveal = false;
    if (req.kind === 'assessment') {
      const plan = await assessmentPlan(w.repos, p, req.filter, locale, w.config.timeZone);
      if (!plan.unitId) return err('console/not_found');
    } else if (req.kind === 'four_lists') {
      // A unit out of scope, or a month without a snapshot: not found, alike.
      const plan = await fourListsPlan(w.repos, p, req.filter, locale);
      if (!plan.unitId) return err('console/not_found');
    } else if (req.reveal) {
      // In scope to read but not to reveal (a viewer), or a filter reaching beyond the reveal scope.
      const r = await resolveSource(sourceContext(w, p, locale, true), req.kind, raw);
      if (!mayReveal(p, r.unitIds)) return err('console/read_only');
      reveal = true;
    }
    const job = await w.repos.exports.createJob({ personId: p.personId, kind: req.kind, format: req.format, filter: raw, reveal, locale, createdAt: w.now });
    w.schedule('run-export', { exportId: job.id }, w.now);
    return ok(view(w, job));
  }
}

export class ExportStatus {
  async execute(w: Work, p: ConsolePrincipal, input: { id: string }): Promise<Result<ExportView>> {
    const job = await w.repos.exports.jobById(input.id);
    // Another person's export answers like a missing one.
    if (!job || job.personId !== p.personId) return err('console/not_found');
    return ok(view(w, job));
  }
}

export class ListExports {
  async execute(w: Work, p: ConsolePrincipal): Promise<Result<{ items: ExportView[] }>> {
    return ok({ items: (await w.repos.exports.jobsOf(p.personId, 50)).map((j) => view(w, j)) });
  }
}

export interface DownloadFile {
  fileName: string;
  contentType: string;
  bytes: number;
  open(): Readable;
}

export class DownloadExport {
  async execute(w: Work, input: unknown): Promise<Result<DownloadFile>> {
    const cmd = parseCommand(downloadTokenSchema, input);
    if (!cmd.ok) return cmd;
    const [id, expText, sig] = cmd.value.token.split('.') as [string, string, string];
    const exp = Number(expText);
    const expected = Buffer.from(w.deps.cipher.hash(linkValue(id, exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return err('export/link_expired');
    if (exp <= w.now.getTime()) return err('export/link_expired');
    const job = await w.repos.exports.jobById(id);
    if (!job || job.status !== 'done' || !job.expiresAt || job.expiresAt <= w.now) return err('export/link_expired');
    const file = filePath(exportDir(w), job.id, job.format);
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) return err('export/link_expired');
    const locale = asLocale(job.locale);
    const day = job.createdAt.toISOString().slice(0, 10).replace(/-/g, '');
    const workbook: Record<string, [string, string]> = { assessment: ['考核报表', 'assessment'], four_lists: ['四张清单', 'four-lists'] };
    const named = workbook[job.kind];
    const name = named ? (locale === 'en' ? named[1] : named[0]) : t(`export.sheet.${job.kind as RowKind}`, {}, locale);
    return ok({
      fileName: `${name}-${day}.${job.format}`,
      contentType: CONTENT_TYPE[job.format] ?? 'application/octet-stream',
      bytes: size,
      open: () => createReadStream(file),
    });
  }
}

class Stopping extends Error {}

/** Export rows through pg directly (see bulkRowQuery): millions of rows, not through the engine. */
export const bulkRows = (uow: UnitOfWork): ExportRepository => new ExportRepository(uow.deps.prisma, bulkRowQuery(uow.deps.config.databaseUrl));

/** Progress is written at most this often (ms). */
const PROGRESS_EVERY_MS = 1000;

/** The worker's side: builds the file of one export_job row. */
export class RunExport {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(exportId: string, control?: JobControl): Promise<'done' | 'skipped' | 'failed'> {
    const job = await this.uow.read((r) => r.exports.jobById(exportId));
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return 'skipped';
    const dir = path.resolve(this.uow.deps.config.exports.dir);
    await mkdir(dir, { recursive: true });
    const part = `${filePath(dir, job.id, job.format)}.part`;
    try {
      const rows = await this.build(job, part, control);
      if (rows === null) return 'failed';
      const bytes = (await stat(part)).size;
      await rename(part, filePath(dir, job.id, job.format));
      await this.uow.run(async (w) => {
        const filter = (job.filter ?? {}) as Record<string, string>;
        const tree = await w.repos.org.tree();
        const unit = typeof filter.unit === 'string' ? ([...tree.values()].find((u) => u.code === filter.unit)?.id ?? null) : null;
        // Every export is audited (masked or not): who, what, which filter, how many rows.
        await w.repos.console.audit({
          at: w.now,
          actorId: job.personId,
          action: 'export',
          orgUnitId: unit,
          reason: job.reveal ? 'unmasked' : 'masked',
          detail: { exportId: job.id, kind: job.kind, format: job.format, filter, rows, masked: !job.reveal },
        });
        await w.repos.exports.finishJob(job.id, {
          rows,
          fileName: path.basename(filePath(dir, job.id, job.format)),
          bytes,
          at: w.now,
          expiresAt: new Date(w.now.getTime() + w.config.exports.fileHours * 3_600_000),
        });
      });
      return 'done';
    } catch (e) {
      await rm(part, { force: true });
      // Shutting down: the row stays running and the reconciler queues it again.
      if (e instanceof Stopping) return 'skipped';
      // A failure is the export's, not the queue's: the row says so and the person may ask again.
      await this.uow.run((w) => w.repos.exports.failJob(job.id, (e as Error).message.slice(0, 200), w.now));
      return 'failed';
    }
  }

  /** Writes the file; the row count, or null when the export may no longer run (refused). */
  private async build(job: ExportJobRow, part: string, control?: JobControl): Promise<number | null> {
    const now = () => this.uow.clock.now();
    // Scope and reveal rights as they are now: a role withdrawn since the request stops it.
    const p = await this.uow.run((w) => consolePrincipal(w, job.personId));
    const refuse = async (why: string): Promise<null> => {
      await this.uow.run((w) => w.repos.exports.failJob(job.id, why, w.now));
      return null;
    };
    if (!p) return refuse('no console role');
    const locale = asLocale(job.locale);
    const repos = new Repos(this.uow.deps.prisma);
    if (job.kind === 'assessment') {
      const plan = await assessmentPlan(repos, p, job.filter, locale, this.uow.deps.config.timeZone);
      if (!plan.unitId) return refuse('unit out of scope');
      const total = await plan.count();
      if (!(await this.uow.read((r) => r.exports.startJob(job.id, total, now())))) return null;
      return plan.write(part);
    }
    if (job.kind === 'four_lists') {
      const plan = await fourListsPlan(repos, p, job.filter, locale);
      if (!plan.unitId) return refuse('unit out of scope or no snapshot');
      const total = await plan.count();
      if (!(await this.uow.read((r) => r.exports.startJob(job.id, total, now())))) return null;
      return plan.write(part);
    }
    const kind = job.kind as RowKind;
    const ctx: SourceContext = {
      repos,
      rows: bulkRows(this.uow),
      cipher: this.uow.deps.cipher,
      timeZone: this.uow.deps.config.timeZone,
      locale,
      principal: p,
      reveal: job.reveal,
    };
    const { source, unitIds } = await resolveSource(ctx, kind, job.filter);
    if (job.reveal && !mayReveal(p, unitIds)) return refuse('no longer allowed to reveal');
    const total = await source.count();
    if (!(await this.uow.read((r) => r.exports.startJob(job.id, total, now())))) return null;
    const sink: RowSink = job.format === 'csv' ? csvFile(part) : xlsxFile(part, headerTexts([source.sheet], locale)[0]!);
    let rows = 0;
    let lastProgress = Date.now();
    try {
      await sink.header(headerTexts(source.headers, locale));
      for await (const batch of source.batches()) {
        await sink.rows(batch);
        rows += batch.length;
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await this.uow.read((r) => r.exports.progress(job.id, rows));
        }
        if (control?.stopping) throw new Stopping();
      }
    } finally {
      await sink.close();
    }
    return rows;
  }
}

/** The worker's cleanup: files past their lifetime are deleted and their rows marked expired. */
export class CleanupExports {
  async execute(w: Work): Promise<{ expired: number }> {
    const rows = await w.repos.exports.expiredJobs(w.now, 500);
    const dir = exportDir(w);
    for (const r of rows) if (r.fileName) await rm(path.join(dir, path.basename(r.fileName)), { force: true });
    await w.repos.exports.markExpired(rows.map((r) => r.id));
    return { expired: rows.length };
  }
}

/** SHA-256 of a pull token (what the database keeps). */
export const hashPullToken = (token: string): string => createHash('sha256').update(token).digest('hex');
