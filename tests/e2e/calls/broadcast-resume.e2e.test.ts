// 一呼百应 under crashes: a call to 2,000 volunteers goes out through the compiled bot and worker
// against the fake Bot API (Telegram's limits enforced), and the processes are killed with
// SIGKILL twice while it is under way. Crash 1 kills the bot and the worker in the middle of the
// fan-out and wipes the run's Redis keys while both are down, so only PostgreSQL remembers.
// Crash 2 kills only the bot (the sending process) and keeps Redis, so the jobs it died with
// come back as stalled jobs and run again. The call must still reach everyone, and nobody may
// get it twice: a message in flight when the bot died is recorded as `uncertain`, never resent.
import { loadConfig } from '@baiying/config';
import { Prisma, seedBulkVolunteers, type ActorRow } from '@baiying/db';
import { CALL_MESSAGE_KEY_SQL, PurposeKey } from '@baiying/domain';
import { QueueName } from '@baiying/queue';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { callDraft, coordinatorOf, createCall } from '../../support/factories.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_broadcast';
const VOLUNTEERS = 2000;
const CHAT_BASE = 7_000_000_000;
/** The bot's bulk lane runs this many sends at once: at most this many can be in flight at a kill. */
const CONCURRENCY = 16;
/**
 * Telegram's limits, sped up RATE times: 30/s bot-wide → 60/s, 1/s per chat → 2/s, 20/min per
 * group → 40/min. The rates are scaled rather than the fake's windows (timeScale): the bot's
 * pacer counts in 1 s and 60 s windows, so with timeScale 0.1 the fake would judge "300 per
 * 1000 ms" by "30 per 100 ms" and reject the pacer's legitimate bursts; with equal windows any
 * 429 is a real pacing error. In trials this 2-core, shared machine sent 20-50/s with the bot,
 * worker, PostgreSQL, Redis and the fake on it: the pacer binds when the machine is not busy,
 * and a run stays well inside the file's 5 minutes when it is.
 */
const RATE = 2;
const LIMITS = { globalPerSecond: 30 * RATE, perChatPerSecond: 1 * RATE, perGroupPerMinute: 20 * RATE };
const FINAL = new Set(['sent', 'failed', 'uncertain']);

describe('Broadcast (一呼百应) resumes after crashes, at most once per recipient', () => {
  const fake = new FakeBotApi({ token: TOKEN, limits: LIMITS, botInfo: { username: 'baiying_broadcast_bot', first_name: '百应' } });
  let env: Record<string, string>;
  let h: DeskHarness;
  let actor: ActorRow;
  let bot: AppProcess | undefined;
  let worker: AppProcess | undefined;
  /** Seeded chat id → person id. */
  const personByChat = new Map<number, string>();

  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000) ?? '(none)'}\n--- worker ---\n${worker?.output().slice(-3000) ?? '(none)'}`;

  async function waitFor<T>(
    what: string,
    timeoutMs: number,
    fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
    everyMs = 50,
  ): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${logs()}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  const startWorker = (timeoutMs: number) => startApp('worker', env, /startup reconcile/, timeoutMs);
  const startBot = (timeoutMs: number) => startApp('bot', env, /long polling/, timeoutMs);

  function kill(p: AppProcess | undefined): Promise<void> {
    return new Promise((resolve) => {
      if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
      p.child.once('exit', () => resolve());
      p.child.kill('SIGKILL');
    });
  }

  /** Counts the fake's messages of one call per seeded chat, incrementally. */
  function tallyAtFake(code: string) {
    const perChat = new Map<number, number>();
    let seen = 0;
    let delivered = 0;
    return {
      perChat,
      update(): number {
        const all = fake.messages;
        for (; seen < all.length; seen++) {
          const m = all[seen]!;
          if (m.method !== 'sendMessage' || !personByChat.has(m.chatId) || !m.text?.includes(code)) continue;
          const n = (perChat.get(m.chatId) ?? 0) + 1;
          perChat.set(m.chatId, n);
          if (n === 1) delivered++;
        }
        return delivered;
      },
    };
  }

  async function bulkJobsLeft(): Promise<number> {
    const counts = await h.producer.queue(QueueName.Bulk).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Per recipient of the call: channel, chat and the status of its sent_message row (null: not queued). */
  async function recipientRows(callId: string) {
    return h.prisma.$queryRaw<Array<{ personId: string; channel: string; chatId: string; status: string | null }>>`
      SELECT cr."personId", cr.channel::text AS channel, cr."chatId", sm.status::text AS status
      FROM call_recipient cr
      LEFT JOIN sent_message sm ON sm."purposeKey" = ${Prisma.raw(CALL_MESSAGE_KEY_SQL)}
      WHERE cr."callId" = ${callId}::uuid`;
  }

  /** A call by the county's coordinator to everyone in the county. */
  const countyCall = (title: string) =>
    createCall(
      h.desk,
      actor,
      callDraft(new Date(), { title, description: '请带好手套和雨具。', placeText: '清溪县东湖镇堤坝', headcount: 200, audience: { everyone: true } }),
    );

  interface Crash {
    at: number;
    restartedAt: number;
    delivered: number;
    queued: number;
    /** Rows claimed (pending → sending) and not resolved when the bot died: in flight. */
    sending: string[];
    fanoutDone: boolean;
    /** Bulk jobs the dead bot held as active (they come back as stalled jobs if Redis is kept). */
    activeJobIds: string[];
    status429: number;
  }

  /**
   * SIGKILLs the bot (and the worker), optionally wipes Redis while they are down, restarts
   * them. Nothing waits for the dead bot's last requests: whether they reach the fake or not,
   * their rows are the in-flight ones, and the final counts are taken long after.
   */
  async function crash(call: { callId: string }, delivered: () => number, o: { worker: boolean; wipeRedis: boolean; timeoutMs: number }): Promise<Crash> {
    const at = Date.now();
    await Promise.all([kill(bot), o.worker ? kill(worker) : Promise.resolve()]);
    const c = await h.prisma.call.findUniqueOrThrow({ where: { id: call.callId } });
    const queued = await h.prisma.callRecipient.count({ where: { callId: call.callId, queuedAt: { not: null } } });
    const sending = (
      await h.prisma.sentMessage.findMany({
        where: { purposeKey: { startsWith: PurposeKey.callMessagesOf(call.callId) }, status: 'sending' },
        select: { purposeKey: true },
      })
    ).map((m) => m.purposeKey);
    const activeJobIds = (await h.producer.queue(QueueName.Bulk).getActive()).map((j) => j.id).filter((id): id is string => !!id);
    const result = { at, delivered: delivered(), queued, sending, fanoutDone: c.fanoutDoneAt !== null, activeJobIds, status429: fake.stats.status429 };
    if (o.wipeRedis) await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
    if (o.worker) worker = await startWorker(Math.min(40_000, o.timeoutMs));
    bot = await startBot(Math.min(40_000, o.timeoutMs));
    return { ...result, restartedAt: Date.now() };
  }

  beforeAll(async () => {
    await fake.start();
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_GLOBAL_PER_SECOND: String(LIMITS.globalPerSecond),
      TELEGRAM_CHAT_PER_SECOND: String(LIMITS.perChatPerSecond),
      TELEGRAM_GROUP_PER_MINUTE: String(LIMITS.perGroupPerMinute),
      BROADCAST_CONCURRENCY: String(CONCURRENCY),
      // About one second of sending queued ahead, so the fan-out is still running at the first crash.
      BROADCAST_BACKLOG_SECONDS: '1',
      BROADCAST_CLAIM_LEASE_SECONDS: '5',
      RECONCILE_INTERVAL_SECONDS: '2',
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'log',
    });
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    const seeded = await seedBulkVolunteers(h.prisma, {
      count: VOLUNTEERS,
      stationCodes: ['S-XF', 'S-HP', 'S-XS', 'S-TY'],
      chatIdBase: CHAT_BASE,
      namePrefix: '应急志愿者',
      cipher: h.cipher,
    });
    for (const s of seeded) personByChat.set(Number(s.chatId), s.personId);
    actor = await coordinatorOf(h, 'C');
    worker = await startWorker(30_000);
    bot = await startBot(30_000);
  }, 50_000);

  afterAll(async () => {
    for (const p of [bot, worker]) await p?.stop().catch(() => undefined);
    await fake.stop().catch(() => undefined);
    if (h) {
      await h.close().catch(() => undefined);
      await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!).catch(() => undefined);
    }
  }, 25_000);

  it('reaches each of 2,000 volunteers at most once across two crashes, and everyone not in flight exactly once', async () => {
    const started = Date.now();
    // Kept under the test's timeout, so a wait that runs out fails with the apps' logs.
    const left = () => Math.max(1000, started + 215_000 - Date.now());
    const call = await countyCall('防汛沙袋转运');
    // Everyone approved in the county: the 2,000 and the demo county's own volunteers.
    expect(call.recipients).toBe(await h.prisma.volunteer.count({ where: { status: 'approved' } }));
    const atFake = tallyAtFake(call.code);
    const delivered = () => atFake.update();

    // Crash 1 at 30 %: bot and worker die mid-fan-out; Redis is wiped while they are down.
    await waitFor(`${VOLUNTEERS * 0.3} of call ${call.code} delivered`, Math.min(80_000, left()), () => delivered() >= VOLUNTEERS * 0.3, 10);
    const crash1 = await crash(call, delivered, { worker: true, wipeRedis: true, timeoutMs: left() });
    // The worker died in the middle of the fan-out, not after it.
    expect({ fanoutDone: crash1.fanoutDone, queuedAll: crash1.queued >= call.recipients }).toEqual({ fanoutDone: false, queuedAll: false });

    // Crash 2 at 60 %: only the bot dies; Redis keeps its queues, and the jobs it held come back
    // as stalled jobs once their locks expire (startQueueWorker: 10 s locks, checked every 5 s,
    // so their messages wait up to about 20 s); the wait for an empty bulk lane below includes them.
    await waitFor(`${VOLUNTEERS * 0.6} of call ${call.code} delivered`, Math.min(100_000, left()), () => delivered() >= VOLUNTEERS * 0.6, 10);
    const crash2 = await crash(call, delivered, { worker: false, wipeRedis: false, timeoutMs: left() });

    // Every recipient's row final, the fan-out done, and nothing left in the bulk lane (so no
    // late duplicate can still come from a stalled job).
    let rowsFinalAt = 0;
    await waitFor(
      `call ${call.code} to finish (rows final, fan-out done, bulk lane empty)`,
      left(),
      async () => {
        delivered();
        if (!rowsFinalAt) {
          const c = await h.prisma.call.findUniqueOrThrow({ where: { id: call.callId } });
          if (!c.fanoutDoneAt) return false;
          const rows = await recipientRows(call.callId);
          if (rows.some((r) => r.status === null || !FINAL.has(r.status))) return false;
          rowsFinalAt = Date.now();
        }
        return (await bulkJobsLeft()) === 0;
      },
      250,
    );
    const finishedAt = Date.now();
    // Nothing is on the wire any more: no bulk job is active, and a send completes its job only
    // after the fake answered it (so the fake has recorded it).
    delivered();

    const rows = await recipientRows(call.callId);
    const tg = rows.filter((r) => r.channel === 'telegram');
    const count = (r: { chatId: string }) => atFake.perChat.get(Number(r.chatId)) ?? 0;
    const duplicates = tg.filter((r) => count(r) > 1);
    const byStatus = (st: string) => rows.filter((r) => r.status === st);
    const uncertain = byStatus('uncertain');
    const uncertainTg = tg.filter((r) => r.status === 'uncertain');
    const stats = fake.stats;
    const stalledStates: Record<string, number> = {};
    for (const id of crash2.activeJobIds) {
      const job = await h.producer.queue(QueueName.Bulk).getJob(id);
      const state = job ? await job.getState() : 'removed';
      stalledStates[state] = (stalledStates[state] ?? 0) + 1;
    }
    const secs = (ms: number) => Math.round(ms / 100) / 10;
    const crashFigures = (c: Crash) => ({
      afterSeconds: secs(c.at - started),
      delivered: c.delivered,
      queued: c.queued,
      inFlight: c.sending.length,
      fanoutDone: c.fanoutDone,
      activeJobs: c.activeJobIds.length,
      downSeconds: secs(c.restartedAt - c.at),
      status429SoFar: c.status429,
    });
    const report = {
      recipients: rows.length,
      telegram: tg.length,
      sent: byStatus('sent').length,
      failed: byStatus('failed').length,
      uncertain: uncertain.length,
      uncertainThatArrived: uncertainTg.filter((r) => count(r) === 1).length,
      duplicates: duplicates.length,
      crash1: crashFigures(crash1),
      crash2: { ...crashFigures(crash2), jobsItDiedWithNow: stalledStates },
      totalSeconds: secs(finishedAt - started),
      rowsFinalAfterLastRestartSeconds: secs(rowsFinalAt - crash2.restartedAt),
      bulkLaneEmptyAfterLastRestartSeconds: secs(finishedAt - crash2.restartedAt),
      sendsPerSecondBeforeCrash1: Math.round((crash1.delivered / ((crash1.at - started) / 1000)) * 10) / 10,
      status429: stats.status429,
      rejectedBy: stats.rejectedBy,
      limitBreaches: stats.limitBreaches,
    };
    console.log(`broadcast-resume ${JSON.stringify(report)}`);

    const detail = `\n${JSON.stringify(report)}${logs()}`;
    // The hard guarantee: nobody got the call twice.
    expect({ duplicates: duplicates.slice(0, 5).map((r) => ({ chatId: r.chatId, status: r.status, got: count(r) })) }).toEqual({ duplicates: [] });
    expect(tg).toHaveLength(VOLUNTEERS);
    // Only messages in flight when a bot died may be uncertain: at most one per bulk-lane slot and crash.
    for (const c of [crash1, crash2])
      if (c.sending.length > CONCURRENCY)
        throw new Error(`${c.sending.length} rows in flight at a crash, more than the bulk concurrency ${CONCURRENCY}${detail}`);
    // The uncertain rows are exactly those in flight when a bot died (not merely as many): a
    // dead sender resolves no claim, and nothing else leaves one unresolved.
    const inFlight = new Set([...crash1.sending, ...crash2.sending]);
    const uncertainKeys = new Set(uncertain.map((r) => PurposeKey.callMessage(call.callId, r.personId)));
    const notInFlight = [...uncertainKeys].filter((k) => !inFlight.has(k));
    const notUncertain = [...inFlight].filter((k) => !uncertainKeys.has(k));
    if (notInFlight.length || notUncertain.length)
      throw new Error(
        `uncertain rows not in flight at a crash: ${JSON.stringify(notInFlight.slice(0, 5))}; in flight but not uncertain: ${JSON.stringify(notUncertain.slice(0, 5))}${detail}`,
      );
    // Everybody else got exactly one, and their row says sent.
    const wrong = tg.filter((r) => r.status !== 'uncertain' && (r.status !== 'sent' || count(r) !== 1));
    if (wrong.length)
      throw new Error(
        `${wrong.length} recipients not sent exactly once, e.g. ${JSON.stringify(wrong.slice(0, 5).map((r) => ({ chatId: r.chatId, status: r.status, got: count(r) })))}${detail}`,
      );
    // The demo county's own volunteers are on web chat: their rows are final too.
    for (const r of rows.filter((x) => x.channel !== 'telegram')) expect(['sent', 'uncertain']).toContain(r.status);
    // The pacer kept to the limits: no send while a told retry_after still ran.
    if (stats.limitBreaches !== 0) throw new Error(`${stats.limitBreaches} limit breaches at the fake${detail}`);
  }, 225_000);
});
