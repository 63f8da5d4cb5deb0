// The local web chat: a page where one can act as any demo resident, volunteer or
// coordinator, or as a new resident (a kiosk). It feeds the same conversation engine.
import { BadRequestException, Body, Controller, Get, Header, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { listWebPersonas, Repos, type PrismaClient } from '@baiying/db';
import { APP_CONFIG, PRISMA } from '@baiying/platform';
import { z } from 'zod';
import { ConversationService } from '../conversation.provider.js';
import { WEB_CHAT_PAGE } from './web-chat.page.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const eventSchema = z
  .object({
    personaId: z.string().regex(ID),
    displayName: z.string().max(64).optional(),
    chatId: z.string().regex(ID),
    clientMsgId: z.string().regex(ID),
    text: z.string().max(20_000).optional(),
    callbackData: z.string().max(256).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((e) => [e.text, e.callbackData, e.location].filter((x) => x !== undefined).length === 1, 'exactly one of text, callbackData, location');

@Controller()
export class WebChatController {
  constructor(
    private readonly conversation: ConversationService,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    if (!this.config.webChatEnabled) throw new NotFoundException();
    return WEB_CHAT_PAGE;
  }

  @Get('api/web/personas')
  async personas() {
    if (!this.config.webChatEnabled) throw new NotFoundException();
    return listWebPersonas(this.prisma);
  }

  @Get('api/web/chats/:chatId/messages')
  async messages(@Param('chatId') chatId: string, @Query('limit') limit?: string) {
    if (!this.config.webChatEnabled) throw new NotFoundException();
    if (!ID.test(chatId)) throw new BadRequestException('bad chat id');
    // The latest messages in full on every poll: edits (job cards) show up without a diff protocol.
    const take = limit && /^\d{1,3}$/.test(limit) ? Math.max(1, Math.min(200, Number(limit))) : 100;
    const rows = await new Repos(this.prisma).messaging.webRecent(chatId, take);
    return rows.map((r) => ({ seq: String(r.seq), text: r.text, buttons: r.buttons, edited: r.editedAt !== null, at: r.createdAt.toISOString() }));
  }

  @Post('api/web/events')
  @HttpCode(200)
  async event(@Body() body: unknown) {
    if (!this.config.webChatEnabled) throw new NotFoundException();
    const parsed = eventSchema.safeParse(body);
    if (!parsed.success) throw new BadRequestException(parsed.error.issues.map((i) => i.message).join('; '));
    const e = parsed.data;
    const isPrivate = e.chatId === e.personaId;
    const commandMatch = e.text !== undefined ? /^\/([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/.exec(e.text) : null;
    const outcome = await this.conversation.handle({
      channel: 'web',
      updateId: `${e.personaId}:${e.clientMsgId}`,
      chat: { id: e.chatId, kind: isPrivate ? 'private' : 'group' },
      from: { externalId: e.personaId, displayName: e.displayName ?? '网页用户' },
      ...(e.callbackData !== undefined
        ? { kind: 'callback' as const, callback: { id: e.clientMsgId, data: e.callbackData } }
        : e.location
          ? { kind: 'location' as const, location: e.location }
          : commandMatch
            ? { kind: 'command' as const, command: { name: commandMatch[1]!.toLowerCase(), args: commandMatch[2] ?? '' }, text: e.text }
            : { kind: 'text' as const, text: e.text }),
    });
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
