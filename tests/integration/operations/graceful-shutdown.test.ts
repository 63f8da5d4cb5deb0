// Graceful shutdown (SIGTERM) of the compiled apps against the fake Bot API: the bot stopped in
// the middle of residents' messages and in the middle of a call's sending, the worker stopped
// in the middle of a call's fan-out. Each exits by itself within SHUTDOWN_TIMEOUT_MS, and after a
// restart every resident is answered and every recipient gets the call exactly once: nothing is
// lost, nothing is sent twice, and — unlike a SIGKILL (tests/e2e/calls/broadcast-resume) — no
// message is left `uncertain`, because the bot finished the sends it had on the wire.
import { loadConfig } from '@baiying/config';
import { Prisma, seedBulkVolunteers, type ActorRow } from '@baiying/db';
import { CALL_MESSAGE_KEY_SQL } from '@baiying/domain';
import { QueueName } from '@baiying/queue';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { callDraft, coordinatorOf, createCall } from '../../support/factories.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '556001:SHUTDOWN-test_token';
const VOLUNTEERS = 300;
const CHAT_BASE = 7_100_000_000;
const BOUND_MS = 15_000;

describe('graceful shutdown on SIGTERM', () => {
  const fake = new FakeBotApi({ token: TOKEN, limits: { globalPerSecond: 60, perChatPerSecond: 2, perGroupPerMinute: 40 } });
  let env: Record<string, string>;
  let h: DeskHarness;
  let actor: ActorRow;
  let bot: AppProcess | undefined;
  let worker: AppProcess | undefined;
  const chats = new Set<number>();
  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000) ?? ''}\n--- worker ---\n${worker?.output().slice(-2000) ?? ''}`;
  const startBot = () => startApp('bot', env, /long polling/, 60_000);
  const startWorker = () => startApp('worker', env, /startup reconcile/, 60_000);

  /** Sends SIGTERM and waits for the process to exit by itself; returns how long it took. */
  async function terminate(p: AppProcess): Promise<{ ms: number; code: number | null; signal: string | null }> {
    const t0 = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => p.child.once('exit', (code, signal) => resolve({ code, signal })));
    p.child.kill('SIGTERM');
    const r = await exited;
    return { ms: Date.now() - t0, ...r };
  }

  /** Messages of a call at the fake, per seeded chat. */
  function perChat(code: string): Map<number, number> {
    const n = new Map<number, number>();
    for (const m of fake.messages) if (m.method === 'sendMessage' && chats.has(m.chatId) && m.text?.includes(code)) n.set(m.chatId, (n.get(m.chatId) ?? 0) + 1);
    return n;
  }

  async function rowStatuses(callId: string): Promise<Map<string, number>> {
    const rows = await h.prisma.$queryRaw<Array<{ status: string | null }>>`
      SELECT sm.status::text AS status FROM call_recipient cr
      LEFT JOIN sent_message sm ON sm."purposeKey" = ${Prisma.raw(CALL_MESSAGE_KEY_SQL)}
      WHERE cr."callId" = ${callId}::uuid`;
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.status ?? 'none', (out.get(r.status ?? 'none') ?? 0) + 1);
    return out;
  }

  async function bulkJobsLeft(): Promise<number> {
    const c = await h.producer.queue(QueueName.Bulk).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  /** Waits until the call is fully sent: fan-out done, every row final, the bulk lane empty. */
  async function callFinished(callId: string, recipients: number): Promise<void> {
    await waitUntil(
      async () => {
        const c = await h.prisma.call.findUniqueOrThrow({ where: { id: callId } });
        if (!c.fanoutDoneAt) return false;
        const st = await rowStatuses(callId);
        if ([...st.values()].reduce((x, y) => x + y, 0) !== recipients || ['none', 'pending', 'sending'].some((k) => st.has(k))) return false;
        return (await bulkJobsLeft()) === 0;
      },
      'the call sent to everyone',
      120_000,
      250,
    ).catch((e: Error) => Promise.reject(new Error(e.message + logs())));
  }

  const countyCall = (title: string) =>
    createCall(
      h.desk,
      actor,
      callDraft(new Date(), { title, description: '请带好手套。', placeText: '清溪县东湖镇堤坝', headcount: 100, audience: { everyone: true } }),
    );

  beforeAll(async () => {
    await fake.start();
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_GLOBAL_PER_SECOND: '60',
      TELEGRAM_CHAT_PER_SECOND: '2',
      TELEGRAM_GROUP_PER_MINUTE: '40',
      BROADCAST_CONCURRENCY: '16',
      BROADCAST_BACKLOG_SECONDS: '1',
      BROADCAST_CLAIM_LEASE_SECONDS: '5',
      RECONCILE_INTERVAL_SECONDS: '2',
      OUTBOX_POLL_MS: '200',
      SHUTDOWN_TIMEOUT_MS: String(BOUND_MS),
      LOG_LEVEL: 'log',
    });
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    const seeded = await seedBulkVolunteers(h.prisma, {
      count: VOLUNTEERS,
      stationCodes: ['S-XF', 'S-HP'],
      chatIdBase: CHAT_BASE,
      namePrefix: '志愿者',
      cipher: h.cipher,
    });
    for (const s of seeded) chats.add(Number(s.chatId));
    actor = await coordinatorOf(h, 'C');
    worker = await startWorker();
    bot = await startBot();
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('the bot stopped amid residents’ messages answers each of them once after a restart', async () => {
    const base = 5_560_000 + Math.floor(Math.random() * 10_000) * 100;
    const residents: FakeUser[] = Array.from({ length: 40 }, (_, i) => ({ id: base + i, first_name: `居民${i}` }));
    for (const r of residents) fake.sendText(r, FakeBotApi.privateChat(r), '/help');
    await fake.waitFor({ text: /居民：直接描述需求即可/, chatId: residents[0]!.id }, { timeoutMs: 20_000 }).catch(() => undefined);
    const stop = await terminate(bot!);
    expect(stop.ms).toBeLessThan(BOUND_MS);
    expect(stop.code === 0 || stop.signal === 'SIGTERM').toBe(true);
    expect(bot!.output()).toMatch(/"msg":"shutting down"/);
    bot = await startBot();
    for (const r of residents)
      await fake
        .waitFor({ chatId: r.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 30_000 })
        .catch((e: Error) => Promise.reject(new Error(e.message + logs())));
    // Every reply row is sent (so nothing more can go out), then count: one reply each.
    await waitUntil(
      async () =>
        (await h.prisma.sentMessage.count({ where: { channel: 'telegram', chatId: { in: residents.map((r) => String(r.id)) }, status: { not: 'sent' } } })) ===
        0,
      'replies recorded sent',
    );
    for (const r of residents)
      expect({ chat: r.id, replies: fake.messages.filter((m) => m.chatId === r.id && m.method === 'sendMessage').length }).toEqual({ chat: r.id, replies: 1 });
  }, 120_000);

  it('the bot stopped mid-broadcast finishes its sends: no uncertain row, everyone exactly once after a restart', async () => {
    const call = await countyCall('防汛：SIGTERM 发送中');
    await waitUntil(async () => (perChat(call.code).size >= VOLUNTEERS * 0.2 ? true : null), 'a fifth delivered', 60_000, 20);
    const stop = await terminate(bot!);
    expect(stop.ms).toBeLessThan(BOUND_MS);
    // The bot finished what it had claimed: nothing is left `sending` (in flight) or `uncertain`.
    const after = await rowStatuses(call.callId);
    expect(after.get('sending') ?? 0).toBe(0);
    expect(after.get('uncertain') ?? 0).toBe(0);
    bot = await startBot();
    await callFinished(call.callId, call.recipients);
    const n = perChat(call.code);
    expect(n.size).toBe(VOLUNTEERS);
    expect([...n.values()].filter((v) => v !== 1)).toEqual([]);
  }, 180_000);

  it('the worker stopped mid-fan-out resumes it after a restart: everyone exactly once', async () => {
    const call = await countyCall('防汛：SIGTERM 分发中');
    await waitUntil(
      async () => {
        const queued = await h.prisma.callRecipient.count({ where: { callId: call.callId, queuedAt: { not: null } } });
        return queued > 0 ? queued : null;
      },
      'the fan-out under way',
      60_000,
      20,
    );
    const stop = await terminate(worker!);
    expect(stop.ms).toBeLessThan(BOUND_MS);
    expect(worker!.output()).toMatch(/"msg":"shutting down"/);
    const c = await h.prisma.call.findUniqueOrThrow({ where: { id: call.callId } });
    const queuedAtStop = await h.prisma.callRecipient.count({ where: { callId: call.callId, queuedAt: { not: null } } });
    // Stopped in the middle, not after.
    expect({ done: c.fanoutDoneAt !== null, all: queuedAtStop >= call.recipients }).toEqual({ done: false, all: false });
    worker = await startWorker();
    await callFinished(call.callId, call.recipients);
    const n = perChat(call.code);
    expect(n.size).toBe(VOLUNTEERS);
    expect([...n.values()].filter((v) => v !== 1)).toEqual([]);
    expect((await rowStatuses(call.callId)).get('uncertain') ?? 0).toBe(0);
  }, 180_000);
});
