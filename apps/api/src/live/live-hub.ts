// One Redis subscriber per API process on the console's live channel (decision 0028); every
// open stream registers a listener here and decides, per event, whether its viewer may see it.
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { parseLiveEvent } from '@baiying/features';
import type { LiveEvent } from '@baiying/kernel';
import { APP_CONFIG } from '@baiying/platform';
import { createRedis, JobProducer } from '@baiying/queue';
import type { Redis } from 'ioredis';

type Listener = (e: LiveEvent) => void;

@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly log = new Logger('LiveHub');
  /** Each open stream's event handler and how to end it (at shutdown). */
  private readonly listeners = new Map<Listener, () => void>();
  private subscriber: Redis | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producer: JobProducer,
  ) {}

  /** Subscribes on first use; resolves once Redis confirmed the subscription. */
  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const sub = createRedis(this.config.redisUrl);
    this.subscriber = sub;
    sub.on('message', (_channel: string, raw: string) => {
      const e = parseLiveEvent(raw);
      if (!e) return;
      for (const l of this.listeners.keys()) l(e);
    });
    sub.on('error', (err: Error) => this.log.warn(`live channel: ${err.message}`));
    this.ready = sub.subscribe(this.producer.liveChannel).then(() => undefined);
    return this.ready;
  }

  /** Adds a listener once the subscription is live; returns its removal. `end` closes its stream at shutdown. */
  async listen(l: Listener, end: () => void): Promise<() => void> {
    await this.start();
    this.listeners.set(l, end);
    return () => this.listeners.delete(l);
  }

  onModuleDestroy(): void {
    // Open streams would hold the HTTP server's close: end them first (browsers reconnect elsewhere).
    for (const end of [...this.listeners.values()]) end();
    this.subscriber?.disconnect();
  }
}
