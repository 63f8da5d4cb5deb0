// Which live events a console viewer receives (decision 0028), decided here, on the server:
// a need's event only when its station is in the viewer's read scope, a call's only when the
// call's unit is; a login's never (the login page has its own stream); a session's event ends
// the stream of that session (logout, revoke, "不是我").
import type { LiveEvent } from '@baiying/kernel';
import type { ConsolePrincipal } from '../sessions/index.js';

export type LiveVerdict = { deliver: LiveEvent } | { close: true } | null;

export function liveVerdict(p: ConsolePrincipal, sessionId: string, e: LiveEvent): LiveVerdict {
  switch (e.type) {
    case 'need':
      return p.readUnitIds.includes(e.stationId) ? { deliver: e } : null;
    case 'call':
      return p.readUnitIds.includes(e.orgUnitId) ? { deliver: e } : null;
    case 'session':
      return e.id === sessionId ? { close: true } : null;
    case 'login':
      return null;
  }
}

/** A live event as received from Redis, or null when it is not one (never trusted blindly). */
export function parseLiveEvent(raw: string): LiveEvent | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string';
  switch (o.type) {
    case 'need':
      return str('id') && str('code') && str('status') && str('stationId') && str('ownerUnitId') ? (o as LiveEvent) : null;
    case 'call':
      return str('id') && str('code') && str('status') && str('orgUnitId') && typeof o.version === 'number' ? (o as LiveEvent) : null;
    case 'login':
    case 'session':
      return str('id') ? (o as LiveEvent) : null;
    default:
      return null;
  }
}
