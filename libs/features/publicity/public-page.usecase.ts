// The public page's data (no login): the published versions of one unit's month, the one asked
// for (or the latest), what the later version changed, and the residents' scores so far.
import { err, isMonth, ok, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { Lists, SnapshotChange } from '@baiying/contracts';

export interface PublicVersion {
  version: number;
  publishedAt: string;
  changeSummary: string | null;
  changes: SnapshotChange[];
}

export interface PublicLists {
  lists: Lists;
  version: number;
  publishedAt: string;
  /** Every published version, oldest first (each keeps its own link). */
  versions: PublicVersion[];
  /** The next published version when this one was corrected. */
  supersededBy: PublicVersion | null;
  /** Residents' scores (落实清单点评表) by need code, live. */
  scores: Record<string, number>;
}

const UNIT_CODE = /^[A-Za-z0-9_-]{1,40}$/;

export class ReadPublicLists {
  async execute(w: Work, input: { unitCode: string; month: string; version?: number }): Promise<Result<PublicLists>> {
    if (!UNIT_CODE.test(input.unitCode) || !isMonth(input.month)) return err('publicity/not_found');
    if (input.version !== undefined && !(Number.isInteger(input.version) && input.version >= 1 && input.version <= 10_000)) return err('publicity/not_found');
    const unit = [...(await w.repos.org.tree()).values()].find((u) => u.code === input.unitCode);
    if (!unit) return err('publicity/not_found');
    const published = (await w.repos.publicity.versions(unit.id, input.month)).filter((v) => v.status === 'published' && v.publishedAt);
    const chosen = input.version === undefined ? published[published.length - 1] : published.find((v) => v.version === input.version);
    if (!chosen) return err('publicity/not_found');
    const versions = published.map((v) => ({
      version: v.version,
      publishedAt: (v.publishedAt ?? v.frozenAt).toISOString(),
      changeSummary: v.changeSummary,
      changes: v.changes as unknown as SnapshotChange[],
    }));
    const full = await w.repos.publicity.snapshot(chosen.id);
    if (!full) return err('publicity/not_found');
    const lists = full.data as unknown as Lists;
    const scores = await w.repos.publicity.scoresByCode(lists.fulfilment.fulfilled.map((f) => f.code));
    return ok({
      lists,
      version: chosen.version,
      publishedAt: (chosen.publishedAt ?? chosen.frozenAt).toISOString(),
      versions,
      supersededBy: versions.find((v) => v.version > chosen.version) ?? null,
      scores: Object.fromEntries(scores),
    });
  }
}
