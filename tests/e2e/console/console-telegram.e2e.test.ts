// The console login through Telegram, with the compiled apps as child processes: the console
// API (apps/api) gives a login page its code; a coordinator sends `登录 <code>` to the bot
// (apps/bot, long polling a local fake Bot API); the page's poll logs in; the bot's answer names
// the browser and carries "不是我", which revokes that session.
import { loadConfig } from '@baiying/config';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { coordinatorAs } from '../../support/e2e-world.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testEnv, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_console';

describe('Console login through Telegram (compiled apps, fake Bot API)', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_console_bot', first_name: '百应' } });
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess;
  let api: AppProcess;
  let apiBase = '';
  const coordinator: FakeUser = { id: 77_001, first_name: '赵主任' };
  const chat: FakeChat = { id: coordinator.id, type: 'private' };

  const withLogs = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}\n--- bot ---\n${bot.output().slice(-2000)}\n--- api ---\n${api.output().slice(-1500)}`);
    });

  beforeAll(async () => {
    await fake.start();
    env = testEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, OUTBOX_POLL_MS: '200', LOG_LEVEL: 'log', API_PORT: '0' });
    h = deskHarness(loadConfig(env), 3);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    bot = await startApp('bot', env, /long polling/);
    api = await startApp('api', env, /Console API: http:\/\/\S+\/api\/v1/);
    apiBase = /Console API: (http:\/\/\S+)\/api\/v1/.exec(api.output())![1]!.replace('localhost', '127.0.0.1');
    await coordinatorAs(h, { channel: 'telegram', externalId: String(coordinator.id), name: '赵主任' }, 'I-DH');
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await bot?.stop();
    await fake.stop();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
    await h.close();
  });

  it('logs in by the code sent on Telegram, and "不是我" revokes the session', async () => {
    const started = await fetch(`${apiBase}/api/v1/auth/login-codes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15',
      },
      body: '{}',
    });
    expect(started.status).toBe(201);
    const pre = /baiying_console_login=[A-Za-z0-9_-]+/.exec(started.headers.get('set-cookie') ?? '')![0];
    const { code } = (await started.json()) as { code: string };
    const poll = () => fetch(`${apiBase}/api/v1/auth/login-codes/current`, { headers: { cookie: pre } });

    const from = fake.messages.length;
    const saidAt = Date.now();
    fake.sendText(coordinator, chat, `登录 ${code}`);
    const approved = await withLogs(
      waitUntil(
        async () => {
          const r = await poll();
          const body = (await r.json()) as { state: string };
          return body.state === 'approved' ? r : null;
        },
        'the page logged in',
        10_000,
        200,
      ),
    );
    const loginMs = Date.now() - saidAt;
    expect(loginMs).toBeLessThan(2000);
    const session = /baiying_console=[A-Za-z0-9_-]+/.exec(approved.headers.get('set-cookie') ?? '')![0];
    const me = () => fetch(`${apiBase}/api/v1/auth/me`, { headers: { cookie: session } });
    expect(((await (await me()).json()) as { role: string }).role).toBe('coordinator');

    const answer: SentMessage = await withLogs(
      fake.waitFor({ chatId: chat.id, text: /管理后台已登录/ }, { fromSeq: from, timeoutMs: 20_000, description: 'the login answer' }),
    );
    expect(answer.text).toContain('Safari · macOS');
    const kb = answer.replyMarkup && 'inline_keyboard' in answer.replyMarkup ? answer.replyMarkup.inline_keyboard.flat() : [];
    const notMe = kb.find((b) => /不是我/.test(b.text));
    expect(notMe && 'callback_data' in notMe).toBe(true);
    const press = fake.pressButton(coordinator, answer, (notMe as { callback_data: string }).callback_data);
    await withLogs(fake.waitForCallbackAnswer(press, { timeoutMs: 20_000 }));
    await waitUntil(async () => (await me()).status === 401, 'the session revoked by 不是我');
    console.log(`console login via Telegram: ${loginMs} ms from sending the code to the page's session`);
  });
});
