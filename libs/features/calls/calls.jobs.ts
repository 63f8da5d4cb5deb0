// The calls' jobs: the fan-out (a long-running job that tops up the bulk lane, then waits for
// it to drain), the debounced tally refresh, and the timers; the reconciler resumes unfinished
// fan-outs and re-creates timers from PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { Repos, type PrismaClient } from '@baiying/db';
import type { AppConfig } from '@baiying/config';
import type { FeatureJobs, UnitOfWork } from '@baiying/kernel';
import type { Logger } from '@baiying/domain';
import { callTimers } from './call-timers.js';
import type { CallsFeature } from './calls.feature.js';
import { fanOutBudget } from './fan-out.usecase.js';
import { drainPresses } from './apply-answers.usecase.js';

/** Between top-ups: a fifth of the backlog's horizon (1 s at the default 5 s), never under this. */
const MIN_TOP_UP_MS = 200;
/** When a step queued nothing (the lane is full), look again after this long. */
const IDLE_TOP_UP_MS = 400;

export function callsJobs(uow: UnitOfWork, prisma: PrismaClient, config: AppConfig, f: CallsFeature, logger: Logger): FeatureJobs {
  return {
    feature: 'calls',
    handlers: {
      /**
       * One call's fan-out: tops up the bulk lane to about BROADCAST_BACKLOG_SECONDS of sending
       * per channel, then waits for it to drain. Each step reads and writes the call's rows, and
       * steps every 200 ms cost the worker and PostgreSQL several times what queuing needs, on
       * the machine the bot sends from — hence the pause between top-ups.
       */
      'call-fanout': async (p, control) => {
        let queued = 0;
        for (;;) {
          // Leave the job for the next worker (or this one after a restart) to continue.
          if (control.stopping) return control.deferTo(1000);
          const r = await uow.run(async (w) => f.fanOut.execute(w, { callId: p.callId, budget: await fanOutBudget(w) }));
          queued += r.queued;
          if (r.done) {
            logger.log(`call-fanout ${p.callId}: done (${queued} queued by this run)`);
            return `done ${queued}`;
          }
          await sleep(r.queued ? Math.max(MIN_TOP_UP_MS, config.calls.backlogSeconds * 200) : IDLE_TOP_UP_MS);
        }
      },
      'refresh-tally': (p) => uow.run((w) => f.refreshTally.execute(w, p)),
      /** Applies the call's recorded answers in arrival order until none is left (decision 0037). */
      'call-answers': async (p) => `applied ${await drainPresses(uow, f.applyAnswers, p.callId)}`,
      'call-timer': async (p) => {
        const r = await uow.run((w) => f.timer.execute(w, p));
        logger.log(`call-timer ${p.callId} ${p.kind}: ${r}`);
        return r;
      },
    },
    reconcile: async ({ ensurer, clock }) => {
      const repos = new Repos(prisma);
      const now = clock.now();
      let fanouts = 0;
      let timers = 0;
      let answers = 0;
      for (const c of await repos.calls.fanoutsUnfinished()) if (await ensurer.ensure('call-fanout', { callId: c.id }, 0)) fanouts++;
      for (const c of await repos.calls.openCalls()) {
        for (const t of callTimers(c, config.calls.reminderMinutes, now))
          if (await ensurer.ensure('call-timer', { callId: c.id, kind: t.kind }, t.at.getTime() - now.getTime())) timers++;
      }
      // Presses recorded whose consumer job was lost (a Redis wipe, a crash before it was added).
      for (const callId of await repos.presses.callsWithPending())
        if (await ensurer.ensure('call-answers', { callId, slot: Math.floor(now.getTime() / config.calls.answerBatchMs) }, 0)) answers++;
      for (const c of await repos.calls.callsToFinish(now)) if (await ensurer.ensure('call-timer', { callId: c.id, kind: 'finish' }, 0)) timers++;
      return { fanouts, timers, answers };
    },
  };
}
