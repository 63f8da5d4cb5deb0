// Logs, metrics and health for one process: imported once by CoreModule, so every app has them.
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@baiying/config';
import { poolUsage, type PrismaClient } from '@baiying/db';
import { APP_CONFIG, PRISMA } from '../tokens.js';
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
    metrics.gauge('baiying_db_statements_sent', "Statements this process's PostgreSQL pool has sent since start (BEGIN/COMMIT included)", [], async (g) => {
      const u = poolUsage(prisma);
      if (u) g.set(u.statements);
    });
  }
}

/**
 * Graceful shutdown's bound: when a signal starts the shutdown (Nest's shutdown hooks: polling and
 * the HTTP server stop, queue workers finish their active jobs, then connections close), a timer
 * ends the process after SHUTDOWN_TIMEOUT_MS if the hooks have not finished by then.
 */
@Injectable()
class ShutdownBound implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log({ msg: 'shutting down', signal: signal ?? 'close', boundMs: this.config.ops.shutdownTimeoutMs });
    if (!signal) return;
    setTimeout(() => {
      this.logger.error({ msg: 'shutdown bound exceeded: exiting', boundMs: this.config.ops.shutdownTimeoutMs });
      process.exit(1);
    }, this.config.ops.shutdownTimeoutMs).unref();
  }
}

@Global()
@Module({})
export class ObservabilityModule implements NestModule {
  static forRoot(config: AppConfig, app: string): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRootAsync({ useFactory: () => pinoParams(config, app) }), TerminusModule.forRoot({ logger: false })],
      providers: [{ provide: OpsMetrics, useValue: new OpsMetrics(app) }, HealthRegistry, HealthProbes, OpsMiddleware, PoolGauge, ShutdownBound],
      exports: [OpsMetrics, HealthRegistry],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(OpsMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
