// 名单: who said yes (confirmed, then the waiting list in answer order) with check-in and hours,
// for whoever may manage the call (the console's roster; chat shows the same in the tally).
import type { RosterEntry } from '@baiying/contracts';
import { personName, type ActorRow } from '@baiying/db';
import { ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { manageableCall } from './call-access.js';
import { callIdCommand, type CallIdCommand } from './close-call.usecase.js';

/** The first this many on the roster are listed. */
const ROSTER_TAKE = 500;

export class CallRoster {
  async execute(w: Work, actor: ActorRow, input: CallIdCommand): Promise<Result<RosterEntry[]>> {
    const c = parseCommand(callIdCommand, input);
    if (!c.ok) return c;
    const r = await manageableCall(w, actor, c.value.callId);
    if (!r.ok) return r;
    const rows = await w.repos.calls.roster(r.value.id, ROSTER_TAKE);
    const names = new Map((await w.repos.calls.people(rows.map((x) => x.personId))).map((p) => [p.id, personName(w.deps.cipher, p)]));
    return ok(
      rows.map((x) => ({
        name: names.get(x.personId) ?? '',
        roster: x.roster === 'confirmed' ? 'confirmed' : 'waitlisted',
        seq: x.rosterSeq,
        channel: x.channel,
        answeredAt: x.answeredAt,
        checkedInAt: x.checkedInAt,
        checkedOutAt: x.checkedOutAt,
        hours: x.hours === null ? null : Number(x.hours),
      })),
    );
  }
}
