// The console's client of the API under /api/v1 (same origin, the session in an HttpOnly cookie).
// Every state-changing call carries the session's CSRF token; the server decides role and scope.
import { en } from './i18n/en';
import { zhCN } from './i18n/zh-CN';
import type { ModeUnit, NeedAction, NeedsQuery, Quantile, SnapshotSummary, TeamItem, TimelineEntry, VolunteerItem } from '@baiying/contracts';

// The API's shapes and value lists, as the server's use cases define them (libs/contracts).
export * from '@baiying/contracts';

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

export async function api<T>(method: 'GET' | 'POST' | 'DELETE' | 'PATCH', path: string, body?: unknown): Promise<T> {
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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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
  /** What this person may do to the need now (decided by the server). */
  actions: NeedAction[];
  /** The reassign picker: teams in scope serving the need's category. */
  teams: Array<{ code: string; name: string; nameEn: string | null }>;
  /** The 审单 picker: the categories. */
  categories: Array<{ code: string; zh: string; en: string }>;
  timeline: TimelineEntry[];
}

export interface CorrectionStats {
  month: string;
  total: number;
  items: Array<{ category: string; zh: string; en: string; corrected: number; correctedTo: number }>;
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
/** 老少残困 and everyone else, as a need records its beneficiary. */
export const BENEFICIARIES = ['elderly', 'child', 'disabled', 'hardship', 'none'] as const;

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

// --- Office pages: volunteers, teams, emergency, settings (office feature on the server) -------

export interface VolunteerDetail extends VolunteerItem {
  rating: number | null;
  nextStarIn: number | null;
  record: Array<{ need: string; needId: string | null; category: string; hours: number; status: string; finishedAt: string; creditedAt: string | null }>;
}

export interface TeamDetail extends TeamItem {
  memberList: Array<{ id: string; name: string; phone: string; status: string; since: string }>;
  jobs: Array<{ needId: string; code: string; status: string; category: string; urgency: string; tier: string; slaDueAt: string }>;
}

export interface EmergencyView {
  units: ModeUnit[];
  history: Array<{ at: string; unit: string; emergency: boolean; by: string; reason: string | null }>;
}

export const OVERVIEW_COUNTS = ['received', 'dispatched', 'taken', 'done', 'confirmed', 'unfulfilled', 'cancelled', 'open'] as const;
export type OverviewCount = (typeof OVERVIEW_COUNTS)[number];
export interface Figures {
  needs: Record<OverviewCount, number>;
  response: {
    takeP50: Quantile | null;
    takeP90: Quantile | null;
    takeAvgSec: number | null;
    doneP50: Quantile | null;
    doneAvgSec: number | null;
    firstTierRate: number | null;
    escalatedRate: number | null;
    slaBreaches: number;
  };
  satisfaction: { rated: number; average: number | null; distribution: number[]; share4to5: number | null };
  hours: { credited: number; activeVolunteers: number; perVolunteer: number | null; yearlyTarget: number; targetForPeriod: number };
  /** Calls (一呼百应) starting in the period; null under a category filter. */
  calls: {
    calls: number;
    recipients: number;
    reached: number;
    answered: number;
    yes: number;
    attended: number;
    hours: number;
    reachRate: number | null;
    answerRate: number | null;
    attendanceRate: number | null;
  } | null;
  drill: Partial<Record<OverviewCount, NeedsQuery>>;
}
export interface Overview {
  period: string;
  timeZone: string;
  category: string | null;
  current: { from: string; to: string; figures: Figures };
  previous: { from: string; to: string; figures: Figures };
}

export interface Lists {
  unit: { code: string; name: string; nameEn: string; tier: string };
  month: string;
  categories: Array<{ code: string; zh: string; en: string }>;
  needs: {
    total: number;
    byCategory: Array<{ category: string; count: number }>;
    byStation: Array<{ station: string; stationEn: string; count: number }>;
    items: Array<{ code: string; station: string; stationEn: string; category: string; beneficiary: string; status: string; date: string }>;
  };
  services: Array<{ category: string; teams: Array<{ name: string; nameEn: string; unit: string; unitEn: string }> }>;
  resources: {
    teams: Array<{ code: string; name: string; nameEn: string; unit: string; unitEn: string; category: string; members: number }>;
    talents: Array<{ skill: string; people: number }>;
  };
  fulfilment: {
    fulfilled: Array<{
      code: string;
      station: string;
      stationEn: string;
      category: string;
      beneficiary: string;
      team: string | null;
      done: string | null;
      rating: number | null;
    }>;
    unfulfilled: Array<{
      code: string;
      station: string;
      stationEn: string;
      category: string;
      beneficiary: string;
      promised: string | null;
      reason: string | null;
      steps: string | null;
    }>;
  };
}
export interface SnapshotChange {
  code: string;
  kind: 'added' | 'removed' | 'changed';
  field?: string;
  from?: string;
  to?: string;
}
export interface SnapshotView extends SnapshotSummary {
  lists: Lists;
  changes: SnapshotChange[];
  latest: boolean;
  publicPath: string;
  /** Residents' scores (落实清单点评表) by need code, live. */
  scores: Record<string, number>;
}

// --- 一呼百应 calls and the 派单 board (h-console2) -------------------------------------------

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

export const TIERS = ['center', 'institute', 'station', 'point'] as const;
