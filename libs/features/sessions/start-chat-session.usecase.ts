import { ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { hashSessionToken, newCsrfToken, newSessionToken, newWebChatId } from './session-token.js';

const DAY_MS = 86_400_000;
const USER_AGENT_CHARS = 200;

const schema = z.object({ userAgent: z.string().optional() });

export interface StartedChatSession {
  /** The cookie's value: shown to this browser once, stored only as a hash. */
  token: string;
  chatId: string;
  csrf: string;
  expiresAt: Date;
}

/**
 * A new browser opens the web chat: it gets its own private chat (a new channel identity, so
 * nothing it says reaches anyone else's history) and a session bound to that chat.
 */
export class StartChatSession {
  async execute(w: Work, input: { userAgent?: string }): Promise<Result<StartedChatSession>> {
    const cmd = parseCommand(schema, input);
    if (!cmd.ok) return cmd;
    const token = newSessionToken();
    const row = await w.repos.sessions.create({
      tokenHash: hashSessionToken(token),
      kind: 'chat',
      chatId: newWebChatId(),
      csrfToken: newCsrfToken(),
      userAgent: cmd.value.userAgent?.slice(0, USER_AGENT_CHARS),
      createdAt: w.now,
      expiresAt: new Date(w.now.getTime() + w.config.webChatSession.maxDays * DAY_MS),
    });
    return ok({ token, chatId: row.chatId!, csrf: row.csrfToken, expiresAt: row.expiresAt });
  }
}
