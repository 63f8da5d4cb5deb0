// The conversation engine every channel adapter feeds, over the desk's chat registrations,
// behind the desk's ingress: the inbound limit, retries of transient failures (a lost
// connection, a serialization conflict), and the dead letter for an update that still fails.
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RedisInboundLimiter } from '@baiying/channels';
import type { AppConfig } from '@baiying/config';
import { ConversationEngine, type ConversationIngress } from '@baiying/conversation';
import { listenForSettings, Repos, type PrismaClient, type SettingsListener } from '@baiying/db';
import type { HandleOutcome, InboundEvent } from '@baiying/domain';
import { Desk, NluUnderstander, ReloadingUnderstander } from '@baiying/features';
import { APP_CONFIG, OpsMetrics, PRISMA, libLogger, withCorrelation } from '@baiying/platform';
import { JobProducer } from '@baiying/queue';

@Injectable()
export class ConversationService implements OnModuleInit, OnModuleDestroy {
  // Telegram starts polling (and WeChat listening) before Nest's init has built the engine: an
  // update that arrives first waits for it instead of failing and being lost.
  private resolveIngress!: (ingress: ConversationIngress) => void;
  private readonly ingress = new Promise<ConversationIngress>((resolve) => (this.resolveIngress = resolve));
  private readonly logger = libLogger('Conversation');
  private readonly updates = new Logger('Updates');
  private settings: SettingsListener | null = null;
  /** The understanding in use; reloaded when the console's settings change (decision 0029). */
  understander: ReloadingUnderstander | null = null;

  constructor(
    private readonly desk: Desk,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producer: JobProducer,
    private readonly metrics: OpsMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    // Categories and stations are read at start and again whenever the console's settings change
    // them (pg_notify on commit, decision 0029): no restart.
    const understander = await ReloadingUnderstander.start(() =>
      NluUnderstander.load(new Repos(this.prisma), this.config, (reason) => this.logger.warn('model unavailable, using the rules', { cause: reason })),
    );
    this.understander = understander;
    this.settings = await listenForSettings(
      this.config.databaseUrl,
      (what) => {
        // The desk's cached categories and stations first (decision 0049): the next turn reads
        // them again, with a snapshot that includes the edit's commit.
        this.desk.deps.reference?.invalidate();
        understander.reload().then(
          () => this.logger.log('reference data reloaded', { what, generation: understander.generation }),
          (e: unknown) => this.logger.error('reference data reload failed', { what, cause: String(e) }),
        );
      },
      (e) => this.logger.warn('settings listener connection lost', { cause: String(e) }),
    );
    const engine = new ConversationEngine(this.desk.uow, this.desk.chat(understander), this.logger);
    const limiter = new RedisInboundLimiter(this.producer.connection, this.config.redisPrefix);
    this.resolveIngress(this.desk.ingress(engine, limiter, this.logger));
  }

  async onModuleDestroy(): Promise<void> {
    await this.settings?.close();
  }

  /** One update: its `<channel>:<update id>` is the correlation id of all it logs. */
  async handle(ev: InboundEvent): Promise<HandleOutcome> {
    const channel = ev.channel;
    this.metrics.updatesReceived.inc({ channel });
    const done = this.metrics.handlingSeconds.startTimer({ channel });
    return withCorrelation(`${channel}:${ev.updateId}`, async () => {
      try {
        const outcome = await (await this.ingress).handle(ev);
        this.metrics.updatesHandled.inc({ channel });
        this.updates.debug({ msg: 'update handled', channel, kind: ev.kind, duplicate: outcome.duplicate, limited: outcome.limited ?? false });
        return outcome;
      } catch (e) {
        this.metrics.updatesFailed.inc({ channel });
        throw e;
      } finally {
        done();
      }
    });
  }
}
