import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@baiying/config';
import { httpSecurity, useStructuredLogs } from '@baiying/platform';
import { ApiModule } from './api.module.js';
import { serveConsole } from './http/console-static.js';
import { CSRF_HEADER_NAME } from './http/csrf-header.js';
import { mountQueueBoard } from './ops/queue-board.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
/** Largest JSON body the console API reads (413 beyond). */
export const API_BODY_LIMIT = '16kb';
/** The reference page loads its own script and style files from here; nothing else, no framing. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Baiying console API (百应管理后台)')
    .setDescription(
      "REST under /api/v1 for the coordinators' console. Log in with a code said in chat (POST /api/v1/auth/login-codes, then `登录 <code>` to the bot); " +
        "the session is an HttpOnly cookie, and every state-changing call needs the session's CSRF token (GET /api/v1/auth/me) in X-CSRF-Token. " +
        'Role and scope are decided on the server; personal data is masked unless revealed with a reason (audited).',
    )
    .setVersion('1')
    .addCookieAuth('baiying_console')
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER_NAME }, 'csrf')
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** Builds and starts the console API (apps/api). */
export async function startApi(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: true,
    bodyParser: false,
  });
  useStructuredLogs(app);
  app.useBodyParser('json', { limit: API_BODY_LIMIT });
  // The public 公示 page's score form (no script: a plain urlencoded post).
  app.useBodyParser('urlencoded', { limit: '2kb', extended: false });
  app.use(httpSecurity(config.api.allowedHosts));
  app.use('/api/docs', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', DOCS_CSP);
    next();
  });
  serveConsole(app);
  mountQueueBoard(app, config);
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
  const doc = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/openapi.json', raw: ['json'], customSiteTitle: '百应 console API' });
  await app.listen(config.api.port, config.api.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  new Logger('Api').log(`Console API: ${url}/api/v1 (reference: ${url}/api/docs)`);
  new Logger('Api').log(`Console: ${url}/console/`);
  new Logger('Api').log(`Queues (county administrators): ${url}/ops/queues/`);
  return app;
}
