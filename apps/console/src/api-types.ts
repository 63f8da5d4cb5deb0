// The API's shapes and value lists only the console names (the server returns them from inline
// types, or checks the values with its schemas), and the console's names for the shared shapes
// the server types with Date, as JSON carries them. The shared shapes are in libs/contracts;
// api.ts, which the pages import, re-exports both.
import type { CallStatus, ConsoleSessionView, NeedAction, RosterEntry, Serialized, TimelineEntry } from '@baiying/contracts';

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

// --- 一呼百应 calls ---------------------------------------------------------------------------

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

/** What the API's JSON carries for the server's Date-typed shapes (libs/contracts): ISO strings. */
export type CallStatusView = Serialized<CallStatus>;
export type RosterRow = Serialized<RosterEntry>;
export type SessionView = Serialized<ConsoleSessionView>;

export const TIERS = ['center', 'institute', 'station', 'point'] as const;
