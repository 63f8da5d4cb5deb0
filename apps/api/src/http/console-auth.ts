// Every /api/v1 route is behind this guard unless marked @Public(): the console session named
// by the cookie (401 without a live one), and on every state-changing method the session's CSRF
// token in X-CSRF-Token from the console's own origin (403). Role and scope are not decided
// here: the use cases decide them from the principal this attaches.
import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AppConfig } from '@baiying/config';
import { SessionsFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { APP_CONFIG, checkCsrf, SessionCookie } from '@baiying/platform';
import { refusal } from './api-errors.js';

const PUBLIC = 'baiying:public';
/** A route anyone may call (the login steps); it checks what it needs itself. */
export const Public = () => SetMetadata(PUBLIC, true);

const BEARER_OR_SESSION = 'baiying:bearer-or-session';
/**
 * A route machine clients may also call with a personal API token (`Authorization: Bearer`,
 * `/token` in chat): with that header the controller authenticates the token itself (a token is
 * not a cookie, so no CSRF applies); without it the console session and CSRF rules hold.
 */
export const BearerOrSession = () => SetMetadata(BEARER_OR_SESSION, true);

type WithSession = Request & { consoleSession?: ConsoleRequestSession };

/** The console session the guard resolved for this request. */
export const Me = createParamDecorator((_: unknown, ctx: ExecutionContext): ConsoleRequestSession => {
  const s = ctx.switchToHttp().getRequest<WithSession>().consoleSession;
  if (!s) throw refusal('console/no_session');
  return s;
});

/** Who calls a route open to API tokens and console sessions: the Authorization header, the client address, the session if any. */
export interface BearerOrSessionCaller {
  authorization: string | undefined;
  client: string;
  me: ConsoleRequestSession | null;
}

/** The caller of a `@BearerOrSession()` route (a bearer-token request has no session). */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): BearerOrSessionCaller => {
  const req = ctx.switchToHttp().getRequest<WithSession>();
  return { authorization: req.headers.authorization, client: req.ip ?? '', me: req.consoleSession ?? null };
});

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const SESSION_COOKIE = 'baiying_console';
export const PRE_COOKIE = 'baiying_console_login';

@Injectable()
export class ConsoleCookies {
  readonly session: SessionCookie;
  readonly pre: SessionCookie;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.session = new SessionCookie(config.api.secureCookies, SESSION_COOKIE);
    this.pre = new SessionCookie(config.api.secureCookies, PRE_COOKIE);
  }
}

@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsFeature,
    private readonly cookies: ConsoleCookies,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<WithSession>();
    if (req.headers.authorization !== undefined && this.reflector.getAllAndOverride<boolean>(BEARER_OR_SESSION, [ctx.getHandler(), ctx.getClass()]))
      return true;
    const s = await this.uow.run((w) => this.sessions.resolveConsole.execute(w, { token: this.cookies.session.read(req) }));
    if (!s) throw refusal('console/no_session');
    if (!SAFE.has(req.method)) {
      try {
        checkCsrf(req, s.csrf);
      } catch {
        throw refusal('console/csrf');
      }
    }
    req.consoleSession = s;
    return true;
  }
}

/** Login steps have no session yet: a cross-site page must not start or finish one (Origin, JSON only). */
export function checkLoginRequest(req: Request): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host: string | null;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      host = null;
    }
    if (!host || host !== req.headers.host?.toLowerCase()) throw refusal('console/csrf');
  }
  if (!SAFE.has(req.method) && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw refusal('console/csrf');
}
