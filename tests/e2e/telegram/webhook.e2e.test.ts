// Telegram in webhook mode: the compiled bot registers its webhook with the (fake) Bot API,
// answers updates POSTed to it, checks the secret token, and handles a re-sent update once.
import { createServer } from 'node:net';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, type PrismaClient } from '@baiying/db';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { flushPrefix, resetDatabase, testEnv } from '../../support/test-env.js';

const TOKEN = '654321:WEBHOOK-test_token';
const SECRET = 'webhook-secret-123';
// Each test has a user (and so a private chat) of its own.
const starter: FakeUser = { id: 7001, first_name: '居民' };
const forger: FakeUser = { id: 7002, first_name: '冒充者' };
const privateChat = (u: FakeUser) => ({ id: u.id, type: 'private' as const });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

describe('Telegram webhook mode', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_hook_bot' } });
  let env: Record<string, string>;
  let prisma: PrismaClient;
  let bot: AppProcess;
  let hookUrl: string;

  beforeAll(async () => {
    await fake.start();
    const port = await freePort();
    hookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: hookUrl,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'log',
    });
    prisma = createPrismaClient(env.DATABASE_URL!, 2);
    await resetDatabase(prisma, new FieldCipher(Buffer.from(env.ENCRYPTION_KEY!, 'hex')), { webGroups: false });
    bot = await startApp('bot', env, /webhook at \/telegram\/webhook/);
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    await prisma?.$disconnect();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('registers the webhook with its secret and answers pushed updates once', async () => {
    expect(fake.webhook?.url).toBe(hookUrl);
    expect(fake.webhook?.secretToken).toBe(SECRET);
    // The outbound worker is in the bot; no worker app is needed for a reply.
    const u = fake.sendText(starter, privateChat(starter), '/start');
    await fake.waitFor({ chatId: starter.id, text: /百应志愿服务助手/ }, { timeoutMs: 15_000 });
    fake.duplicate(u);
    // The fake posts webhook updates one at a time, in order: once a later update is answered,
    // the duplicate before it has been handled (and must have sent nothing).
    fake.sendText(starter, privateChat(starter), '/help');
    await fake.waitFor({ chatId: starter.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 15_000 });
    expect(fake.chatMessages(starter.id).filter((m) => /百应志愿服务助手/.test(m.text ?? ''))).toHaveLength(1);
    expect(await prisma.processedUpdate.count({ where: { channel: 'telegram', updateId: `${fake.botInfo.id}:${u.update_id}` } })).toBe(1);
  });

  it('refuses a POST without the secret token', async () => {
    // Far above the fake's own update ids, so only this forged update could carry it.
    const forgedId = 900_000_000;
    const res = await fetch(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        update_id: forgedId,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: forger.id, type: 'private', first_name: forger.first_name },
          from: { id: forger.id, is_bot: false, first_name: forger.first_name },
          text: '/start',
        },
      }),
    });
    expect(res.status).toBe(401);
    // One chat's updates are handled in order: once the same chat's next genuine update is
    // answered, the forged one, had it been taken, would have been handled and answered too.
    fake.sendText(forger, privateChat(forger), '/help');
    await fake.waitFor({ chatId: forger.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 15_000 });
    expect(fake.chatMessages(forger.id).filter((m) => /百应志愿服务助手/.test(m.text ?? ''))).toHaveLength(0);
    expect(await prisma.processedUpdate.count({ where: { updateId: { endsWith: `:${forgedId}` } } })).toBe(0);
  });
});
