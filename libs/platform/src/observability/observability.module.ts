// Logs, metrics and health for one process: imported once by CoreModule, so every app has them.
import { Global, Inject, Injectable, Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@baiying/config';
import { poolUsage, type PrismaClient } from '@baiying/db';
import { PRISMA } from '../tokens.js';
import { HealthProbes, HealthRegistry } from './health.js';
import { pinoParams } from './logging.js';
import { OpsMetrics } from './metrics.js';
import { OpsMiddleware } from './ops.middleware.js';

/** This process's PostgreSQL pool, read when scraped. */
@Injectable()
class PoolGauge {
  constructor(@Inject(PRISMA) prisma: PrismaClient, metrics: OpsMetrics) {
    metrics.gauge('baiying_db_pool_connections', "This process's PostgreSQL pool: max, open, idle, callers waiting", ['state'], async (g) => {
      const u = poolUsage(prisma);
      if (!u) return;
      for (const state of ['max', 'total', 'idle', 'waiting'] as const) g.set({ state }, u[state]);
    });
  }
}

@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(config: AppConfig, app: string): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRootAsync({ useFactory: () => pinoParams(config, app) }), TerminusModule.forRoot({ logger: false })],
      providers: [{ provide: OpsMetrics, useValue: new OpsMetrics(app) }, HealthRegistry, HealthProbes, OpsMiddleware, PoolGauge],
      exports: [OpsMetrics, HealthRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OpsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
