// Prepared statements on real PostgreSQL (decision 0072): a statement text that comes back is
// prepared once on each connection and runs by name after that; the number prepared is bounded;
// with the setting at 0 nothing is; a statement that fails (a syntax error, a constraint) leaves the
// connection usable and the results unchanged.
import { createPrismaClient, type PrismaClient } from '@baiying/db';
import { testConfig } from '../../support/test-env.js';

/** The statements this session has prepared (the pool has one connection, so one session). */
async function prepared(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ statement: string }>>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'by\_%' ORDER BY statement`;
  return rows.map((r) => r.statement);
}

describe('prepared statements', () => {
  const clients: PrismaClient[] = [];
  const client = (max: number): PrismaClient => {
    const c = createPrismaClient(testConfig().databaseUrl, 1, { preparedStatements: max });
    clients.push(c);
    return c;
  };
  afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

  it('prepares a text that comes back, and answers the same by name', async () => {
    const prisma = client(16);
    const answers: number[] = [];
    for (const n of [1, 2, 3]) {
      const [row] = await prisma.$queryRaw<Array<{ twice: number }>>`SELECT ${n}::int * 2 AS twice`;
      answers.push(row!.twice);
    }
    expect(answers).toEqual([2, 4, 6]);
    const first = await prepared(prisma);
    expect(first).toContain('SELECT $1::int * 2 AS twice');
    // The read of pg_prepared_statements ran once so far: unnamed. Run again, it is prepared too.
    expect(first.some((s) => s.includes('pg_prepared_statements'))).toBe(false);
    expect((await prepared(prisma)).some((s) => s.includes('pg_prepared_statements'))).toBe(true);
  });

  it('prepares at most the configured number of texts', async () => {
    const prisma = client(2);
    for (const n of [1, 2, 3, 4]) for (let i = 0; i < 2; i++) await prisma.$queryRawUnsafe(`SELECT ${n} AS n`);
    expect((await prepared(prisma)).filter((s) => /^SELECT \d AS n$/.test(s))).toEqual(['SELECT 1 AS n', 'SELECT 2 AS n']);
  });

  it('prepares nothing with the setting at 0', async () => {
    const prisma = client(0);
    for (let i = 0; i < 4; i++) await prisma.$queryRaw`SELECT 1 AS one`;
    expect(await prepared(prisma)).toEqual([]);
  });

  it('keeps the connection usable after statements that fail, prepared or not', async () => {
    const prisma = client(16);
    for (let i = 0; i < 3; i++) await expect(prisma.$queryRawUnsafe('SELEC 1')).rejects.toThrow(/syntax error/);
    // A prepared text that fails when it runs (division by zero for one argument only).
    for (const d of [1, 0, 2, 0, 4]) {
      const run = prisma.$queryRaw<Array<{ q: number }>>`SELECT 8 / ${d}::int AS q`;
      if (d === 0) await expect(run).rejects.toThrow(/division by zero/);
      else expect((await run)[0]!.q).toBe(8 / d);
    }
    // Inside interactive transactions, one rolled back by a failed prepared statement.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 8 / ${1}::int AS q`;
        await tx.$queryRaw`SELECT 8 / ${0}::int AS q`;
      }),
    ).rejects.toThrow(/division by zero/);
    const [row] = await prisma.$transaction((tx) => tx.$queryRaw<Array<{ q: number }>>`SELECT 8 / ${8}::int AS q`);
    expect(row!.q).toBe(1);
    expect(await prepared(prisma)).toContain('SELECT 8 / $1::int AS q');
  });
});
