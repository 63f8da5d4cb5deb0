import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { ConversationEngine, KeywordUnderstander, type CategoryVocab, type HandleOutcome, type InboundEvent } from '@baiying/conversation';
import { Repos, type PrismaClient } from '@baiying/db';
import { Desk } from '@baiying/desk';
import { APP_CONFIG, PRISMA, libLogger } from '@baiying/platform';

/** The engine every channel adapter feeds. Transient failures are retried before giving up. */
@Injectable()
export class ConversationService implements OnModuleInit {
  private engine!: ConversationEngine;
  private vocab: CategoryVocab[] = [];
  private readonly logger = libLogger('Conversation');

  constructor(
    private readonly desk: Desk,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.vocab = (await new Repos(this.prisma).org.categories()).map((c) => ({ code: c.code, keywords: c.keywords }));
    this.engine = new ConversationEngine(this.desk, {
      understander: new KeywordUnderstander(() => this.vocab),
      confidenceThreshold: this.config.nlu.confidenceThreshold,
      logger: this.logger,
    });
  }

  async handle(ev: InboundEvent): Promise<HandleOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.engine.handle(ev);
      } catch (e) {
        if (attempt >= 3) {
          this.logger.error('update failed', { channel: ev.channel, updateId: ev.updateId, error: (e as Error).message });
          throw e;
        }
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
}
