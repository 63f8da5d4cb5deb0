import type { Tx } from '../prisma.js';

/** How many failures a key may have in a window before it is locked out (for one window). */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const DAY_MS = 24 * 3600_000;

/**
 * Failed authentication attempts (wrong link codes, wrong bearer tokens) per scope and key: an
 * account, a client address, or '*' for everyone. Failures are counted in a window that starts
 * with the first one; the failure that reaches the limit locks the key for a whole window.
 */
export class ThrottleRepository {
  constructor(private readonly tx: Tx) {}

  /** When the key's lockout ends, or null when it is not locked out at `now`. */
  async lockedUntil(scope: string, key: string, now: Date): Promise<Date | null> {
    const row = await this.tx.authThrottle.findUnique({ where: { scope_key: { scope, key } } });
    return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  }

  /** Counts a failure; returns the end of the lockout when this failure reached the limit. */
  async fail(scope: string, key: string, now: Date, rule: ThrottleRule): Promise<Date | null> {
    // The row is created once and locked, so concurrent failures for one key count one by one.
    await this.tx.$executeRaw`
      INSERT INTO auth_throttle (scope, key, "windowStart", failures) VALUES (${scope}, ${key}, to_timestamp(0), 0)
      ON CONFLICT (scope, key) DO NOTHING`;
    await this.tx.$executeRaw`SELECT 1 FROM auth_throttle WHERE scope = ${scope} AND key = ${key} FOR UPDATE`;
    const row = await this.tx.authThrottle.findUniqueOrThrow({ where: { scope_key: { scope, key } } });
    const fresh = row.windowStart.getTime() + rule.windowMs <= now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.limit ? new Date(now.getTime() + rule.windowMs) : null;
    await this.tx.authThrottle.update({
      where: { scope_key: { scope, key } },
      data: { failures, windowStart: fresh ? now : row.windowStart, ...(lockedUntil ? { lockedUntil } : {}) },
    });
    // Keys quiet for a day are forgotten.
    await this.tx.authThrottle.deleteMany({
      where: { windowStart: { lt: new Date(now.getTime() - DAY_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    });
    return lockedUntil;
  }
}
