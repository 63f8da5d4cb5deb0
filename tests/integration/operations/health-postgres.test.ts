// Readiness follows PostgreSQL: the compiled api runs on a PostgreSQL cluster of this test's own
// (initdb/pg_ctl as the postgres user; never the shared one); /health/ready answers 200, turns 503
// (postgresql down, Redis still up) when that cluster is stopped, and 200 again once it is started
// on the same port, while /health/live stays 200 throughout and the process keeps running.
import { OwnPostgres } from '../../support/chaos/services.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { flushPrefix, testEnv } from '../../support/test-env.js';
import { healthProbe } from '../../support/readiness.js';

describe('readiness while PostgreSQL goes away and comes back', () => {
  const pg = new OwnPostgres();
  const env = testEnv({ LOG_LEVEL: 'log', API_PORT: '0' });
  let api: AppProcess | undefined;
  let url = '';
  const logs = () => `\n--- api ---\n${api?.output().slice(-3000) ?? ''}`;
  const { get, readyWith } = healthProbe(() => url, logs);

  beforeAll(async () => {
    await pg.start();
    pg.migrate('baiying_ready');
    api = await startApp('api', { ...env, DATABASE_URL: pg.url('baiying_ready') }, /Console API: /, 60_000);
    url = /Console API: (http:\/\/localhost:\d+)\/api\/v1/.exec(api.output())![1]!.replace('localhost', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    pg.stop();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('is ready, not ready without PostgreSQL, and ready again when it returns', async () => {
    // The api logs its address as soon as it listens; its Redis and PostgreSQL connections may
    // still be opening, so the first readiness answer to rely on is the first 200.
    const before = await readyWith(200, 'readiness 200 after start-up', 30_000);
    expect(before).toMatchObject({ status: 200, body: { status: 'ok', details: { postgresql: { status: 'up' }, redis: { status: 'up' } } } });

    pg.halt();
    const down = await readyWith(503, 'readiness 503 without PostgreSQL', 20_000);
    expect(down.body).toMatchObject({ status: 'error', details: { postgresql: { status: 'down' }, redis: { status: 'up' } } });
    expect((await get('/health/live')).status).toBe(200);

    pg.resume();
    const back = await readyWith(200, 'readiness 200 with PostgreSQL back', 30_000);
    expect(back.body).toMatchObject({ status: 'ok', details: { postgresql: { status: 'up' } } });
    expect(api!.child.exitCode).toBeNull();
  }, 90_000);
});
