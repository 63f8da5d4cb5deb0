// /api/v1/auth: the console's login (登录口令 said in chat, /console links, demo personas) and a
// person's own sessions. Translates HTTP only; the rules are in libs/features/sessions.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '@baiying/config';
import { DEMO_PEOPLE } from '@baiying/db';
import { demoLoginSchema, loginLinkSchema, sessionIdSchema, SessionsFeature, type ConsoleRequestSession, type StartedConsoleSession } from '@baiying/features';
import { UnitOfWork } from '@baiying/kernel';
import { APP_CONFIG, FixedWindow } from '@baiying/platform';
import { z } from 'zod';
import { parseOr400, refusal, unwrap } from '../http/api-errors.js';
import { checkLoginRequest, ConsoleCookies, Me, Public } from '../http/console-auth.js';
import { CONSOLE_PATH } from '../http/console-static.js';

/** New login codes one client address may ask for per window. */
const CODES_PER_WINDOW = 30;
const WINDOW_MS = 600_000;
/** How often the login page should poll. */
const POLL_MS = 1000;
const DEMO_KEYS = DEMO_PEOPLE.map((p) => p.key);

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  private readonly codesPerAddress = new FixedWindow(CODES_PER_WINDOW, WINDOW_MS);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionsFeature,
    private readonly cookies: ConsoleCookies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private loggedIn(res: Response, s: StartedConsoleSession): { csrf: string; expiresAt: string } {
    this.cookies.session.write(res, s.token, s.expiresAt);
    return { csrf: s.csrf, expiresAt: s.expiresAt.toISOString() };
  }

  @Public()
  @Post('login-codes')
  @ApiOperation({ summary: 'Start a login: a pre-session cookie and a one-time code to say in chat (登录 <code>), valid 2 minutes' })
  async issueCode(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    checkLoginRequest(req);
    parseOr400(z.object({}).strict(), req.body);
    if (!this.codesPerAddress.take(req.ip ?? '?')) throw refusal('console/locked', { minutes: WINDOW_MS / 60_000 });
    const userAgent = req.headers['user-agent'];
    const r = await this.uow.run((w) => this.sessions.issueLoginCode.execute(w, userAgent ? { userAgent } : {}));
    this.cookies.pre.write(res, r.preToken, r.expiresAt);
    return { code: r.code, expiresAt: r.expiresAt.toISOString(), pollMs: POLL_MS, say: `登录 ${r.code}` };
  }

  @Public()
  @Get('login-codes/current')
  @ApiOperation({ summary: "Poll the browser's login: pending, approved (the session cookie is set), expired, locked, refused or used" })
  async poll(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    checkLoginRequest(req);
    const r = await this.uow.run((w) => this.sessions.pollLogin.execute(w, { preToken: this.cookies.pre.read(req) }));
    if (!r) throw refusal('console/no_session');
    if (r.state !== 'approved') return { state: r.state, expiresAt: r.expiresAt.toISOString() };
    this.cookies.pre.clear(res);
    return { state: 'approved', ...this.loggedIn(res, r.session) };
  }

  @Public()
  @Get('link/:token')
  @ApiOperation({ summary: 'A single-use login link from /console in chat (5 minutes): sets the session cookie and redirects to the console (/console/)' })
  async link(@Req() req: Request, @Res() res: Response, @Param() params: Record<string, string>) {
    const { token } = parseOr400(loginLinkSchema, params);
    const userAgent = req.headers['user-agent'];
    const s = unwrap(await this.uow.run((w) => this.sessions.redeemLoginLink.execute(w, { token, ...(userAgent ? { userAgent } : {}) })));
    this.loggedIn(res, s);
    res.redirect(303, CONSOLE_PATH);
  }

  @Public()
  @Get('demo/personas')
  @ApiOperation({ summary: 'Demo mode only (CONSOLE_DEMO, never in production): the seeded staff personas' })
  async personas() {
    if (!this.config.api.demo) throw refusal('console/demo_off');
    return this.uow.run((w) => this.sessions.demoPersonas.execute(w, DEMO_KEYS));
  }

  @Public()
  @Post('demo/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo mode only: log in as a seeded persona with one click' })
  @ApiBody({ schema: { type: 'object', properties: { persona: { type: 'string' } }, required: ['persona'] } })
  async demoLogin(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown) {
    if (!this.config.api.demo) throw refusal('console/demo_off');
    checkLoginRequest(req);
    const { persona } = parseOr400(demoLoginSchema, body);
    const userAgent = req.headers['user-agent'];
    const s = unwrap(await this.uow.run((w) => this.sessions.demoLogin.execute(w, { persona, ...(userAgent ? { userAgent } : {}) }, DEMO_KEYS)));
    return this.loggedIn(res, s);
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Who is logged in: role, scope, and the CSRF token for state-changing calls' })
  me(@Me() me: ConsoleRequestSession) {
    const p = me.principal;
    return { personId: p.personId, name: p.displayName, role: p.role, grants: p.grants, csrf: me.csrf, sessionId: me.sessionId };
  }

  @Get('sessions')
  @ApiCookieAuth()
  @ApiOperation({ summary: "The caller's own live console sessions" })
  async list(@Me() me: ConsoleRequestSession) {
    const rows = await this.uow.run((w) => this.sessions.mySessions.execute(w, me));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
  }

  @Delete('sessions/:id')
  @ApiCookieAuth()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: "Revoke one of the caller's own sessions (another person's answers 404)" })
  async revoke(@Me() me: ConsoleRequestSession, @Param() params: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    const { id } = parseOr400(sessionIdSchema, params);
    const r = unwrap(await this.uow.run((w) => this.sessions.revokeSession.execute(w, me, { sessionId: id })));
    if (id === me.sessionId) this.cookies.session.clear(res);
    return r;
  }

  @Post('logout')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiSecurity('csrf')
  @ApiOperation({ summary: 'End this session' })
  async logout(@Me() me: ConsoleRequestSession, @Res({ passthrough: true }) res: Response) {
    await this.uow.run((w) => this.sessions.logout.execute(w, me));
    this.cookies.session.clear(res);
    return { loggedOut: true };
  }
}
