// 取消召集: everyone who said yes (confirmed or waiting) is told.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { manageableCall } from './call-access.js';
import type { CallRenderer } from './calls.render.js';
import { callIdCommand, type CallIdCommand } from './close-call.usecase.js';
import { refreshSoon } from './tally.js';

export class CancelCall {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<{ code: string; told: number }>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    await w.repos.calls.update(call.id, { status: 'cancelled', closedAt: w.now, version: { increment: 1 } });
    const yes = await w.repos.calls.withRoster(call.id, ['confirmed', 'waitlisted']);
    const notice = () => this.render.banner(call, msg('call.cancelled_notice', this.render.facts(call)));
    for (const p of yes)
      w.out.to({ channel: p.channel, chatId: p.chatId }, PurposeKey.callCancelled(call.id, p.personId), 'call-cancelled', notice, Priority.status);
    await w.repos.calls.event(call.id, 'cancel', actor.personId, { told: yes.length });
    refreshSoon(w, call.id);
    return ok({ code: call.code, told: yes.length });
  }
}
