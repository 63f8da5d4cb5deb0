// The compiled bot and worker on the run's database, talking to a fake Telegram Bot API: started,
// warmed up by one full round trip (poll → transaction → outbound queue → send), and stopped.
// For e2e suites that need nothing else around them (tests/e2e/conversation, telegram/pickers).
import { loadConfig } from '@baiying/config';
import type { FakeBotApi, FakeUser } from './fake-telegram/fake-bot-api.js';
import { startApp } from './processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, type DeskHarness } from './test-env.js';

export interface TelegramDesk {
  env: Record<string, string>;
  h: DeskHarness;
  /** The tail of the bot's and the worker's logs, for a failure message. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startTelegramDesk(fake: FakeBotApi, token: string): Promise<TelegramDesk> {
  await fake.start();
  const env = testEnv({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: fake.apiRoot, OUTBOX_POLL_MS: '200', LOG_LEVEL: 'log' });
  const h = deskHarness(loadConfig(env), 5);
  await resetDatabase(h.prisma, h.cipher, { webGroups: false });
  const worker = await startApp('worker', env, /startup reconcile/);
  const bot = await startApp('bot', env, /long polling/).catch(async (e: unknown) => {
    await worker.stop();
    throw e;
  });
  const desk: TelegramDesk = {
    env,
    h,
    logs: () => `--- bot ---\n${bot.output().slice(-3000)}\n--- worker ---\n${worker.output().slice(-1500)}`,
    stop: async () => {
      await bot.stop();
      await worker.stop();
      await fake.stop();
      await h.close();
      await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
    },
  };
  const warm: FakeUser = { id: 999, first_name: 'warm-up' };
  fake.sendText(warm, { id: warm.id, type: 'private' }, '/help');
  await fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' }).catch(async (e: unknown) => {
    await desk.stop();
    throw e;
  });
  return desk;
}
