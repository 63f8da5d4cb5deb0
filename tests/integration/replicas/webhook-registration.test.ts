// Replicas deployed together all register the same public webhook URL at start. While Telegram
// verifies a changed webhook, a second setWebhook ends the first with 409 "Conflict: terminated
// by other setWebhook" (the fake's webhookVerifyMs models it): no replica may die of that.
import { TelegramChannel } from '@baiying/channels';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';

const TOKEN = '777003:REGISTER-test_token';
const LIMITS = { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, bulkPerSecond: 29 };

describe('webhook registration by replicas starting together', () => {
  const fake = new FakeBotApi({ token: TOKEN, webhookVerifyMs: 300 });
  const channels: TelegramChannel[] = [];
  const warnings: string[] = [];

  beforeAll(() => fake.start());
  afterAll(async () => {
    await Promise.all(channels.map((c) => c.stop()));
    await fake.stop();
  });

  it('both replicas register the same URL; the one Telegram cut off finds it set', async () => {
    const url = 'https://desk.example.org/telegram/webhook';
    for (let i = 0; i < 2; i++) {
      const channel = new TelegramChannel(
        { token: TOKEN, apiRoot: fake.apiRoot, webhookUrl: url, webhookSecret: 'same_secret', limits: LIMITS },
        { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
      );
      channels.push(channel);
      expect(await channel.start(() => Promise.resolve({ duplicate: false }))).not.toBeNull();
    }
    await Promise.all(channels.map((c) => c.registerWebhook()));
    expect(fake.webhook).toMatchObject({ url, secretToken: 'same_secret' });
    expect(warnings).toEqual([expect.stringContaining('Conflict: terminated by other setWebhook')]);
    // A replica restarted later changes nothing: Telegram answers "already set" at once.
    await channels[0]!.registerWebhook();
    expect(fake.stats.perMethod.setWebhook).toBe(3);
  });
});
