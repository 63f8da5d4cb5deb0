// call_answers: N recipients of one call answer within a window (first answers spread evenly over
// it; a mix of yes, no and changes of mind), each press recorded through the desk's real use case
// (desk.calls.answer in its own transaction, as the bot's button handler runs it) while the call's
// consumer (the worker's call-answers job handler, run here) applies them in batches, on the bench
// database. Reports how long until every answer was applied, answers/s, the answer→reply
// latency, and whether the outcome equals the sequential model (every person's place and number,
// the counts, no overfill). The apps are stopped: the call's own messages stay queued (not measured).
import { performance } from 'node:perf_hooks';
import { seedBulkVolunteers, type ActorRow } from '@baiying/db';
import type { RosterStatus } from '@baiying/domain';
import { drainPresses, type CallDraft } from '@baiying/features';
import { emptyCounts, replayPresses } from '../tests/support/call-model.js';
import type { BenchContext } from './support/context.js';
import { section } from './support/section.js';
import { round, sleep, summarize, type LatencySummary } from './support/stats.js';

export const CALL_ANSWERS_DEFINITION =
  'N approved volunteers (one team) are recipients of one call (headcount N/5); volunteer i answers by script i mod 5 ' +
  '(yes; no; yes then no; no then yes; yes twice), its first answer due at i/N × window, its second right after the ' +
  'first (recorded); at most 40 presses in flight (the webhook connections), each desk.calls.answer (records the press) ' +
  'in its own transaction in the bench process (the use case and transaction the bot runs for the button; not the ' +
  "webhook and engine around it), while the call's consumer (drainPresses, the worker's call-answers handler, run in " +
  'the bench process every CALL_ANSWER_BATCH_MS) applies them in batches. seconds = first answer due → last answer ' +
  'applied (committed); answers_per_s = answers ÷ seconds; answer_reply = answer due → the batch that applied it ' +
  'committed (its reply is queued in that transaction; sending it, paced, is not included); exact = no press refused, ' +
  "every person's roster state and number (the waiting list's order), the counts and the call's answerSeq equal the " +
  'sequential model (the presses replayed one at a time in the order applied, tests/support/call-model.ts), and ' +
  'confirmed never exceeded the headcount (also sampled every 200 ms during the run).';

export interface CallAnswersResult {
  definition: string;
  recipients: number;
  answers: number;
  window_seconds: number;
  seconds: number | null;
  answers_per_s: number | null;
  answer_reply_p95_ms: number | null;
  answer_reply: LatencySummary;
  /** Press due → recorded (committed): what the bot's acknowledgement waits for. */
  press_ack: LatencySummary;
  /** Batches the consumer applied, and the bench process's CPU (recording and applying) per answer. */
  batches: number;
  cpu_ms_per_answer: number;
  exact: boolean;
  failures: number;
  counts: Record<RosterStatus, number>;
  model: Record<RosterStatus, number>;
  target: string;
}

const TEAM = 'S-HP-ELDER';
const IN_FLIGHT = 40;
const script = (i: number): boolean[] => [[true], [false], [true, false], [false, true], [true, true]][i % 5]!;

export const callAnswersSection = section<CallAnswersResult>({
  key: 'call_answers',
  title: 'Call answers (one call, N recipients answering within a window)',
  apps: 'stopped',
  async run(ctx: BenchContext): Promise<CallAnswersResult> {
    const n = ctx.quick ? 1000 : 10_000;
    const windowSeconds = ctx.quick ? 6 : 60;
    const headcount = n / 5;
    const prisma = ctx.prisma;
    let t = Date.now();
    const seeded = await seedBulkVolunteers(prisma, {
      cipher: ctx.cipher,
      count: n,
      stationCodes: ['S-HP'],
      teamCode: TEAM,
      chatIdBase: 7_300_000_000,
      namePrefix: '应答志愿者',
    });
    ctx.log(`  ${n} volunteers of ${TEAM} seeded in ${Date.now() - t} ms`);
    const vols: ActorRow[] = seeded.map((s) => ({
      personId: s.personId,
      displayName: '应答志愿者',
      locale: 'zh',
      localeSource: 'default',
      coordinatorUnitIds: [],
      volunteer: { status: 'approved', stationId: '', teamIds: [] },
    }));
    const identity = await prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-county' } } });
    const coordinator = await ctx.desk.uow.run((w) => w.repos.people.actor(identity.personId));
    const startsAt = new Date(Date.now() + 24 * 3_600_000);
    const draft: CallDraft = {
      title: '压测召集：应答',
      description: '请确认能否参加。',
      placeText: '清溪县新时代文明实践中心',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      headcount,
      audience: { teamCodes: [TEAM] },
    };
    t = Date.now();
    const created = await ctx.desk.uow.run((w) => ctx.desk.calls.create.execute(w, coordinator, draft));
    if (!created.ok) throw new Error(`call not created: ${created.code}`);
    const { callId } = created.value;
    const recipients = await prisma.callRecipient.count({ where: { callId } });
    ctx.log(`  call created with ${recipients} recipients in ${Date.now() - t} ms; answering over ${windowSeconds} s`);

    let inFlight = 0;
    const waiters: Array<() => void> = [];
    const gate = async <T>(fn: () => Promise<T>): Promise<T> => {
      while (inFlight >= IN_FLIGHT) await new Promise<void>((r) => waiters.push(r));
      inFlight++;
      try {
        return await fn();
      } finally {
        inFlight--;
        waiters.shift()?.();
      }
    };
    // due time of each recorded press (by id), and its answer→applied latency once a batch commits
    const dueOf = new Map<bigint, number>();
    const latencies: number[] = [];
    const acks: number[] = [];
    let batches = 0;
    const cpu0 = process.cpuUsage();
    let failures = 0;
    let lastCommit = 0;
    let mostConfirmed = 0;
    let storming = true;
    const sampler = (async () => {
      while (storming) {
        mostConfirmed = Math.max(mostConfirmed, await prisma.callRecipient.count({ where: { callId, roster: 'confirmed' } }));
        await sleep(200);
      }
    })();
    const onBatch = (a: { outcomes: Map<bigint, string> }) => {
      const at = performance.now();
      if (a.outcomes.size) batches++;
      for (const [id, outcome] of a.outcomes) {
        if (outcome.includes('/')) failures++;
        latencies.push(at - (dueOf.get(id) ?? at));
        lastCommit = Math.max(lastCommit, at);
      }
    };
    // The worker's job: one drain per batch window while answers arrive (a job per slot).
    let recording = true;
    const consumer = (async () => {
      while (recording) {
        await drainPresses(ctx.desk.uow, ctx.desk.calls.applyAnswers, callId, onBatch);
        await sleep(ctx.config.calls.answerBatchMs);
      }
      await drainPresses(ctx.desk.uow, ctx.desk.calls.applyAnswers, callId, onBatch);
    })();
    const start = performance.now() + 200;
    await Promise.all(
      vols.map(async (v, i) => {
        const due = start + (i / n) * windowSeconds * 1000;
        await sleep(Math.max(0, due - performance.now()));
        let from = due;
        for (const yes of script(i)) {
          const r = await gate(() => ctx.desk.uow.run((w) => ctx.desk.calls.answer.execute(w, v, { callId, yes }))).catch(() => null);
          if (!r || !r.ok) failures++;
          else dueOf.set(r.value.pressId, from);
          acks.push(performance.now() - from);
          from = performance.now();
        }
      }),
    );
    recording = false;
    await consumer;
    const cpu = process.cpuUsage(cpu0);
    storming = false;
    await sampler;
    const seconds = (lastCommit - start) / 1000;

    const rows = await prisma.callRecipient.findMany({ where: { callId }, select: { personId: true, roster: true, rosterSeq: true } });
    const counts = emptyCounts();
    for (const r of rows) counts[r.roster]++;
    const presses = await prisma.callPress.findMany({ where: { callId }, orderBy: { applyOrder: 'asc' }, select: { personId: true, yes: true } });
    const model = replayPresses(
      rows.map((r) => r.personId),
      presses,
      headcount,
    );
    const expected = model.counts;
    const placesExact = rows.every((r) => {
      const m = model.places.get(r.personId)!;
      return m.roster === r.roster && (m.seq ?? null) === r.rosterSeq;
    });
    const call = await prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { answerSeq: true } });
    const countsExact = (Object.keys(counts) as RosterStatus[]).every((k) => counts[k] === expected[k]);
    const exact =
      failures === 0 &&
      presses.length === latencies.length &&
      countsExact &&
      placesExact &&
      call.answerSeq === model.answerSeq &&
      model.mostConfirmed <= headcount &&
      mostConfirmed <= headcount &&
      counts.confirmed <= headcount;
    const lat = summarize(latencies);
    const ack = summarize(acks);
    const cpuPerAnswer = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length)) * 100) / 100;
    ctx.log(
      `  ${latencies.length} answers applied in ${seconds.toFixed(1)} s (${batches} batches); answer→reply p95 ${lat.p95_ms} ms; press ack p95 ${ack.p95_ms} ms; ` +
        `bench process CPU ${cpuPerAnswer} ms per answer; exact ${exact}`,
    );
    return {
      definition: CALL_ANSWERS_DEFINITION,
      recipients,
      answers: latencies.length,
      window_seconds: windowSeconds,
      seconds: round(seconds, 1),
      answers_per_s: seconds > 0 ? round(latencies.length / seconds, 1) : null,
      answer_reply_p95_ms: lat.p95_ms,
      answer_reply: lat,
      press_ack: ack,
      batches,
      cpu_ms_per_answer: cpuPerAnswer,
      exact,
      failures,
      counts,
      model: expected,
      target: `${n} recipients answering within ${windowSeconds} s all processed in ≤ ${windowSeconds * 1.5} s, exact`,
    };
  },
});
