// 提醒未回复: reminds everyone who has not answered — once per call, and only once the call has
// reached everyone (while it is still going out, the silent may simply not have it yet).
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { manageableCall } from './call-access.js';
import type { CallRenderer } from './calls.render.js';
import { callIdCommand, type CallIdCommand } from './close-call.usecase.js';

export class RemindSilent {
  constructor(private readonly render: CallRenderer) {}

  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<{ code: string; reminded: number }>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status !== 'open') return err('call/closed', { code: call.code });
    if (call.nudgedAt) return err('call/already_reminded', { code: call.code });
    if (!call.fanoutDoneAt) return err('call/still_sending', { code: call.code });
    const silent = (await w.repos.calls.withRoster(call.id, ['none'])).filter((p) => p.queuedAt !== null);
    const reminder = () => this.render.nudge(call);
    for (const p of silent) w.out.bulk({ channel: p.channel, chatId: p.chatId }, PurposeKey.callNudge(call.id, p.personId), 'call-nudge', reminder);
    await w.repos.calls.update(call.id, { nudgedAt: w.now });
    await w.repos.calls.event(call.id, 'remind_silent', actor.personId, { n: silent.length });
    return ok({ code: call.code, reminded: silent.length });
  }
}
