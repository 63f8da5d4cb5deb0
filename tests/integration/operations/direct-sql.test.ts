// The hot statements straight on the pg connection (decision 0076), on real PostgreSQL: the same
// answers as Prisma's `$queryRaw` for the types they use; inside `transaction`, on the transaction's
// own connection (its writes seen, rolled back with it); never on a connection the transaction
// gave back; and through Prisma where no connection is known.
import { createPrismaClient, Prisma, rawExecute, rawRows, runsDirectly, transaction, type PrismaClient } from '@baiying/db';
import { testConfig } from '../../support/test-env.js';

describe('direct statements', () => {
  let prisma: PrismaClient;
  beforeAll(async () => {
    prisma = createPrismaClient(testConfig().databaseUrl, 3, { preparedStatements: 16 });
    await prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS direct_sql_probe (id int PRIMARY KEY, at timestamp(3), n bigint, tags text[])');
    await prisma.$executeRawUnsafe('TRUNCATE direct_sql_probe');
  });
  afterAll(async () => {
    await prisma.$executeRawUnsafe('DROP TABLE IF EXISTS direct_sql_probe');
    await prisma.$disconnect();
  });

  const probe = (at: Date, n: bigint, tags: string[]) => Prisma.sql`
    SELECT ${at}::timestamp(3) AS at, ${n}::bigint AS n, ${n}::bigint * 2 AS twice, ${tags}::text[] AS tags, ${null}::text AS nothing,
           ${true}::boolean AS yes, 7::int AS seven, count(*)::int AS counted, 'x' || ${'y'} AS text
    FROM (SELECT 1) one`;

  it('answers what $queryRaw answers: dates in UTC, bigints, arrays, nulls', async () => {
    const at = new Date(Date.UTC(2026, 11, 7, 23, 59, 58, 120));
    for (const n of [1n, 9_007_199_254_740_993n]) {
      const viaPrisma = await prisma.$queryRaw<unknown[]>(probe(at, n, ['a', 'b c', '']));
      // Twice directly: the second runs as a prepared statement.
      for (let i = 0; i < 2; i++) expect(await rawRows(prisma, probe(at, n, ['a', 'b c', '']))).toEqual(viaPrisma);
    }
    const [row] = await rawRows<{ at: Date; n: bigint }>(prisma, probe(at, 5n, []));
    expect(row!.at.toISOString()).toBe('2026-12-07T23:59:58.120Z');
    expect(row!.n).toBe(5n);
  });

  it('prepares a text that comes back, like Prisma’s own statements (decision 0072)', async () => {
    const one = createPrismaClient(testConfig().databaseUrl, 1, { preparedStatements: 16 });
    try {
      for (let i = 0; i < 3; i++) expect(await rawRows(one, Prisma.sql`SELECT ${i}::int + 40 AS direct_probe`)).toEqual([{ direct_probe: i + 40 }]);
      const prepared = await one.$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'by\_%'`;
      expect(prepared.map((p) => p.statement)).toContain('SELECT $1::int + 40 AS direct_probe');
    } finally {
      await one.$disconnect();
    }
  });

  it('writes a Date as Prisma does (UTC, no zone) and reads it back equal', async () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(await rawExecute(prisma, Prisma.sql`INSERT INTO direct_sql_probe (id, at, n, tags) VALUES (1, ${at}, ${42n}, ${['q']})`)).toBe(1);
    const viaPrisma = await prisma.$queryRaw<Array<{ at: Date; n: bigint; tags: string[] }>>`SELECT at, n, tags FROM direct_sql_probe WHERE id = 1`;
    expect(viaPrisma).toEqual([{ at, n: 42n, tags: ['q'] }]);
    expect(await rawExecute(prisma, Prisma.sql`UPDATE direct_sql_probe SET n = n + 1 WHERE id = ${2}`)).toBe(0);
  });

  it('runs on the transaction’s own connection: its writes seen inside, gone with a rollback', async () => {
    expect(runsDirectly(prisma)).toBe(true);
    const pids = await transaction(prisma, async (tx) => {
      expect(runsDirectly(tx)).toBe(true);
      const [direct] = await rawRows<{ pid: number; xid: bigint }>(tx, Prisma.sql`SELECT pg_backend_pid() AS pid, txid_current() AS xid`);
      const [viaPrisma] = await tx.$queryRaw<Array<{ pid: number; xid: bigint }>>`SELECT pg_backend_pid() AS pid, txid_current() AS xid`;
      return { direct, viaPrisma };
    });
    expect(pids.direct).toEqual(pids.viaPrisma);

    await expect(
      transaction(prisma, async (tx) => {
        await rawExecute(tx, Prisma.sql`INSERT INTO direct_sql_probe (id, n) VALUES (${10}, ${1n})`);
        const seen = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM direct_sql_probe WHERE id = 10`;
        expect(seen).toEqual([{ id: 10 }]);
        // Outside the transaction it is not there yet.
        expect(await rawRows(prisma, Prisma.sql`SELECT id FROM direct_sql_probe WHERE id = 10`)).toEqual([]);
        throw new Error('roll it back');
      }),
    ).rejects.toThrow('roll it back');
    expect(await rawRows(prisma, Prisma.sql`SELECT id FROM direct_sql_probe WHERE id = 10`)).toEqual([]);

    await transaction(prisma, (tx) => rawExecute(tx, Prisma.sql`INSERT INTO direct_sql_probe (id, n) VALUES (${11}, ${1n})`));
    expect(await rawRows(prisma, Prisma.sql`SELECT id FROM direct_sql_probe WHERE id = 11`)).toEqual([{ id: 11 }]);
  });

  it('under contention for a small pool, each transaction runs on its own connection (never another’s)', async () => {
    // 40 transactions at once on a pool of three: most wait for a connection, handed out as
    // others finish; each must note the one Prisma runs it on.
    const seen = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        transaction(prisma, async (tx) => {
          const [viaPrisma] = await tx.$queryRaw<Array<{ pid: number; xid: bigint }>>`SELECT pg_backend_pid() AS pid, txid_current() AS xid`;
          await new Promise((r) => setTimeout(r, i % 5));
          const [direct] = await rawRows<{ pid: number; xid: bigint }>(tx, Prisma.sql`SELECT pg_backend_pid() AS pid, txid_current() AS xid`);
          return { viaPrisma, direct, directly: runsDirectly(tx) };
        }),
      ),
    );
    for (const { viaPrisma, direct } of seen) expect(direct).toEqual(viaPrisma);
    expect(new Set(seen.map((s) => s.direct!.xid)).size).toBe(40);
    // …and directly, also those that waited for a connection.
    expect(seen.filter((s) => !s.directly)).toEqual([]);
  });

  it('a failed direct statement rolls the whole transaction back, and the pool stays usable', async () => {
    await expect(
      transaction(prisma, async (tx) => {
        await tx.$executeRaw`INSERT INTO direct_sql_probe (id, n) VALUES (${20}, ${1n})`;
        await rawExecute(tx, Prisma.sql`INSERT INTO direct_sql_probe (id, n) VALUES (${20}, ${2n})`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rawRows(prisma, Prisma.sql`SELECT id FROM direct_sql_probe WHERE id = 20`)).toEqual([]);
    for (let i = 0; i < 5; i++) expect(await rawRows(prisma, Prisma.sql`SELECT ${i}::int AS i`)).toEqual([{ i }]);
  });

  it('never runs on a connection the transaction gave back (Prisma’s timeout, a client kept past its end)', async () => {
    let kept: Parameters<Parameters<typeof transaction>[1]>[0] | undefined;
    let late: Promise<unknown> | undefined;
    let reachedLate!: () => void;
    const reached = new Promise<void>((r) => (reachedLate = r));
    await expect(
      transaction(
        prisma,
        async (tx) => {
          kept = tx;
          // Held past Prisma's timeout: the connection goes back to the pool meanwhile.
          await new Promise((r) => setTimeout(r, 600));
          late = rawExecute(tx, Prisma.sql`INSERT INTO direct_sql_probe (id, n) VALUES (${30}, ${1n})`);
          reachedLate();
          await late;
        },
        { timeout: 150 },
      ),
    ).rejects.toThrow();
    await reached;
    await expect(late).rejects.toThrow(/transaction is over|Transaction/);
    // Kept after the end: through Prisma, which refuses a closed transaction.
    expect(runsDirectly(kept!)).toBe(false);
    await expect(rawRows(kept!, Prisma.sql`SELECT 1 AS one`)).rejects.toThrow();
    expect(await rawRows(prisma, Prisma.sql`SELECT id FROM direct_sql_probe WHERE id = 30`)).toEqual([]);
  });

  it('goes through Prisma for a client it does not know (a transaction opened without `transaction`), with the same answer', async () => {
    const at = new Date(Date.UTC(2026, 5, 1));
    const viaPrisma = await prisma.$transaction(async (tx) => {
      expect(runsDirectly(tx)).toBe(false);
      return rawRows(tx, probe(at, 3n, ['z']));
    });
    expect(viaPrisma).toEqual(await rawRows(prisma, probe(at, 3n, ['z'])));
  });
});
