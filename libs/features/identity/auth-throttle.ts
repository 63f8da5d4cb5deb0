// Brute-force brakes on link codes and bearer tokens: failures are counted per key (a
// redeeming account, a client address) and for everyone ('*'); at a key's limit it is locked
// out for a window (AUTH_LOCKOUT_MINUTES), during which even a right code or token is refused.
import type { Work } from '@baiying/kernel';

export interface Gate {
  scope: 'link' | 'token';
  key: string;
  limit: number;
}

export const EVERYONE = '*';

const windowMs = (w: Work): number => w.config.auth.lockoutMinutes * 60_000;

/** The latest end of a lockout among the gates at `w.now`, or null when none is locked. */
export async function lockedUntil(w: Work, gates: Gate[]): Promise<Date | null> {
  let until: Date | null = null;
  for (const g of gates) {
    const u = await w.repos.throttle.lockedUntil(g.scope, g.key, w.now);
    if (u && (!until || u > until)) until = u;
  }
  return until;
}

/** Counts a failure at every gate; returns the end of a lockout it started, or null. */
export async function recordFailure(w: Work, gates: Gate[]): Promise<Date | null> {
  let until: Date | null = null;
  for (const g of gates) {
    const u = await w.repos.throttle.fail(g.scope, g.key, w.now, { limit: g.limit, windowMs: windowMs(w) });
    if (u && (!until || u > until)) until = u;
  }
  return until;
}

/** Whole minutes (at least one) until `until`, as people are told. */
export const minutesUntil = (w: Work, until: Date): number => Math.max(1, Math.ceil((until.getTime() - w.now.getTime()) / 60_000));
