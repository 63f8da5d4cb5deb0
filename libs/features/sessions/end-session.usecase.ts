import type { WebSessionKind } from '@baiying/db';
import type { Work } from '@baiying/kernel';
import type { ResolveSession } from './resolve-session.usecase.js';

/** Logout / "forget this browser": the session is revoked; its cookie opens nothing afterwards. */
export class EndSession {
  constructor(private readonly resolve: ResolveSession) {}

  async execute(w: Work, input: { token: string | undefined; kind: WebSessionKind }): Promise<boolean> {
    const s = await this.resolve.execute(w, input);
    if (!s) return false;
    await w.repos.sessions.revoke(s.id, w.now);
    return true;
  }
}
