import type { WebSessionKind } from '@baiying/db';
import type { Work } from '@baiying/kernel';
import { hashSessionToken, SESSION_TOKEN_FORMAT } from './session-token.js';

const DAY_MS = 86_400_000;
/** lastSeenAt is written at most this often (a poll every second must not write every second). */
const TOUCH_EVERY_MS = 60_000;
/** A console session's idle timeout is counted from a lastSeenAt at most this stale. */
const CONSOLE_TOUCH_EVERY_MS = 10_000;

export interface WebSessionView {
  id: string;
  kind: WebSessionKind;
  chatId: string | null;
  personId: string | null;
  csrf: string;
}

/**
 * The live session a cookie names, or null: unknown, malformed, revoked, past its absolute
 * lifetime, idle too long, or of another kind (a chat cookie never opens the console).
 */
export class ResolveSession {
  async execute(w: Work, input: { token: string | undefined; kind: WebSessionKind }): Promise<WebSessionView | null> {
    if (!input.token || !SESSION_TOKEN_FORMAT.test(input.token)) return null;
    const s = await w.repos.sessions.byTokenHash(hashSessionToken(input.token));
    if (!s || s.kind !== input.kind || s.revokedAt) return null;
    const now = w.now.getTime();
    // A resident's chat stays open for weeks; a console session idles out within the hour.
    const idleMs = input.kind === 'console' ? w.config.api.sessionIdleMinutes * 60_000 : w.config.webChatSession.idleDays * DAY_MS;
    if (s.expiresAt.getTime() <= now || s.lastSeenAt.getTime() + idleMs <= now) return null;
    if (now - s.lastSeenAt.getTime() >= (input.kind === 'console' ? CONSOLE_TOUCH_EVERY_MS : TOUCH_EVERY_MS)) await w.repos.sessions.touch(s.id, w.now);
    return { id: s.id, kind: input.kind, chatId: s.chatId, personId: s.personId, csrf: s.csrfToken };
  }
}
