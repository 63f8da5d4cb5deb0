// call_answers: N recipients of one call answer within a window (first answers spread evenly over
// it; a mix of yes, no and changes of mind), each answer through the desk's real use case
// (desk.calls.answer in its own transaction, as the bot's button handler runs it) on the bench
// database. Reports how long until every answer was processed, answers/s, the answer→reply
// latency, and whether the outcome equals a sequential model (counts, the waiting list's order
// and no overfill). The apps are stopped: the call's own messages stay queued (not measured).
import { performance } from 'node:perf_hooks';
import { seedBulkVolunteers, type ActorRow } from '@baiying/db';
import { answerOutcome, type RosterStatus } from '@baiying/domain';
import type { CallDraft } from '@baiying/features';
import type { BenchContext } from './support/context.js';
import { section } from './support/section.js';
import { round, sleep, summarize, type LatencySummary } from './support/stats.js';

export const CALL_ANSWERS_DEFINITION =
  'N approved volunteers (one team) are recipients of one call (headcount N/5); volunteer i answers by script i mod 5 ' +
  '(yes; no; yes then no; no then yes; yes twice), its first answer due at i/N × window, its second right after the ' +
  'first; at most 40 answers in flight (the webhook connections), each desk.calls.answer in its own transaction in ' +
  'the bench process (the use case and transaction the bot runs for the button; not the webhook and engine around it). ' +
  'seconds = first answer due → last answer committed; answers_per_s = answers ÷ seconds; answer_reply = answer due → ' +
  'its transaction committed (the reply is queued in that transaction; sending it, paced at 30/s, is not included); ' +
  "exact = no answer failed, the roster counts equal the sequential model, the roster seqs (the waiting list's " +
  "order) are exactly 1..(yes steps) with the call's answerSeq equal to it, and confirmed never exceeded the headcount " +
  '(also sampled every 200 ms during the run).';

export interface CallAnswersResult {
  definition: string;
  recipients: number;
  answers: number;
  window_seconds: number;
  seconds: number | null;
  answers_per_s: number | null;
  answer_reply_p95_ms: number | null;
  answer_reply: LatencySummary;
  exact: boolean;
  failures: number;
  counts: Record<RosterStatus, number>;
  model: Record<RosterStatus, number>;
  target: string;
}

const TEAM = 'S-HP-ELDER';
const IN_FLIGHT = 40;
const script = (i: number): boolean[] => [[true], [false], [true, false], [false, true], [true, true]][i % 5]!;
const emptyCounts = (): Record<RosterStatus, number> => ({ none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 });

function sequentialModel(n: number, headcount: number): { counts: Record<RosterStatus, number>; yesSteps: number } {
  const state: RosterStatus[] = Array.from({ length: n }, () => 'none');
  const waiting: number[] = [];
  let confirmed = 0;
  let yesSteps = 0;
  for (let i = 0; i < n; i++) {
    for (const yes of script(i)) {
      const cur = state[i]!;
      const o = answerOutcome(cur, yes, confirmed - (cur === 'confirmed' ? 1 : 0), headcount);
      if (o.kind === 'unchanged') continue;
      if (o.kind === 'confirmed' || o.kind === 'waitlisted') {
        yesSteps++;
        if (o.kind === 'confirmed') confirmed++;
        else waiting.push(i);
      }
      if (o.kind === 'withdrawn') {
        if (cur === 'waitlisted') waiting.splice(waiting.indexOf(i), 1);
        if (o.promote) {
          confirmed--;
          const next = waiting.shift();
          if (next !== undefined) {
            state[next] = 'confirmed';
            confirmed++;
          }
        }
      }
      state[i] = o.kind;
    }
  }
  const counts = emptyCounts();
  for (const s of state) counts[s]++;
  return { counts, yesSteps };
}

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
    const latencies: number[] = [];
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
    const start = performance.now() + 200;
    await Promise.all(
      vols.map(async (v, i) => {
        const due = start + (i / n) * windowSeconds * 1000;
        await sleep(Math.max(0, due - performance.now()));
        let from = due;
        for (const yes of script(i)) {
          const r = await gate(() => ctx.desk.uow.run((w) => ctx.desk.calls.answer.execute(w, v, { callId, yes }))).catch(() => null);
          const at = performance.now();
          if (!r || !r.ok) failures++;
          latencies.push(at - from);
          lastCommit = Math.max(lastCommit, at);
          from = at;
        }
      }),
    );
    storming = false;
    await sampler;
    const seconds = (lastCommit - start) / 1000;

    const rows = await prisma.callRecipient.findMany({ where: { callId }, select: { personId: true, roster: true, rosterSeq: true } });
    const counts = emptyCounts();
    for (const r of rows) counts[r.roster]++;
    const model = sequentialModel(n, headcount);
    const expected = { ...model.counts, none: model.counts.none + (recipients - n) };
    const seqs = rows.filter((r) => r.rosterSeq !== null).map((r) => r.rosterSeq!);
    const seqsExact = [...seqs].sort((a, b) => a - b).every((s, k) => s === k + 1) && seqs.length === model.yesSteps;
    const call = await prisma.call.findUniqueOrThrow({ where: { id: callId }, select: { answerSeq: true } });
    const countsExact = (Object.keys(counts) as RosterStatus[]).every((k) => counts[k] === expected[k]);
    const exact =
      failures === 0 && countsExact && seqsExact && call.answerSeq === model.yesSteps && mostConfirmed <= headcount && counts.confirmed <= headcount;
    const lat = summarize(latencies);
    ctx.log(`  ${latencies.length} answers processed in ${seconds.toFixed(1)} s; answer→reply p95 ${lat.p95_ms} ms; exact ${exact}`);
    return {
      definition: CALL_ANSWERS_DEFINITION,
      recipients,
      answers: latencies.length,
      window_seconds: windowSeconds,
      seconds: round(seconds, 1),
      answers_per_s: seconds > 0 ? round(latencies.length / seconds, 1) : null,
      answer_reply_p95_ms: lat.p95_ms,
      answer_reply: lat,
      exact,
      failures,
      counts,
      model: expected,
      target: `${n} recipients answering within ${windowSeconds} s all processed in ≤ ${windowSeconds * 1.5} s, exact`,
    };
  },
});
