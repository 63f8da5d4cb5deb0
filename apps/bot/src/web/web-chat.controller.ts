// The web chat. A browser gets its own session (an HttpOnly cookie) bound to a private chat the
// server creates; it posts to and reads only that chat, and who speaks is taken from the session,
// never from the body. In demo mode only (never in production, loopback only: see libs/config)
// the page also lists the seeded personas and may act as any of them — the two-command tour.
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { WEB_CHAT_ID, WEB_CHAT_PAGE, WEB_CHAT_PAGE_CSP, WebMailbox, webDemoEventSchema, webEventSchema, webEventToInbound } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import { SessionsFeature, type WebSessionView } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { ConversationService } from '../conversation.provider.js';
import { APP_CONFIG, checkCsrf, FixedWindow, noSession, PRISMA, SessionCookie } from '@baiying/platform';

/** Messages a poll returns by default, and at most. */
const DEFAULT_MESSAGES = 100;
const MAX_MESSAGES = 200;
const RESIDENT_NAME = '网页用户';
const HOUR_MS = 3_600_000;

@Controller()
export class WebChatController {
  private readonly mailbox: WebMailbox;
  private readonly cookie: SessionCookie;
  /** New sessions per client address per hour (bounds what a script can make the database keep). */
  private readonly newSessions: FixedWindow;

  constructor(
    private readonly conversation: ConversationService,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsFeature,
    @Inject(PRISMA) prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    cipher: FieldCipher,
  ) {
    this.mailbox = new WebMailbox(prisma, cipher);
    this.cookie = new SessionCookie(config.http.secureCookies, 'baiying_chat');
    this.newSessions = new FixedWindow(config.webChatSession.perAddressPerHour, HOUR_MS);
  }

  private enabled(): void {
    if (!this.config.webChatEnabled) throw new NotFoundException();
  }

  /** Demo-only routes do not exist outside demo mode. */
  private demoOnly(): void {
    this.enabled();
    if (!this.config.webChatDemo) throw new NotFoundException();
  }

  private session(req: Request): Promise<WebSessionView | null> {
    return this.uow.run((w) => this.sessions.resolve.execute(w, { token: this.cookie.read(req), kind: 'chat' }));
  }

  private async requireSession(req: Request): Promise<WebSessionView & { chatId: string }> {
    const s = await this.session(req);
    if (!s?.chatId) throw noSession();
    return { ...s, chatId: s.chatId };
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', WEB_CHAT_PAGE_CSP)
  page(): string {
    this.enabled();
    return WEB_CHAT_PAGE;
  }

  /** This browser's session: resumed from its cookie, or a new one with a new private chat. */
  @Post('api/web/session')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async start(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.enabled();
    const live = await this.session(req);
    if (live?.chatId) return { chatId: live.chatId, csrf: live.csrf, demo: this.config.webChatDemo };
    if (!this.newSessions.take(req.ip ?? 'unknown')) {
      throw new HttpException('too many new chats from this address: try again later', HttpStatus.TOO_MANY_REQUESTS);
    }
    const started = await this.uow.run((w) => this.sessions.startChat.execute(w, { userAgent: req.headers['user-agent'] }));
    if (!started.ok) throw new BadRequestException(started.code);
    this.cookie.write(res, started.value.token, started.value.expiresAt);
    return { chatId: started.value.chatId, csrf: started.value.csrf, demo: this.config.webChatDemo };
  }

  /** "Forget this browser": the session ends; its cookie opens nothing afterwards. */
  @Post('api/web/session/end')
  @HttpCode(200)
  async end(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    this.enabled();
    const s = await this.requireSession(req);
    checkCsrf(req, s.csrf);
    await this.uow.run((w) => this.sessions.end.execute(w, { token: this.cookie.read(req), kind: 'chat' }));
    this.cookie.clear(res);
    return { ended: true };
  }

  /** This browser's own chat. */
  @Get('api/web/messages')
  @Header('Cache-Control', 'no-store')
  async own(@Req() req: Request, @Query('limit') limit?: string) {
    this.enabled();
    const s = await this.requireSession(req);
    return this.mailbox.recent(s.chatId, take(limit));
  }

  @Post('api/web/events')
  @HttpCode(200)
  async event(@Req() req: Request, @Body() body: unknown) {
    this.enabled();
    const s = await this.requireSession(req);
    checkCsrf(req, s.csrf);
    const persona = typeof body === 'object' && body !== null && 'personaId' in body;
    if (persona) {
      // The persona switcher: demo mode only; elsewhere a body naming a persona is refused.
      if (!this.config.webChatDemo) throw new BadRequestException('personaId is not accepted: the web chat speaks for its own session');
      const demo = webDemoEventSchema.safeParse(body);
      if (!demo.success) throw new BadRequestException(issues(demo.error.issues));
      const { personaId, chatId, displayName, ...event } = demo.data;
      return this.handle(event, { externalId: personaId, chatId, displayName: displayName ?? RESIDENT_NAME });
    }
    const parsed = webEventSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException(issues(parsed.error.issues));
    return this.handle(parsed.data, { externalId: s.chatId, chatId: s.chatId, displayName: RESIDENT_NAME });
  }

  private async handle(event: Parameters<typeof webEventToInbound>[0], who: Parameters<typeof webEventToInbound>[1]) {
    // What a person writes in their own private chat is kept, so their page shows it after a reload.
    const own = who.chatId === who.externalId ? (event.text ?? (event.location ? '📍' : undefined)) : undefined;
    if (own !== undefined) await this.mailbox.recordOwn(who.chatId, own);
    const outcome = await this.conversation.handle(webEventToInbound(event, who));
    return { duplicate: outcome.duplicate, answer: outcome.callbackAnswer ?? null };
  }

  // --- demo mode only ------------------------------------------------------------------------

  @Get('api/web/personas')
  async personas() {
    this.demoOnly();
    return this.mailbox.personas();
  }

  @Get('api/web/chats/:chatId/messages')
  @Header('Cache-Control', 'no-store')
  async messages(@Param('chatId') chatId: string, @Query('limit') limit?: string) {
    this.demoOnly();
    if (!WEB_CHAT_ID.test(chatId)) throw new BadRequestException('bad chat id');
    return this.mailbox.recent(chatId, take(limit));
  }

  @Get('favicon.ico')
  @HttpCode(204)
  favicon(): void {}

  @Get('healthz')
  health() {
    return { ok: true };
  }
}

function take(limit: string | undefined): number {
  return limit && /^\d{1,3}$/.test(limit) ? Math.max(1, Math.min(MAX_MESSAGES, Number(limit))) : DEFAULT_MESSAGES;
}

function issues(list: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return list.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');
}
