// Integration: repositories and the outbox → routing → dispatch → escalation path on the
// machine's real PostgreSQL and Redis, with the worker app running in-process.
import type { INestApplicationContext } from '@nestjs/common';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import { ReconcilerService } from '../../../apps/worker/src/reconciler.service.js';
import type { ActorRow } from '@baiying/db';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

describe('routing and escalation on PostgreSQL + Redis', () => {
  // SLA_TIME_FACTOR shrinks a 60-minute station SLA to 1.2 s (and 120 → 2.4 s at the institute).
  const config = testConfig({ SLA_TIME_FACTOR: '0.00033', RECONCILE_INTERVAL_SECONDS: '3600', OUTBOX_POLL_MS: '200' });
  let h: DeskHarness;
  let worker: INestApplicationContext | undefined;
  let resident: ActorRow;

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    resident = await h.desk.uow.run((w) => w.repos.people.resolve('web', 'it-resident', 'it-resident', '居民甲', null));
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  const station = async (code: string) => (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;

  async function submit(categoryCode: string, stationCode: string, urgency: 'urgent' | 'normal' = 'normal') {
    // Looked up before the transaction: a query on the pool inside one could starve it.
    const stationId = await station(stationCode);
    const r = await h.desk.uow.run(async (w) =>
      h.desk.intake.submit.execute(w, resident, {
        channel: 'web',
        description: '我家老人想理发 13912345678',
        truncated: false,
        categoryCode,
        stationId,
        address: '幸福小区3号楼2单元501',
        location: null,
        wantedTime: '明天上午',
        phone: '13912345678',
        beneficiary: 'elderly',
        urgency,
        attachments: [],
      }),
    );
    if (!r.ok) throw new Error(r.code);
    return r.value;
  }

  it('saves a need encrypted, with a readable code and an outbox event', async () => {
    const need = await submit('elderly', 'S-XF');
    expect(need.code).toMatch(/^N-\d{8}-\d{4}$/);
    const raw = await h.prisma.$queryRaw<
      Array<{ d: string; a: string; p: string }>
    >`SELECT "descriptionEnc" d, "addressEnc" a, "phoneEnc" p FROM need WHERE id = ${need.id}::uuid`;
    expect(JSON.stringify(raw)).not.toContain('13912345678');
    expect(JSON.stringify(raw)).not.toContain('幸福小区3号楼');
    expect(h.cipher.decrypt(raw[0]!.p)).toBe('13912345678');
    const events = await h.prisma.outboxEvent.findMany({ where: { aggregateId: need.id } });
    expect(events).toHaveLength(1);
  });

  it('numbers needs of one day without gaps under concurrency', async () => {
    const needs = await Promise.all(Array.from({ length: 20 }, () => submit('repair', 'S-XF')));
    const numbers = needs.map((n) => Number(n.code.slice(-4))).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[19]! - numbers[0]!).toBe(19);
  });

  it('routes to the station team, posts masked cards, then escalates station → institute → centre → coordinators', async () => {
    worker = await startWorker(config);
    const need = await submit('elderly', 'S-XF');
    const first = await waitUntil(() => h.prisma.dispatch.findFirst({ where: { needId: need.id, round: 1 }, include: { team: true } }), 'first dispatch');
    expect(first.team?.code).toBe('S-XF-ELDER');
    expect(first.tier).toBe('station');
    const card = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `card.${first.id}.` } } });
    const body = h.cipher.decrypt(card.bodyEnc);
    expect(body).toContain(need.code);
    expect(body).toContain('幸福社区');
    expect(body).not.toContain('13912345678');
    expect(body).not.toContain('3号楼');
    expect(body).not.toContain('理发'); // the description stays private
    // Nobody takes it: station SLA (1.2 s) → institute team.
    const second = await waitUntil(
      () => h.prisma.dispatch.findFirst({ where: { needId: need.id, round: 2 }, include: { team: true } }),
      'escalation to the institute',
    );
    expect(second.team?.code).toBe('I-DH-ELDER');
    expect((await h.prisma.dispatch.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('escalated');
    // The institute's coordinator was alerted.
    const coordinator = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-dh' } } });
    await waitUntil(() => h.prisma.sentMessage.findFirst({ where: { chatId: coordinator.chatId, template: 'coordinator-alert' } }), 'coordinator alert');
    const third = await waitUntil(
      () => h.prisma.dispatch.findFirst({ where: { needId: need.id, round: 3 }, include: { team: true } }),
      'escalation to the centre',
      20_000,
    );
    expect(third.team?.code).toBe('C-ELDERLY');
    const final = await waitUntil(
      async () => {
        const n = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
        return n.status === 'unrouted' ? n : null;
      },
      'unrouted after the centre',
      30_000,
    );
    expect(final.status).toBe('unrouted');
  }, 60_000);

  it('sends needs with no team at any tier to coordinators', async () => {
    await h.prisma.teamChat.deleteMany({ where: { team: { categoryCode: 'psych' } } });
    worker = await startWorker(config);
    const need = await submit('psych', 'S-HP');
    const n = await waitUntil(async () => {
      const row = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      return row.status === 'unrouted' ? row : null;
    }, 'unrouted');
    expect(n.status).toBe('unrouted');
    const alerts = await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `alert.unrouted.${need.id}` } } });
    expect(alerts).toBeGreaterThanOrEqual(2); // the institute's and the county's coordinators
  });

  it('re-creates lost jobs from PostgreSQL after Redis is wiped', async () => {
    const need = await submit('repair', 'S-XF');
    // The after-commit publish happened; wipe Redis before any worker runs.
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.prisma.outboxEvent.updateMany({ where: { aggregateId: need.id }, data: { publishedAt: new Date() } });
    // A worker whose clock runs 6 s ahead sees the need as older than the reconciler's grace period.
    worker = await startWorker(config, { now: () => new Date(Date.now() + 6000) });
    const d = await waitUntil(() => h.prisma.dispatch.findFirst({ where: { needId: need.id }, include: { team: true } }), 'dispatch after reconcile');
    expect(d.team?.code).toBe('S-XF-REPAIR');
    // A second reconcile adds nothing twice: the need is routed and its escalation timer exists.
    const again = await worker.get(ReconcilerService).reconcile();
    expect({ routed: again['routing.routed'], escalations: again['routing.escalations'] }).toEqual({ routed: 0, escalations: 0 });
    // The dispatch's escalation timer is there — or, the station SLA being 1.2 s here, has already
    // fired (the round is no longer open): never lost.
    const timer = await h.producer.exists('escalate-dispatch', { dispatchId: d.id });
    const fired = (await h.prisma.dispatch.findUniqueOrThrow({ where: { id: d.id } })).status !== 'open';
    expect({ timer, fired, either: timer || fired }).toMatchObject({ either: true });
  }, 30_000);
});
