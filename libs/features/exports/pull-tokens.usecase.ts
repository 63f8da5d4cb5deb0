// Pull tokens (定时拉取): an administrator or coordinator makes a token URL for another office's
// system to fetch a read-only csv on its own schedule. The token is shown once and kept as its
// SHA-256; it acts as its owner as they are at each pull (scope and roles now, not at creation),
// always masked; every pull is audited with its filter and row count; the owner revokes it.
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Repos, type ExportTokenRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { asLocale } from '@baiying/i18n';
import { parseCommand, type UnitOfWork, type Work } from '@baiying/kernel';
import { consolePrincipal, type ConsolePrincipal } from '../sessions/index.js';
import { CsvSink } from './export-sinks.js';
import { headerTexts, resolveSource } from './export-sources.js';
import { bulkRows, hashPullToken } from './exports.usecase.js';
import { pullTokenIdSchema, pullTokenRequestSchema, pullTokenSchema, type RowKind } from './exports.schemas.js';
import type { PullTokenView } from '@baiying/contracts';

const tokenView = (r: ExportTokenRow): PullTokenView => ({
  id: r.id,
  label: r.label,
  kind: r.kind,
  filter: r.filter,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** Administrators and coordinators manage pull tokens; station staff and viewers do not. */
const manages = (p: ConsolePrincipal): boolean => p.grants.some((g) => g.role === 'admin' || g.role === 'coordinator');

export class CreatePullToken {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<PullTokenView & { token: string; url: string }>> {
    if (!manages(p)) return err('console/forbidden');
    const cmd = parseCommand(pullTokenRequestSchema, input);
    if (!cmd.ok) return cmd;
    const token = randomBytes(32).toString('base64url');
    const raw = (input as { filter?: Record<string, string> }).filter ?? {};
    const row = await w.repos.exports.createToken({
      tokenHash: hashPullToken(token),
      personId: p.personId,
      label: cmd.value.label,
      kind: cmd.value.kind,
      filter: raw,
      createdAt: w.now,
    });
    return ok({ ...tokenView(row), token, url: `/api/v1/pull/${token}` });
  }
}

export class ListPullTokens {
  async execute(w: Work, p: ConsolePrincipal): Promise<Result<{ items: PullTokenView[] }>> {
    if (!manages(p)) return err('console/forbidden');
    return ok({ items: (await w.repos.exports.tokensOf(p.personId)).map(tokenView) });
  }
}

export class RevokePullToken {
  async execute(w: Work, p: ConsolePrincipal, input: unknown): Promise<Result<{ revoked: true }>> {
    const cmd = parseCommand(pullTokenIdSchema, input);
    if (!cmd.ok) return cmd;
    // Another person's token answers like a missing one; one's own needs the role that makes them.
    if (!(await w.repos.exports.tokensOf(p.personId)).some((t) => t.id === cmd.value.id)) return err('console/not_found');
    if (!manages(p)) return err('console/forbidden');
    await w.repos.exports.revokeToken(cmd.value.id, p.personId, w.now);
    return ok({ revoked: true });
  }
}

/** What a pull needs to start answering: refusals come before the first byte. */
export interface PullStream {
  fileName: string;
  /** Streams the csv into `out` (ends it); the row count, audited. */
  write(out: Writable): Promise<number>;
}

export class PullCsv {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: unknown): Promise<Result<PullStream>> {
    const cmd = parseCommand(pullTokenSchema, input);
    if (!cmd.ok) return cmd;
    const row = await this.uow.read((r) => r.exports.tokenByHash(hashPullToken(cmd.value.token)));
    if (!row || row.revokedAt) return err('token/invalid');
    const p = await this.uow.run((w) => consolePrincipal(w, row.personId));
    // The owner lost the role that may hold a pull token: the token stops working with it.
    if (!p || !manages(p)) return err('token/invalid');
    const repos = new Repos(this.uow.deps.prisma);
    const person = await repos.people.person(row.personId);
    const locale = asLocale(person?.locale);
    const { source } = await resolveSource(
      { repos, rows: bulkRows(this.uow), cipher: this.uow.deps.cipher, timeZone: this.uow.deps.config.timeZone, locale, principal: p, reveal: false },
      row.kind as RowKind,
      row.filter,
    );
    return ok({
      fileName: `${row.kind}.csv`,
      write: async (out: Writable) => {
        const sink = new CsvSink(out);
        let rows = 0;
        let audited = false;
        // Audited before the response ends (a client that has the whole file finds the entry),
        // or, when the pull broke off, afterwards with complete: false.
        const audit = async (complete: boolean): Promise<void> => {
          audited = true;
          await this.uow.run(async (w) => {
            await w.repos.exports.tokenUsed(row.id, w.now);
            await w.repos.console.audit({
              at: w.now,
              actorId: row.personId,
              action: 'export_pull',
              reason: 'masked',
              detail: { tokenId: row.id, label: row.label, kind: row.kind, filter: (row.filter ?? {}) as Record<string, string>, rows, complete },
            });
          });
        };
        try {
          await sink.header(headerTexts(source.headers, locale));
          for await (const batch of source.batches()) {
            await sink.rows(batch);
            rows += batch.length;
          }
          await audit(true);
          await sink.close();
        } finally {
          if (!audited) await audit(false);
        }
        return rows;
      },
    });
  }
}
