// The desk's own figures, measured through the running compiled apps where it matters:
//   ingest        webhook acknowledgement latency and rate at a fixed offered load (+ capacity)
//   card_latency  need committed → job card's sendMessage received by the fake Bot API
//   claim_race    50 simultaneous takes per trial on the real database; trials with ≠ 1 winner
import { nameColumns } from '@baiying/db';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ActorRow, PrismaClient } from '@baiying/db';
import type { Desk } from '@baiying/features';
import type { Work } from '@baiying/kernel';
import type { SentMessage } from '../tests/support/fake-telegram/fake-bot-api.js';
import type { BenchContext } from './support/context.js';
import { ingestPlan, measureIngest, SERIES, type CapacityFigures, type CostCounters, type FixedLoadFigures } from './support/ingest-protocol.js';
import { processCpuMs } from './support/processes.js';
import { section } from './support/section.js';
import { round, sleep, summarize, waitUntil, type LatencySummary } from './support/stats.js';
import { INGEST_MIX } from './support/updates.js';

// ───────────────────────────────── ingest ─────────────────────────────────

export const ACK_DEFINITION =
  'ack = one webhook POST (one update) from the bench poster to the bot, timed from the moment the update was due ' +
  "(open-loop schedule at the offered rate) to the end of the bot's 2xx response; the bot answers only after the update " +
  'was deduplicated (processed_update row) and handled in a committed PostgreSQL transaction. Up to 40 POSTs in flight ' +
  "(Telegram's default webhook max_connections), HTTP keep-alive, 127.0.0.1.";

export interface IngestResult extends FixedLoadFigures {
  ack_definition: string;
  mix: string;
  warmup_updates: number;
  max_connections: number;
  /** Measured updates whose processed_update row exists (acked ⇒ committed). */
  committed: number;
  acked_not_committed: number;
  /** Bot → fake sends accepted during the whole ingest section (replies, paced by the bot at ≤ 30/s). */
  replies_delivered_during_section: number;
  /** Outgoing messages still queued when the ingest section ended (Telegram's 30/s bot-wide cap). */
  replies_pending_after: number;
  fake_429: number;
  fake_limit_breaches: number;
  /** The fake's window rejections by rule (global 30/s, chat 1/s, group 20/min) during the section. */
  fake_rejected_by: Record<string, number>;
  capacity: CapacityFigures;
}

/** The bot's statement counter (its /metrics, loopback), the worker's CPU and the bench database's backends' CPU. */
async function costCounters(ctx: BenchContext, botPort: number, workerPid: number | undefined): Promise<CostCounters> {
  const metrics = await fetch(`http://127.0.0.1:${botPort}/metrics`)
    .then((r) => r.text())
    .catch(() => null);
  const sum = (name: string): number | null => {
    if (metrics === null) return null;
    let total: number | null = null;
    for (const m of metrics.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+(?:\\.\\d+)?(?:e\\+\\d+)?)$`, 'gm'))) total = (total ?? 0) + Number(m[1]);
    return total;
  };
  const dbName = new URL(ctx.databaseUrl).pathname.slice(1);
  const rows = await ctx.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${dbName}`;
  const dbCpuMs = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== null) dbCpuMs.set(pid, ms);
  }
  return {
    botStatements: sum('baiying_db_statements_sent'),
    workerCpuMs: processCpuMs(workerPid),
    dbCpuMs: rows.length > 0 ? dbCpuMs : null,
    // Absent until the first wait: none yet is 0, not unknown.
    pacingWaits: metrics === null ? null : (sum('baiying_pacing_waits_total') ?? 0),
  };
}

/** Waits until nothing is left to send, so a section's figures do not include an earlier one's backlog. */
export async function settleOutbound(
  ctx: BenchContext,
  timeoutMs = 45_000,
  what = "ingest: the warm-up's replies had not all been sent after 45 s; the light-load phase ran beside them",
): Promise<void> {
  const started = Date.now();
  try {
    await waitUntil(async () => (await ctx.prisma.sentMessage.count({ where: { status: 'pending' } })) === 0, 'the outbound queue to drain', timeoutMs, 200);
    ctx.log(`  outbound queue drained in ${Date.now() - started} ms`);
  } catch {
    ctx.note(what);
  }
}

export const ingestSection = section<IngestResult>({
  key: 'ingest',
  title: 'Ingest (our bot, webhook)',
  apps: 'running',
  async run(ctx: BenchContext): Promise<IngestResult> {
    const apps = await ctx.startApps();
    const fake = await ctx.fake();
    const plan = ingestPlan(ctx.quick);
    const before = fake.stats;
    const sendsAtStart = fake.messages.length;
    const figures = await measureIngest(
      {
        url: apps.webhookUrl,
        secretToken: ctx.webhookSecret,
        cpuMs: () => processCpuMs(apps.bot.pid),
        counters: () => costCounters(ctx, apps.botPort, apps.worker.pid),
        assertAlive: () => ctx.assertAppsAlive(),
        settle: () => settleOutbound(ctx),
      },
      plan,
      (l) => ctx.log(l),
    );
    const after = fake.stats;
    // Every acked update must have been committed: check the dedup rows of the measured series.
    let committed = 0;
    // Update markers name the receiving bot: `<getMe id>:<update_id>`.
    const ids = Array.from({ length: plan.measuredUpdates }, (_, i) => `${fake.botInfo.id}:${900_000_000 + SERIES.measured + i}`);
    for (let i = 0; i < ids.length; i += 1000) {
      committed += await ctx.prisma.processedUpdate.count({ where: { channel: 'telegram', updateId: { in: ids.slice(i, i + 1000) } } });
    }
    const pending = await ctx.prisma.sentMessage.count({ where: { status: 'pending' } });
    return {
      ...figures.fixed,
      ack_definition: ACK_DEFINITION,
      mix: INGEST_MIX,
      warmup_updates: plan.warmupUpdates,
      max_connections: plan.maxConnections,
      committed,
      acked_not_committed: Math.max(0, figures.fixed.acked - committed),
      replies_delivered_during_section: fake.messages.length - sendsAtStart,
      replies_pending_after: pending,
      fake_429: after.status429 - before.status429,
      fake_limit_breaches: after.limitBreaches - before.limitBreaches,
      fake_rejected_by: rejectedDelta(before.rejectedBy, after.rejectedBy),
      capacity: figures.capacity,
    };
  },
});

// ───────────────────────────────── need → card ─────────────────────────────────

export const CARD_DEFINITION =
  "card latency = time the job card's sendMessage was accepted by the fake Bot API (its `at`, Date.now()) − time the need's " +
  'submit transaction committed in the bench process (Date.now() right after prisma.$transaction resolved, before the ' +
  'route-need job is published). Path: bench → Redis → worker (route-need, one transaction) → Redis → bot outbound ' +
  '(pacing check, sendMessage) → fake. Same clock (the fake runs in the bench process); 1 ms resolution.';

export interface CardLatencyResult extends LatencySummary {
  definition: string;
  needs: number;
  cards_seen: number;
  missing_cards: number;
  groups: number;
  per_group_interval_ms: number;
  offered_needs_per_s: number | null;
  pacing_plan: string;
  /** Cards that met a non-empty Telegram window in the fake (another send to the chat < 1 s before, ≥ 19 in the group's last minute, ≥ 29 bot-wide in the last second): they may include a pacing wait. */
  cards_possibly_paced: number;
  /** Latency without the cards_possibly_paced ones (equals the main figures when that is 0). */
  unpaced: LatencySummary;
  /** Bench-side cost of the submit transaction + publishing the route job. */
  submit_ms: LatencySummary;
  /** Split of the latency at the dispatch row's createdAt (set by the worker's Prisma client, ms resolution): commit → routing transaction under way … */
  commit_to_dispatch_row: LatencySummary;
  /** … → card accepted by the fake (routing commit, send-message job, pacing check, sendMessage). */
  dispatch_row_to_card: LatencySummary;
  fake_429: number;
  fake_limit_breaches: number;
  fake_rejected_by: Record<string, number>;
}

export function rejectedDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]));
}

/** A Prisma client whose $transaction notes when it committed, into the caller's async context. */
export function commitTimingPrisma(prisma: PrismaClient, store: AsyncLocalStorage<{ commitAt: number }>): PrismaClient {
  return new Proxy(prisma, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop !== '$transaction') return fn.bind(target);
      return async (...args: unknown[]): Promise<unknown> => {
        const result = await fn.apply(target, args);
        const slot = store.getStore();
        if (slot) slot.commitAt = Date.now();
        return result;
      };
    },
  });
}

/** One ordinary need (an elderly haircut) at a bench station, as a Telegram resident submits it. */
export function submitBenchNeed(desk: Desk, w: Work, resident: ActorRow, stationId: string, label: string) {
  return desk.intake.submit.execute(w, resident, {
    channel: 'telegram',
    description: `${label}：我家老人腿脚不便，想找人上门理发`,
    truncated: false,
    categoryCode: 'elderly',
    stationId,
    address: '幸福小区3号楼2单元501',
    location: null,
    wantedTime: '明天上午',
    phone: '13912345678',
    beneficiary: 'elderly',
    urgency: 'normal',
    attachments: [],
  });
}

export interface BenchTeam {
  teamCode: string;
  stationId: string;
  chatId: number;
}

/**
 * Bench-only stations under 东湖镇 (I-DH), one elderly-care team each, so each need goes to exactly one group.
 * `tag` keeps the codes, names and group chat ids of different sections apart (same run, same database).
 */
export async function createBenchTeams(ctx: BenchContext, count: number, tag = 'BN', name = '压测站', chatIdBase = -1_002_000_000_000): Promise<BenchTeam[]> {
  const prisma = ctx.prisma;
  const parent = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
  const teams: BenchTeam[] = [];
  for (let g = 1; g <= count; g++) {
    const pad = String(g).padStart(2, '0');
    const unit = await prisma.orgUnit.create({
      data: { code: `S-${tag}${pad}`, name: `${name}${pad}`, tier: 'station', parentId: parent.id, aliases: [], path: '' },
    });
    await prisma.orgUnit.update({ where: { id: unit.id }, data: { path: `${parent.path}${unit.id}/` } });
    const team = await prisma.team.create({
      data: { code: `S-${tag}${pad}-ELDER`, name: `${name}${pad}为老服务队`, categoryCode: 'elderly', orgUnitId: unit.id },
    });
    teams.push({ teamCode: team.code, stationId: unit.id, chatId: chatIdBase - g });
  }
  return teams;
}

function cardPlan(quick: boolean): { groups: number; needs: number; perGroupIntervalMs: number; residents: number } {
  // 4 s per group keeps each group at 15 cards/min (< 20/min) and ≥ 1 s apart, with room for the bind reply.
  return quick ? { groups: 12, needs: 36, perGroupIntervalMs: 4000, residents: 24 } : { groups: 16, needs: 240, perGroupIntervalMs: 4000, residents: 48 };
}

/** Whether a Telegram window was non-empty when `card` was sent (so the bot's pacing could have held it). */
function possiblyPaced(card: SentMessage, all: readonly SentMessage[]): boolean {
  let chatLastSecond = 0;
  let chatLastMinute = 0;
  let globalLastSecond = 0;
  for (const m of all) {
    if (m.seq >= card.seq) break;
    const age = card.at - m.at;
    if (age < 0 || age > 60_000) continue;
    if (m.chatId === card.chatId) {
      chatLastMinute++;
      if (age < 1050) chatLastSecond++;
    }
    if (age < 1050) globalLastSecond++;
  }
  return chatLastSecond > 0 || chatLastMinute >= 19 || globalLastSecond >= 29;
}

export const cardLatencySection = section<CardLatencyResult>({
  key: 'card_latency',
  title: 'Need → job card',
  apps: 'running',
  async run(ctx: BenchContext): Promise<CardLatencyResult> {
    const plan = cardPlan(ctx.quick);
    const fake = await ctx.fake();
    await ctx.startApps();
    const prisma = ctx.prisma;

    // Teams, a coordinator who may bind them, residents.
    const teams = await createBenchTeams(ctx, plan.groups);
    const institute = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    const coordinator = { id: 880_001, first_name: '压测协调员' };
    await prisma.person.create({
      data: {
        ...nameColumns(ctx.cipher, coordinator.first_name),
        identities: { create: { channel: 'telegram', externalId: String(coordinator.id), chatId: String(coordinator.id) } },
        roles: { create: { role: 'coordinator', orgUnitId: institute.id } },
      },
    });
    const residents: ActorRow[] = [];
    for (let r = 0; r < plan.residents; r++) {
      const uid = String(881_000 + r);
      residents.push(await ctx.desk.uow.run((w) => w.repos.people.resolve('telegram', uid, uid, `压测居民${r}`, null)));
    }

    // Bind every group through the bot, as a coordinator would: /bindteam in the group.
    const bindFrom = fake.messages.length;
    for (const t of teams) fake.sendText(coordinator, { id: t.chatId, type: 'supergroup', title: `${t.teamCode} 群` }, `/bindteam ${t.teamCode}`);
    await Promise.all(teams.map((t) => fake.waitFor({ chatId: t.chatId, text: /已绑定到队伍/ }, { fromSeq: bindFrom, timeoutMs: 60_000 })));
    const bound = await prisma.teamChat.count({ where: { channel: 'telegram', team: { code: { in: teams.map((t) => t.teamCode) } } } });
    if (bound !== teams.length) throw new Error(`only ${bound} of ${teams.length} groups bound`);
    ctx.log(`  ${teams.length} groups bound through /bindteam`);
    // The bind reply was a send in each group: keep the next one ≥ 1 s away (Telegram's per-chat limit).
    await sleep(1500);

    // Submit needs on a fixed schedule: need k at k × interval/groups, to group k mod groups.
    const store = new AsyncLocalStorage<{ commitAt: number }>();
    const timedDesk = ctx.deskOn(commitTimingPrisma(prisma, store));
    const spacingMs = plan.perGroupIntervalMs / plan.groups;
    const before = fake.stats;
    const submitted: Array<{ code: string; chatId: number; commitAt: number; submitMs: number }> = [];
    const failures: string[] = [];
    const inFlight: Array<Promise<void>> = [];
    const t0 = performance.now();
    ctx.log(`  submitting ${plan.needs} needs, one every ${spacingMs.toFixed(0)} ms (${plan.perGroupIntervalMs} ms per group)`);
    for (let k = 0; k < plan.needs; k++) {
      const dueIn = t0 + k * spacingMs - performance.now();
      if (dueIn > 0) await sleep(dueIn);
      const team = teams[k % teams.length]!;
      const resident = residents[k % residents.length]!;
      inFlight.push(
        (async () => {
          const slot = { commitAt: 0 };
          const started = performance.now();
          const r = await store.run(slot, () => timedDesk.uow.run((w) => submitBenchNeed(timedDesk, w, resident, team.stationId, `压测需求 ${k}`)));
          if (!r.ok) throw new Error(r.code);
          submitted.push({ code: r.value.code, chatId: team.chatId, commitAt: slot.commitAt, submitMs: performance.now() - started });
        })().catch((e: unknown) => {
          failures.push(e instanceof Error ? e.message : String(e));
        }),
      );
    }
    await Promise.all(inFlight);
    if (failures.length) throw new Error(`${failures.length} submits failed: ${failures.slice(0, 3).join('; ')}`);
    const offeredPerS = plan.needs / ((performance.now() - t0) / 1000);

    // Wait (bounded) for every card, then match cards to needs by code and group.
    const find = (): Map<string, SentMessage> => {
      const found = new Map<string, SentMessage>();
      for (const m of fake.messages) {
        if (m.method !== 'sendMessage' || m.chatId >= 0) continue;
        const code = /【新需求 (N-\d{8}-\d{4})】/.exec(m.text ?? '')?.[1];
        if (code && !found.has(code)) found.set(code, m);
      }
      return found;
    };
    let cards = find();
    try {
      await waitUntil(
        () => {
          cards = find();
          return submitted.every((s) => cards.has(s.code));
        },
        'every job card',
        60_000,
        100,
      );
    } catch {
      ctx.note(`card_latency: ${submitted.filter((s) => !cards.has(s.code)).length} cards did not arrive within 60 s`);
    }
    ctx.assertAppsAlive();
    const after = fake.stats;

    const dispatches = await prisma.dispatch.findMany({
      where: { need: { code: { in: submitted.map((x) => x.code) } } },
      select: { createdAt: true, need: { select: { code: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const dispatchAt = new Map<string, number>();
    for (const d of dispatches) if (!dispatchAt.has(d.need.code)) dispatchAt.set(d.need.code, d.createdAt.getTime());
    const toDispatch: number[] = [];
    const toCard: number[] = [];
    const latencies: number[] = [];
    const unpaced: number[] = [];
    let paced = 0;
    let wrongGroup = 0;
    for (const s of submitted) {
      const card = cards.get(s.code);
      if (!card) continue;
      if (card.chatId !== s.chatId) wrongGroup++;
      const ms = card.at - s.commitAt;
      latencies.push(ms);
      const d = dispatchAt.get(s.code);
      if (d !== undefined) {
        toDispatch.push(d - s.commitAt);
        toCard.push(card.at - d);
      }
      if (possiblyPaced(card, fake.messages)) paced++;
      else unpaced.push(ms);
    }
    if (wrongGroup) ctx.note(`card_latency: ${wrongGroup} cards went to an unexpected group`);
    const summary = summarize(latencies);
    ctx.log(
      `  cards: ${latencies.length}/${submitted.length}, p50 ${summary.p50_ms} ms p95 ${summary.p95_ms} ms p99 ${summary.p99_ms} ms, possibly paced ${paced}`,
    );
    return {
      definition: CARD_DEFINITION,
      ...summary,
      needs: submitted.length,
      cards_seen: latencies.length,
      missing_cards: submitted.length - latencies.length,
      groups: plan.groups,
      per_group_interval_ms: plan.perGroupIntervalMs,
      offered_needs_per_s: round(offeredPerS, 2),
      pacing_plan:
        `needs spread round-robin over ${plan.groups} bound team groups (one bench station + elderly team each), ` +
        `one need per group every ${plan.perGroupIntervalMs / 1000} s = ${60_000 / plan.perGroupIntervalMs} cards/min/group, under Telegram's ` +
        `20/min per group and 1/s per chat, and ${round((plan.groups * 1000 * 2) / plan.perGroupIntervalMs, 1)} sends/s bot-wide (card + resident notice) under 30/s; ` +
        "the bot's pacing (Redis windows) then has nothing to wait for, and cards_possibly_paced audits that from the fake's log.",
      cards_possibly_paced: paced,
      unpaced: summarize(unpaced),
      submit_ms: summarize(submitted.map((s) => s.submitMs)),
      commit_to_dispatch_row: summarize(toDispatch),
      dispatch_row_to_card: summarize(toCard),
      fake_429: after.status429 - before.status429,
      fake_limit_breaches: after.limitBreaches - before.limitBreaches,
      fake_rejected_by: rejectedDelta(before.rejectedBy, after.rejectedBy),
    };
  },
});

// ───────────────────────────────── claim race ─────────────────────────────────

export interface ClaimRaceResult {
  trials: number;
  /** Trials whose outcome in the database was not exactly one winner (claims rows ≠ 1, or need not claimed by that claimant). */
  double_winners: number;
  pressers_per_trial: number;
  trials_with_more_than_one_claim: number;
  trials_with_no_claim: number;
  /** Trials where the take() results disagreed with the database (winners reported ≠ claims rows). */
  result_mismatches: number;
  /** Losers whose answer was not need/already_taken. */
  unexpected_loser_codes: Record<string, number>;
  trial_ms: LatencySummary;
  definition: string;
}

export const claimRaceSection = section<ClaimRaceResult>({
  key: 'claim_race',
  title: 'Claim race',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<ClaimRaceResult> {
    const PRESSERS = 50;
    const trials = ctx.quick ? 25 : 200;
    const { prisma, desk } = ctx;
    const team = await prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const stationId = team.orgUnitId;
    // The demo seed ran without web groups: give the team a (web) group so routing reaches it.
    await prisma.teamChat.upsert({
      where: { channel_chatId: { channel: 'web', chatId: 'g-S-XF-ELDER' } },
      create: { teamId: team.id, channel: 'web', chatId: 'g-S-XF-ELDER', title: team.name },
      update: {},
    });
    const resident = await desk.uow.run((w) => w.repos.people.resolve('web', 'race-resident', 'race-resident', '居民', null));
    const volunteers: ActorRow[] = [];
    for (let i = 0; i < PRESSERS; i++) {
      const person = await prisma.person.create({
        data: {
          ...nameColumns(ctx.cipher, `志愿者${i}`),
          identities: { create: { channel: 'web', externalId: `race-vol-${i}`, chatId: `race-vol-${i}` } },
          volunteer: { create: { stationId, status: 'approved', memberships: { create: { teamId: team.id, status: 'approved' } } } },
        },
      });
      volunteers.push(await desk.uow.run((w) => w.repos.people.actor(person.id)));
    }
    let bad = 0;
    let many = 0;
    let none = 0;
    let mismatches = 0;
    const loserCodes: Record<string, number> = {};
    const trialMs: number[] = [];
    const deadline = Date.now() + (ctx.quick ? 60_000 : 300_000);
    let done = 0;
    for (let trial = 0; trial < trials && Date.now() < deadline; trial++) {
      const need = await desk.uow.run(async (w) => {
        const r = await desk.intake.submit.execute(w, resident, {
          channel: 'web',
          description: `race ${trial}`,
          truncated: false,
          categoryCode: 'elderly',
          stationId,
          address: null,
          location: null,
          wantedTime: null,
          phone: null,
          beneficiary: 'elderly',
          urgency: 'normal',
          attachments: [],
        });
        if (!r.ok) throw new Error(r.code);
        return r.value;
      });
      await desk.uow.run((w) => desk.routing.route.execute(w, { needId: need.id }));
      const dispatch = await prisma.dispatch.findFirstOrThrow({ where: { needId: need.id, status: 'open' } });
      const started = performance.now();
      const via = { channel: 'web' as const, chatId: 'g-S-XF-ELDER', chat: 'group' as const };
      const results = await Promise.all(
        volunteers.map((v) => desk.uow.run((w) => desk.claims.take.execute(w, v, { target: { dispatchId: dispatch.id }, via }))),
      );
      trialMs.push(performance.now() - started);
      const winners = results.filter((r) => r.ok).length;
      for (const r of results) if (!r.ok && r.code !== 'need/already_taken') loserCodes[r.code] = (loserCodes[r.code] ?? 0) + 1;
      const claims = await prisma.claim.findMany({ where: { needId: need.id } });
      const row = await prisma.need.findUniqueOrThrow({ where: { id: need.id } });
      const single = claims.length === 1 && row.status === 'claimed' && row.claimedById === claims[0]!.volunteerId;
      if (!single) bad++;
      if (claims.length > 1) many++;
      if (claims.length === 0) none++;
      if (winners !== claims.length) mismatches++;
      done++;
    }
    if (done < trials) ctx.note(`claim_race: stopped after ${done} of ${trials} trials (time cap)`);
    ctx.log(`  claim race: ${done} trials × ${PRESSERS} presses, ${bad} without exactly one winner`);
    return {
      trials: done,
      double_winners: bad,
      pressers_per_trial: PRESSERS,
      trials_with_more_than_one_claim: many,
      trials_with_no_claim: none,
      result_mismatches: mismatches,
      unexpected_loser_codes: loserCodes,
      trial_ms: summarize(trialMs),
      definition:
        `per trial: a need is submitted and routed to S-XF-ELDER, then ${PRESSERS} approved members call desk.claims.take.execute on its open ` +
        'dispatch at once (each in its own transaction, pool of 20 connections); the trial counts in double_winners unless the ' +
        'database holds exactly one claim row and the need is claimed by that volunteer.',
    };
  },
});
