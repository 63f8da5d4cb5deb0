// The needs list's indexes (decision 0034): for every main filter shape, with each sort and on
// a later page, EXPLAIN of the very statement the list runs (needPageSql) shows no sequential
// scan of "need". 120,000 needs seeded set-based and ANALYZEd so the planner sees a table where
// a sequential scan would be a real choice; the whole county's stations and a single station.
import { needPageSql, type NeedListQuery, type PrismaClient } from '@baiying/db';
import { Prisma } from '@baiying/db';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { insertNeeds } from '../../support/need-rows.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

class RollBack extends Error {
  constructor(readonly seen: string[]) {
    super('roll back');
  }
}

async function plan(prisma: PrismaClient | Prisma.TransactionClient, q: NeedListQuery): Promise<PlanNode> {
  const rows = await prisma.$queryRaw<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(Prisma.sql`EXPLAIN (FORMAT JSON) ${needPageSql(q)}`);
  return rows[0]!['QUERY PLAN'][0]!.Plan;
}

describe('needs list: no sequential scan on need for any main filter shape', () => {
  let h: DeskHarness;
  const config = testConfig();

  beforeAll(async () => {
    h = deskHarness(config, 2);
    await resetDatabase(h.prisma, h.cipher);
    await insertNeeds(h.prisma, 120_000, { stepSeconds: 780 });
  }, 240_000);

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('uses an index for each filter shape × sort × page, county-wide and for one station', async () => {
    const all = (await h.prisma.orgUnit.findMany({ where: { tier: 'station' }, select: { id: true } })).map((s) => s.id);
    const one = [all[0]!];
    const some = (await h.prisma.need.findFirstOrThrow({ where: { stationId: one[0]! }, orderBy: { createdAt: 'desc' }, skip: 400 })) as {
      createdAt: Date;
      id: string;
    };
    const day = 86_400_000;
    const shapes: Record<string, Omit<NeedListQuery, 'stationIds' | 'take'>> = {
      none: {},
      status: { statuses: ['unrouted'] },
      statuses: { statuses: ['dispatched', 'claimed', 'en_route'] },
      category: { categoryCode: 'legal' },
      date_range: { from: new Date(Date.now() - 400 * day), to: new Date(Date.now() - 380 * day) },
      urgency: { urgency: 'emergency' },
      review: { review: true },
      beneficiary: { beneficiaries: ['hardship'] },
      beneficiaries: { beneficiaries: ['child', 'disabled'] },
      code: { codeContains: '0042' },
      code_day: { codeContains: '2026' },
      combined: { statuses: ['cancelled'], beneficiaries: ['hardship'], urgency: 'urgent', categoryCode: 'health' },
    };
    const sorts: Array<[string, Pick<NeedListQuery, 'direction' | 'urgency'>]> = [
      ['new', { direction: 'desc' }],
      ['old', { direction: 'asc' }],
      // The urgency sort reads one level at a time, newest first.
      ['urgency:emergency', { direction: 'desc', urgency: 'emergency' }],
      ['urgency:urgent', { direction: 'desc', urgency: 'urgent' }],
      ['urgency:normal', { direction: 'desc', urgency: 'normal' }],
    ];
    const seqScans: string[] = [];
    let checked = 0;
    for (const [scope, stationIds] of [
      ['county', all],
      ['station', one],
    ] as const) {
      for (const [shape, filter] of Object.entries(shapes)) {
        for (const [sort, order] of sorts) {
          if (filter.urgency && order.urgency && filter.urgency !== order.urgency) continue;
          for (const page of ['first', 'next'] as const) {
            const q: NeedListQuery = { stationIds: [...stationIds], ...filter, ...order, take: 51, ...(page === 'next' ? { after: some } : {}) };
            const p = await plan(h.prisma, q);
            checked++;
            if (nodes(p).some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'need')) seqScans.push(`${scope} ${shape} ${sort} ${page}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(seqScans).toEqual([]);
  }, 120_000);

  it('finds the sequential scan when the indexes are missing (the check can fail)', async () => {
    const all = (await h.prisma.orgUnit.findMany({ where: { tier: 'station' }, select: { id: true } })).map((s) => s.id);
    const seen = await h.prisma
      .$transaction(async (tx) => {
        for (const index of ['need_createdAt_id_idx', 'need_stationId_createdAt_id_idx', 'need_review_createdAt_id_idx']) {
          await tx.$executeRawUnsafe(`DROP INDEX "${index}"`);
        }
        const p = await plan(tx, { stationIds: all, review: true, take: 51 });
        // Roll the drops back: the answer travels in the error.
        throw new RollBack(nodes(p).map((n) => `${n['Node Type']}:${n['Relation Name'] ?? ''}`));
      })
      .catch((e: unknown) => {
        if (e instanceof RollBack) return e.seen;
        throw e;
      });
    expect(seen).toContain('Seq Scan:need');
    expect((await h.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'need_review_createdAt_id_idx'`)[0]!.n).toBe(
      1n,
    );
  });
});
