// The need lifecycle as an explicit state machine. Every status change in the system goes
// through `nextStatus`; repositories then apply it with a conditional UPDATE on the old status.
import { err, ok, type Result } from '../shared/result.js';

export const NEED_STATUSES = [
  'submitted', // saved, waiting for routing
  'dispatched', // a job card is out at some tier
  'unrouted', // no team anywhere: coordinators must act
  'claimed', // a volunteer took it
  'en_route', // the volunteer is on the way
  'done', // the volunteer says it is done; waiting for the resident
  'confirmed', // the resident (or a coordinator, or the timeout) confirmed: hours credited
  'cancelled', // the resident withdrew it
  'unfulfilled', // closed by a coordinator with a reason and a promised date
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export type NeedEventType =
  | 'route' // routing found a team
  | 'no_route' // routing or escalation found nobody
  | 'escalate' // SLA passed, moved up a tier (stays dispatched)
  | 'reassign' // a coordinator sent it to a team
  | 'take'
  | 'set_off'
  | 'release'
  | 'finish'
  | 'confirm'
  | 'dispute' // the resident says it is not done yet
  | 'cancel'
  | 'close_unfulfilled';

const TRANSITIONS: Record<NeedEventType, Partial<Record<NeedStatus, NeedStatus>>> = {
  route: { submitted: 'dispatched' },
  no_route: { submitted: 'unrouted', dispatched: 'unrouted' },
  escalate: { dispatched: 'dispatched' },
  reassign: { unrouted: 'dispatched', dispatched: 'dispatched', submitted: 'dispatched' },
  take: { dispatched: 'claimed' },
  set_off: { claimed: 'en_route' },
  release: { claimed: 'dispatched', en_route: 'dispatched' },
  finish: { claimed: 'done', en_route: 'done' },
  confirm: { done: 'confirmed' },
  dispute: { done: 'claimed' },
  cancel: { submitted: 'cancelled', dispatched: 'cancelled', unrouted: 'cancelled' },
  close_unfulfilled: { submitted: 'unfulfilled', dispatched: 'unfulfilled', unrouted: 'unfulfilled' },
};

export function nextStatus(from: NeedStatus, event: NeedEventType): Result<NeedStatus> {
  const to = TRANSITIONS[event][from];
  return to ? ok(to) : err('need/invalid_transition', { from, event });
}

/** Statuses from which `event` is allowed: used as the WHERE clause of conditional updates. */
export function sourcesOf(event: NeedEventType): NeedStatus[] {
  return Object.keys(TRANSITIONS[event]) as NeedStatus[];
}

/** The one status an event leads to (every event has a single target, whatever the source). */
export function targetOf(event: NeedEventType): NeedStatus {
  const targets = new Set(Object.values(TRANSITIONS[event]));
  const [only] = targets;
  if (targets.size !== 1 || !only) throw new Error(`need event ${event} has ${targets.size} targets`);
  return only;
}

export const isCancellable = (s: NeedStatus): boolean => nextStatus(s, 'cancel').ok;
