// Exports (报表): how the export reads run — through Prisma by default, or through a bulk pg reader.
import pg from 'pg';
import type { Prisma } from '../prisma.js';

/** Runs one read query; the default goes through Prisma, the bulk one through pg directly. */
export type RowQuery = <T>(sql: Prisma.Sql) => Promise<T[]>;

/**
 * The bulk reader for exports: a small pg pool of its own, bypassing Prisma's engine for result
 * sets of millions of rows (rows arrive as plain objects from pg). Timestamps without time zone
 * (Prisma's columns, UTC) are read and written as UTC whatever the process's zone.
 */
const pools = new Map<string, pg.Pool>();
const UTC_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 1114 ? (v: string) => new Date(`${v.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function bulkRowQuery(databaseUrl: string): RowQuery {
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 1000, allowExitOnIdle: true, types: UTC_TYPES });
    pools.set(databaseUrl, pool);
  }
  const p = pool;
  return async <T>(sql: Prisma.Sql): Promise<T[]> => {
    const values = sql.values.map((v) => (v instanceof Date ? v.toISOString().replace('Z', '') : v));
    return (await p.query(sql.text, values)).rows as T[];
  };
}
