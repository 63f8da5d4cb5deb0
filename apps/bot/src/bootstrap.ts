import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@baiying/config';
import { httpSecurity, useStructuredLogs } from '@baiying/platform';
import { BotModule, type BotOptions } from './bot.module.js';
import { WechatService } from './wechat/wechat.service.js';
import { TelegramService } from './telegram/telegram.service.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds and starts the bot app (HTTP: web chat, webhook; Telegram; outbound sending). */
export async function startBot(config: AppConfig, opts: BotOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(BotModule.forRoot(config, opts), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: true,
    bodyParser: true,
  });
  useStructuredLogs(app);
  app.useBodyParser('json', { limit: '256kb' });
  // Before every route: the Host check and security headers (libs/platform/src/http/http-security.ts).
  app.use(httpSecurity(config.http.allowedHosts));
  // A reverse proxy on this host may say who the client is (per-address limits); nobody else may.
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  const telegram = app.get(TelegramService);
  const webhook = await telegram.start();
  if (webhook && config.telegram?.webhookUrl) {
    app.getHttpAdapter().getInstance().post(new URL(config.telegram.webhookUrl).pathname, webhook);
  }
  await app.get(WechatService).start();
  await app.listen(config.http.port, config.http.host);
  await telegram.registerWebhook();
  const url = await app.getUrl();
  const base = config.http.publicBaseUrl ?? url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  new Logger('Bot').log(`HTTP: ${url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost')} (/metrics, /health/live, /health/ready)`);
  if (config.webChatEnabled) new Logger('Bot').log(`Web chat: ${base}/`);
  return app;
}
