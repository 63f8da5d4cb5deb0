// A shutdown that hits SHUTDOWN_TIMEOUT_MS: the compiled bot holds a send the Bot API does not
// answer (the fake delays sendMessage far beyond the bound, as a platform that hangs), so its
// outbound worker cannot finish the job it holds. SIGTERM: the process still exits by itself
// within the bound (plus a margin for the event loop), with code 1 and a logged reason. The
// reply was claimed before the platform call (decision 0004: every send at most once), so a
// request that may have reached the platform is never sent again: after a restart the job, left
// locked by the dead process, is taken again once its lock expires and skips the claimed row,
// and the resident gets no second copy. The worker's reconcile turns such a row uncertain after
// BROADCAST_CLAIM_LEASE_SECONDS and alerts or re-posts where it matters (routing's
// uncertain-sends test).
import { loadConfig } from '@baiying/config';
import { QueueName } from '@baiying/queue';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '556201:BOUND-test_token';
const BOUND_MS = 3000;
/** While true, sendMessage hangs (far beyond the bound and this test). */
let hang = false;
/** sendMessage calls that reached the fake while it hangs them (asked for their latency on arrival). */
let held = 0;

describe('a shutdown that hits SHUTDOWN_TIMEOUT_MS', () => {
  const fake = new FakeBotApi({
    token: TOKEN,
    latencyMs: (method) => {
      if (!hang || method !== 'sendMessage') return 0;
      held++;
      return 600_000;
    },
  });
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess | undefined;
  const startBot = () => startApp('bot', env, /long polling/, 60_000);
  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000) ?? ''}`;

  beforeAll(async () => {
    await fake.start();
    env = testEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, SHUTDOWN_TIMEOUT_MS: String(BOUND_MS), LOG_LEVEL: 'log' });
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    bot = await startBot();
  }, 90_000);

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('exits within the bound with a logged reason, and the held reply is sent after a restart', async () => {
    const resident: FakeUser = { id: 5_620_000 + Math.floor(Math.random() * 10_000), first_name: '居民' };
    hang = true;
    fake.sendText(resident, FakeBotApi.privateChat(resident), '/help');
    // The reply is committed and its send is on the wire (the row stays pending until recorded).
    const row = await waitUntil(
      () => h.prisma.sentMessage.findFirst({ where: { channel: 'telegram', chatId: String(resident.id) } }),
      'the reply queued',
      20_000,
    );
    await waitUntil(async () => held > 0, 'the send on the wire', 20_000);

    const t0 = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      bot!.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    bot!.child.kill('SIGTERM');
    const stop = await exited;
    const ms = Date.now() - t0;
    expect({ ms: ms < BOUND_MS + 2000, code: stop.code }).toEqual({ ms: true, code: 1 });
    expect(ms).toBeGreaterThanOrEqual(BOUND_MS - 100);
    expect(bot!.output()).toMatch(/"msg":"shutting down"/);
    expect(bot!.output()).toMatch(/"msg":"shutdown bound exceeded: exiting"/);
    // Not delivered, not marked failed: claimed, its fate unknown to the desk.
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sending');
    expect(fake.chatMessages(resident.id)).toHaveLength(0);

    hang = false;
    bot = await startBot();
    // The dead process's job comes back once its lock expires and finds the row claimed: the
    // queue drains (the positive signal) without a second request to the platform.
    await waitUntil(
      async () => {
        const c = await h.producer.queue(QueueName.Outbound).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0);
      },
      'the outbound queue drained after the restart',
      45_000,
    ).catch((e: Error) => Promise.reject(new Error(e.message + logs())));
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sending');
    expect(fake.chatMessages(resident.id).filter((m) => m.method === 'sendMessage')).toHaveLength(0);
  }, 60_000);
});
