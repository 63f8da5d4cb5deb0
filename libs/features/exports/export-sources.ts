// What each export holds: its headers (catalogue keys, in the asker's language), how many rows,
// and the rows in keyset batches straight from PostgreSQL (bounded memory at any size). Scope is
// resolved here from the principal and the filter exactly as the needs list resolves it; masked
// unless `reveal` (then names in full, and the needs' phone and address, decrypted).
import { maskName, starLevel } from '@baiying/domain';
import { personName, type ExportRepository, type NeedScopeFilter, type Repos } from '@baiying/db';
import type { FieldCipher } from '@baiying/crypto';
import { t, type Locale, type MessageKey } from '@baiying/i18n';
import type { ConsolePrincipal } from '../sessions/index.js';
import { callFilterSchema, needFilterSchema, volunteerFilterSchema, type RowKind } from './exports.schemas.js';
import { BATCH, keysetBatches, type Cell } from './keyset-batches.js';
import { dayStart, LocalTime } from './local-time.js';
import { scopedStations, scopedUnits } from './export-scope.js';

export interface RowSource {
  sheet: MessageKey;
  headers: MessageKey[];
  count(): Promise<number>;
  batches(): AsyncGenerator<Cell[][]>;
}

/** Decrypted names kept per export (a volunteer appears on many rows); cleared when full. */
const NAME_CACHE = 20_000;

export interface SourceContext {
  repos: Repos;
  /** Where the rows are read (the bulk pg reader in the worker and pulls; Prisma otherwise). */
  rows: ExportRepository;
  cipher: FieldCipher;
  timeZone: string;
  locale: Locale;
  principal: ConsolePrincipal;
  reveal: boolean;
}

export interface Resolved {
  source: RowSource;
  /** Every unit whose rows the export may hold (for the reveal check). */
  unitIds: string[];
}

/** Builds the row source of an export of `kind` with a stored `filter` (parsed again here). */
export async function resolveSource(ctx: SourceContext, kind: RowKind, filter: unknown): Promise<Resolved> {
  const { repos, principal, locale, reveal } = ctx;
  const tree = await repos.org.tree();
  const categories = new Map(
    (await repos.tx.category.findMany({ select: { code: true, nameZh: true, nameEn: true } })).map((c) => [c.code, locale === 'en' ? c.nameEn : c.nameZh]),
  );
  const unitName = (id: string): string => {
    const u = tree.get(id);
    return u ? (locale === 'en' && u.nameEn ? u.nameEn : u.name) : '';
  };
  /**
   * A name as stored (encrypted, or legacy clear), decrypted and masked unless `reveal`; null when
   * there is none (no taker). A volunteer appears on many rows: each stored name is decrypted once
   * per export (a bounded cache, dropped with the export).
   */
  const names = new Map<string, string>();
  const shownName = (enc: string | null, clear: string | null): string | null => {
    if (enc === null && clear === null) return null;
    const key = enc !== null && enc !== '' ? enc : `\u0000${clear ?? ''}`;
    let shown = names.get(key);
    if (shown === undefined) {
      const name = personName(ctx.cipher, { displayNameEnc: enc, displayNameClear: clear });
      shown = reveal ? name : maskName(name);
      if (names.size >= NAME_CACHE) names.clear();
      names.set(key, shown);
    }
    return shown;
  };
  const time = new LocalTime(ctx.timeZone);
  const h = (key: string): MessageKey => `export.col.${key}` as MessageKey;

  if (kind === 'needs' || kind === 'service_records') {
    const q = needFilterSchema.parse(filter);
    const f: NeedScopeFilter = {
      stationIds: scopedStations(tree, principal.readUnitIds, q.unit, q.station),
      ...(q.status ? { statuses: q.status } : {}),
      ...(q.category ? { categoryCode: q.category } : {}),
      ...(q.urgency ? { urgency: q.urgency } : {}),
      ...(q.from ? { from: dayStart(q.from, ctx.timeZone) } : {}),
      ...(q.to ? { to: new Date(dayStart(q.to, ctx.timeZone).getTime() + 86_400_000) } : {}),
      ...(q.q ? { codeContains: q.q.toUpperCase() } : {}),
    };
    if (kind === 'needs') {
      const headers = [
        'code',
        'status',
        'category',
        'station',
        'urgency',
        'beneficiary',
        'taken_tier',
        'team',
        'volunteer',
        'created_at',
        'taken_at',
        'done_at',
        'hours',
        'rating',
      ];
      if (reveal) headers.push('phone', 'address');
      return {
        unitIds: f.stationIds,
        source: {
          sheet: 'export.sheet.needs',
          headers: headers.map(h),
          count: () => (f.stationIds.length ? ctx.rows.countNeeds(f) : Promise.resolve(0)),
          async *batches() {
            if (!f.stationIds.length) return;
            yield* keysetBatches(
              (after: { at: string; id: string } | null) => ctx.rows.needBatch(f, after, BATCH, reveal, ctx.timeZone),
              (last) => ({ at: last.atKey, id: last.id }),
              (n) => {
                const row: Cell[] = [
                  n.code,
                  n.status,
                  categories.get(n.categoryCode) ?? n.categoryCode,
                  unitName(n.stationId),
                  n.urgency,
                  n.beneficiary,
                  n.takenTier,
                  n.teamCode === null ? null : locale === 'en' ? n.teamCode : n.teamName,
                  shownName(n.volunteerNameEnc, n.volunteerNameClear),
                  n.createdAt,
                  n.takenAt,
                  n.doneAt,
                  n.hours,
                  n.score,
                ];
                if (reveal) row.push(ctx.cipher.decryptOptional(n.phoneEnc), ctx.cipher.decryptOptional(n.addressEnc));
                return row;
              },
            );
          },
        },
      };
    }
    return {
      unitIds: f.stationIds,
      source: {
        sheet: 'export.sheet.service_records',
        headers: ['code', 'category', 'station', 'volunteer', 'hours', 'record_status', 'done_at', 'credited_at', 'credited_by'].map(h),
        count: () => (f.stationIds.length ? ctx.rows.countServiceRecords(f) : Promise.resolve(0)),
        async *batches() {
          if (!f.stationIds.length) return;
          yield* keysetBatches(
            (after: { at: Date; id: string } | null) => ctx.rows.serviceRecordBatch(f, after, BATCH),
            (last) => ({ at: last.createdAt, id: last.id }),
            (r) => [
              r.code,
              categories.get(r.categoryCode) ?? r.categoryCode,
              unitName(r.stationId),
              shownName(r.volunteerNameEnc, r.volunteerNameClear),
              r.hours,
              r.status,
              time.format(r.finishedAt),
              time.format(r.creditedAt),
              r.creditedBy,
            ],
          );
        },
      },
    };
  }

  if (kind === 'volunteers') {
    const q = volunteerFilterSchema.parse(filter);
    const stations = scopedStations(tree, principal.readUnitIds, q.unit, q.station);
    return {
      unitIds: stations,
      source: {
        sheet: 'export.sheet.volunteers',
        headers: ['volunteer', 'station', 'status', 'registered_at', 'total_hours', 'stars', 'jobs', 'avg_rating'].map(h),
        count: () => (stations.length ? ctx.rows.countVolunteers(stations) : Promise.resolve(0)),
        async *batches() {
          if (!stations.length) return;
          yield* keysetBatches(
            (after: string | null) => ctx.rows.volunteerBatch(stations, after, BATCH),
            (last) => last.personId,
            (v) => [
              shownName(v.displayNameEnc, v.displayNameClear),
              unitName(v.stationId),
              v.status,
              time.format(v.createdAt),
              Math.round(v.hours * 100) / 100,
              starLevel(v.hours),
              v.jobs,
              v.avgRating === null ? null : Math.round(v.avgRating * 100) / 100,
            ],
          );
        },
      },
    };
  }

  const q = callFilterSchema.parse(filter);
  const units = scopedUnits(tree, principal.readUnitIds, q.unit);
  const from = q.from ? dayStart(q.from, ctx.timeZone) : undefined;
  const to = q.to ? new Date(dayStart(q.to, ctx.timeZone).getTime() + 86_400_000) : undefined;
  return {
    unitIds: units,
    source: {
      sheet: 'export.sheet.calls',
      headers: ['call', 'call_title', 'call_unit', 'starts_at', 'volunteer', 'answer', 'roster', 'checked_in', 'checked_out', 'hours'].map(h),
      count: () => (units.length ? ctx.rows.countAttendance(units, from, to) : Promise.resolve(0)),
      async *batches() {
        if (!units.length) return;
        yield* keysetBatches(
          (after: { callId: string; personId: string } | null) => ctx.rows.attendanceBatch(units, from, to, after, BATCH),
          (last) => ({ callId: last.callId, personId: last.personId }),
          (r) => [
            r.code,
            r.title,
            unitName(r.orgUnitId),
            time.format(r.startsAt),
            shownName(r.displayNameEnc, r.displayNameClear),
            r.answer,
            r.roster,
            time.format(r.checkedInAt),
            time.format(r.checkedOutAt),
            r.hours,
          ],
        );
      },
    },
  };
}

/** Header texts in the export's language. */
export const headerTexts = (keys: MessageKey[], locale: Locale): string[] => keys.map((k) => t(k, {}, locale));
