// The queue view (bull-board) at /ops/queues/, for county administrators only: an administrator
// grant on the root of the organisation (the county centre), through the console's own session
// cookie. In front of bull-board, in this order: its own Content-Security-Policy (below), the
// session (401), the role (403), and on every state-changing call the console's CSRF rules
// (same origin, the session's token in X-XSRF-TOKEN — what bull-board's axios sends from the
// XSRF-TOKEN cookie set with the page — or X-CSRF-Token; 403). Of bull-board's state-changing
// calls only retry and clean are offered (one job, or all of a state); add, edit, pause, empty,
// obliterate and the rest are refused (403). docs/decisions/0026-queue-board-and-command-menus.md.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@baiying/config';
import type { ErrorCode } from '@baiying/domain';
import { SessionsFeature } from '@baiying/features';
import { en, zh } from '@baiying/i18n';
import { UnitOfWork } from '@baiying/kernel';
import { JobProducer, QueueName } from '@baiying/queue';
import { ConsoleCookies } from '../http/console-auth.js';

export const QUEUE_BOARD_PATH = '/ops/queues';
/** The cookie bull-board's axios reads its CSRF header from (axios's default name). */
export const XSRF_COOKIE = 'XSRF-TOKEN';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The state-changing calls offered (paths below QUEUE_BOARD_PATH): retry and clean, of one job or of a state. */
const MUTATIONS: readonly RegExp[] = [
  /^\/api\/queues\/[^/]+\/[^/]+\/(retry|clean)$/,
  /^\/api\/queues\/[^/]+\/(retry|clean)\/(failed|completed|delayed|waiting|paused|prioritized|active)$/,
];
export const isOfferedMutation = (method: string, relPath: string): boolean => method === 'PUT' && MUTATIONS.some((r) => r.test(relPath));

/**
 * bull-board's page (its index.ejs) carries a loading placeholder with inline style attributes
 * and one inline <style> element: allowed by their hashes ('unsafe-hashes' for the attributes),
 * read from the installed template at start, so nothing else inline runs. No inline script is
 * needed (its configuration is a JSON data block, never executed). Its Google Fonts stylesheet
 * stays blocked: no third-party request from an administrator's page.
 */
export function queueBoardCsp(template: string): string {
  const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const inline = [...template.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!);
  const elements = [...template.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const hashes = [...new Set([...inline, ...elements].map(hash))];
  return (
    `default-src 'none'; script-src 'self'; style-src 'self'${inline.length ? " 'unsafe-hashes'" : ''}${hashes.map((h) => ` ${h}`).join('')}; ` +
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'"
  );
}

function uiTemplate(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(path.join(path.dirname(require.resolve('@bull-board/ui/package.json')), 'dist', 'index.ejs'), 'utf8');
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host.toLowerCase() === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}

function refuse(res: Response, code: ErrorCode): void {
  const status = code === 'console/no_session' ? 401 : 403;
  res.status(status).json({ error: code, message: zh(code), messageEn: en(code) });
}

/** Mounts bull-board over every queue of the desk, behind the checks above. */
export function mountQueueBoard(app: NestExpressApplication, config: AppConfig): void {
  const producer = app.get(JobProducer);
  const uow = app.get(UnitOfWork);
  const sessions = app.get(SessionsFeature);
  const cookies = app.get(ConsoleCookies);
  const logger = new Logger('QueueBoard');
  const csp = queueBoardCsp(uiTemplate());

  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(producer.queue(name), { allowRetries: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: '百应 · 队列 Queues', hideRedisDetails: true } },
  });

  app.use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Cache-Control', 'no-store');
    void (async () => {
      const admin = await uow.run(async (w) => {
        const s = await sessions.resolveConsole.execute(w, { token: cookies.session.read(req) });
        if (!s) return null;
        const tree = await w.repos.org.tree();
        const county = s.principal.grants.some((g) => g.role === 'admin' && tree.get(g.unitId)?.parentId === null);
        return { session: s, county };
      });
      if (!admin) return refuse(res, 'console/no_session');
      if (!admin.county) return refuse(res, 'console/forbidden');
      const { session } = admin;
      if (!SAFE.has(req.method)) {
        const sent = req.headers['x-xsrf-token'] ?? req.headers['x-csrf-token'];
        if (!sameOrigin(req) || typeof sent !== 'string' || !same(sent, session.csrf)) return refuse(res, 'console/csrf');
        if (!isOfferedMutation(req.method, req.path)) return refuse(res, 'console/forbidden');
        logger.log({ msg: 'queue action', action: req.path.split('/').slice(3).join('/'), personId: session.principal.personId });
      } else if (!req.path.startsWith('/api/') && !req.path.startsWith('/static/')) {
        // The page: bull-board's axios echoes this cookie in X-XSRF-TOKEN on the calls it makes.
        const attrs = [`${XSRF_COOKIE}=${session.csrf}`, `Path=${QUEUE_BOARD_PATH}`, 'SameSite=Strict'];
        if (config.api.secureCookies) attrs.push('Secure');
        res.append('Set-Cookie', attrs.join('; '));
      }
      next();
    })().catch(next);
  });
  app.use(QUEUE_BOARD_PATH, board.getRouter() as (req: Request, res: Response, next: NextFunction) => void);
}
