// The WeChat connection on wechaty: the puppet comes from configuration (a personal-account,
// WeCom or puppet-service puppet) or is injected (tests use wechaty-puppet-mock); with neither,
// the channel is off. Login QR codes are printed and kept for the coordinators' endpoint.
// wechaty (with its gRPC, image and storage dependencies, ≈ 80 MB of RSS) is loaded by start()
// only: every app imports this package for the channels' profiles, and only the bot with a
// configured puppet ever connects (decision 0048).
import type { Message, Wechaty } from 'wechaty';
import type { Puppet } from 'wechaty-puppet';
import QRCode from 'qrcode';
import type { WechatConfig } from '@baiying/config';
import type { Logger } from '@baiying/domain';
import { wechatChatId } from './wechat-inbound.js';
import type { WechatTransport } from './wechat-sender.js';

export interface WechatLoginState {
  status: 'off' | 'starting' | 'scan' | 'logged-in' | 'logged-out';
  qrcode?: string;
  user?: string;
  at: string;
}

export class WechatChannel implements WechatTransport {
  private bot?: Wechaty;
  startedAt = 0;
  /** The logged-in account's contact id ('' until login). */
  selfId = '';
  state: WechatLoginState = { status: 'off', at: new Date().toISOString() };

  constructor(
    private readonly config: WechatConfig,
    private readonly logger: Logger,
    private readonly injectedPuppet?: Puppet,
  ) {}

  get enabled(): boolean {
    return !!this.injectedPuppet || !!this.config.puppet;
  }

  async start(onMessage: (m: Message) => Promise<void>): Promise<void> {
    if (!this.enabled) return;
    const c = this.config;
    const { WechatyBuilder, types } = await import('wechaty');
    this.bot = this.injectedPuppet
      ? WechatyBuilder.build({ name: c.name, puppet: this.injectedPuppet })
      : WechatyBuilder.build({
          name: c.name, // the memory card (session) is kept under this name where the puppet allows
          puppet: c.puppet as never,
          puppetOptions: { token: c.puppetToken, endpoint: c.puppetEndpoint },
        });
    this.setState({ status: 'starting' });
    this.bot.on('scan', (qrcode, status) => {
      this.setState({ status: 'scan', qrcode });
      if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
        QRCode.toString(qrcode, { type: 'terminal', small: true })
          .then((art) => this.logger.log(`WeChat login: scan this QR code with the desk's WeChat account\n${art}`))
          .catch(() => this.logger.log('WeChat login: QR code available at GET /api/wechat/login'));
      }
    });
    this.bot.on('login', (user) => {
      this.selfId = user.id;
      this.setState({ status: 'logged-in', user: user.name() });
      this.logger.log('WeChat logged in');
    });
    this.bot.on('logout', () => {
      this.setState({ status: 'logged-out' });
      this.logger.warn('WeChat logged out');
    });
    this.bot.on('message', (m) => void onMessage(m).catch((e: Error) => this.logger.error(`wechat message failed: ${e.message}`)));
    this.bot.on('error', (e) => this.logger.error(`wechaty: ${e.message}`));
    this.startedAt = Date.now();
    await this.bot.start();
    this.logger.log('WeChat channel started');
  }

  async stop(): Promise<void> {
    await this.bot?.stop().catch(() => undefined);
  }

  async prepare(chatId: string): Promise<(text: string) => Promise<string | null>> {
    if (!this.bot) throw new Error('wechat is not running');
    const id = wechatChatId.raw(chatId);
    const target = wechatChatId.isRoom(chatId) ? await this.bot.Room.find({ id }) : await this.bot.Contact.find({ id });
    if (!target) throw new Error(`wechat chat ${chatId} not found`);
    return async (text) => {
      const sent = await target.say(text);
      return sent ? sent.id : null;
    };
  }

  private setState(s: Omit<WechatLoginState, 'at'>): void {
    this.state = { ...s, at: new Date().toISOString() };
  }
}
