// The WeChat channel on wechaty. The puppet comes from configuration (a personal-account,
// WeCom or puppet-service puppet) or is injected (tests use wechaty-puppet-mock); with neither,
// the channel is off. Login QR codes are printed and kept for the coordinators' endpoint.
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { WechatyBuilder, types, type Message, type Wechaty } from 'wechaty';
import type { Puppet } from 'wechaty-puppet';
import QRCode from 'qrcode';
import type { AppConfig } from '@baiying/config';
import { numberedChoices, parseChoiceNumber, WechatPacer, WechatSender, type WechatTransport } from '@baiying/channels';
import type { InboundEvent } from '@baiying/conversation';
import { FieldCipher } from '@baiying/crypto';
import { Repos, type PrismaClient } from '@baiying/db';
import { Desk, alertCoordinators, msg } from '@baiying/desk';
import type { OutMessage } from '@baiying/domain';
import { APP_CONFIG, PRISMA } from '@baiying/platform';
import { JobProducer } from '@baiying/queue';
import { ConversationService } from '../conversation.provider.js';

export const WECHAT_PUPPET = Symbol('WECHAT_PUPPET');

export interface WechatLoginState {
  status: 'off' | 'starting' | 'scan' | 'logged-in' | 'logged-out';
  qrcode?: string;
  user?: string;
  at: string;
}

@Injectable()
export class WechatService implements OnApplicationShutdown {
  private readonly logger = new Logger(WechatService.name);
  private bot?: Wechaty;
  private startedAt = 0;
  state: WechatLoginState = { status: 'off', at: new Date().toISOString() };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
    private readonly producer: JobProducer,
    private readonly desk: Desk,
    private readonly conversation: ConversationService,
    @Optional() @Inject(WECHAT_PUPPET) private readonly injectedPuppet?: Puppet,
  ) {}

  get enabled(): boolean {
    return !!this.injectedPuppet || !!this.config.wechat.puppet;
  }

  /** The outbound adapter for this account (paced in Redis, shared by replicas). */
  sender(): WechatSender {
    const pacer = new WechatPacer(this.producer.connection, `${this.config.redisPrefix}:wechat:${this.config.wechat.name}`, this.config.wechat.pacing);
    const transport: WechatTransport = { prepare: (chatId) => this.prepare(chatId) };
    return new WechatSender(transport, pacer, (error) => void this.onBreaker(error));
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    const w = this.config.wechat;
    this.bot = this.injectedPuppet
      ? WechatyBuilder.build({ name: w.name, puppet: this.injectedPuppet })
      : WechatyBuilder.build({
          name: w.name, // the memory card (session) is kept under this name where the puppet allows
          puppet: w.puppet as never,
          puppetOptions: { token: w.puppetToken, endpoint: w.puppetEndpoint },
        });
    this.state = { status: 'starting', at: new Date().toISOString() };
    this.bot.on('scan', (qrcode, status) => {
      this.state = { status: 'scan', qrcode, at: new Date().toISOString() };
      if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
        QRCode.toString(qrcode, { type: 'terminal', small: true })
          .then((art) => this.logger.log(`WeChat login: scan this QR code with the desk's WeChat account\n${art}`))
          .catch(() => this.logger.log('WeChat login: QR code available at GET /api/wechat/login'));
      }
    });
    this.bot.on('login', (user) => {
      this.state = { status: 'logged-in', user: user.name(), at: new Date().toISOString() };
      this.logger.log(`WeChat logged in`);
    });
    this.bot.on('logout', () => {
      this.state = { status: 'logged-out', at: new Date().toISOString() };
      this.logger.warn('WeChat logged out');
    });
    this.bot.on('message', (m) => void this.onMessage(m).catch((e: Error) => this.logger.error(`wechat message failed: ${e.message}`)));
    this.bot.on('error', (e) => this.logger.error(`wechaty: ${e.message}`));
    this.startedAt = Date.now();
    await this.bot.start();
    this.logger.log('WeChat channel started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bot?.stop().catch(() => undefined);
  }

  private async prepare(chatId: string): Promise<(text: string) => Promise<string | null>> {
    if (!this.bot) throw new Error('wechat is not running');
    const id = chatId.slice(2);
    const target = chatId.startsWith('r:') ? await this.bot.Room.find({ id }) : await this.bot.Contact.find({ id });
    if (!target) throw new Error(`wechat chat ${chatId} not found`);
    return async (text) => {
      const sent = await target.say(text);
      return sent ? sent.id : null;
    };
  }

  /** Maps a wechaty message to the engine's event; non-text in groups and its own messages are dropped. */
  async toEvent(m: Message): Promise<InboundEvent | null> {
    if (m.self()) return null;
    // Puppets may replay history after a restart: old messages are not acted on again.
    if (m.date().getTime() < this.startedAt - 60_000) return null;
    const talker = m.talker();
    const room = m.room();
    const base = {
      channel: 'wechat' as const,
      updateId: m.id,
      from: { externalId: talker.id, displayName: talker.name().slice(0, 64) || '微信用户' },
      answerInChat: true,
    };
    const type = m.type();
    if (room) {
      if (type !== types.Message.Text) return null;
      const mentioned = await m.mentionSelf().catch(() => false);
      return { ...base, chat: { id: `r:${room.id}`, kind: 'group', title: await room.topic().catch(() => undefined) }, kind: 'text', text: m.text(), mentioned };
    }
    const chat = { id: `c:${talker.id}`, kind: 'private' as const };
    switch (type) {
      case types.Message.Text: {
        const text = m.text();
        const n = parseChoiceNumber(text);
        if (n !== null) {
          const data = await this.choice(chat.id, n);
          if (data) return { ...base, chat, kind: 'callback', callback: { id: m.id, data } };
        }
        return { ...base, chat, kind: 'text', text };
      }
      case types.Message.Image:
        return { ...base, chat, kind: 'photo', fileRef: `wechat:${m.id}` };
      case types.Message.Audio:
        return { ...base, chat, kind: 'voice', fileRef: `wechat:${m.id}` };
      case types.Message.Emoticon:
        return { ...base, chat, kind: 'sticker' };
      case types.Message.Recalled:
        return null;
      default:
        // Files, mini-programs, red packets, transfers, links, system notices.
        return { ...base, chat, kind: 'other' };
    }
  }

  /** "1", "2", …: the n-th numbered choice of the newest message with choices in this chat. */
  private async choice(chatId: string, n: number): Promise<string | null> {
    const recent = await new Repos(this.prisma).messaging.recentToChat('wechat', chatId, 5);
    for (const row of recent) {
      const choices = numberedChoices(JSON.parse(this.cipher.decrypt(row.bodyEnc)) as OutMessage);
      if (choices.length) return choices[n - 1] ?? null;
    }
    return null;
  }

  private async onMessage(m: Message): Promise<void> {
    const ev = await this.toEvent(m);
    if (ev) await this.conversation.handle(ev);
  }

  private async onBreaker(error: string): Promise<void> {
    this.logger.warn(`WeChat breaker tripped: ${error.slice(0, 100)}`);
    const minutes = Math.round(this.config.wechat.pacing.breakerPauseMs / 60_000) || 1;
    await this.desk.uow.run(async (w) => {
      const tree = await w.repos.org.tree();
      const centres = [...tree.values()].filter((u) => u.tier === 'center');
      for (const c of centres) await alertCoordinators(w, c.id, `alert.wechat_breaker.${Date.now()}`, msg('alert.wechat_breaker', { minutes }));
    });
  }
}
