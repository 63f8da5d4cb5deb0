// The credit timer fired: if the resident never answered within the full delay since the
// volunteer's last "done" report, the job is confirmed by rule.
import { PurposeKey, Priority } from '@baiying/domain';
import { msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { ratingButtons } from './completion.buttons.js';
import { creditJob } from './credit.js';

export const creditTimeoutCommand = z.object({ serviceRecordId: z.uuid() });
export type CreditTimeoutCommand = z.input<typeof creditTimeoutCommand>;

/** A timer firing this much early (clock skew between processes) still counts as due. */
const EARLY_TOLERANCE_MS = 1000;

/** Credited, nothing to do, or not due yet: run again in `dueInMs` (a re-finish restarted the clock). */
export type CreditTimeoutOutcome = 'credited' | 'skipped' | { dueInMs: number };

export class CreditTimeout {
  async execute(w: Work, input: CreditTimeoutCommand): Promise<CreditTimeoutOutcome> {
    const c = parseCommand(creditTimeoutCommand, input);
    if (!c.ok) return 'skipped';
    const record = await w.repos.needs.serviceRecord(c.value.serviceRecordId);
    if (!record || record.status !== 'pending') return 'skipped';
    // The clock runs from the last "done" report: after a dispute and a re-finish the timer
    // scheduled by the first report (same record, same job id) fires too early and waits again.
    const dueInMs = record.finishedAt.getTime() + w.config.creditTimeoutHours * 3_600_000 - w.now.getTime();
    if (dueInMs > EARLY_TOLERANCE_MS) return { dueInMs };
    const need = await w.repos.needs.byId(record.needId);
    if (!need || need.status !== 'done') return 'skipped';
    if (!(await creditJob(w, need, 'timeout', null))) return 'skipped';
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needAutoConfirmed(need.id),
      'need-auto-confirmed',
      () => msg('need.auto_confirmed', { code: need.code }, ratingButtons(w.buttons, need.id)),
      Priority.status,
      need.channel,
    );
    return 'credited';
  }
}
