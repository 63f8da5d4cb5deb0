// The hot path's statements straight on the pg connection (decision 0076). Prisma's client spends
// about 0.2 ms of CPU on every raw statement (the request compiled to a plan by its wasm query
// compiler, then interpreted) against about 0.02 ms for the same statement through node-postgres,
// measured with the pool and the statement alike. The few statements every update runs (a turn's
// start and end, a send's read, claim and record) go through here; everything else stays Prisma.
//
// Inside an interactive transaction the statement must run on that transaction's connection: a
// transaction opened by `transaction` below notes which connection the pool handed it (the pool
// tells the async context that asked for it), so `rawRows(tx, …)` runs on it, in the transaction,
// in the order the code awaits. A transaction client this does not know (opened by
// `prisma.$transaction` directly, or already over) and a client without our pool go through
// Prisma as before: the same statement, the same answer, only slower.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { LeasedClient, Prisma, PrismaClient, Tx } from './prisma.js';

/** Where a statement can run directly, and the names its texts get (see StatementNames). */
export interface DirectTarget {
  run(config: pg.QueryConfig): Promise<pg.QueryResult>;
  name(text: string): string;
}

/** A transaction's connection, noted while it is handed out (see `transaction`). */
const handedOut = new AsyncLocalStorage<Slot>();
/** What the pool noted for a transaction: its connection, and when it was handed out. */
interface Slot {
  client?: pg.PoolClient;
  at?: number;
}
/** Prisma's interactive transaction timeout when none is given. */
const PRISMA_DEFAULT_TIMEOUT_MS = 5000;
/** The open transactions this module opened, by their Prisma transaction client. */
const openTransactions = new WeakMap<object, DirectTarget>();
/** Root clients' pools (see createPrismaClient). */
const roots = new WeakMap<object, DirectTarget>();

/**
 * Called by the pool when asked for a connection as a promise (Prisma's transactions): the
 * returned function notes the connection once it is handed out. The asking context is taken at
 * the ask: a caller that waits for a free connection gets it in the context of whoever gave one
 * back.
 */
export function whenHandedOut(): (client: pg.PoolClient) => void {
  const slot = handedOut.getStore();
  return (client) => {
    if (slot && !slot.client) {
      slot.client = client;
      slot.at = Date.now();
    }
  };
}

export function registerRoot(client: PrismaClient, target: DirectTarget): void {
  roots.set(client, target);
}

/**
 * `prisma.$transaction(fn, opts)`, with the transaction's connection known to `rawRows` and
 * `rawExecute` while `fn` runs (and only then: a transaction client kept past its end goes
 * through Prisma, which refuses it as before).
 */
export async function transaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, opts: { maxWait?: number; timeout?: number } = {}): Promise<T> {
  const slot: Slot = {};
  const root = roots.get(prisma);
  return handedOut.run(slot, () =>
    prisma.$transaction(async (tx) => {
      const client = slot.client as LeasedClient | undefined;
      const lease = client?.lease;
      // Prisma's timeout counts from after the connection was handed out, so this deadline is never
      // later than Prisma's: a statement sent before it lands inside the transaction (before
      // Prisma's ROLLBACK on the same connection), one sent after is refused — never run on its own
      // between that ROLLBACK and the connection's release.
      const deadline = (slot.at ?? 0) + (opts.timeout ?? PRISMA_DEFAULT_TIMEOUT_MS);
      if (client && lease && root)
        openTransactions.set(tx, {
          // Prisma gives the connection back when the transaction times out, while `fn` may still
          // run: a statement then must not land in whatever transaction the connection serves next.
          run: (config) =>
            client.lease === lease && Date.now() < deadline
              ? client.query(config)
              : Promise.reject(new Error('the transaction is over: it timed out or its connection went back to the pool')),
          name: root.name,
        });
      try {
        return await fn(tx);
      } finally {
        openTransactions.delete(tx);
      }
    }, opts),
  );
}

function targetOf(tx: Tx): DirectTarget | undefined {
  return openTransactions.get(tx) ?? roots.get(tx);
}

/** Whether `rawRows` and `rawExecute` run this client's statements directly (else through Prisma). */
export function runsDirectly(tx: Tx): boolean {
  return targetOf(tx) !== undefined;
}

const pad = (n: number, z = 2): string => String(n).padStart(z, '0');

/** A parameter as Prisma's pg adapter sends it (dates in UTC without a zone, like Prisma's own columns). */
function toParam(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toParam);
  if (value instanceof Date) {
    const ms = value.getUTCMilliseconds();
    return (
      `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
      `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`
    );
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

const INT8 = 20;
const TIMESTAMP = 1114;
const NUMERIC = 1700;
/** Results as Prisma's `$queryRaw` gives them for the types the direct statements return. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary') {
      if (oid === INT8) return (v: string) => BigInt(v);
      // A timestamp without a zone is UTC here (Prisma writes its columns so).
      if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
      if (oid === NUMERIC)
        return () => {
          throw new Error('numeric results are not read directly: use Prisma (its Decimal)');
        };
    }
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

function config(target: DirectTarget, sql: Prisma.Sql): pg.QueryConfig {
  // `text` is the statement with PostgreSQL's $1 placeholders (`sql` has MySQL's ?).
  const name = target.name(sql.text);
  return { ...(name ? { name } : {}), text: sql.text, values: sql.values.map(toParam), types };
}

/** The rows of a statement (`Prisma.sql\`…\``): directly where possible, else `$queryRaw`. */
export async function rawRows<T>(tx: Tx, sql: Prisma.Sql): Promise<T[]> {
  const target = targetOf(tx);
  if (!target) return tx.$queryRaw<T[]>(sql);
  return (await target.run(config(target, sql))).rows as T[];
}

/** The rows a statement changed: directly where possible, else `$executeRaw`. */
export async function rawExecute(tx: Tx, sql: Prisma.Sql): Promise<number> {
  const target = targetOf(tx);
  if (!target) return tx.$executeRaw(sql);
  return (await target.run(config(target, sql))).rowCount ?? 0;
}
