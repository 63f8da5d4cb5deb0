// Re-encryption after a key change (`npm run keys:rotate`): every encrypted column, walked in
// batches by primary key, rewritten under the current key where it is under another (or in the
// single-key `v1` format). Each row is updated only if it still holds what was read, so a desk
// writing meanwhile is never overwritten: a row it changed is read again. Idempotent and
// resumable: a second run finds nothing stale and changes nothing. See decision 0012.
// It also moves free text left in legacy clear columns (and need events' clear reasons) into
// their encrypted columns, emptying the clear ones (decision 0017), and people's clear profile
// names into `person.displayNameEnc` (decision 0027).
import type { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from './generated/prisma/client.js';

/** One table's encrypted columns, its primary key (with the SQL type of each part) and keyed hashes derived from them. */
interface EncryptedTable {
  table: string;
  key: ReadonlyArray<{ column: string; type: string }>;
  columns: readonly string[];
  /** A look-up hash kept beside an encrypted column: re-hashed under the current key from its plaintext. */
  hashes?: ReadonlyArray<{ column: string; from: string }>;
  /**
   * A legacy clear column whose text moves into an encrypted one (the clear one is emptied, or set
   * to `replaceWith`); values in `codes` are not free text and stay.
   */
  legacy?: ReadonlyArray<{ clear: string; enc: string; codes?: readonly string[]; replaceWith?: string }>;
}

/** Every encrypted column of prisma/schema.prisma (`*Enc`). A new one must be added here. */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  {
    table: 'person',
    key: [{ column: 'id', type: 'uuid' }],
    columns: ['phoneEnc', 'displayNameEnc'],
    hashes: [{ column: 'phoneHash', from: 'phoneEnc' }],
    // Profile names written before decision 0027.
    legacy: [{ clear: 'displayName', enc: 'displayNameEnc' }],
  },
  {
    table: 'need',
    key: [{ column: 'id', type: 'uuid' }],
    columns: ['descriptionEnc', 'addressEnc', 'locationEnc', 'phoneEnc', 'wantedTimeEnc', 'closeReasonEnc'],
    legacy: [
      { clear: 'wantedTime', enc: 'wantedTimeEnc' },
      { clear: 'closeReason', enc: 'closeReasonEnc' },
    ],
  },
  {
    table: 'claim',
    key: [{ column: 'id', type: 'uuid' }],
    columns: ['releaseReasonEnc'],
    legacy: [{ clear: 'releaseReason', enc: 'releaseReasonEnc', codes: ['timeout', 'volunteer'], replaceWith: 'volunteer' }],
  },
  { table: 'rating', key: [{ column: 'id', type: 'uuid' }], columns: ['commentEnc'], legacy: [{ clear: 'comment', enc: 'commentEnc' }] },
  { table: 'web_message', key: [{ column: 'seq', type: 'bigint' }], columns: ['textEnc'], legacy: [{ clear: 'text', enc: 'textEnc' }] },
  { table: 'sent_message', key: [{ column: 'id', type: 'uuid' }], columns: ['bodyEnc'] },
  {
    table: 'conversation_state',
    key: [
      { column: 'channel', type: '"Channel"' },
      { column: 'chatKey', type: 'text' },
    ],
    columns: ['dataEnc'],
  },
  { table: 'nlu_correction', key: [{ column: 'id', type: 'uuid' }], columns: ['textEnc'] },
];

export interface RotationReport {
  /** Rows read, per table. */
  scanned: Record<string, number>;
  /** Rows rewritten, per table. */
  rewritten: Record<string, number>;
  /** Rows the desk changed between read and write, read again (and rewritten if still stale). */
  retried: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Told after each batch (progress lines). */
  onBatch?: (table: string, scanned: number, rewritten: number) => void;
  /** Called between reading a batch and writing it (tests use it to write as the desk would). */
  beforeWrite?: (table: string, rows: ReadonlyArray<Record<string, unknown>>) => Promise<void>;
}

type Row = Record<string, string | null>;

const q = (column: string): string => `"${column}"`;
/** Attempts per row when the desk keeps changing it; the next run finishes what is left. */
const MAX_ATTEMPTS = 5;

export async function rotateKeys(prisma: PrismaClient, cipher: FieldCipher, opts: RotationOptions = {}): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive whole number, not ${batchSize}`);
  const report: RotationReport = { scanned: {}, rewritten: {}, retried: 0 };
  for (const t of ENCRYPTED_TABLES) {
    report.scanned[t.table] = 0;
    report.rewritten[t.table] = 0;
    const keyCols = t.key.map((k) => `${q(k.column)}::text AS ${q(k.column)}`).join(', ');
    const read = [...t.columns, ...(t.hashes ?? []).map((h) => h.column), ...(t.legacy ?? []).map((l) => l.clear)].map(q).join(', ');
    const tuple = `(${t.key.map((k) => q(k.column)).join(', ')})`;
    const cursorTuple = `(${t.key.map((k, i) => `$${i + 1}::${k.type}`).join(', ')})`;
    const byKey = t.key.map((k, i) => `${q(k.column)} = $${i + 1}::${k.type}`).join(' AND ');
    let cursor: string[] | null = null;
    for (;;) {
      const rows: Row[] = cursor
        ? await prisma.$queryRawUnsafe(
            `SELECT ${keyCols}, ${read} FROM ${q(t.table)} WHERE ${tuple} > ${cursorTuple} ORDER BY ${tuple} LIMIT ${batchSize}`,
            ...cursor,
          )
        : await prisma.$queryRawUnsafe(`SELECT ${keyCols}, ${read} FROM ${q(t.table)} ORDER BY ${tuple} LIMIT ${batchSize}`);
      if (rows.length === 0) break;
      await opts.beforeWrite?.(t.table, rows);
      let rewritten = 0;
      for (const first of rows) {
        const key = t.key.map((k) => first[k.column] ?? '');
        let row: Row | undefined = first;
        for (let attempt = 0; row && attempt < MAX_ATTEMPTS; attempt++) {
          const changes = staleChanges(t, row, cipher, key);
          if (changes.length === 0) break;
          // Optimistic: only if every column still holds what was read.
          const params: Array<string | null> = [...key];
          // An untyped NULL parameter is fine in SET and in IS NOT DISTINCT FROM against a text column.
          const set = changes.map(([column, value]) => `${q(column)} = $${params.push(value)}`).join(', ');
          const same = changes.map(([column]) => `${q(column)} IS NOT DISTINCT FROM $${params.push(row![column] ?? null)}`).join(' AND ');
          const updated = await prisma.$executeRawUnsafe(`UPDATE ${q(t.table)} SET ${set} WHERE ${byKey} AND ${same}`, ...params);
          if (updated === 1) {
            rewritten++;
            break;
          }
          report.retried++;
          const again: Row[] = await prisma.$queryRawUnsafe(`SELECT ${keyCols}, ${read} FROM ${q(t.table)} WHERE ${byKey}`, ...key);
          row = again[0];
        }
      }
      report.scanned[t.table]! += rows.length;
      report.rewritten[t.table]! += rewritten;
      opts.onBatch?.(t.table, rows.length, rewritten);
      const last = rows[rows.length - 1]!;
      cursor = t.key.map((k) => last[k.column] ?? '');
    }
  }
  await rotateEventReasons(prisma, cipher, batchSize, report, opts);
  return report;
}

/** Need events that carry a reason: the free-text ones keep it only encrypted (`reasonEnc`). */
const REASON_EVENTS = ['release', 'close_unfulfilled'];
const REASON_CODES = ['timeout', 'volunteer'];

/**
 * need_event.data of release / close_unfulfilled events: `reasonEnc` re-encrypted under the
 * current key; a legacy clear `reason` that is free text moved into `reasonEnc` (a release keeps
 * the code 'volunteer'). Events are append-only, so a row is written once, if still as read.
 */
async function rotateEventReasons(prisma: PrismaClient, cipher: FieldCipher, batchSize: number, report: RotationReport, opts: RotationOptions): Promise<void> {
  const table = 'need_event';
  report.scanned[table] = 0;
  report.rewritten[table] = 0;
  let cursor: string | null = null;
  for (;;) {
    const rows: Array<{ id: string; type: string; data: string }> = await prisma.$queryRawUnsafe(
      `SELECT id::text AS id, type, data::text AS data FROM need_event WHERE type = ANY($1::text[])${cursor ? ' AND id > $2::uuid' : ''} ORDER BY id LIMIT ${batchSize}`,
      REASON_EVENTS,
      ...(cursor ? [cursor] : []),
    );
    if (rows.length === 0) break;
    await opts.beforeWrite?.(table, rows);
    let rewritten = 0;
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const next = { ...data };
      const enc = data.reasonEnc;
      const clear = data.reason;
      if (typeof enc === 'string' && cipher.isStale(enc)) next.reasonEnc = cipher.encrypt(openCell(cipher, `${table} ${row.id} reasonEnc`, enc));
      if (typeof clear === 'string' && !REASON_CODES.includes(clear)) {
        if (typeof enc !== 'string') next.reasonEnc = cipher.encrypt(clear);
        if (row.type === 'release') next.reason = 'volunteer';
        else delete next.reason;
      }
      if (JSON.stringify(next) === JSON.stringify(data)) continue;
      const updated = await prisma.$executeRawUnsafe(
        `UPDATE need_event SET data = $2::jsonb WHERE id = $1::uuid AND data = $3::jsonb`,
        row.id,
        JSON.stringify(next),
        row.data,
      );
      if (updated === 1) rewritten++;
      else report.retried++;
    }
    report.scanned[table] += rows.length;
    report.rewritten[table] += rewritten;
    opts.onBatch?.(table, rows.length, rewritten);
    cursor = rows[rows.length - 1]!.id;
  }
}

function openCell(cipher: FieldCipher, where: string, token: string): string {
  try {
    return cipher.decrypt(token);
  } catch (err) {
    throw new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** The columns of a row to rewrite, with their new values: stale ciphertexts and hashes not under the current key. */
function staleChanges(t: EncryptedTable, row: Row, cipher: FieldCipher, key: string[]): Array<[string, string | null]> {
  /** Decrypts, or says which cell cannot be (a key missing from the ring stops the run here). */
  const open = (column: string, token: string): string => {
    try {
      return cipher.decrypt(token);
    } catch (err) {
      throw new Error(`${t.table} ${key.join('/')} ${column}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  const changes: Array<[string, string | null]> = [];
  for (const column of t.columns) {
    const token = row[column];
    if (token && cipher.isStale(token)) changes.push([column, cipher.encrypt(open(column, token))]);
  }
  for (const h of t.hashes ?? []) {
    const token = row[h.from];
    if (!token) continue;
    const hash = cipher.hash(open(h.from, token));
    if (row[h.column] !== hash) changes.push([h.column, hash]);
  }
  for (const l of t.legacy ?? []) {
    const clear = row[l.clear];
    if (clear === null || clear === undefined || l.codes?.includes(clear)) continue;
    // Text the desk already wrote encrypted wins; the clear copy only goes.
    if (!row[l.enc]) changes.push([l.enc, cipher.encrypt(clear)]);
    changes.push([l.clear, l.replaceWith ?? null]);
  }
  return changes;
}
