// A call's state for whoever may manage it: counts, delivery, and the tally as chat shows it
// (/roster in chat, GET /api/v1/calls/:code over HTTP).
import { asLocale } from '@baiying/i18n';
import type { CallStatus } from '@baiying/contracts';
import type { ActorRow } from '@baiying/db';
import { ok, type Result } from '@baiying/domain';
import { parseCommand, renderIn, type Work } from '@baiying/kernel';
import { manageableCall } from './call-access.js';
import { callIdCommand, type CallIdCommand } from './close-call.usecase.js';
import type { TallyRenderer } from './tally.js';

export class GetCallStatus {
  constructor(private readonly tallies: TallyRenderer) {}

  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<CallStatus>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const call = r.value;
    return ok({
      code: call.code,
      status: call.status,
      headcount: call.headcount,
      startsAt: call.startsAt,
      endsAt: call.endsAt,
      answerBy: call.answerBy,
      roster: await w.repos.calls.counts(call.id),
      delivery: await w.repos.calls.delivery(call.id),
      tally: renderIn(await this.tallies.tally(w, call), asLocale(actor.locale)).text,
    });
  }
}
