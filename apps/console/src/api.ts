// The console's client of the API under /api/v1 (same origin, the session in an HttpOnly cookie).
// Every state-changing call carries the session's CSRF token; the server decides role and scope.
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrf(token: string | null): void {
  csrfToken = token;
}

/** What the server's refusals carry: an error code and the text in both languages. */
interface ErrorBody {
  error?: string;
  message?: string;
  messageEn?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', zhCN['error.network'], en['error.network']);
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e: ErrorBody = isObject(data) ? data : {};
    const message = typeof e.message === 'string' ? e.message : `HTTP ${res.status}`;
    throw new ApiError(
      res.status,
      typeof e.error === 'string' ? e.error : String(res.status),
      message,
      typeof e.messageEn === 'string' ? e.messageEn : message,
    );
  }
  return data as T;
}

/** A query string from the set values only. */
export function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export type Role = 'admin' | 'coordinator' | 'staff' | 'viewer';

export interface Me {
  personId: string;
  name: string;
  role: Role;
  grants: { role: Role; unitId: string }[];
  csrf: string;
  sessionId: string;
}

export interface LoginCode {
  code: string;
  expiresAt: string;
  pollMs: number;
  say: string;
}

export type LoginState =
  { state: 'pending' | 'expired' | 'locked' | 'refused' | 'used'; expiresAt: string } | { state: 'approved'; csrf: string; expiresAt: string };

export interface DemoPersona {
  key: string;
  name: string;
  role: Role;
}

export interface NeedListItem {
  id: string;
  code: string;
  status: string;
  category: string;
  station: { code: string; name: string };
  owner: { code: string; name: string; tier: string };
  urgency: string;
  beneficiary: string;
  review: boolean;
  danger: string | null;
  phone: string;
  address: string;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  by: string | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface NeedDetail {
  id: string;
  code: string;
  status: string;
  category: { code: string; zh: string; en: string };
  station: { code: string; name: string; tier: string };
  owner: { code: string; name: string; tier: string };
  urgency: string;
  beneficiary: string;
  review: string | null;
  danger: string | null;
  phone: string;
  address: string;
  description: string | null;
  promisedDate: string | null;
  anonymised: boolean;
  createdAt: string;
  canReveal: boolean;
  timeline: TimelineEntry[];
}

export interface Revealed {
  phone: string | null;
  address: string | null;
  description: string | null;
}

export interface AuditItem {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string } | null;
  unit: string | null;
  needId: string | null;
  reason: string | null;
  detail: unknown;
}

export interface SessionView {
  id: string;
  current: boolean;
  browser: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** The values the API accepts (console.schemas.ts on the server). */
export const NEED_STATUSES = ['submitted', 'dispatched', 'unrouted', 'claimed', 'en_route', 'done', 'confirmed', 'cancelled', 'unfulfilled'] as const;
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export const CATEGORIES = [
  'policy',
  'culture',
  'education',
  'health',
  'science',
  'legal',
  'environment',
  'relief',
  'elderly',
  'repair',
  'mediation',
  'psych',
  'emergency',
] as const;
export const REVEAL_REASONS = ['contact_resident', 'dispatch_volunteer', 'verify_service', 'complaint', 'other'] as const;
export const AUDIT_ACTIONS = ['login', 'logout', 'session_revoked', 'login_refused', 'reveal'] as const;

// --- 一呼百应 calls and the 派单 board (h-console2) -------------------------------------------

export interface CallListItem {
  id: string;
  code: string;
  title: string;
  status: string;
  headcount: number;
  confirmed: number;
  waitlisted: number;
  startsAt: string;
  endsAt: string;
  answerBy: string;
  emergency: boolean;
  unit: { code: string; name: string };
  createdAt: string;
}

/** A call draft as the API takes it (the same rules as chat). */
export interface CallBody {
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  headcount: number;
  answerBy?: string | null;
  audience: { everyone?: boolean; units?: { code: string; subtree: boolean }[]; teams?: string[] };
}

export interface CallPreview {
  recipients: number;
  byChannel: Record<string, number>;
  teamChats: number;
  seconds: number;
}

export interface CallStatusView {
  code: string;
  status: string;
  headcount: number;
  startsAt: string;
  endsAt: string;
  answerBy: string;
  roster: Record<'none' | 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn', number>;
  delivery: { recipients: number; queued: number; sent: number; failed: number; uncertain: number };
  tally: string;
}

export interface RosterEntry {
  name: string;
  roster: 'confirmed' | 'waitlisted';
  seq: number | null;
  channel: string;
  answeredAt: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hours: number | null;
}

export interface BoardItem {
  needId: string;
  code: string;
  status: string;
  category: string;
  urgency: string;
  station: { code: string; name: string };
  unit: { code: string; name: string };
  team: string | null;
  tier: string;
  round: number;
  openedAt: string;
  slaDueAt: string;
  secondsLeft: number;
  overdue: boolean;
  escalated: boolean;
}

export interface DispatchBoard {
  now: string;
  tiers: Record<'center' | 'institute' | 'station' | 'point', number>;
  overdue: number;
  escalated: number;
  items: BoardItem[];
  unrouted: { needId: string; code: string; category: string; urgency: string; station: { code: string; name: string }; createdAt: string }[];
  truncated: boolean;
}

export const TIERS = ['center', 'institute', 'station', 'point'] as const;
