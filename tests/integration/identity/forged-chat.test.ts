// One update never moves an account's private chat: a forged update naming a coordinator as its
// sender and the attacker's chat must not re-point the coordinator's replies and alerts.
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('an account keeps its private chat', () => {
  const config = testConfig();
  let h: DeskHarness;

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('ignores another chat id in a later update from the same account', async () => {
    await h.desk.uow.run((w) => w.repos.people.resolve('telegram', '5001', '5001', '赵主任', null));
    await h.desk.uow.run((w) => w.repos.people.resolve('telegram', '5001', '666666', '赵主任', null));
    const identity = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: '5001' } } });
    expect(identity.chatId).toBe('5001');
    expect(await h.desk.uow.run((w) => w.repos.people.recipient(identity.personId))).toEqual({ channel: 'telegram', chatId: '5001', locale: 'zh' });
  });
});
