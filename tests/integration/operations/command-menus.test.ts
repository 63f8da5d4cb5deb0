// Telegram command menus (setMyCommands) through the fake Bot API, which enforces Telegram's
// limits (≤ 100 commands, names [a-z0-9_]{1,32}, descriptions 1-256 characters, known scopes,
// two-letter language codes, chats that exist and have not blocked the bot):
// - at start: the residents' menu for private chats and the groups' menu, zh-CN plus 'en';
//   each coordinator's and approved volunteer's own menu in their private chat, in their language;
// - a volunteer approved by a coordinator (the real use case) gets the volunteer menu at the next
//   sync; a coordinator whose role is withdrawn loses theirs;
// - bad input: an approved volunteer with no Telegram chat (web only) gets nothing and breaks
//   nothing; a coordinator whose chat blocked the bot is logged and skipped, the others still set.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { nameColumns, type ActorRow } from '@baiying/db';
import { t, type MessageKey } from '@baiying/i18n';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { groupMenu, personalMenu, residentMenu } from '../../../apps/bot/src/telegram/command-menus.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { coordinatorOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '556101:MENUS-test_token';
const CHAT = { coordinator: 8_100_001, volunteer: 8_100_002, blocked: 8_100_003 };
const chatScope = (chatId: number) => ({ type: 'chat', chat_id: chatId });
const described = (commands: string[], locale: 'zh' | 'en') =>
  commands.map((command) => ({ command, description: t(`menu.${command}` as MessageKey, {}, locale) }));

describe('Telegram command menus per scope, kept in sync with roles', () => {
  const fake = new FakeBotApi({ token: TOKEN });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication | undefined;
  let coordinator: ActorRow;
  const pending = { telegram: '', web: '' };

  /** A person applying to the S-XF elder team (membership pending), on the given chat. */
  async function applicant(name: string, channel: 'telegram' | 'web', chatId: string, locale: 'zh' | 'en'): Promise<string> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const p = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, name),
        locale,
        localeSource: 'chosen',
        identities: { create: { channel, externalId: chatId, chatId } },
        volunteer: { create: { stationId: team.orgUnitId, status: 'pending', memberships: { create: { teamId: team.id, status: 'pending' } } } },
      },
      include: { volunteer: { include: { memberships: true } } },
    });
    return p.volunteer!.memberships[0]!.id;
  }

  beforeAll(async () => {
    await fake.start();
    config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_MENU_SYNC_SECONDS: '1', LOG_LEVEL: 'warn' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    coordinator = await coordinatorOf(h, 'S-XF', { channel: 'telegram', chatId: String(CHAT.coordinator), externalId: String(CHAT.coordinator) });
    await coordinatorOf(h, 'S-HP', { channel: 'telegram', chatId: String(CHAT.blocked), externalId: String(CHAT.blocked) });
    fake.blockChat(CHAT.blocked);
    pending.telegram = await applicant('Alice', 'telegram', String(CHAT.volunteer), 'en');
    pending.web = await applicant('网页志愿者', 'web', 'web-menus-only', 'zh');
    bot = await startBot(config);
  }, 90_000);

  afterAll(async () => {
    await bot?.close();
    await fake.stop();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('sets the shared menus (zh-CN and en) and each coordinator’s own at start; a blocked chat is skipped', async () => {
    await waitUntil(async () => fake.commands(chatScope(CHAT.coordinator)).length > 0, 'the coordinator’s menu', 20_000);
    expect(fake.commands({ type: 'all_private_chats' })).toEqual(described(residentMenu(), 'zh'));
    expect(fake.commands({ type: 'all_private_chats' }, 'en')).toEqual(described(residentMenu(), 'en'));
    expect(fake.commands({ type: 'all_group_chats' })).toEqual(described(groupMenu(), 'zh'));
    expect(fake.commands({ type: 'all_group_chats' }, 'en')).toEqual(described(groupMenu(), 'en'));
    expect(fake.commands(chatScope(CHAT.coordinator))).toEqual(described(personalMenu({ volunteer: false, coordinator: true }), 'zh'));
    // The blocked chat and the still-pending applicant have no menu of their own.
    expect(fake.commands(chatScope(CHAT.blocked))).toEqual([]);
    expect(fake.commands(chatScope(CHAT.volunteer))).toEqual([]);
    // Every menu is within Telegram's limits (the fake refused nothing else).
    for (const m of [residentMenu(), groupMenu(), personalMenu({ volunteer: true, coordinator: true })]) {
      expect(m.length).toBeLessThanOrEqual(100);
      expect(new Set(m).size).toBe(m.length);
    }
  });

  it('gives an approved volunteer their menu in their language; a web-only one gets nothing and harms nothing', async () => {
    const approve = (membershipId: string) => h.desk.uow.run((w) => h.desk.volunteers.decide.execute(w, coordinator, { membershipId, approve: true }));
    expect(await approve(pending.web)).toMatchObject({ ok: true });
    expect(await approve(pending.telegram)).toMatchObject({ ok: true });
    await waitUntil(async () => fake.commands(chatScope(CHAT.volunteer)).length > 0, 'the volunteer’s menu', 20_000);
    expect(fake.commands(chatScope(CHAT.volunteer))).toEqual(described(personalMenu({ volunteer: true, coordinator: false }), 'en'));
    // A sync that saw both approvals ran: the only per-chat menus are the coordinator's and Alice's.
    const chatScopes = fake.commandScopes().filter((k) => k.startsWith('{"chat_id"'));
    expect(chatScopes.sort()).toEqual([`{"chat_id":${CHAT.coordinator},"type":"chat"}|`, `{"chat_id":${CHAT.volunteer},"type":"chat"}|`]);
    // setMyCommands calls so far: 4 shared, the coordinator, Alice, and the blocked chat once —
    // refused once, not again at every sync since (syncs every second ran meanwhile).
    expect(fake.stats.perMethod.setMyCommands).toBe(7);
    expect(bot).toBeDefined();
    expect((await fetch(`${(await bot!.getUrl()).replace('[::1]', '127.0.0.1')}/health/live`)).status).toBe(200);
  }, 40_000);

  it('removes a coordinator’s menu when the role is withdrawn', async () => {
    await h.prisma.roleAssignment.deleteMany({ where: { personId: coordinator.personId } });
    await waitUntil(async () => fake.commands(chatScope(CHAT.coordinator)).length === 0, 'the coordinator’s menu removed', 20_000);
    // Alice's stays.
    expect(fake.commands(chatScope(CHAT.volunteer)).length).toBeGreaterThan(0);
  }, 30_000);
});
