import type { Tx } from '../prisma.js';
import { Changes } from '../changes.js';

export type WebSessionKind = 'chat' | 'console';

export interface NewWebSession {
  tokenHash: string;
  kind: WebSessionKind;
  chatId?: string;
  personId?: string;
  csrfToken: string;
  userAgent?: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface WebSessionRow {
  id: string;
  kind: string;
  chatId: string | null;
  personId: string | null;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const VIEW = { id: true, kind: true, chatId: true, personId: true, csrfToken: true, lastSeenAt: true, expiresAt: true, revokedAt: true } as const;

/** Web sessions (web chat, console): only the token's hash is stored. */
export class SessionRepository {
  constructor(
    private readonly tx: Tx,
    private readonly changes: Changes = new Changes(),
  ) {}

  create(s: NewWebSession): Promise<WebSessionRow> {
    return this.tx.webSession.create({ data: { ...s, lastSeenAt: s.createdAt }, select: VIEW });
  }

  byTokenHash(tokenHash: string): Promise<WebSessionRow | null> {
    return this.tx.webSession.findUnique({ where: { tokenHash }, select: VIEW });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.tx.webSession.update({ where: { id }, data: { lastSeenAt: at } });
  }

  /** A person's live console sessions (newest first), for "my sessions". */
  ofPerson(personId: string, kind: WebSessionKind, now: Date): Promise<Array<WebSessionRow & { createdAt: Date; userAgent: string | null }>> {
    return this.tx.webSession.findMany({
      where: { personId, kind, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { ...VIEW, createdAt: true, userAgent: true },
    });
  }

  byId(id: string): Promise<WebSessionRow | null> {
    return this.tx.webSession.findUnique({ where: { id }, select: VIEW });
  }

  async revoke(id: string, at: Date): Promise<void> {
    const r = await this.tx.webSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    if (r.count === 1) this.changes.sessions.add(id);
  }
}
