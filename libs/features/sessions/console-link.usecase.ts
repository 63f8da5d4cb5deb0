// /console in a private chat: a single-use login link (LOGIN_LINK_MINUTES) for the person who
// asked; and, in demo mode only, one-click login as a seeded persona.
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import { consolePrincipal } from './console-access.js';
import { startConsoleSession, type StartedConsoleSession } from './console-session.js';
import { LOGIN_LINK_MINUTES } from './login-code.js';
import { hashSessionToken, newSessionToken, SESSION_TOKEN_FORMAT } from './session-token.js';

export class IssueLoginLink {
  async execute(w: Work, actor: ActorRow): Promise<Result<{ url: string; minutes: number }>> {
    if (!(await consolePrincipal(w, actor.personId))) return err('console/not_staff');
    const token = newSessionToken();
    await w.repos.console.createLogin({
      kind: 'link',
      linkTokenHash: hashSessionToken(token),
      personId: actor.personId,
      approvedAt: w.now,
      createdAt: w.now,
      expiresAt: new Date(w.now.getTime() + LOGIN_LINK_MINUTES * 60_000),
    });
    return ok({ url: `${w.config.api.publicBaseUrl}/api/v1/auth/link/${token}`, minutes: LOGIN_LINK_MINUTES });
  }
}

export class RedeemLoginLink {
  async execute(w: Work, input: { token: string; userAgent?: string }): Promise<Result<StartedConsoleSession>> {
    if (!SESSION_TOKEN_FORMAT.test(input.token)) return err('console/bad_link');
    const found = await w.repos.console.loginByLinkToken(hashSessionToken(input.token));
    if (!found) return err('console/bad_link');
    await w.repos.console.lockLogin(found.id);
    const row = (await w.repos.console.loginById(found.id))!;
    if (row.consumedAt || row.refusedAt || row.expiresAt <= w.now || !row.personId) return err('console/bad_link');
    if (!(await consolePrincipal(w, row.personId))) return err('console/bad_link');
    const session = await startConsoleSession(w, row.personId, 'link', input.userAgent);
    await w.repos.console.consumeLogin(row.id, session.sessionId, w.now);
    return ok(session);
  }
}

export interface DemoPersona {
  key: string;
  name: string;
  role: string;
}

/** Demo mode only (CONSOLE_DEMO: never in production, loopback only): the seeded staff. */
export class DemoPersonas {
  async execute(w: Work, personaKeys: readonly string[]): Promise<DemoPersona[]> {
    if (!w.config.api.demo) return [];
    const out: DemoPersona[] = [];
    for (const key of personaKeys) {
      const identity = await w.repos.people.identityOf('web', key);
      if (!identity) continue;
      const p = await consolePrincipal(w, identity.personId);
      if (p) out.push({ key, name: p.displayName, role: p.role });
    }
    return out;
  }
}

export class DemoLogin {
  async execute(w: Work, input: { persona: string; userAgent?: string }, personaKeys: readonly string[]): Promise<Result<StartedConsoleSession>> {
    if (!w.config.api.demo || !personaKeys.includes(input.persona)) return err('console/not_found');
    const identity = await w.repos.people.identityOf('web', input.persona);
    if (!identity || !(await consolePrincipal(w, identity.personId))) return err('console/not_found');
    return ok(await startConsoleSession(w, identity.personId, 'demo', input.userAgent));
  }
}
