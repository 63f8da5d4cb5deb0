// Telegram's command menus (setMyCommands), kept in line with who each person is:
// - private chats (scope all_private_chats): the residents' menu, zh-CN for every client
//   language and an English variant (language_code 'en');
// - groups (all_group_chats): the team group's commands, zh-CN and 'en';
// - each approved volunteer's and each coordinator's private chat (scope chat): their own menu,
//   in the person's language (decision 0020: one language per person, whatever the client's).
// Shared menus are set at start; per-person menus at start and every TELEGRAM_MENU_SYNC_SECONDS,
// by difference with what was last set (a Redis hash under REDIS_PREFIX, shared by replicas): a
// role gained sets a menu, a role lost (or erasure) deletes it. A chat Telegram refuses
// (never started, blocked) is logged by person id once and tried again only when the menu it
// should have changes; network errors and 429s are tried again at the next sync. The menus
// only guide: every command still checks the role when used.
// docs/decisions/0026-queue-board-and-command-menus.md.
import type { AppConfig, TelegramConfig } from '@baiying/config';
import type { PrismaClient } from '@baiying/db';
import type { Logger } from '@baiying/domain';
import { t, asLocale, type Locale, type MessageKey } from '@baiying/i18n';
import { Api, GrammyError } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { Redis } from 'ioredis';

const RESIDENT = ['my', 'register', 'link', 'lang', 'cancel', 'help'] as const;
const VOLUNTEER = ['me', 'jobs', 'checkin', 'checkout'] as const;
const COORDINATOR = ['pending', 'approve', 'call', 'roster', 'reassign', 'close', 'verify', 'emergency', 'danger', 'erase', 'token', 'console'] as const;
const GROUP = ['bindteam', 'lang'] as const;
type MenuCommand = (typeof RESIDENT | typeof VOLUNTEER | typeof COORDINATOR | typeof GROUP)[number];

export interface MenuRoles {
  volunteer: boolean;
  coordinator: boolean;
}

/** The commands of a person's private menu, in menu order (a coordinator's own first). */
export function personalMenu(r: MenuRoles): MenuCommand[] {
  const own: MenuCommand[] = [...(r.coordinator ? COORDINATOR : []), ...(r.volunteer ? VOLUNTEER : [])];
  return [...own, ...RESIDENT.filter((c) => !(r.volunteer && c === 'register'))];
}

export const residentMenu = (): MenuCommand[] => [...RESIDENT];
export const groupMenu = (): MenuCommand[] => [...GROUP];

export function described(commands: readonly MenuCommand[], locale: Locale): BotCommand[] {
  return commands.map((command) => ({ command, description: t(`menu.${command}` as MessageKey, {}, locale) }));
}

export interface MenuSyncReport {
  set: number;
  removed: number;
  failed: number;
}

export class CommandMenus {
  private readonly api: Api;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly key: string;

  constructor(
    private readonly telegram: TelegramConfig,
    config: Pick<AppConfig, 'redisPrefix'>,
    private readonly prisma: PrismaClient,
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    this.api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    this.key = `${config.redisPrefix}:telegram-menus`;
  }

  /** Sets the shared menus and syncs the personal ones, then keeps syncing; never throws. */
  start(): void {
    this.running = this.guard(async () => {
      await this.setShared();
      await this.syncPeople();
    });
    const every = this.telegram.menuSyncSeconds ?? 60;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.running = this.running.then(() => this.guard(() => this.syncPeople()));
      }, every * 1000);
      this.timer.unref();
    }
  }

  /** Stops syncing; waits for a sync under way for at most 2 s (a hung Telegram call must not hold the shutdown). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }

  private async guard(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.logger.warn('command menus not synced', { error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async setShared(): Promise<void> {
    const shared: Array<[BotCommandScope, MenuCommand[]]> = [
      [{ type: 'all_private_chats' }, residentMenu()],
      [{ type: 'all_group_chats' }, groupMenu()],
    ];
    for (const [scope, commands] of shared) {
      await this.api.setMyCommands(described(commands, 'zh'), { scope });
      await this.api.setMyCommands(described(commands, 'en'), { scope, language_code: 'en' });
    }
    this.logger.log('command menus set', { scopes: shared.length, languages: 2 });
  }

  /** Brings every per-person menu in line with roles; returns what it did. */
  async syncPeople(): Promise<MenuSyncReport> {
    const rows = await this.prisma.channelIdentity.findMany({
      where: {
        channel: 'telegram',
        person: { erasedAt: null, OR: [{ volunteer: { status: 'approved' } }, { roles: { some: { role: 'coordinator' } } }] },
      },
      select: {
        chatId: true,
        person: {
          select: { id: true, locale: true, volunteer: { select: { status: true } }, roles: { where: { role: 'coordinator' }, select: { id: true } } },
        },
      },
    });
    const wanted = new Map<string, { personId: string; locale: Locale; commands: MenuCommand[] }>();
    for (const r of rows) {
      // Telegram private chat ids are integers; anything else is not a chat Telegram knows.
      if (!/^-?\d{1,20}$/.test(r.chatId)) continue;
      const commands = personalMenu({ volunteer: r.person.volunteer?.status === 'approved', coordinator: r.person.roles.length > 0 });
      wanted.set(r.chatId, { personId: r.person.id, locale: asLocale(r.person.locale), commands });
    }
    const have = await this.redis.hgetall(this.key);
    const report: MenuSyncReport = { set: 0, removed: 0, failed: 0 };
    for (const [chatId, w] of wanted) {
      const signature = `${w.locale}:${w.commands.join(',')}`;
      if (have[chatId] === signature) continue;
      try {
        await this.api.setMyCommands(described(w.commands, w.locale), { scope: { type: 'chat', chat_id: Number(chatId) } });
        await this.redis.hset(this.key, chatId, signature);
        report.set++;
      } catch (e) {
        report.failed++;
        this.logger.warn('command menu not set', { personId: w.personId, error: e instanceof Error ? e.message : String(e) });
        // Telegram refused this chat (blocked, never started, gone): not again until the menu
        // it should have changes. Network errors and 429s are tried again at the next sync.
        if (e instanceof GrammyError && (e.error_code === 400 || e.error_code === 403)) await this.redis.hset(this.key, chatId, signature);
      }
    }
    for (const chatId of Object.keys(have)) {
      if (wanted.has(chatId)) continue;
      try {
        await this.api.deleteMyCommands({ scope: { type: 'chat', chat_id: Number(chatId) } });
        report.removed++;
      } catch (e) {
        report.failed++;
        this.logger.warn('command menu not removed', { error: e instanceof Error ? e.message : String(e) });
      }
      // Removed or refused (blocked, gone): either way nothing of ours is left to remove there.
      await this.redis.hdel(this.key, chatId);
    }
    this.logger.log('command menus synced', { ...report });
    return report;
  }
}
