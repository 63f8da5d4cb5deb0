// Server-Sent Events (decision 0028). `GET /api/v1/events`: the console session's stream of
// need and call changes its scope covers (ids, codes, statuses — the page fetches what it
// shows through the scoped routes). It ends when the session does: logout, revoke or "不是我"
// close it at once (a session event), and every LIVE_RECHECK_MS the session and the principal
// are read again (idle timeout, lifetime, a withdrawn role). `GET
// /api/v1/auth/login-codes/current/events`: the login page's stream, one `login` event when its
// code was said in chat (the page then collects the session with the usual poll).
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { liveVerdict, SessionsFeature, type ConsoleRequestSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { refusal } from '../http/api-errors.js';
import { checkLoginRequest, ConsoleCookies, Me, Public } from '../http/console-auth.js';
import { LiveHub } from './live-hub.js';

/** How often an open stream re-reads its session and sends a keep-alive comment. */
export const LIVE_RECHECK_MS = 15_000;
/** A login stream stays open this long past its code's expiry at most. */
const LOGIN_GRACE_MS = 5_000;

function openStream(res: Response): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // Reconnect after 2 s if the connection drops.
  res.write('retry: 2000\n\n');
}

function send(res: Response, type: string, data: object): void {
  res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

@ApiTags('live')
@Controller()
export class EventsController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsFeature,
    private readonly cookies: ConsoleCookies,
    private readonly hub: LiveHub,
  ) {}

  @Get('api/v1/events')
  @ApiCookieAuth()
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Server-Sent Events: need and call changes in the viewer’s scope (event: need | call); closes with the session' })
  async events(@Me() me: ConsoleRequestSession, @Req() req: Request, @Res() res: Response): Promise<void> {
    let principal = me.principal;
    let closed = false;
    let stop = (): void => undefined;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      stop();
      res.end();
    };
    const timer = setInterval(() => {
      void this.uow
        .run((w) => this.sessions.resolveConsole.execute(w, { token: this.cookies.session.read(req) }))
        .then((s) => {
          if (!s || s.sessionId !== me.sessionId) return close();
          principal = s.principal;
          if (!closed) res.write(': keep-alive\n\n');
        })
        .catch(() => close());
    }, LIVE_RECHECK_MS);
    req.on('close', close);
    openStream(res);
    stop = await this.hub.listen((e) => {
      if (closed) return;
      const v = liveVerdict(principal, me.sessionId, e);
      if (!v) return;
      if ('close' in v) {
        send(res, 'end', { reason: 'session_ended' });
        return close();
      }
      send(res, v.deliver.type, v.deliver);
    }, close);
    if (closed) stop();
    else send(res, 'ready', { sessionId: me.sessionId });
  }

  @Public()
  @Get('api/v1/auth/login-codes/current/events')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: "Server-Sent Events for the login page: `event: login` once the browser's code was said in chat (then poll login-codes/current once)",
  })
  async loginEvents(@Req() req: Request, @Res() res: Response): Promise<void> {
    checkLoginRequest(req);
    const login = await this.uow.run((w) => this.sessions.watchLogin.execute(w, { preToken: this.cookies.pre.read(req) }));
    if (!login) throw refusal('console/no_session');
    let closed = false;
    let stop = (): void => undefined;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      stop();
      res.end();
    };
    const timer = setTimeout(close, Math.max(0, login.expiresAt.getTime() - Date.now()) + LOGIN_GRACE_MS);
    req.on('close', close);
    openStream(res);
    stop = await this.hub.listen((e) => {
      if (closed || e.type !== 'login' || e.id !== login.loginId) return;
      send(res, 'login', {});
      close();
    }, close);
    if (closed) stop();
    // Subscribed: whatever happened before this is read by the page's poll after `ready`.
    else send(res, 'ready', {});
  }
}
