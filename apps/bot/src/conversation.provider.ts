// The conversation engine every channel adapter feeds, over the desk's chat registrations.
// Transient failures (a lost connection, a serialization conflict) are retried before giving up.
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { ConversationEngine } from '@baiying/conversation';
import { Repos, type PrismaClient } from '@baiying/db';
import type { HandleOutcome, InboundEvent } from '@baiying/domain';
import { Desk, NluUnderstander } from '@baiying/features';
import { APP_CONFIG, PRISMA, libLogger } from '@baiying/platform';

const ATTEMPTS = 3;
const RETRY_BASE_MS = 50;

@Injectable()
export class ConversationService implements OnModuleInit {
  // Telegram starts polling (and WeChat listening) before Nest's init has built the engine: an
  // update that arrives first waits for it instead of failing and being lost.
  private resolveEngine!: (engine: ConversationEngine) => void;
  private readonly engine = new Promise<ConversationEngine>((resolve) => (this.resolveEngine = resolve));
  private readonly logger = libLogger('Conversation');

  constructor(
    private readonly desk: Desk,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // Categories and stations are read once at start; a county that edits them restarts the bot.
    const understander = await NluUnderstander.load(new Repos(this.prisma), this.config, (reason) =>
      this.logger.warn('model unavailable, using the rules', { reason }),
    );
    this.resolveEngine(new ConversationEngine(this.desk.uow, this.desk.chat(understander), this.logger));
  }

  async handle(ev: InboundEvent): Promise<HandleOutcome> {
    const engine = await this.engine;
    for (let attempt = 1; ; attempt++) {
      try {
        return await engine.handle(ev);
      } catch (e) {
        if (attempt >= ATTEMPTS) {
          this.logger.error('update failed', { channel: ev.channel, updateId: ev.updateId, error: (e as Error).message });
          throw e;
        }
        await new Promise((r) => setTimeout(r, RETRY_BASE_MS * attempt));
      }
    }
  }
}
