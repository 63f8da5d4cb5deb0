// Shared wiring for every app: config, database, encryption, job producer, the desk.
import { Global, Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { configuredDirectory } from '@baiying/channels';
import { describeConfig, loadConfig, type AppConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, PrismaClient } from '@baiying/db';
import { systemClock, type Clock } from '@baiying/domain';
import { Desk } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { JobProducer } from '@baiying/queue';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRISMA = Symbol('PRISMA');

/** Connections in each process's PostgreSQL pool. */
const POOL_SIZE = 20;

@Injectable()
class CoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.producer.close();
    await this.prisma.$disconnect();
  }
}

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig = loadConfig(), appName = 'app', clock: Clock = systemClock): DynamicModule {
    const logger = new Logger('Config');
    // Printed before the app's logger exists, so honour LOG_LEVEL here by hand.
    if (config.logLevel !== 'error' && config.logLevel !== 'warn') logger.log(`${appName} starting with ${JSON.stringify(describeConfig(config))}`);
    if (config.encryptionKeyIsDevDefault) logger.warn('ENCRYPTION_KEY is not set: using the development key (never in production)');
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PRISMA, useFactory: () => createPrismaClient(config.databaseUrl, POOL_SIZE) },
        { provide: FieldCipher, useFactory: () => new FieldCipher(config.encryptionKey, config.previousEncryptionKeys) },
        { provide: JobProducer, useFactory: () => new JobProducer({ redisUrl: config.redisUrl, prefix: config.redisPrefix }) },
        {
          provide: Desk,
          inject: [PRISMA, FieldCipher, JobProducer],
          useFactory: (prisma: PrismaClient, cipher: FieldCipher, producer: JobProducer) =>
            new Desk({ prisma, cipher, producer, config, clock, channels: configuredDirectory(config) }),
        },
        { provide: UnitOfWork, inject: [Desk], useFactory: (desk: Desk) => desk.uow },
        CoreLifecycle,
      ],
      exports: [APP_CONFIG, PRISMA, FieldCipher, JobProducer, Desk, UnitOfWork],
    };
  }
}
