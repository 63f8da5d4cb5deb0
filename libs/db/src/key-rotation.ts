// Re-encryption after a key change (`npm run keys:rotate`): every encrypted column, walked in
// batches by primary key, rewritten under the current key where it is under another (or in the
// single-key `v1` format). Each row is updated only if it still holds what was read, so a desk
// writing meanwhile is never overwritten: a row it changed is read again. Idempotent and
// resumable: a second run finds nothing stale and changes nothing. See decision 0012.
import type { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from './generated/prisma/client.js';

/** One table's encrypted columns, its primary key (with the SQL type of each part) and keyed hashes derived from them. */
interface EncryptedTable {
  table: string;
  key: ReadonlyArray<{ column: string; type: string }>;
  columns: readonly string[];
  /** A look-up hash kept beside an encrypted column: re-hashed under the current key from its plaintext. */
  hashes?: ReadonlyArray<{ column: string; from: string }>;
}

/** Every encrypted column of prisma/schema.prisma (`*Enc`). A new one must be added here. */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  { table: 'person', key: [{ column: 'id', type: 'uuid' }], columns: ['phoneEnc'], hashes: [{ column: 'phoneHash', from: 'phoneEnc' }] },
  { table: 'need', key: [{ column: 'id', type: 'uuid' }], columns: ['descriptionEnc', 'addressEnc', 'locationEnc', 'phoneEnc'] },
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
    const read = [...t.columns, ...(t.hashes ?? []).map((h) => h.column)].map(q).join(', ');
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
  return report;
}

/** The columns of a row to rewrite, with their new values: stale ciphertexts and hashes not under the current key. */
function staleChanges(t: EncryptedTable, row: Row, cipher: FieldCipher, key: string[]): Array<[string, string]> {
  /** Decrypts, or says which cell cannot be (a key missing from the ring stops the run here). */
  const open = (column: string, token: string): string => {
    try {
      return cipher.decrypt(token);
    } catch (err) {
      throw new Error(`${t.table} ${key.join('/')} ${column}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  const changes: Array<[string, string]> = [];
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
  return changes;
}
