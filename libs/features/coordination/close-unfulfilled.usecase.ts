// 限时兑现: a coordinator closes a need that cannot be met now, with a reason and a promised date.
import type { ActorRow } from '@baiying/db';
import { err, ok, PurposeKey, type Result, Priority } from '@baiying/domain';
import { inScope, isCoordinator, msg, needByCode, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import type { DispatchRounds } from '../routing/index.js';

/** A close reason is kept up to this long. */
const REASON_CHARS = 500;

export const closeUnfulfilledCommand = z.object({ needCode: z.string().min(1).max(40), promised: z.string().max(40), reason: z.string().min(1).max(2000) });
export type CloseUnfulfilledCommand = z.input<typeof closeUnfulfilledCommand>;

export class CloseUnfulfilled {
  constructor(private readonly rounds: DispatchRounds) {}

  async execute(w: Work, actor: ActorRow, input: CloseUnfulfilledCommand): Promise<Result<{ code: string; date: string }>> {
    const c = parseCommand(closeUnfulfilledCommand, input);
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const need = await needByCode(w, c.value.needCode);
    if (!need) return err('need/not_found');
    if (!(await inScope(w, actor, need.stationId))) return err('auth/out_of_scope');
    const date = parsePromisedDate(c.value.promised, w.now);
    if (!date) return err('input/bad_date');
    const reason = c.value.reason.trim();
    // Free text (can name people): encrypted at rest, on the need and in its history.
    const reasonEnc = w.deps.cipher.encrypt(reason.slice(0, REASON_CHARS));
    if (!(await w.repos.needs.apply(need.id, 'close_unfulfilled', { closeReasonEnc: reasonEnc, promisedDate: date }))) return err('need/invalid_transition');
    await this.rounds.closeOpen(w, need);
    await w.repos.needs.event(need.id, 'close_unfulfilled', actor.personId, { reasonEnc, promised: c.value.promised });
    const iso = date.toISOString().slice(0, 10);
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needUnfulfilled(need.id),
      'need-unfulfilled',
      () => msg('need.closed_unfulfilled', { code: need.code, reason, date: iso }),
      Priority.status,
      need.channel,
    );
    return ok({ code: need.code, date: iso });
  }
}

/** YYYY-MM-DD, a real date, not before today. */
export function parsePromisedDate(text: string, now: Date): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3])) return null;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return d < today ? null : d;
}
