import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@baiying/config';
import { systemClock, type Clock } from '@baiying/domain';
import { httpSecurity, useStructuredLogs } from '@baiying/platform';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Routing, timers, reconciliation. Its only HTTP surface is a small listener on
 * WORKER_HTTP_HOST:WORKER_HTTP_PORT for /metrics and /health/* (no other route).
 */
export async function startWorker(config: AppConfig, clock: Clock = systemClock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule.forRoot(config, clock), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: true,
    bodyParser: false,
  });
  useStructuredLogs(app);
  app.use(httpSecurity(config.http.allowedHosts));
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  await app.listen(config.ops.workerHttp.port, config.ops.workerHttp.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  new Logger('Worker').log(`Worker HTTP: ${url}/metrics, ${url}/health/ready`);
  return app;
}
