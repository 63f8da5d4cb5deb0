// Every text-like column (text, varchar, char, json, jsonb, arrays, enums) of every table of the
// run's database, enumerated from information_schema so a column added later is scanned too.
// A value that is ciphertext is skipped: it must look like the project's format (v1/v2 tokens)
// AND decrypt under the run's key — a clear value dressed up as a token is still scanned.
import type { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';

const TEXT_TYPES = new Set(['text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED']);
const TOKEN = /^v[12]:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+)?$/;

export interface ColumnReport {
  table: string;
  column: string;
  type: string;
  rows: number;
  nonNull: number;
  /** Values that are real ciphertext (skipped). */
  ciphertext: number;
}

export interface DatabaseCell {
  table: string;
  column: string;
  /** The row's primary key values (or its position), to find it again. */
  row: string;
  value: string;
}

/** True when `value` is a ciphertext of this project that decrypts under the run's keys. */
export function isCiphertext(cipher: FieldCipher, value: string): boolean {
  if (!TOKEN.test(value)) return false;
  try {
    cipher.decrypt(value);
    return true;
  } catch {
    return false;
  }
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Visits every clear cell; returns what was scanned per column. */
export async function scanDatabase(prisma: PrismaClient, cipher: FieldCipher, visit: (cell: DatabaseCell) => void): Promise<ColumnReport[]> {
  const columns = await prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string; data_type: string }>>(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await prisma.$queryRawUnsafe<Array<{ table_name: string; column_name: string }>>(
    `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY' ORDER BY kcu.ordinal_position`,
  );
  const tables = new Map<string, Array<{ column: string; type: string }>>();
  for (const c of columns) {
    if (!tables.has(c.table_name)) tables.set(c.table_name, []);
    if (TEXT_TYPES.has(c.data_type)) tables.get(c.table_name)!.push({ column: c.column_name, type: c.data_type });
  }
  const reports: ColumnReport[] = [];
  for (const [table, cols] of tables) {
    if (cols.length === 0) continue;
    const pk = keys.filter((k) => k.table_name === table).map((k) => k.column_name);
    const id = pk.length ? pk.map((k) => `${quote(k)}::text`).join(` || '/' || `) : `ctid::text`;
    const rows = await prisma.$queryRawUnsafe<Array<Record<string, string | null>>>(
      `SELECT ${id} AS "__row", ${cols.map((c, i) => `${quote(c.column)}::text AS "c${i}"`).join(', ')} FROM ${quote(table)}`,
    );
    const perColumn = cols.map((c) => ({ table, column: c.column, type: c.type, rows: rows.length, nonNull: 0, ciphertext: 0 }));
    for (const r of rows) {
      cols.forEach((c, i) => {
        const value = r[`c${i}`];
        if (value === null || value === undefined) return;
        perColumn[i]!.nonNull++;
        if (isCiphertext(cipher, value)) {
          perColumn[i]!.ciphertext++;
          return;
        }
        visit({ table, column: c.column, row: r.__row ?? '?', value });
      });
    }
    reports.push(...perColumn);
  }
  return reports;
}
