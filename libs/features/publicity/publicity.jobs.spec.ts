// Overdue promises are alerted one transaction each: one that fails is counted and told, and the
// rest are still alerted (the next reconcile tries the failed one again).
import type { Work } from '@baiying/kernel';
import { alertOverduePromises } from './publicity.jobs.js';

describe('alertOverduePromises', () => {
  const w = {} as unknown as Work;
  const uow = { run: <T>(fn: (w: Work) => Promise<T>): Promise<T> => fn(w) };

  it('alerts every overdue promise after one whose transaction fails, counting it', async () => {
    const executed: string[] = [];
    const overdue = {
      due: async (): Promise<string[]> => ['n1', 'n2', 'n3', 'n4'],
      execute: async (_w: Work, needId: string): Promise<boolean> => {
        executed.push(needId);
        if (needId === 'n2') throw new Error('deadlock detected');
        return needId !== 'n4'; // n4: alerted meanwhile by another reconciler
      },
    };
    const errors: string[] = [];
    const result = await alertOverduePromises(uow, { overdue }, (needId, e) => errors.push(`${needId}: ${e.message}`));
    expect(result).toEqual({ alerted: 2, failed: 1 });
    expect(executed).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(errors).toEqual(['n2: deadlock detected']);
  });

  it('reports a non-Error throw as an Error, and nothing due as nothing done', async () => {
    const errors: Error[] = [];
    const overdue = {
      due: async (): Promise<string[]> => ['n1'],
      execute: async (): Promise<boolean> => Promise.reject('connection reset'),
    };
    expect(await alertOverduePromises(uow, { overdue }, (_id, e) => errors.push(e))).toEqual({ alerted: 0, failed: 1 });
    expect(errors[0]).toBeInstanceOf(Error);
    expect(errors[0]!.message).toBe('connection reset');
    expect(await alertOverduePromises(uow, { overdue: { ...overdue, due: async () => [] } })).toEqual({ alerted: 0, failed: 0 });
  });
});
