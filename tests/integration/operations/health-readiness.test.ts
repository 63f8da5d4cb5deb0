// Readiness follows the dependencies: the compiled worker runs on a redis-server of this test's
// own (never the shared one); /health/ready answers 200, turns 503 (redis down, PostgreSQL still
// up) when that server is killed, and 200 again once it is back on the same port, while
// /health/live stays 200 throughout: an orchestrator takes the process out of service, it does
// not restart it.
import { OwnRedis } from '../../support/chaos/services.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { testEnv } from '../../support/test-env.js';
import { healthProbe } from '../../support/readiness.js';

describe('readiness while Redis goes away and comes back', () => {
  const redis = new OwnRedis();
  let worker: AppProcess | undefined;
  let url = '';
  const logs = () => `\n--- worker ---\n${worker?.output().slice(-3000) ?? ''}`;
  const { get, readyWith } = healthProbe(() => url, logs);

  beforeAll(async () => {
    await redis.start();
    worker = await startApp('worker', testEnv({ REDIS_URL: redis.url, LOG_LEVEL: 'log' }), /Worker HTTP: /, 60_000);
    url = /Worker HTTP: (http:\/\/localhost:\d+)\/metrics/.exec(worker.output())![1]!.replace('localhost', '127.0.0.1');
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await redis.stop();
  });

  it('is ready, not ready without Redis, and ready again when Redis returns', async () => {
    // The worker logs its address as soon as it listens; its connections may still be opening.
    const before = await readyWith(200, 'readiness 200 after start-up', 30_000);
    expect(before).toMatchObject({
      status: 200,
      body: { status: 'ok', details: { postgresql: { status: 'up' }, redis: { status: 'up' }, 'queue-workers': { status: 'up' } } },
    });

    const port = redis.port;
    await redis.stop();
    const down = await readyWith(503, 'readiness 503 without Redis', 20_000);
    expect(down.body).toMatchObject({ status: 'error', details: { redis: { status: 'down' }, postgresql: { status: 'up' } } });
    expect((await get('/health/live')).status).toBe(200);

    await redis.start(port);
    const back = await readyWith(200, 'readiness 200 with Redis back', 30_000);
    expect(back.body).toMatchObject({ status: 'ok', details: { redis: { status: 'up' }, 'queue-workers': { status: 'up' } } });
    // The process lived through it.
    expect(worker!.child.exitCode).toBeNull();
  }, 90_000);
});
