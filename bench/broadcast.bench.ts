// broadcast: one 一呼百应 call to N Telegram volunteers through the fake Bot API with Telegram's
// real limits (timeScale 1: 30/s bot-wide, 1/s per chat, 20/min per group), while ordinary needs
// keep coming in. Measures the call's creation commit → the last recipient's message accepted by
// the fake against the floor N / 30 s, the 429s and limit breaches the fake saw, duplicates, and
// the need → job card latency of the needs submitted while the call went out.
import { AsyncLocalStorage } from 'node:async_hooks';
import { loadConfig } from '@baiying/config';
import { Repos, seedBulkVolunteers, type ActorRow, nameColumns } from '@baiying/db';
import type { CallDraft } from '@baiying/features';
import type { SentMessage } from '../tests/support/fake-telegram/fake-bot-api.js';
import { commitTimingPrisma, createBenchTeams, rejectedDelta, settleOutbound, submitBenchNeed } from './desk.bench.js';
import type { BenchContext } from './support/context.js';
import { processCpuMs } from './support/processes.js';
import { section } from './support/section.js';
import { round, sleep, summarize, waitUntil, type LatencySummary } from './support/stats.js';

/** Telegram's bot-wide limit: the floor is recipients / this. */
const TELEGRAM_GLOBAL_PER_SECOND = 30;
/** Private chat ids of the seeded recipients: CHAT_BASE + i. */
const CHAT_BASE = 7_100_000_000;
/** The seeded volunteers are spread over the demo county's stations (all in the county coordinator's scope). */
const STATIONS = ['S-XF', 'S-HP', 'S-XS', 'S-TY'];

export const BROADCAST_DEFINITION =
  "seconds = time the last recipient's call message (sendMessage to its private chat) was accepted by the fake Bot API − " +
  "time the call's create transaction committed in the bench process (desk.calls.create as the county coordinator, " +
  "audience everyone; the fan-out job is published after that). floor_seconds = recipients / 30 (Telegram's bot-wide " +
  'limit). Path: bench → Redis → worker call-fanout (tops up the bulk lane from PostgreSQL) → Redis → bot bulk lane ' +
  '(BullMQ limiter, Redis pacer: the broadcast share while interactive traffic is about, the whole budget while it is ' +
  'idle, freed slots to the most urgent waiting send; at-most-once claim, sendMessage) → fake at timeScale 1. ' +
  'duplicates = recipients with more than one call message at the fake; card latency = the card_latency definition, ' +
  'for needs submitted while the call was going out.';

export interface BroadcastResult {
  definition: string;
  /** Telegram recipients of the call (each one's private chat gets one message through the fake). */
  recipients: number;
  /** Creation commit → last recipient's message accepted by the fake (null if not all arrived). */
  seconds: number | null;
  floor_seconds: number;
  /** seconds ÷ floor_seconds (target ≤ 1.05). */
  vs_floor: number | null;
  /** recipients / seconds, as % of 30/s (target ≥ 95 %). */
  achieved_rate_pct_of_30: number | null;
  achieved_per_s: number | null;
  /** Rate between the first and the last call message at the fake (the ramp-up excluded). */
  steady_per_s: number | null;
  /** Creation commit → first call message at the fake. */
  first_message_ms: number | null;
  status_429: number;
  limit_breaches: number;
  rejected_by: Record<string, number>;
  duplicates: number;
  /** Recipients with no call message at the fake when the section stopped waiting. */
  missing: number;
  /** The call's rows in PostgreSQL when the section ended (sent_message status of each recipient's message). */
  delivery: { sent: number; failed: number; uncertain: number; pending_or_sending: number; not_queued: number };
  /** Recipients on other channels (the demo county's web-only volunteers), not sent through the fake. */
  other_channel_recipients: Record<string, number>;
  /** Whole seconds (from the first call message) in which the fake accepted fewer than 25 call messages. */
  slow_seconds: number;
  /** Most sends (all kinds) the fake accepted in any 1 s window during the broadcast (Telegram: 30). */
  max_sends_in_1s: number;
  card_p50_during_ms: number | null;
  card_p95_during_ms: number | null;
  cards_during: LatencySummary & { needs: number; missing_cards: number; interval_ms: number; groups: number };
  /** Sends that were not call messages while the call went out (cards, resident notices, team notices). */
  other_sends_during: number;
  /** Every send the fake accepted from the creation commit to the last call message, per second (Telegram: ≤ 30). */
  all_sends_per_s: number | null;
  bulk_per_second: number;
  seed_ms: number;
  create_ms: number;
  bot_cpu_ms: number | null;
  worker_cpu_ms: number | null;
  timed_out: boolean;
}

function broadcastPlan(quick: boolean): { recipients: number; groups: number; needIntervalMs: number; residents: number } {
  // One need every 2 s over the groups: a group gets a card every groups × 2 s (≤ 20/min, ≥ 1 s apart).
  return quick ? { recipients: 1000, groups: 6, needIntervalMs: 2000, residents: 12 } : { recipients: 10_000, groups: 8, needIntervalMs: 2000, residents: 24 };
}

/** Most entries of ascending `times` within any window of `windowMs` (half-open, like the fake's). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

export const broadcastSection = section<BroadcastResult>({
  key: 'broadcast',
  title: 'Broadcast (一呼百应) under Telegram limits',
  apps: 'running',
  async run(ctx: BenchContext): Promise<BroadcastResult> {
    const plan = broadcastPlan(ctx.quick);
    const fake = await ctx.fake();
    const apps = await ctx.startApps();
    const prisma = ctx.prisma;
    const bulkPerSecond = loadConfig({ ...ctx.baseEnv(), TELEGRAM_BOT_TOKEN: ctx.token }).telegram?.limits.bulkPerSecond ?? TELEGRAM_GLOBAL_PER_SECOND - 1;

    // Earlier sections may have left replies queued (ingest leaves thousands at 30/s): they would
    // compete for the 30/s and, at a higher priority than cards, delay the cards measured here.
    await settleOutbound(ctx, 300_000, 'broadcast: replies left by earlier sections were still queued after 300 s; they ran beside the broadcast');

    // Recipients: approved volunteers with a Telegram private chat each.
    let t = Date.now();
    await seedBulkVolunteers(prisma, { count: plan.recipients, stationCodes: STATIONS, chatIdBase: CHAT_BASE, namePrefix: '广播志愿者', cipher: ctx.cipher });
    const seedMs = Date.now() - t;
    ctx.log(`  ${plan.recipients} volunteers seeded in ${seedMs} ms`);

    // Teams with bound groups for the ordinary needs, a coordinator who binds them, residents.
    const teams = await createBenchTeams(ctx, plan.groups, 'BC', '广播压测站', -1_002_000_001_000);
    const institute = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    const binder = { id: 882_001, first_name: '广播压测协调员' };
    await prisma.person.create({
      data: {
        ...nameColumns(ctx.cipher, binder.first_name),
        identities: { create: { channel: 'telegram', externalId: String(binder.id), chatId: String(binder.id) } },
        roles: { create: { role: 'coordinator', orgUnitId: institute.id } },
      },
    });
    const residents: ActorRow[] = [];
    for (let r = 0; r < plan.residents; r++) {
      const uid = String(883_000 + r);
      residents.push(await ctx.desk.uow.run((w) => w.repos.people.resolve('telegram', uid, uid, `广播压测居民${r}`, null)));
    }
    const bindFrom = fake.messages.length;
    for (const team of teams) fake.sendText(binder, { id: team.chatId, type: 'supergroup', title: `${team.teamCode} 群` }, `/bindteam ${team.teamCode}`);
    await Promise.all(teams.map((team) => fake.waitFor({ chatId: team.chatId, text: /已绑定到队伍/ }, { fromSeq: bindFrom, timeoutMs: 60_000 })));
    ctx.log(`  ${teams.length} groups bound through /bindteam`);
    await settleOutbound(ctx, 60_000, 'broadcast: the binding replies were still queued after 60 s');
    await sleep(1500);

    // The county coordinator (web identity demo-coord-county, coordinator at C).
    const identity = await prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-county' } } });
    const coordinator = await ctx.desk.uow.run((w) => w.repos.people.actor(identity.personId));

    const store = new AsyncLocalStorage<{ commitAt: number }>();
    const timedDesk = ctx.deskOn(commitTimingPrisma(prisma, store));
    const startsAt = new Date(Date.now() + 24 * 3_600_000);
    const draft: CallDraft = {
      title: '压测召集：防汛物资搬运',
      description: '请到县中心仓库协助搬运防汛物资。',
      placeText: '清溪县新时代文明实践中心仓库',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      headcount: 200,
      audience: { everyone: true },
    };

    const before = fake.stats;
    const seqStart = fake.messages.length;
    const botCpu0 = processCpuMs(apps.bot.pid);
    const workerCpu0 = processCpuMs(apps.worker.pid);
    const createSlot = { commitAt: 0 };
    t = performance.now();
    const created = await store.run(createSlot, () => timedDesk.uow.run((w) => timedDesk.calls.create.execute(w, coordinator, draft)));
    const createMs = performance.now() - t;
    if (!created.ok) throw new Error(`call not created: ${created.code}`);
    const { callId, code } = created.value;
    const createdAt = createSlot.commitAt;
    const byChannel = await prisma.callRecipient.groupBy({ by: ['channel'], where: { callId }, _count: { _all: true } });
    const recipients = byChannel.find((c) => c.channel === 'telegram')?._count._all ?? 0;
    const others = Object.fromEntries(byChannel.filter((c) => c.channel !== 'telegram').map((c) => [c.channel, c._count._all]));
    if (recipients !== plan.recipients) ctx.note(`broadcast: the call has ${recipients} Telegram recipients, ${plan.recipients} were seeded`);
    const floorSeconds = recipients / TELEGRAM_GLOBAL_PER_SECOND;
    ctx.log(
      `  call ${code} created in ${Math.round(createMs)} ms: ${recipients} Telegram recipients (+ ${JSON.stringify(others)}), floor ${floorSeconds.toFixed(1)} s`,
    );

    // Ordinary needs while the call goes out: one every needIntervalMs, round-robin over the groups.
    let broadcasting = true;
    const submitted: Array<{ code: string; chatId: number; commitAt: number }> = [];
    const failures: string[] = [];
    const inFlight: Array<Promise<void>> = [];
    const needLoop = (async () => {
      const t0 = performance.now() + 1000;
      for (let k = 0; broadcasting; k++) {
        const dueIn = t0 + k * plan.needIntervalMs - performance.now();
        if (dueIn > 0) await sleep(dueIn);
        if (!broadcasting) break;
        const team = teams[k % teams.length]!;
        const resident = residents[k % residents.length]!;
        inFlight.push(
          (async () => {
            const slot = { commitAt: 0 };
            const r = await store.run(slot, () => timedDesk.uow.run((w) => submitBenchNeed(timedDesk, w, resident, team.stationId, `广播期间需求 ${k}`)));
            if (!r.ok) throw new Error(r.code);
            submitted.push({ code: r.value.code, chatId: team.chatId, commitAt: slot.commitAt });
          })().catch((e: unknown) => {
            failures.push(e instanceof Error ? e.message : String(e));
          }),
        );
      }
    })();

    // Follow the call at the fake (incrementally); stop when every recipient has its message,
    // when PostgreSQL has nothing of the call left to send, or at the time cap.
    const lo = CHAT_BASE;
    const hi = CHAT_BASE + plan.recipients;
    const perChat = new Map<number, number>();
    const callTimes: number[] = [];
    let scanned = seqStart;
    const marker = `志愿召集 ${code}`;
    const scan = (): void => {
      const all = fake.messages;
      for (; scanned < all.length; scanned++) {
        const m = all[scanned]!;
        if (m.method !== 'sendMessage' || m.chatId < lo || m.chatId >= hi || !(m.text ?? '').includes(marker)) continue;
        perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
        callTimes.push(m.at);
      }
    };
    const repos = new Repos(prisma);
    const capMs = Math.round(floorSeconds * 1500) + 30_000;
    let timedOut = false;
    let lastDbCheck = 0;
    try {
      await waitUntil(
        async () => {
          scan();
          if (perChat.size >= recipients) return true;
          if (Date.now() - lastDbCheck < 5000) return false;
          lastDbCheck = Date.now();
          ctx.assertAppsAlive();
          const d = await repos.calls.delivery(callId);
          const open = await prisma.sentMessage.count({ where: { purposeKey: { startsWith: `call.${callId}.m.` }, status: { in: ['pending', 'sending'] } } });
          // Everything queued and resolved (sent, failed or uncertain): nothing more will come.
          return d.queued === d.recipients && open === 0 && d.sent + d.failed + d.uncertain === d.recipients;
        },
        'every call message',
        capMs,
        100,
      );
    } catch {
      timedOut = true;
      ctx.note(`broadcast: stopped waiting after ${Math.round(capMs / 1000)} s with ${perChat.size} of ${recipients} recipients reached`);
    }
    scan();
    broadcasting = false;
    const endAt = Date.now();
    await needLoop;
    await Promise.all(inFlight);
    if (failures.length) ctx.note(`broadcast: ${failures.length} need submits failed: ${failures.slice(0, 3).join('; ')}`);
    const botCpu1 = processCpuMs(apps.bot.pid);
    const workerCpu1 = processCpuMs(apps.worker.pid);

    // Cards of the needs submitted during the broadcast (bounded wait for the last ones).
    const findCards = (): Map<string, SentMessage> => {
      const found = new Map<string, SentMessage>();
      const all = fake.messages;
      for (let i = seqStart; i < all.length; i++) {
        const m = all[i]!;
        if (m.method !== 'sendMessage' || m.chatId >= 0) continue;
        const c = /【新需求 (N-\d{8}-\d{4})】/.exec(m.text ?? '')?.[1];
        if (c && !found.has(c)) found.set(c, m);
      }
      return found;
    };
    let cards = findCards();
    try {
      await waitUntil(
        () => {
          cards = findCards();
          return submitted.every((s) => cards.has(s.code));
        },
        'the cards of the needs submitted during the broadcast',
        30_000,
        100,
      );
    } catch {
      ctx.note(`broadcast: ${submitted.filter((s) => !cards.has(s.code)).length} job cards did not arrive within 30 s of the broadcast's end`);
    }
    ctx.assertAppsAlive();
    const after = fake.stats;
    const cardMs = submitted.flatMap((s) => {
      const card = cards.get(s.code);
      return card ? [card.at - s.commitAt] : [];
    });
    const cardSummary = summarize(cardMs);

    // Figures.
    const delivery = await repos.calls.delivery(callId);
    const open = await prisma.sentMessage.count({ where: { purposeKey: { startsWith: `call.${callId}.m.` }, status: { in: ['pending', 'sending'] } } });
    const duplicates = [...perChat.values()].filter((n) => n > 1).length;
    const complete = perChat.size >= recipients && recipients > 0;
    const first = callTimes.length ? Math.min(...callTimes) : null;
    const last = callTimes.length ? Math.max(...callTimes) : null;
    const seconds = complete && last !== null ? (last - createdAt) / 1000 : null;
    const sorted = [...callTimes].sort((a, b) => a - b);
    let slowSeconds = 0;
    if (first !== null && last !== null) {
      const buckets = new Array<number>(Math.floor((last - first) / 1000) + 1).fill(0);
      for (const at of sorted) buckets[Math.floor((at - first) / 1000)]!++;
      // The last bucket is partial: leave it out.
      slowSeconds = buckets.slice(0, -1).filter((n) => n < 25).length;
    }
    const windowSends = fake.messages
      .slice(seqStart)
      .filter((m) => m.at >= createdAt && m.at <= (last ?? endAt))
      .map((m) => m.at);
    const result: BroadcastResult = {
      definition: BROADCAST_DEFINITION,
      recipients,
      seconds: seconds === null ? null : round(seconds, 1),
      floor_seconds: round(floorSeconds, 1) ?? 0,
      vs_floor: seconds === null ? null : round(seconds / floorSeconds, 3),
      achieved_rate_pct_of_30: seconds === null ? null : round((recipients / seconds / TELEGRAM_GLOBAL_PER_SECOND) * 100, 1),
      achieved_per_s: seconds === null ? null : round(recipients / seconds, 2),
      steady_per_s: first !== null && last !== null && last > first ? round((callTimes.length - 1) / ((last - first) / 1000), 2) : null,
      first_message_ms: first === null ? null : first - createdAt,
      status_429: after.status429 - before.status429,
      limit_breaches: after.limitBreaches - before.limitBreaches,
      rejected_by: rejectedDelta(before.rejectedBy, after.rejectedBy),
      duplicates,
      missing: recipients - perChat.size,
      delivery: {
        sent: delivery.sent,
        failed: delivery.failed,
        uncertain: delivery.uncertain,
        pending_or_sending: open,
        not_queued: delivery.recipients - delivery.queued,
      },
      other_channel_recipients: others,
      slow_seconds: slowSeconds,
      max_sends_in_1s: maxInWindow(windowSends, 1000),
      card_p50_during_ms: cardSummary.p50_ms,
      card_p95_during_ms: cardSummary.p95_ms,
      cards_during: {
        ...cardSummary,
        needs: submitted.length,
        missing_cards: submitted.length - cardMs.length,
        interval_ms: plan.needIntervalMs,
        groups: plan.groups,
      },
      other_sends_during: windowSends.length - callTimes.length,
      all_sends_per_s: last !== null && last > createdAt ? round(windowSends.length / ((last - createdAt) / 1000), 2) : null,
      bulk_per_second: bulkPerSecond,
      seed_ms: seedMs,
      create_ms: Math.round(createMs),
      bot_cpu_ms: botCpu0 !== null && botCpu1 !== null ? Math.round(botCpu1 - botCpu0) : null,
      worker_cpu_ms: workerCpu0 !== null && workerCpu1 !== null ? Math.round(workerCpu1 - workerCpu0) : null,
      timed_out: timedOut,
    };
    ctx.log(
      `  broadcast: ${perChat.size}/${recipients} in ${result.seconds ?? 'n/a'} s (floor ${result.floor_seconds} s, ${result.achieved_rate_pct_of_30 ?? 'n/a'} % of 30/s), ` +
        `429s ${result.status_429}, breaches ${result.limit_breaches}, duplicates ${duplicates}; cards during: ${cardMs.length}/${submitted.length}, p50 ${cardSummary.p50_ms} ms p95 ${cardSummary.p95_ms} ms`,
    );
    return result;
  },
});
