// 登录口令: the console page asks for a code (a pre-session cookie bound to it); a staff member
// says `登录 <code>` to the bot on any channel; the page's next poll turns the approved login into
// a console session. "不是我" on the bot's answer refuses the login and revokes its session.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { consolePrincipal } from './console-access.js';
import { startConsoleSession, type StartedConsoleSession } from './console-session.js';
import {
  browserSummary,
  LOGIN_CODE_SECONDS,
  LOGIN_CODE_TRIES,
  LOGIN_FAILURES_PER_PERSON,
  loginCodeHash,
  loginCodeHashes,
  newLoginCode,
  parseLoginCode,
  showLoginCode,
} from './login-code.js';
import { hashSessionToken, newSessionToken, SESSION_TOKEN_FORMAT } from './session-token.js';

const USER_AGENT_CHARS = 200;
/** Selectors are short: one taken by a live login is drawn again. */
const DRAWS = 8;
const THROTTLE = 'console-login';
const EVERYONE = '*';
/** Everyone's wrong codes per window before saying codes pauses for everybody. */
const FAILURES_GLOBAL = 200;
/** An approved login the page has not picked up within this past the code's expiry lapses. */
const PICKUP_GRACE_MS = 60_000;

export interface IssuedLoginCode {
  /** The pre-session cookie's value (stored only as a hash). */
  preToken: string;
  code: string;
  expiresAt: Date;
}

export class IssueLoginCode {
  async execute(w: Work, input: { userAgent?: string }): Promise<IssuedLoginCode> {
    let next = newLoginCode();
    for (let i = 1; i < DRAWS && (await w.repos.console.selectorTaken(next.selector, w.now)); i++) next = newLoginCode();
    const preToken = newSessionToken();
    const expiresAt = new Date(w.now.getTime() + LOGIN_CODE_SECONDS * 1000);
    await w.repos.console.createLogin({
      kind: 'code',
      preTokenHash: hashSessionToken(preToken),
      selector: next.selector,
      secretHash: loginCodeHash(w, next.code),
      ...(input.userAgent ? { userAgent: input.userAgent.slice(0, USER_AGENT_CHARS) } : {}),
      createdAt: w.now,
      expiresAt,
    });
    return { preToken, code: showLoginCode(next.code), expiresAt };
  }
}

const redeemSchema = z.object({ code: z.string().max(40) });

export interface ApprovedLogin {
  loginId: string;
  browser: string;
  at: Date;
}

export class RedeemLoginCode {
  async execute(w: Work, actor: ActorRow, input: { code: string }): Promise<Result<ApprovedLogin>> {
    const cmd = parseCommand(redeemSchema, input);
    if (!cmd.ok) return cmd;
    // Only staff may log in; a resident's code is refused before it is even looked at (no oracle).
    if (!(await consolePrincipal(w, actor.personId))) return err('console/not_staff');
    const gates = [
      { key: actor.personId, limit: LOGIN_FAILURES_PER_PERSON },
      { key: EVERYONE, limit: FAILURES_GLOBAL },
    ];
    for (const g of gates) {
      const until = await w.repos.throttle.lockedUntil(THROTTLE, g.key, w.now);
      if (until) return err('console/locked', { minutes: Math.max(1, Math.ceil((until.getTime() - w.now.getTime()) / 60_000)) });
    }
    const fail = async (): Promise<Result<never>> => {
      for (const g of gates) await w.repos.throttle.fail(THROTTLE, g.key, w.now, { limit: g.limit, windowMs: w.config.auth.lockoutMinutes * 60_000 });
      return err('console/bad_code');
    };
    const parsed = parseLoginCode(cmd.value.code);
    if (!parsed) return fail();
    const hashes = loginCodeHashes(w, parsed.code);
    for (const row of await w.repos.console.pendingBySelector(parsed.selector, w.now)) {
      await w.repos.console.lockLogin(row.id);
      if (!row.secretHash || !hashes.includes(row.secretHash)) {
        await w.repos.console.loginFailure(row.id, LOGIN_CODE_TRIES, w.now);
        return fail();
      }
      if (!(await w.repos.console.approveLogin(row.id, actor.personId, w.now))) return fail();
      return ok({ loginId: row.id, browser: browserSummary(row.userAgent), at: w.now });
    }
    return fail();
  }
}

export type PollState =
  { state: 'pending' | 'expired' | 'locked' | 'refused' | 'used'; expiresAt: Date } | { state: 'approved'; session: StartedConsoleSession };

export class PollLogin {
  async execute(w: Work, input: { preToken: string | undefined }): Promise<PollState | null> {
    if (!input.preToken || !SESSION_TOKEN_FORMAT.test(input.preToken)) return null;
    const found = await w.repos.console.loginByPreToken(hashSessionToken(input.preToken));
    if (!found) return null;
    await w.repos.console.lockLogin(found.id);
    const row = (await w.repos.console.loginById(found.id))!;
    const base = { expiresAt: row.expiresAt };
    if (row.refusedAt) return { state: 'refused', ...base };
    if (row.consumedAt) return { state: 'used', ...base };
    if (row.lockedAt) return { state: 'locked', ...base };
    if (row.approvedAt && row.personId) {
      // Approved within its lifetime: the session starts now, once, if the page comes for it soon.
      if (row.expiresAt.getTime() + PICKUP_GRACE_MS <= w.now.getTime()) return { state: 'expired', ...base };
      if (!(await consolePrincipal(w, row.personId))) return { state: 'refused', ...base };
      const session = await startConsoleSession(w, row.personId, 'code', row.userAgent);
      await w.repos.console.consumeLogin(row.id, session.sessionId, w.now);
      return { state: 'approved', session };
    }
    if (row.expiresAt <= w.now) return { state: 'expired', ...base };
    return { state: 'pending', ...base };
  }
}

/** "不是我": the person who approved a login refuses it; its session (if it started) is revoked. */
export class RefuseLogin {
  async execute(w: Work, actor: ActorRow, input: { loginId: string }): Promise<Result<{ revoked: boolean }>> {
    const row = await w.repos.console.loginById(input.loginId);
    if (!row || row.personId !== actor.personId) return err('console/not_found');
    await w.repos.console.lockLogin(row.id);
    await w.repos.console.refuseLogin(row.id, w.now);
    const fresh = await w.repos.console.loginById(row.id);
    let revoked = false;
    if (fresh?.sessionId) {
      const s = await w.repos.sessions.byId(fresh.sessionId);
      if (s && !s.revokedAt) {
        await w.repos.sessions.revoke(s.id, w.now);
        revoked = true;
      }
    }
    await w.repos.console.audit({
      at: w.now,
      actorId: actor.personId,
      action: 'login_refused',
      sessionId: fresh?.sessionId ?? null,
      detail: { loginId: row.id, revoked },
    });
    return ok({ revoked });
  }
}

/** The login a pre-session cookie names, for its live stream (the page learns of the approval at once). */
export class WatchLogin {
  async execute(w: Work, input: { preToken: string | undefined }): Promise<{ loginId: string; expiresAt: Date } | null> {
    if (!input.preToken || !SESSION_TOKEN_FORMAT.test(input.preToken)) return null;
    const row = await w.repos.console.loginByPreToken(hashSessionToken(input.preToken));
    return row ? { loginId: row.id, expiresAt: row.expiresAt } : null;
  }
}
