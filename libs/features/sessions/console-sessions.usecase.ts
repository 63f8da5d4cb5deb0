// A console request's session: resolved from its cookie to a principal (role and scope read
// fresh on every request, so a withdrawn role takes effect at once); a person's own sessions
// listed and revoked; logout. Each ending is written to the audit trail.
import { err, ok, type Result } from '@baiying/domain';
import type { Work } from '@baiying/kernel';
import type { ConsoleSessionView } from '@baiying/contracts';
import { consolePrincipal, type ConsolePrincipal } from './console-access.js';
import { browserSummary } from './login-code.js';
import type { ResolveSession } from './resolve-session.usecase.js';

export interface ConsoleRequestSession {
  sessionId: string;
  csrf: string;
  principal: ConsolePrincipal;
}

export class ResolveConsole {
  constructor(private readonly resolve: ResolveSession) {}

  async execute(w: Work, input: { token: string | undefined }): Promise<ConsoleRequestSession | null> {
    const s = await this.resolve.execute(w, { token: input.token, kind: 'console' });
    if (!s?.personId) return null;
    const principal = await consolePrincipal(w, s.personId);
    return principal ? { sessionId: s.id, csrf: s.csrf, principal } : null;
  }
}

export class ListMySessions {
  async execute(w: Work, me: ConsoleRequestSession): Promise<ConsoleSessionView[]> {
    const rows = await w.repos.sessions.ofPerson(me.principal.personId, 'console', w.now);
    return rows.map((r) => ({
      id: r.id,
      current: r.id === me.sessionId,
      browser: browserSummary(r.userAgent),
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      expiresAt: r.expiresAt,
    }));
  }
}

export class RevokeMySession {
  async execute(w: Work, me: ConsoleRequestSession, input: { sessionId: string }): Promise<Result<{ revoked: true }>> {
    const s = await w.repos.sessions.byId(input.sessionId);
    // Someone else's session answers like a missing one.
    if (!s || s.kind !== 'console' || s.personId !== me.principal.personId || s.revokedAt) return err('console/not_found');
    await w.repos.sessions.revoke(s.id, w.now);
    await w.repos.console.audit({ at: w.now, actorId: me.principal.personId, action: 'session_revoked', sessionId: s.id });
    return ok({ revoked: true });
  }
}

export class Logout {
  async execute(w: Work, me: ConsoleRequestSession): Promise<void> {
    await w.repos.sessions.revoke(me.sessionId, w.now);
    await w.repos.console.audit({ at: w.now, actorId: me.principal.personId, action: 'logout', sessionId: me.sessionId });
  }
}
