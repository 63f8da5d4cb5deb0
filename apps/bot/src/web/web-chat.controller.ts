// The local web chat: a page where one can act as any demo resident, volunteer or coordinator,
// or as a new resident (a kiosk). It feeds the same conversation engine.
import { BadRequestException, Body, Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { WEB_CHAT_ID, WEB_CHAT_PAGE, WebMailbox, webEventSchema, webEventToInbound } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import type { PrismaClient } from '@baiying/db';
import { APP_CONFIG, PRISMA } from '@baiying/platform';
import { ConversationService } from '../conversation.provider.js';

/** Messages a poll returns by default, and at most. */
const DEFAULT_MESSAGES = 100;
const MAX_MESSAGES = 200;

@Controller()
export class WebChatController {
  private readonly mailbox: WebMailbox;

  constructor(
    private readonly conversation: ConversationService,
    @Inject(PRISMA) prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mailbox = new WebMailbox(prisma);
  }

  private enabled(): void {
    if (!this.config.webChatEnabled) throw new NotFoundException();
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    this.enabled();
    return WEB_CHAT_PAGE;
  }

  @Get('api/web/personas')
  async personas() {
    this.enabled();
    return this.mailbox.personas();
  }

  @Get('api/web/chats/:chatId/messages')
  async messages(@Param('chatId') chatId: string, @Query('limit') limit?: string) {
    this.enabled();
    if (!WEB_CHAT_ID.test(chatId)) throw new BadRequestException('bad chat id');
    const take = limit && /^\d{1,3}$/.test(limit) ? Math.max(1, Math.min(MAX_MESSAGES, Number(limit))) : DEFAULT_MESSAGES;
    return this.mailbox.recent(chatId, take);
  }

  @Post('api/web/events')
  @HttpCode(200)
  async event(@Body() body: unknown) {
    this.enabled();
    const parsed = webEventSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException(parsed.error.issues.map((i) => i.message).join('; '));
    const outcome = await this.conversation.handle(webEventToInbound(parsed.data));
    return { duplicate: outcome.duplicate, answer: outcome.callbackAnswer ?? null };
  }

  @Get('favicon.ico')
  @HttpCode(204)
  favicon(): void {}

  @Get('healthz')
  health() {
    return { ok: true };
  }
}
