// The sequential model of a call's roll-call: the presses replayed one at a time, in the order the
// desk applied them (call_press.applyOrder: arrival order, a press committed late comes later), with the desk's own rule (`answerOutcome`) and a first-come
// waiting list. The roll-call test and the call_answers bench compare every person's place and
// number, the counts and the call's counter with it: "exact" means equal to this replay.
import { answerOutcome, type RosterStatus } from '@baiying/domain';

export interface ModelPress {
  personId: string;
  yes: boolean;
}

export interface ModelResult {
  places: Map<string, { roster: RosterStatus; seq: number | null }>;
  counts: Record<RosterStatus, number>;
  answerSeq: number;
  /** The most confirmed at any step (never above the headcount). */
  mostConfirmed: number;
}

export const emptyCounts = (): Record<RosterStatus, number> => ({ none: 0, confirmed: 0, waitlisted: 0, declined: 0, withdrawn: 0 });

/** Replays `presses` (in applied order) for `recipients` people on a call of `headcount`. */
export function replayPresses(recipients: string[], presses: ModelPress[], headcount: number): ModelResult {
  const places = new Map<string, { roster: RosterStatus; seq: number | null }>(recipients.map((p) => [p, { roster: 'none', seq: null }]));
  let confirmed = 0;
  let mostConfirmed = 0;
  let seq = 0;
  for (const p of presses) {
    const cur = places.get(p.personId);
    if (!cur) continue;
    const o = answerOutcome(cur.roster, p.yes, confirmed - (cur.roster === 'confirmed' ? 1 : 0), headcount);
    if (o.kind === 'unchanged') continue;
    if (cur.roster === 'confirmed') confirmed--;
    if (o.kind === 'confirmed' || o.kind === 'waitlisted') cur.seq = ++seq;
    if (o.kind === 'confirmed') confirmed++;
    cur.roster = o.kind;
    if (o.kind === 'withdrawn' && o.promote) {
      let next: { roster: RosterStatus; seq: number | null } | undefined;
      for (const q of places.values()) if (q.roster === 'waitlisted' && (!next || q.seq! < next.seq!)) next = q;
      if (next) {
        next.roster = 'confirmed';
        confirmed++;
      }
    }
    mostConfirmed = Math.max(mostConfirmed, confirmed);
  }
  const counts = emptyCounts();
  for (const q of places.values()) counts[q.roster]++;
  return { places, counts, answerSeq: seq, mostConfirmed };
}
