// Shared wiring for every app: config, database, encryption, job producer, the desk.
import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { configuredDirectory } from '@baiying/channels';
import { describeConfig, loadConfig, type AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, PrismaClient, ReferenceCache } from '@baiying/db';
import { systemClock, type Clock } from '@baiying/domain';
import { Desk } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { JobProducer } from '@baiying/queue';

import { ObservabilityModule } from './observability/observability.module.js';
import { APP_CONFIG, PRISMA } from './tokens.js';

export { APP_CONFIG, PRISMA };

/** Connections in each process's PostgreSQL pool. */
const POOL_SIZE = 20;

const APP_NAME = Symbol('APP_NAME');

@Injectable()
class CoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(APP_NAME) appName: string,
  ) {
    // While the app is being built: buffered, then written by the app's logger (at LOG_LEVEL).
    const logger = new Logger('Config');
    logger.log({ msg: `${appName} starting`, config: describeConfig(config) });
    if (config.encryptionKeyIsDevDefault) logger.warn('ENCRYPTION_KEY is not set: using the development key (never in production)');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    await this.prisma.$disconnect();
  }
}

@Global()
@Module({})
export class CoreModule {
  /**
   * `opts.referenceCache`: the desk keeps categories and stations in memory (decision 0049); only
   * for an app that invalidates it on the settings notification and does not edit them (the bot).
   * `opts.preparedStatements`: the app prepares up to `DATABASE_PREPARED_STATEMENTS` statement texts
   * per connection (decision 0072); only for an app whose statements are a few texts run again and
   * again with values that want the same plan (the bot's turns and sends), not for the console's
   * filters or the worker's reports, whose values want a plan each.
   */
  static forRoot(
    config: AppConfig = loadConfig(),
    appName = 'app',
    clock: Clock = systemClock,
    opts: { referenceCache?: boolean; preparedStatements?: boolean } = {},
  ): DynamicModule {
    return {
      module: CoreModule,
      imports: [ObservabilityModule.forRoot(config, appName)],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_NAME, useValue: appName },
        {
          provide: PRISMA,
          useFactory: () =>
            createPrismaClient(config.databaseUrl, POOL_SIZE, { preparedStatements: opts.preparedStatements ? config.databasePreparedStatements : 0 }),
        },
        { provide: FieldCipher, useFactory: () => new FieldCipher(config.encryptionKey, config.previousEncryptionKeys) },
        { provide: JobProducer, useFactory: () => new JobProducer({ redisUrl: config.redisUrl, prefix: config.redisPrefix }) },
        {
          provide: Desk,
          inject: [PRISMA, FieldCipher, JobProducer],
          useFactory: (prisma: PrismaClient, cipher: FieldCipher, producer: JobProducer) =>
            new Desk({
              prisma,
              cipher,
              producer,
              config,
              clock,
              channels: configuredDirectory(config),
              ...(opts.referenceCache ? { reference: new ReferenceCache() } : {}),
            }),
        },
        { provide: UnitOfWork, inject: [Desk], useFactory: (desk: Desk) => desk.uow },
        CoreLifecycle,
      ],
      exports: [APP_CONFIG, PRISMA, FieldCipher, JobProducer, Desk, UnitOfWork],
    };
  }
}
