// The coordinators' console (apps/console, built by Vite into dist/console) served at /console/:
// its files as they are (hashed assets cached for a year, index.html never), and index.html for
// every other path below /console/ (history-mode routes such as /console/needs/<id>). All of it
// under a strict Content-Security-Policy: scripts and styles from this origin only, no inline
// script and no inline style element (Element Plus sets styles through the DOM, which CSP allows).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

export const CONSOLE_PATH = '/console/';
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** dist/console beside the compiled apps (dist/apps/api/src) or the sources (apps/api/src). */
export function consoleDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}

const isRead = (req: Request): boolean => req.method === 'GET' || req.method === 'HEAD';

export function serveConsole(app: NestExpressApplication, dir = consoleDir()): void {
  const index = path.join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/console' && isRead(req)) return res.redirect(301, CONSOLE_PATH);
    if (req.path.startsWith(CONSOLE_PATH)) res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  app.useStaticAssets(dir, {
    prefix: CONSOLE_PATH,
    index: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith(CONSOLE_PATH) || !isRead(req)) return next();
    // A missing asset is a 404, not the page (a stale tab asking for an old chunk must fail loudly).
    if (req.path.startsWith(`${CONSOLE_PATH}assets/`) || !existsSync(index)) {
      res
        .status(404)
        .type('text/plain')
        .send(existsSync(index) ? 'Not found.\n' : 'The console is not built: run npm run build.\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
