// One step of a call's fan-out: queue up to each channel's budget more private messages on the
// bulk lane (at most once each), and mark those recipients queued — progress lives in
// PostgreSQL, so a killed worker or a wiped Redis resumes where it stopped. The budget keeps a
// few seconds of sending queued per channel, so daily dispatch keeps its priority.
import { CHANNELS, PurposeKey, type Channel } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { CallRenderer } from './calls.render.js';
import { refreshSoon } from './tally.js';

/** Recipients one step reads per channel at most (a step is one transaction). */
const MAX_PER_STEP = 5000;
/** The backlog target never drops below this, so a slow channel still has its next message queued. */
const MIN_BACKLOG = 2;
/** After the last message is queued, the tally is refreshed once more this much after it should have gone out. */
const FINAL_REFRESH_SLACK_S = 2;

const perChannel = z.object({ telegram: z.number().min(0), wechat: z.number().min(0), web: z.number().min(0) });

/** `budget`: how many more messages each channel may queue in this step (see fanOutBudget). */
export const fanOutCommand = z.object({ callId: z.uuid(), budget: perChannel });
export type FanOutCommand = z.input<typeof fanOutCommand>;
export type FanOutStep = { queued: number; done: boolean };

/**
 * The budget of the next step: each channel's backlog target (a few seconds of sending at its
 * broadcast pace) minus the broadcast messages still waiting for its sender.
 */
export async function fanOutBudget(w: Work): Promise<Record<Channel, number>> {
  const secs = w.config.calls.backlogSeconds;
  const backlog = await w.repos.messaging.bulkBacklog();
  return Object.fromEntries(
    CHANNELS.map((ch) => [ch, Math.max(0, Math.max(MIN_BACKLOG, Math.ceil(w.deps.channels.pace(ch).backlogPerSecond * secs)) - backlog[ch])]),
  ) as Record<Channel, number>;
}

export class FanOut {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, input: FanOutCommand): Promise<FanOutStep> {
    const c = parseCommand(fanOutCommand, input);
    if (!c.ok) return { queued: 0, done: true };
    const call = await w.repos.calls.byId(c.value.callId);
    if (!call || call.fanoutDoneAt) return { queued: 0, done: true };
    if (call.status === 'cancelled') {
      await w.repos.calls.update(call.id, { fanoutDoneAt: w.now });
      return { queued: 0, done: true };
    }
    // A closed call is not sent further; extending reopens it and the reconciler resumes.
    if (call.status === 'closed') return { queued: 0, done: true };
    // Each channel takes from its own recipients, so a full lane (WeChat's slow pace) never
    // holds up the others: sending runs in parallel per channel.
    const rows: Awaited<ReturnType<Work['repos']['calls']['unqueued']>> = [];
    for (const channel of CHANNELS) {
      const n = Math.min(MAX_PER_STEP, Math.floor(c.value.budget[channel]));
      if (n > 0) rows.push(...(await w.repos.calls.unqueued(call.id, n, channel)));
    }
    if (rows.length === 0) {
      // Nothing within the budget: done only when nobody at all is left.
      if ((await w.repos.calls.unqueued(call.id, 1)).length > 0) return { queued: 0, done: false };
      await w.repos.calls.update(call.id, { fanoutDoneAt: w.now });
      const every = w.config.calls.tallyRefreshMs;
      const at = w.now.getTime() + (w.config.calls.backlogSeconds + FINAL_REFRESH_SLACK_S) * 1000;
      const slot = Math.ceil(at / every);
      w.schedule('refresh-tally', { callId: call.id, slot }, new Date(slot * every));
      return { queued: 0, done: true };
    }
    const message = () => this.render.callMessage(call);
    for (const r of rows) w.out.bulk({ channel: r.channel, chatId: r.chatId }, PurposeKey.callMessage(call.id, r.personId), 'call', message);
    await w.repos.calls.markQueued(
      call.id,
      rows.map((r) => r.personId),
      w.now,
    );
    // The tally shows sending progress ("delivered x/y") while the fan-out runs.
    refreshSoon(w, call.id);
    return { queued: rows.length, done: false };
  }
}
