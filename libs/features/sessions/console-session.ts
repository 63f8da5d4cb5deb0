// A console session for a person who holds a console role: a web_session of kind 'console'
// (token in an HttpOnly cookie, only its hash stored), with the configured absolute lifetime,
// and an audit entry saying how the person came in.
import type { Work } from '@baiying/kernel';
import { browserSummary } from './login-code.js';
import { hashSessionToken, newCsrfToken, newSessionToken } from './session-token.js';

const USER_AGENT_CHARS = 200;
const HOUR_MS = 3_600_000;

export interface StartedConsoleSession {
  /** The cookie's value: given to this browser once, stored only as a hash. */
  token: string;
  sessionId: string;
  csrf: string;
  expiresAt: Date;
}

export async function startConsoleSession(
  w: Work,
  personId: string,
  via: 'code' | 'link' | 'demo',
  userAgent: string | null | undefined,
): Promise<StartedConsoleSession> {
  const token = newSessionToken();
  const row = await w.repos.sessions.create({
    tokenHash: hashSessionToken(token),
    kind: 'console',
    personId,
    csrfToken: newCsrfToken(),
    ...(userAgent ? { userAgent: userAgent.slice(0, USER_AGENT_CHARS) } : {}),
    createdAt: w.now,
    expiresAt: new Date(w.now.getTime() + w.config.api.sessionMaxHours * HOUR_MS),
  });
  await w.repos.console.audit({ at: w.now, actorId: personId, action: 'login', sessionId: row.id, detail: { via, browser: browserSummary(userAgent) } });
  return { token, sessionId: row.id, csrf: row.csrfToken, expiresAt: row.expiresAt };
}
