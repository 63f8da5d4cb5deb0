// The job catalogue: deterministic job ids (adding a job twice is a no-op), every job on a
// queue, and the order of the priorities the outbound queue is given (declared in the domain).
import { randomUUID } from 'node:crypto';
import { Priority } from '@baiying/domain';
import { JOB_QUEUE, jobIdFor, QueueName, type JobName, type JobPayloads } from './queue-names.js';

/** Every job name with a payload like the desk's (ids are uuids). */
const SAMPLES: { [K in JobName]: JobPayloads[K] } = {
  'route-need': { needId: randomUUID() },
  'escalate-dispatch': { dispatchId: randomUUID() },
  'credit-timeout': { serviceRecordId: randomUUID() },
  'claim-timeout': { claimId: randomUUID() },
  'send-message': { sentMessageId: randomUUID() },
  'send-bulk': { sentMessageId: randomUUID() },
  'call-fanout': { callId: randomUUID() },
  'refresh-tally': { callId: randomUUID(), slot: 885_214_407 },
  'call-answers': { callId: randomUUID(), slot: 8_852_144_070 },
  'call-timer': { callId: randomUUID(), kind: 'remind-1440' },
  'reports-check': { slot: 493_344 },
  'publicity-freeze': { unitId: randomUUID(), month: '2026-11' },
  'run-export': { exportId: randomUUID() },
};
const NAMES = Object.keys(SAMPLES) as JobName[];
const idOf = <K extends JobName>(name: K) => jobIdFor(name, SAMPLES[name]);

describe('jobIdFor', () => {
  it('is the name and every payload value, joined by underscores', () => {
    expect(jobIdFor('route-need', { needId: 'n1' })).toBe('route-need_n1');
    expect(jobIdFor('refresh-tally', { callId: 'c1', slot: 42 })).toBe('refresh-tally_c1_42');
    expect(jobIdFor('call-timer', { callId: 'c1', kind: 'deadline' })).toBe('call-timer_c1_deadline');
    const id = randomUUID();
    expect(jobIdFor('send-bulk', { sentMessageId: id })).toBe(`send-bulk_${id}`);
  });

  it('is deterministic', () => {
    for (const name of NAMES) expect(jobIdFor(name, { ...SAMPLES[name] } as never)).toBe(idOf(name));
  });

  it('never contains a colon (BullMQ reserves it in custom ids)', () => {
    for (const name of NAMES) expect({ name, id: idOf(name) }).toEqual({ name, id: expect.not.stringContaining(':') as unknown });
    for (const kind of ['remind-1440', 'remind-120', 'deadline', 'finish']) expect(jobIdFor('call-timer', { callId: randomUUID(), kind })).not.toContain(':');
  });

  it('differs for different payloads and for different names', () => {
    const ids = NAMES.map(idOf);
    expect(new Set(ids).size).toBe(NAMES.length);
    const callId = randomUUID();
    const same = randomUUID();
    // One id under two names.
    expect(jobIdFor('send-message', { sentMessageId: same })).not.toBe(jobIdFor('send-bulk', { sentMessageId: same }));
    expect(jobIdFor('route-need', { needId: same })).not.toBe(jobIdFor('credit-timeout', { serviceRecordId: same }));
    // One call, other slots and timers.
    expect(jobIdFor('refresh-tally', { callId, slot: 1 })).not.toBe(jobIdFor('refresh-tally', { callId, slot: 2 }));
    expect(jobIdFor('call-timer', { callId, kind: 'remind-1440' })).not.toBe(jobIdFor('call-timer', { callId, kind: 'remind-120' }));
    expect(jobIdFor('call-timer', { callId, kind: 'deadline' })).not.toBe(jobIdFor('call-fanout', { callId }));
  });
});

describe('JOB_QUEUE', () => {
  it('puts every job on a queue, and every queue has jobs', () => {
    expect(Object.keys(JOB_QUEUE).sort()).toEqual([...NAMES].sort());
    expect(JOB_QUEUE).toEqual({
      'route-need': 'routing',
      'escalate-dispatch': 'timers',
      'credit-timeout': 'timers',
      'claim-timeout': 'timers',
      'send-message': 'outbound',
      'send-bulk': 'bulk-outbound',
      'call-fanout': 'calls',
      'refresh-tally': 'calls',
      'call-answers': 'calls',
      'call-timer': 'calls',
      'reports-check': 'reports',
      'publicity-freeze': 'reports',
      'run-export': 'exports',
    });
    expect(new Set(Object.values(JOB_QUEUE))).toEqual(new Set(Object.values(QueueName)));
  });

  it('keeps queue names free of colons, and distinct', () => {
    const names = Object.values(QueueName);
    expect(new Set(names).size).toBe(names.length);
    for (const q of names) expect(q).toMatch(/^[a-z-]+$/);
  });
});

describe('Priority', () => {
  it('puts a person in danger first, then replies, then status and cards, then broadcasts', () => {
    expect(Priority.emergency).toBeLessThan(Priority.interactive);
    expect(Priority.interactive).toBeLessThan(Priority.status);
    expect(Priority.status).toBeLessThanOrEqual(Priority.card);
    expect(Priority.card).toBeLessThan(Priority.bulk);
    expect(Priority).toEqual({ emergency: 1, interactive: 2, status: 3, card: 3, bulk: 10 });
    // BullMQ: 1 is the highest priority (0 would mean "none").
    expect(Math.min(...Object.values(Priority))).toBe(1);
  });
});
