// The Prisma client on the pg driver adapter (no native engines: see docs/decisions/0002).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';
import { registerRoot, whenHandedOut } from './direct-sql.js';
import { StatementNames } from './statement-names.js';

export { Prisma } from './generated/prisma/client.js';
export type { Channel } from './generated/prisma/enums.js';
export { PrismaClient };

/** The client a repository works on: the root client or an interactive transaction. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * A connection that breaks while checked out (PostgreSQL restarted, failed over, killed the
 * backend) goes back to the pool as broken, whoever holds it. Prisma's interactive transactions
 * never released such a connection: after one PostgreSQL restart under load every slot of the
 * pool was held by a dead connection, every query waited for a free one forever, and the bot
 * and the worker stopped answering without an error (found by the chaos test). A later release
 * by the holder is then a no-op.
 */
function releaseWhenBroken(client: pg.PoolClient, counted: { statements: number }): void {
  countStatements(client, counted);
  // A new lease for each checkout: whoever noted the connection (direct-sql.ts) checks it is
  // still theirs before each statement.
  const lease = {};
  (client as LeasedClient).lease = lease;
  const release = client.release;
  let released = false;
  const done = (err?: Error | boolean): void => {
    if (released) return;
    released = true;
    if ((client as LeasedClient).lease === lease) (client as LeasedClient).lease = undefined;
    client.removeListener('error', broken);
    client.removeListener('end', ended);
    release(err);
  };
  const broken = (err: Error): void => done(err);
  const ended = (): void => done(new Error('connection ended while checked out'));
  client.on('error', broken);
  client.once('end', ended);
  client.release = done;
}

/** A pool connection with the token of its current checkout (none while in the pool). */
export type LeasedClient = pg.PoolClient & { lease?: object };

/**
 * Counts every statement this pool's connections send (BEGIN and COMMIT included): the bench's
 * statements per update and the `baiying_db_statements_total` metric. Statements sent by
 * another process, or by triggers inside PostgreSQL, are not counted.
 */
function countStatements(client: pg.PoolClient, counted: { statements: number }): void {
  const marked = client as pg.PoolClient & { baiyingCounted?: boolean };
  if (marked.baiyingCounted) return;
  marked.baiyingCounted = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    counted.statements += 1;
    return query(...args);
  };
}

export class ResilientPool extends pg.Pool {
  readonly counted = { statements: 0 };

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // The promise form, too, takes the connection in pg-pool's callback: the pool stops listening
    // for the connection's errors when it hands it out, and an error that arrives before a `.then`
    // would run (PostgreSQL's "terminating connection" in the same packet as its ReadyForQuery, at
    // a restart) had no listener and crashed the process (found by the chaos test).
    if (!callback) {
      const note = whenHandedOut();
      return new Promise<pg.PoolClient>((resolve, reject) => {
        super.connect((err, client) => {
          if (err || !client) return reject(err ?? new Error('no connection'));
          releaseWhenBroken(client, this.counted);
          note(client);
          resolve(client);
        });
      });
    }
    super.connect((err, client, done) => {
      if (err || !client) return callback(err, client, done);
      releaseWhenBroken(client, this.counted);
      callback(undefined, client, (e?: unknown) => client.release(e instanceof Error || e === true ? (e as Error | boolean) : undefined));
    });
  }
}

const pools = new WeakMap<PrismaClient, ResilientPool>();

/**
 * `preparedStatements`: how many statement texts this client may prepare on each connection
 * (`DATABASE_PREPARED_STATEMENTS`; 0 = none; see StatementNames and decision 0072).
 */
export function createPrismaClient(databaseUrl: string, poolSize = 10, opts: { preparedStatements?: number } = {}): PrismaClient {
  const pool = new ResilientPool({ connectionString: databaseUrl, max: poolSize });
  const names = new StatementNames(opts.preparedStatements ?? 0);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, ...(names.max > 0 ? { statementNameGenerator: (q) => names.name(q) } : {}) });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  registerRoot(client, { run: (config) => pool.query(config), name: (text) => names.name({ sql: text }) });
  return client;
}

/** The connection pool's use (metrics): connections open, idle, and callers waiting for one. */
export function poolUsage(client: PrismaClient): { max: number; total: number; idle: number; waiting: number; statements: number } | null {
  const pool = pools.get(client);
  return pool
    ? { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, statements: pool.counted.statements }
    : null;
}
