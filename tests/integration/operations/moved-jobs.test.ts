// A job added under its old queue before its name moved (publicity-freeze and reports-check left
// `timers` for `reports`, decision 0054) completes on the old queue as moved, for the reconciler to
// add again where it now belongs; a name the catalogue does not know still fails.
import { JobRegistry } from '@baiying/kernel';
import { startQueueWorker, type RunningWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('jobs stranded on a queue their name has left', () => {
  const config = testConfig();
  let h: DeskHarness;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
  });

  afterAll(async () => {
    await worker?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('completes a publicity-freeze found on the timers queue as moved to reports, and fails an unknown name', async () => {
    const timers = h.producer.queue(QueueName.Timers);
    const stranded = await timers.add('publicity-freeze', { unitId: '00000000-0000-4000-8000-000000000001', month: '2026-11' }, { attempts: 1 });
    const unknown = await timers.add('no-such-job', {}, { attempts: 1 });
    worker = startQueueWorker(QueueName.Timers, new JobRegistry(h.desk.jobs(silent)), {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      concurrency: 1,
    });
    await waitUntil(async () => (await timers.getJobState(stranded.id!)) === 'completed', 'the stranded freeze completed');
    expect((await timers.getJob(stranded.id!))?.returnvalue).toEqual({ movedTo: QueueName.Reports });
    await waitUntil(async () => (await timers.getJobState(unknown.id!)) === 'failed', 'the unknown job failed');
    expect((await timers.getJob(unknown.id!))?.failedReason).toBe('no handler for job no-such-job');
    // Nothing ran the freeze: no snapshot was written by the stranded copy.
    expect(await h.prisma.publicitySnapshot.count()).toBe(0);
  }, 60_000);
});
