// The four lists (四张清单) of a unit's month as a workbook: the latest version of its 公示 snapshot
// (docs/publicity.md), one sheet per list after an 说明 sheet naming the version and its state.
// A snapshot holds public facts only (codes, stations, categories, beneficiary groups, statuses,
// dates, team names, ratings, the coordinators' public texts): nothing to mask or reveal. The
// residents' scores (点评) are read live, as the public page shows them.
import type { Repos } from '@baiying/db';
import { t, type Locale, type MessageKey } from '@baiying/i18n';
import type { ConsolePrincipal } from '../sessions/index.js';
import type { Lists } from '@baiying/contracts';
import { publicPath } from '../publicity/index.js';
import { XlsxWriter, type XlsxSheetWriter } from './xlsx-writer.js';
import { fourListsFilterSchema } from './exports.schemas.js';

export interface FourListsPlan {
  /** The unit in the principal's read scope with a snapshot of that month (else null: not found). */
  unitId: string | null;
  count(): Promise<number>;
  write(path: string): Promise<number>;
}

/** The plan of a four-lists workbook for a principal and a stored filter. */
export async function fourListsPlan(repos: Repos, p: ConsolePrincipal, filter: unknown, locale: Locale): Promise<FourListsPlan> {
  const q = fourListsFilterSchema.parse(filter);
  const tree = await repos.org.tree();
  const unit = [...tree.values()].find((u) => u.code === q.unit && p.readUnitIds.includes(u.id)) ?? null;
  const versions = unit ? await repos.publicity.versions(unit.id, q.month) : [];
  const head = versions[versions.length - 1];
  if (!unit || !head) return { unitId: null, count: () => Promise.resolve(0), write: () => Promise.resolve(0) };
  const row = await repos.publicity.snapshot(head.id);
  const lists = row?.data as unknown as Lists | undefined;
  if (!lists) return { unitId: null, count: () => Promise.resolve(0), write: () => Promise.resolve(0) };
  const en = locale === 'en';
  const tx = (k: MessageKey, params: Record<string, string> = {}): string => t(k, params, locale);
  const category = new Map(lists.categories.map((c) => [c.code, en ? c.en : c.zh]));
  const cat = (code: string): string => category.get(code) ?? code;
  const station = (x: { station: string; stationEn: string }): string => (en && x.stationEn ? x.stationEn : x.station);
  const rowsOf =
    lists.needs.items.length +
    lists.services.reduce((n, s) => n + Math.max(1, s.teams.length), 0) +
    lists.resources.teams.length +
    lists.resources.talents.length +
    lists.fulfilment.fulfilled.length +
    lists.fulfilment.unfulfilled.length;
  const head2 = (sheet: XlsxSheetWriter, keys: MessageKey[]): Promise<void> => sheet.rows([keys.map((k) => tx(k))]);
  return {
    unitId: unit.id,
    count: () => Promise.resolve(rowsOf),
    async write(path: string): Promise<number> {
      const scores = await repos.publicity.scoresByCode(lists.fulfilment.fulfilled.map((f) => f.code));
      const book = new XlsxWriter(path);
      const about = await book.sheet(tx('export.sheet.about'));
      await about.rows([[tx('export.lists.unit', { unit: en && unit.nameEn ? unit.nameEn : unit.name, month: q.month })]]);
      await about.rows([
        [
          tx('export.lists.version', {
            v: String(head.version),
            status: tx(head.status === 'published' ? 'export.lists.published' : 'export.lists.draft'),
            frozen: head.frozenAt.toISOString(),
          }),
        ],
      ]);
      if (head.changeSummary) await about.rows([[tx('export.lists.summary', { summary: head.changeSummary })]]);
      await about.rows([[tx('export.lists.page', { path: publicPath(unit.code, q.month, head.version) })], [tx('export.lists.masked')]]);
      await about.close();

      const needs = await book.sheet(tx('export.sheet.lists_needs'));
      await head2(needs, ['export.col.code', 'export.col.station', 'export.col.category', 'export.col.beneficiary', 'export.col.status', 'export.col.date']);
      await needs.rows(lists.needs.items.map((n) => [n.code, station(n), cat(n.category), n.beneficiary, n.status, n.date]));
      await needs.close();

      const services = await book.sheet(tx('export.sheet.lists_services'));
      await head2(services, ['export.col.category', 'export.col.team', 'export.col.unit']);
      await services.rows(
        lists.services.flatMap((s) =>
          s.teams.length
            ? s.teams.map((x) => [cat(s.category), en && x.nameEn ? x.nameEn : x.name, en && x.unitEn ? x.unitEn : x.unit])
            : [[cat(s.category), '', '']],
        ),
      );
      await services.close();

      const resources = await book.sheet(tx('export.sheet.lists_resources'));
      await head2(resources, ['export.col.team', 'export.col.unit', 'export.col.category', 'export.col.members']);
      await resources.rows(
        lists.resources.teams.map((x) => [en && x.nameEn ? x.nameEn : x.name, en && x.unitEn ? x.unitEn : x.unit, cat(x.category), x.members]),
      );
      await resources.rows([[], [tx('export.col.skill'), tx('export.col.people')], ...lists.resources.talents.map((x) => [x.skill, x.people])]);
      await resources.rows([[tx('export.lists.venues')]]);
      await resources.close();

      const fulfilment = await book.sheet(tx('export.sheet.lists_fulfilment'));
      await head2(fulfilment, [
        'export.col.code',
        'export.col.station',
        'export.col.category',
        'export.col.beneficiary',
        'export.col.outcome',
        'export.col.team',
        'export.col.done_at',
        'export.col.rating',
        'export.col.resident_score',
        'export.col.promised',
        'export.col.reason',
        'export.col.steps',
      ]);
      await fulfilment.rows(
        lists.fulfilment.fulfilled.map((f) => [
          f.code,
          station(f),
          cat(f.category),
          f.beneficiary,
          tx('export.lists.fulfilled'),
          f.team ?? '',
          f.done ?? '',
          f.rating ?? '',
          scores.get(f.code) ?? '',
          '',
          '',
          '',
        ]),
      );
      await fulfilment.rows(
        lists.fulfilment.unfulfilled.map((u) => [
          u.code,
          station(u),
          cat(u.category),
          u.beneficiary,
          tx('export.lists.unfulfilled'),
          '',
          '',
          '',
          '',
          u.promised ?? '',
          u.reason ?? '',
          u.steps ?? '',
        ]),
      );
      await fulfilment.close();
      await book.close();
      return rowsOf;
    },
  };
}
