// The refresh job: edits the tally if anything it shows changed since the last edit.
import { PurposeKey } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { TallyRenderer } from './tally.js';

/** Without edits, a tally is re-sent at most this often (unless the call's status changed). */
const RESEND_EVERY_MS = 5 * 60_000;

export const refreshTallyCommand = z.object({ callId: z.uuid() });

export class RefreshTally {
  constructor(private readonly tallies: TallyRenderer) {}

  async execute(w: Work, input: z.input<typeof refreshTallyCommand>): Promise<'edited' | 'unchanged' | 'skipped'> {
    const c = parseCommand(refreshTallyCommand, input);
    if (!c.ok) return 'skipped';
    // Off the call's row lock (decision 0041): answers keep being applied while the recipients are
    // counted. Refreshes of one call queue on their own lock, so an older count never lands after
    // a newer one; the barrier waits for the writers that hold the row now (those that scheduled
    // this refresh's slot before it came), so their changes are counted. A writer that takes the
    // row later schedules a later slot (refreshSoon reads the live clock under the lock).
    await w.repos.calls.lockTally(c.value.callId);
    await w.repos.calls.awaitWriters(c.value.callId);
    const call = await w.repos.calls.byId(c.value.callId);
    if (!call) return 'skipped';
    const original = await w.repos.messaging.byPurpose(PurposeKey.callTally(call.id));
    if (!original) return 'skipped';
    const delivery = await w.repos.calls.delivery(call.id);
    const stamp = `${call.version}.${delivery.sent}.${delivery.uncertain}.${call.status}`;
    if (await w.repos.messaging.byPurpose(PurposeKey.callTallyVersion(call.id, stamp))) return 'unchanged';
    if (!w.deps.channels.capabilities(original.channel).canEdit) {
      // Without edits every refresh is a new message, from an account limited to ~20 a minute
      // that the call itself needs: refresh there at most every few minutes, or when the call's
      // status changes.
      const prev = await w.repos.messaging.latestEdit(original.purposeKey);
      const due = prev ? prev.createdAt.getTime() + RESEND_EVERY_MS : 0;
      if (prev && due > w.now.getTime() && prev.purposeKey.endsWith(`.${call.status}`)) {
        const every = w.config.calls.tallyRefreshMs;
        const slot = Math.ceil(due / every);
        w.schedule('refresh-tally', { callId: call.id, slot }, new Date(slot * every));
        return 'unchanged';
      }
    }
    w.out.edit(
      { channel: original.channel, chatId: original.chatId, purposeKey: original.purposeKey },
      PurposeKey.callTallyVersion(call.id, stamp),
      'call-tally-edit',
      await this.tallies.tally(w, call),
    );
    w.repos.calls.changed(call.id);
    return 'edited';
  }
}
