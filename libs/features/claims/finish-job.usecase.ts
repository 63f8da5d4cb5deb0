// "已完成" with the hours served: the need waits for the resident's confirmation, and the
// credit timer starts (again, in full, after a dispute; the hours may then not go up).
// (CheckFinish validates a press of "done" first.)
import type { ActorRow } from '@baiying/db';
import { err, ok, parseHours, PurposeKey, type Result, Priority } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { confirmButtons } from '../completion/index.js';
import { claimRef, ownActiveClaim } from './claim-access.js';

/** Hours a volunteer may record for one job. */
export const MIN_HOURS = 0.25;
export const MAX_HOURS = 24;

/** Hours as a number (a button) or as typed ("1.5", "半小时"); absent: the category's usual hours. */
export const finishJobCommand = z.object({ claim: claimRef, hours: z.union([z.number(), z.string().max(40)]).optional() });
export type FinishJobCommand = z.input<typeof finishJobCommand>;

export class FinishJob {
  async execute(w: Work, actor: ActorRow, input: FinishJobCommand): Promise<Result<{ code: string; hours: number }>> {
    const cmd = parseCommand(finishJobCommand, input);
    if (!cmd.ok) return cmd;
    const { claim: ref, hours: given } = cmd.value;
    const parsed = given === undefined ? undefined : typeof given === 'number' ? (given >= MIN_HOURS && given <= MAX_HOURS ? given : null) : parseHours(given);
    if (parsed === null) return err('input/bad_hours');
    const c = await ownActiveClaim(w, actor, ref);
    if (!c.ok) return c;
    const { need, claim } = c.value;
    // A claim that already has a record was finished before and disputed: the resident said the
    // work was not done, so the re-report may not claim more hours than the first one did.
    const before = await w.repos.needs.recordOfClaim(claim.id);
    const ceiling = before ? Number(before.hours) : MAX_HOURS;
    const hours = parsed ?? Math.min(Number(need.category.defaultHours), ceiling);
    if (hours > ceiling) return err('claim/hours_above_first', { max: ceiling });
    if (!(await w.repos.needs.apply(need.id, 'finish'))) return err('need/invalid_transition');
    const record = await w.repos.needs.createServiceRecord(need.id, claim.id, actor.personId, hours, w.now);
    const eventId = await w.repos.needs.event(need.id, 'finish', actor.personId, { hours });
    w.schedule('credit-timeout', { serviceRecordId: record.id }, new Date(w.now.getTime() + w.config.creditTimeoutHours * 3_600_000));
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needAskConfirm(need.id, eventId),
      'need-ask-confirm',
      () => msg('need.ask_confirm', { code: need.code, volunteer: actor.displayName }, confirmButtons(w.buttons, need.id)),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code, hours });
  }
}
