// The console API's shapes for the console's own sessions.

/** One of the caller's console sessions (GET /api/v1/auth/sessions; read as Serialized<ConsoleSessionView>). */
export interface ConsoleSessionView {
  id: string;
  current: boolean;
  browser: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}
