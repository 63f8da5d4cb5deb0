// Operations: `npm run db:backup` dumps a database mid-scenario (a need submitted and not yet
// routed, one routed with its job card pending, one taken, one done awaiting credit),
// `npm run db:restore` puts it into a fresh database, and the compiled worker, started on the
// restored database with an empty Redis prefix, brings every need and every pending message back
// into a consistent state from PostgreSQL alone: the unrouted need is routed, every open round
// has its escalation timer, every taken job its no-progress timer, every done job its credit
// timer, and every pending message its send job in the outbound queue.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@baiying/config';
import { createPrismaClient, type PrismaClient } from '@baiying/db';
import { JobProducer } from '@baiying/queue';
import { ROOT, dropDatabase } from '../../../scripts/db-tools.js';
import { volunteerOf } from '../../support/factories.js';
import { doneBy, routedNeed, takeInGroup, openDispatchOf } from '../../support/needs.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

/** Runs scripts/db-backup.ts as `npm run db:backup` / `db:restore` do, against `databaseUrl`. */
function dbBackup(args: string[], databaseUrl: string): { status: number | null; out: string } {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'db-backup.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

interface Snapshot {
  needs: Array<{ id: string; status: string }>;
  pending: string[];
  openDispatches: string[];
  activeClaims: string[];
  pendingRecords: string[];
  messages: number;
}

async function snapshot(prisma: PrismaClient): Promise<Snapshot> {
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
  return {
    needs: (await prisma.need.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } })).map((n) => ({ id: n.id, status: n.status })),
    pending: ids(await prisma.sentMessage.findMany({ where: { status: 'pending' }, select: { id: true } })),
    openDispatches: ids(await prisma.dispatch.findMany({ where: { status: 'open' }, select: { id: true } })),
    // A done job's claim stays active until confirmed: only a taker who owes the next step has a timer.
    activeClaims: ids(await prisma.claim.findMany({ where: { status: 'active', need: { status: { in: ['claimed', 'en_route'] } } }, select: { id: true } })),
    pendingRecords: ids(await prisma.serviceRecord.findMany({ where: { status: 'pending' }, select: { id: true } })),
    messages: await prisma.sentMessage.count(),
  };
}

describe('backup and restore (npm run db:backup / db:restore) and the worker reconciling a restored database', () => {
  const env = testEnv({ RECONCILE_INTERVAL_SECONDS: '3600', OUTBOX_POLL_MS: '200', LOG_LEVEL: 'log' });
  const sourceUrl = env.DATABASE_URL!;
  const restoredUrl = (() => {
    const u = new URL(sourceUrl);
    u.pathname = `${u.pathname}_restored`;
    return u.toString();
  })();
  const restoredPrefix = `${env.REDIS_PREFIX!}-restored`;
  const dir = mkdtempSync(path.join(tmpdir(), 'baiying-backup-'));
  const dump = path.join(dir, 'mid-scenario.dump');
  let h: DeskHarness;
  let restored: PrismaClient | undefined;
  let producer: JobProducer | undefined;
  let worker: AppProcess | undefined;

  beforeAll(async () => {
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher);
  });

  afterAll(async () => {
    await worker?.stop();
    await producer?.close();
    await restored?.$disconnect();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
    await flushPrefix(env.REDIS_URL!, restoredPrefix);
    await dropDatabase(restoredUrl);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('restores a mid-scenario dump into a fresh database and the worker reconciles every need and pending message', async () => {
    // --- the scenario, up to the moment of the backup ---------------------------------------
    // Looked up before the transaction: a query on the pool inside one could starve it.
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const waiting = await h.desk.uow.run(async (w) => {
      const actor = await w.repos.people.resolve('web', 'bk-waiting', 'bk-waiting', 'bk-waiting', null);
      const r = await h.desk.intake.submit.execute(w, actor, {
        channel: 'web',
        description: '备份前刚提交：想找人修水龙头',
        truncated: false,
        categoryCode: 'repair',
        stationId: station.id,
        address: null,
        location: null,
        wantedTime: null,
        phone: null,
        beneficiary: 'none',
        urgency: 'normal',
        attachments: [],
      });
      if (!r.ok) throw new Error(r.code);
      return r.value;
    });
    const dispatched = await routedNeed(h, 'bk-dispatched', { teamCode: 'S-XF-ELDER', description: '备份前已派单：老人理发' });
    const taken = await routedNeed(h, 'bk-taken', { teamCode: 'S-XF-ELDER', description: '备份前已接单：陪老人就医' });
    const taker = await volunteerOf(h, { teams: ['S-XF-ELDER'], name: 'bk-taker' });
    const take = await takeInGroup(h, taker, await openDispatchOf(h, taken.id));
    expect(take.ok).toBe(true);
    const done = await routedNeed(h, 'bk-done', { teamCode: 'S-XF-ELDER', description: '备份前已完成：代买药品' });
    await doneBy(h, await volunteerOf(h, { teams: ['S-XF-ELDER'], name: 'bk-finisher' }), done.id, 2);
    // No bot ran, so every message the scenario wrote is still pending. The backup is restored a
    // while after it was taken: date the scenario a minute back, past the reconciler's grace
    // periods for in-flight work (5 s for routing, 10 s for sends).
    await h.prisma.$executeRaw`UPDATE need SET "createdAt" = "createdAt" - interval '1 minute'`;
    await h.prisma.$executeRaw`UPDATE sent_message SET "createdAt" = "createdAt" - interval '1 minute'`;
    const before = await snapshot(h.prisma);
    const statusOf = (s: Snapshot, id: string) => s.needs.find((n) => n.id === id)?.status;
    expect([waiting.id, dispatched.id, taken.id, done.id].map((id) => statusOf(before, id))).toEqual(['submitted', 'dispatched', 'claimed', 'done']);
    expect(before.pending.length).toBeGreaterThanOrEqual(4);
    expect(before.openDispatches).toHaveLength(1);
    expect(before.activeClaims).toHaveLength(1);
    expect(before.pendingRecords).toHaveLength(1);

    // --- backup, refusal, restore -----------------------------------------------------------
    const backup = dbBackup(['backup', '--out', dump], sourceUrl);
    expect(backup.out).toMatch(/wrote .*mid-scenario\.dump/);
    expect(backup.status).toBe(0);
    const refused = dbBackup(['restore', dump], sourceUrl);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/refusing to restore: .* is not empty \(\d+ tables\)/);
    const restore = dbBackup(['restore', dump], restoredUrl);
    expect(restore.out).toMatch(/created the database/);
    expect(restore.out).toMatch(/restored in .* s: \d+ needs \(\d+ open\), \d+ messages pending, \d+ migrations applied/);
    expect(restore.status).toBe(0);

    restored = createPrismaClient(restoredUrl, 3);
    expect(await snapshot(restored)).toEqual(before);
    // Encrypted columns came across intact: the same key reads them.
    const row = await restored.need.findUniqueOrThrow({ where: { id: taken.id } });
    expect(h.cipher.decrypt(row.descriptionEnc)).toBe('备份前已接单：陪老人就医');

    // --- the worker on the restored database, with an empty Redis prefix ----------------------
    worker = await startApp('worker', { ...env, DATABASE_URL: restoredUrl, REDIS_PREFIX: restoredPrefix }, /startup reconcile/);
    // The worker logs JSON lines; the reconcile report is a field of its line.
    const line = worker
      .output()
      .split('\n')
      .find((l) => l.includes('"startup reconcile"'));
    const report = (JSON.parse(line!) as { report: Record<string, number> }).report;
    expect(report).toMatchObject({
      'routing.routed': 1,
      'claims.timeouts': before.activeClaims.length,
      'completion.credits': before.pendingRecords.length,
      'outbox.messages': before.pending.length,
    });

    // The waiting need may already be routed (a new round and its timer) while the reconcile still runs.
    expect(report['routing.escalations']).toBeGreaterThanOrEqual(before.openDispatches.length);

    producer = new JobProducer({ redisUrl: env.REDIS_URL!, prefix: restoredPrefix });
    const p = producer;
    const db = restored;
    // Consistent: no need left unrouted, every open round / taken job / done job has its timer,
    // every pending message (including the card the worker just wrote for the routed need) its send job.
    const settled = await waitUntil(
      async () => {
        const now = await snapshot(db);
        if (statusOf(now, waiting.id) !== 'dispatched') return null;
        for (const id of now.openDispatches) if (!(await p.exists('escalate-dispatch', { dispatchId: id }))) return null;
        for (const id of now.activeClaims) if (!(await p.exists('claim-timeout', { claimId: id }))) return null;
        for (const id of now.pendingRecords) if (!(await p.exists('credit-timeout', { serviceRecordId: id }))) return null;
        for (const id of now.pending) if (!(await p.exists('send-message', { sentMessageId: id }))) return null;
        return now;
      },
      'the restored database reconciled (routed, timers set, pending messages queued)',
      30_000,
    );
    expect(settled.needs.filter((n) => n.status === 'submitted')).toEqual([]);
    expect(settled.openDispatches).toHaveLength(2); // the restored one and the waiting need's new round
    expect(settled.pending.length).toBeGreaterThan(before.pending.length); // its new cards
    expect(before.pending.every((id) => settled.pending.includes(id))).toBe(true);
    // The source database was not touched by any of this.
    expect(await snapshot(h.prisma)).toEqual(before);
  }, 60_000);
});
