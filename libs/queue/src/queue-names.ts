// All queue names in one place. Renaming a queue strands the jobs already in Redis under the
// old name: add a new name and drain the old one instead.
export enum QueueName {
  Routing = 'routing',
  Timers = 'timers',
  Outbound = 'outbound',
}

/** Job name → payload. Payloads carry ids only, never personal data. */
export interface JobPayloads {
  'route-need': { needId: string };
  'escalate-dispatch': { dispatchId: string };
  'credit-timeout': { serviceRecordId: string };
  'send-message': { sentMessageId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [K in JobName]: QueueName } = {
  'route-need': QueueName.Routing,
  'escalate-dispatch': QueueName.Timers,
  'credit-timeout': QueueName.Timers,
  'send-message': QueueName.Outbound,
};

/** Deterministic job ids: adding the same job twice is a no-op while the first exists. */
export function jobIdFor<K extends JobName>(name: K, payload: JobPayloads[K]): string {
  const id = Object.values(payload)[0] as string;
  // BullMQ reserves ':' in custom ids.
  return `${name}_${id}`;
}

/** Lower is sooner (BullMQ priorities). Status messages beat broadcast traffic. */
export const Priority = { interactive: 1, status: 2, card: 2, bulk: 10 } as const;
